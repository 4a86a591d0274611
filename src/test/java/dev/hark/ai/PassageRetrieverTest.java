package dev.hark.ai;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PassageRetrieverTest {

    private static final Embedder HASHING = new HashingEmbedder();

    private static PassageRetriever retriever(List<Passage> passages, Embedder embedder) {
        return new PassageRetriever(passages, embedder.embed(passages.stream().map(Passage::text).toList()), embedder);
    }

    private static long containing(List<Passage> passages, String word) {
        return passages.stream().filter(p -> p.text().toLowerCase(Locale.ROOT).contains(word)).count();
    }

    @Test
    void a_question_with_words_from_one_part_of_the_talk_finds_that_part() {
        List<Passage> passages = Passages.of(AiFixtures.shared("vtt-talkpython-554-voice-tags.vtt"));
        assertThat(containing(passages, "fahrenheit")).as("the word is in one passage only").isEqualTo(1);
        assertThat(containing(passages, "biohacking")).as("the word is in one passage only").isEqualTo(1);

        List<Hit> fahrenheit = retriever(passages, HASHING).top("Fahrenheit or Celsius?", 3);
        List<Hit> biohacking = retriever(passages, HASHING).top("What about biohacking?", 3);

        assertThat(fahrenheit).hasSize(3);
        assertThat(fahrenheit.getFirst().passage().text()).containsIgnoringCase("fahrenheit");
        assertThat(fahrenheit.getFirst().bm25()).isPositive();
        assertThat(biohacking.getFirst().passage().text()).containsIgnoringCase("biohacking");
    }

    @Test
    void hits_are_best_first_and_carry_their_index_and_both_scores() {
        List<Passage> passages = Passages.of(AiFixtures.shared("json-awsbites-100-speaker-labels.json"));

        List<Hit> hits = retriever(passages, HASHING).top("serverless lambda functions", 5);

        assertThat(hits).hasSize(5);
        for (int i = 0; i < hits.size(); i++) {
            Hit hit = hits.get(i);
            assertThat(passages.get(hit.index())).isEqualTo(hit.passage());
            assertThat(hit.score()).isBetween(0.0, 1.0);
            if (i > 0) {
                assertThat(hit.score()).isLessThanOrEqualTo(hits.get(i - 1).score());
            }
        }
    }

    @Test
    void weighted_fusion_halves_the_min_max_normalised_scores() {
        double[] fused = PassageRetriever.weighted(new double[] {0, 5, 10}, new double[] {0.2, 0.6, 0.4});

        assertThat(fused[0]).isCloseTo(0.0, within(1e-9));
        assertThat(fused[1]).isCloseTo(0.5 * 1 + 0.5 * 0.5, within(1e-9));
        assertThat(fused[2]).isCloseTo(0.5 * 0.5 + 0.5 * 1, within(1e-9));
    }

    @Test
    void equal_scores_say_nothing_so_they_normalise_to_zero() {
        assertThat(PassageRetriever.minMax(new double[] {0, 0, 0})).containsExactly(0, 0, 0);
        assertThat(PassageRetriever.minMax(new double[] {2, 4})).containsExactly(0, 1);
    }

    @Test
    void reciprocal_rank_fusion_favours_agreement_and_ignores_passages_without_a_term() {
        double[] fused = PassageRetriever.reciprocalRank(new double[] {3, 0, 1}, new double[] {0.9, 0.1, 0.5});

        assertThat(fused[0]).isCloseTo(2.0 / 61, within(1e-12));
        assertThat(fused[2]).isCloseTo(2.0 / 62, within(1e-12));
        assertThat(fused[1]).isCloseTo(1.0 / 63, within(1e-12));
    }

    @Test
    void a_question_of_unknown_words_is_ranked_by_the_vectors_alone() {
        List<Passage> passages = Passages.of(AiFixtures.demo());

        List<Hit> hits = retriever(passages, HASHING).top("zyzzyva florble quux", 3);

        assertThat(hits).hasSize(3);
        assertThat(hits).allSatisfy(hit -> assertThat(hit.bm25()).isZero());
    }

    @Test
    void a_blank_question_has_no_hits_and_k_beyond_the_passages_gives_them_all() {
        List<Passage> passages = Passages.of(AiFixtures.demo());
        PassageRetriever retriever = retriever(passages, HASHING);

        assertThat(retriever.top("  ", 3)).isEmpty();
        assertThat(retriever.top("chaos engineering", 1000)).hasSize(passages.size());
        assertThat(new PassageRetriever(List.of(), new float[0][], HASHING).top("chaos", 3)).isEmpty();
    }

    @Test
    void vectors_must_match_the_passages() {
        List<Passage> passages = Passages.of(AiFixtures.demo());

        assertThatThrownBy(() -> new PassageRetriever(passages, new float[1][], HASHING))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @Tag("slow")
    void an_hour_of_transcript_answers_well_under_half_a_second_with_minilm() {
        List<Passage> passages = Passages.of(AiFixtures.shared("vtt-talkpython-554-voice-tags.vtt"));
        MiniLmEmbedder embedder = new MiniLmEmbedder();
        PassageRetriever retriever = retriever(passages, embedder);
        retriever.top("warm up", 3);

        long started = System.nanoTime();
        List<Hit> hits = retriever.top("How do they keep patient data private?", 3);
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(passages.size()).isGreaterThan(100);
        assertThat(hits).hasSize(3);
        assertThat(millis).isLessThan(500);
    }
}
