package dev.hark.ai.llm;

import dev.hark.ai.Passage;
import dev.hark.ai.Sentence;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TranscriptChunksTest {

    private static Passage passage(double start, String speaker, String text) {
        List<String> speakers = speaker == null ? List.of() : List.of(speaker);
        return new Passage(start, start + 20, speakers, List.of(new Sentence(start, start + 20, speaker, text)));
    }

    @Test
    void a_passage_renders_as_moment_speaker_and_text() {
        assertThat(TranscriptChunks.render(passage(65, "Ana", "Hello there."))).isEqualTo("[01:05] Ana: Hello there.");
        assertThat(TranscriptChunks.render(passage(3725, null, "Late."))).isEqualTo("[1:02:05] Late.");
        Passage two = new Passage(0, 20, List.of("Ana", "Bo"), List.of(new Sentence(0, 10, "Ana", "Hi."),
                new Sentence(10, 20, "Bo", "Hey.")));
        assertThat(TranscriptChunks.render(two)).isEqualTo("[00:00] Ana & Bo: Hi. Hey.");
    }

    @Test
    void tokens_are_a_quarter_of_the_characters_rounded_up() {
        assertThat(TranscriptChunks.tokens("")).isZero();
        assertThat(TranscriptChunks.tokens("abcd")).isEqualTo(1);
        assertThat(TranscriptChunks.tokens("abcde")).isEqualTo(2);
    }

    @Test
    void passages_are_grouped_so_each_chunk_fits_the_budget() {
        // each renders as "[00:00] A: " + 29 chars = 40 chars = 10 tokens; two with the line break 81 chars = 21 tokens
        List<Passage> passages = List.of(passage(0, "A", "x".repeat(29)), passage(20, "A", "y".repeat(29)),
                passage(40, "A", "z".repeat(29)), passage(60, "A", "w".repeat(29)), passage(80, "A", "v".repeat(29)));
        List<List<Passage>> chunks = TranscriptChunks.of(passages, 21);

        assertThat(chunks).containsExactly(passages.subList(0, 2), passages.subList(2, 4), passages.subList(4, 5));
        for (List<Passage> chunk : chunks) {
            assertThat(TranscriptChunks.tokens(TranscriptChunks.render(chunk))).isLessThanOrEqualTo(21);
        }
        assertThat(TranscriptChunks.of(passages, 20)).hasSize(5);
        assertThat(TranscriptChunks.of(passages, 1000)).containsExactly(passages);
    }

    @Test
    void a_passage_larger_than_the_budget_is_a_chunk_of_its_own() {
        Passage small = passage(0, "A", "short");
        Passage huge = passage(20, "A", "word ".repeat(100));
        List<List<Passage>> chunks = TranscriptChunks.of(List.of(small, huge, small), 10);
        assertThat(chunks).containsExactly(List.of(small), List.of(huge), List.of(small));
    }

    @Test
    void no_passages_make_no_chunks_and_the_budget_must_be_positive() {
        assertThat(TranscriptChunks.of(List.of(), 10)).isEmpty();
        assertThatThrownBy(() -> TranscriptChunks.of(List.of(), 0)).hasMessageContaining("tokenBudget");
    }
}
