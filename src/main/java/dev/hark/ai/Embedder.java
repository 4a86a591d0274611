package dev.hark.ai;

import java.util.List;

/**
 * Turns texts into vectors whose cosine similarity says how alike they are in meaning.
 * Implementations are thread-safe and return L2-normalised vectors, so a dot product is the
 * cosine similarity.
 */
public interface Embedder {

    /** One vector per text, in the same order; all of the same dimension. */
    float[][] embed(List<String> texts);

    /** A short name for results to record how they were made, e.g. {@code all-minilm-l6-v2}. */
    String name();
}
