package dev.hark.ai;

import dev.hark.transcript.Segment;
import dev.hark.transcript.Transcript;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

class PassagesTest {

    @ParameterizedTest
    @ValueSource(strings = {"vtt-talkpython-554-voice-tags.vtt", "json-awsbites-100-speaker-labels.json",
            "vtt-buzzsprout-bom-voice-tags-2024.vtt", "vtt-talkpython-000-no-speakers.vtt"})
    void passages_of_real_transcripts_last_20_to_40_seconds_and_end_at_sentence_ends(String name) {
        Transcript transcript = AiFixtures.shared(name);

        List<Passage> passages = Passages.of(transcript);

        assertThat(passages).hasSizeGreaterThan(4);
        List<Double> durations = passages.stream().map(Passage::duration).sorted().toList();
        assertThat(durations.get(durations.size() / 2)).as("median").isBetween(Passages.MIN_SECONDS, Passages.MAX_SECONDS);
        // sentences are never cut, so a few passages run over; none should be far off
        long outside = passages.stream().filter(p -> p.duration() < Passages.MIN_SECONDS / 2 || p.duration() > 75).count();
        assertThat(outside).as("passages far outside 20-40 s").isLessThanOrEqualTo(passages.size() / 20);
        for (int i = 0; i + 1 < passages.size(); i++) {
            assertThat(passages.get(i + 1).start()).isGreaterThanOrEqualTo(passages.get(i).start());
            String text = passages.get(i).text();
            boolean sentenceEnd = text.matches("(?s).*[.?!…][\"'”’)]*$");
            boolean turn = !Objects.equals(passages.get(i).sentences().getLast().speaker(),
                    passages.get(i + 1).sentences().getFirst().speaker());
            boolean unpunctuatedRun = passages.get(i).sentences().getLast().duration() >= Sentences.MAX_SECONDS - 10;
            assertThat(sentenceEnd || turn || unpunctuatedRun).as("passage %d ends: %s", i, text).isTrue();
        }
    }

    @Test
    void passage_text_keeps_every_word_of_the_transcript_in_order() {
        Transcript transcript = AiFixtures.demo();

        String joined = String.join(" ", Passages.of(transcript).stream().map(Passage::text).toList());

        assertThat(joined.replaceAll("\\s+", " ")).isEqualTo(transcript.text().replaceAll("\\s+", " ").strip());
    }

    /** The first cue is cut after its first 15 of 23 characters: 2 + 2 * 15 / 23 = 3.304 s. */
    @Test
    void a_sentence_running_over_cues_is_one_sentence_timed_from_its_first_cue() {
        Transcript transcript = new Transcript(List.of(
                new Segment(0, 2, "Ann", "Chaos engineering is"),
                new Segment(2, 4, "Ann", "about learning. Then we"),
                new Segment(4, 6, "Bob", "Yes.")));

        List<Sentence> sentences = Sentences.of(transcript);

        assertThat(sentences).containsExactly(
                new Sentence(0, 3.304, "Ann",
                        "Chaos engineering is about learning."),
                new Sentence(3.304, 4, "Ann", "Then we"),
                new Sentence(4, 6, "Bob", "Yes."));
    }

    @Test
    void passages_name_their_speakers_in_order_of_appearance() {
        List<Passage> passages = Passages.of(AiFixtures.shared("json-awsbites-100-speaker-labels.json"));

        assertThat(passages).allSatisfy(passage -> assertThat(passage.speakers()).isNotEmpty().doesNotHaveDuplicates());
    }
}
