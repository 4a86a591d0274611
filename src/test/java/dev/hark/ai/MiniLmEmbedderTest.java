package dev.hark.ai;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Loads the real all-MiniLM-L6-v2 model (a second or two), hence slow. */
@Tag("slow")
class MiniLmEmbedderTest {

    @Test
    void embeds_384_dimensional_unit_vectors_where_similar_sentences_are_closer() {
        float[][] vectors = new MiniLmEmbedder().embed(List.of(
                "We break our systems on purpose to learn how they fail.",
                "Chaos engineering means injecting failures to see how systems cope.",
                "My grandmother bakes the best apple pie in town."));

        assertThat(vectors).hasNumberOfRows(3);
        assertThat(vectors[0]).hasSize(384);
        assertThat(Vectors.dot(vectors[0], vectors[0])).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-4));
        assertThat(Vectors.cosine(vectors[0], vectors[1])).isGreaterThan(Vectors.cosine(vectors[0], vectors[2]) + 0.2);
    }

    @Test
    void batches_larger_than_one_model_call_keep_their_order() {
        List<String> texts = java.util.stream.IntStream.range(0, 70).mapToObj(i -> "sentence number " + i).toList();
        MiniLmEmbedder embedder = new MiniLmEmbedder();

        float[][] all = embedder.embed(texts);
        float[][] last = embedder.embed(List.of(texts.getLast()));

        assertThat(Vectors.cosine(all[69], last[0])).isGreaterThan(0.999);
    }
}
