package dev.hark.ai;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExtractiveAnswerTest {

    private static final Embedder HASHING = new HashingEmbedder();

    private static Passage passage(double start, String speaker, String... sentences) {
        List<Sentence> list = new java.util.ArrayList<>();
        double at = start;
        for (String text : sentences) {
            list.add(new Sentence(at, at + 5, speaker, text));
            at += 5;
        }
        return new Passage(start, at, speaker == null ? List.of() : List.of(speaker), list);
    }

    @Test
    void the_answer_quotes_the_top_three_passages_in_rank_order_with_the_matching_sentence() {
        Passage first = passage(60, "Gustavo", "We started the team last year.", "Chaos engineering came from Google.",
                "It grew from there.");
        Passage second = passage(0, "Jason", "Welcome to the show.", "Today we talk about chaos engineering.");
        Passage third = passage(120, null, "Reliability is a feature.", "Nothing else.");
        Passage fourth = passage(180, null, "Goodbye.");
        List<Hit> hits = List.of(new Hit(first, 2, 0.9, 3, 0.5), new Hit(second, 0, 0.8, 2, 0.4),
                new Hit(third, 3, 0.2, 0, 0.1), new Hit(fourth, 4, 0.1, 0, 0.0));

        Answer answer = new ExtractiveAnswer(HASHING).answer("Where did chaos engineering come from?", hits);

        assertThat(answer.question()).isEqualTo("Where did chaos engineering come from?");
        assertThat(answer.method()).isEqualTo("extractive:hashing");
        assertThat(answer.citations()).containsExactly(
                new Citation(65, 70, "Chaos engineering came from Google.", "Gustavo"),
                new Citation(5, 10, "Today we talk about chaos engineering.", "Jason"),
                new Citation(120, 125, "Reliability is a feature.", null));
        assertThat(answer.text())
                .startsWith("Best passages (quoted from the transcript, not a generated answer):")
                .contains("[1:00] Gustavo: We started the team last year. **Chaos engineering came from Google.** It grew")
                .contains("[0:00] Jason: Welcome to the show. **Today we talk about chaos engineering.**")
                .doesNotContain("Goodbye");
    }

    @Test
    void sentences_sharing_as_many_question_terms_are_all_highlighted() {
        Passage both = passage(0, null, "Kubernetes is hard.", "Kubernetes is easy.", "Lunch.");

        List<Sentence> best = ExtractiveAnswer.bestSentences(both, java.util.Set.copyOf(Bm25.terms("kubernetes")));

        assertThat(best).extracting(Sentence::text).containsExactly("Kubernetes is hard.", "Kubernetes is easy.");
    }

    @Test
    void no_hits_give_an_honest_empty_answer() {
        Answer answer = new ExtractiveAnswer(HASHING).answer("anything?", List.of());

        assertThat(answer.citations()).isEmpty();
        assertThat(answer.text()).isEqualTo("No passage of the episode matches the question.");
        assertThat(answer.method()).isEqualTo("extractive:hashing");
    }

    @Test
    void an_unknown_word_question_on_a_real_transcript_answers_from_the_vectors_without_error() {
        List<Passage> passages = Passages.of(AiFixtures.demo());
        PassageRetriever retriever = new PassageRetriever(passages,
                HASHING.embed(passages.stream().map(Passage::text).toList()), HASHING);

        Answer answer = new ExtractiveAnswer(HASHING).answer("zyzzyva?", retriever.top("zyzzyva?", 3));
        Answer blank = new ExtractiveAnswer(HASHING).answer("", retriever.top("", 3));

        assertThat(answer.citations()).hasSize(3);
        assertThat(blank.citations()).isEmpty();
    }

    @Test
    void times_over_an_hour_show_hours() {
        assertThat(ExtractiveAnswer.clock(3725)).isEqualTo("1:02:05");
        assertThat(ExtractiveAnswer.clock(65.9)).isEqualTo("1:05");
    }
}
