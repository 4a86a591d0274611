package dev.hark.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small deterministic embedder: words and word bigrams hashed into a fixed number of
 * buckets, counted, L2-normalised (like Lucene's {@code DemoEmbeddings}). It knows no
 * synonyms, so it only sees shared words; real enough for tests and a fallback, cheap
 * everywhere. Thread-safe (stateless).
 */
public final class HashingEmbedder implements Embedder {

    private final int dimension;

    public HashingEmbedder(int dimension) {
        if (dimension < 8) {
            throw new IllegalArgumentException("dimension must be at least 8, was " + dimension);
        }
        this.dimension = dimension;
    }

    public HashingEmbedder() {
        this(512);
    }

    @Override
    public float[][] embed(List<String> texts) {
        float[][] vectors = new float[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            vectors[i] = embedOne(texts.get(i));
        }
        return vectors;
    }

    @Override
    public String name() {
        return "hashing";
    }

    private float[] embedOne(String text) {
        float[] vector = new float[dimension];
        List<String> words = new ArrayList<>();
        for (String token : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+")) {
            if (!token.isEmpty() && !Keyphrases.isStopword(token)) {
                words.add(token);
            }
        }
        for (int i = 0; i < words.size(); i++) {
            add(vector, words.get(i), 1f);
            if (i > 0) {
                add(vector, words.get(i - 1) + ' ' + words.get(i), 0.5f);
            }
        }
        return Vectors.normalise(vector);
    }

    private void add(float[] vector, String feature, float weight) {
        int hash = feature.hashCode() * 0x9E3779B9;
        int bucket = Math.floorMod(hash, dimension);
        // a second hash bit picks the sign, so that collisions cancel out on average
        vector[bucket] += (hash & 0x10000) == 0 ? weight : -weight;
    }
}
