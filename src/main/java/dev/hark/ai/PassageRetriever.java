package dev.hark.ai;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Finds the passages of an episode that answer a question, by words and by meaning: BM25 over
 * the passages' text and the cosine of their embeddings with the question's, fused.
 *
 * <p>Fusion is a weighted sum of the two scores, each min-max normalised over the episode
 * ({@link Fusion#WEIGHTED}, {@link #COSINE_WEIGHT} on the cosine). Reciprocal-rank fusion
 * ({@link Fusion#RRF}, k = 60) is kept for comparison; {@code hark eval} measured the two
 * (see docs/eval.md) and the weighted sum kept the strength of a rare exact term, which RRF
 * flattens to a rank. A question with no known word is ranked by the vectors alone; a blank
 * question has no hits.
 *
 * <p>Building indexes the text once (milliseconds for an hour); each question costs one
 * embedding plus a pass over the passages. Thread-safe if the embedder is.
 */
public final class PassageRetriever {

    /** How the two rankings are combined. */
    public enum Fusion {
        /** {@code w·cosine' + (1−w)·bm25'}, each score min-max normalised over the passages. */
        WEIGHTED,
        /** Reciprocal-rank fusion: the sum of {@code 1/(60 + rank)} over the two rankings. */
        RRF,
        /** BM25 alone (ties by passage order): for measuring what each half brings. */
        BM25,
        /** The embeddings alone. */
        VECTORS
    }

    static final double COSINE_WEIGHT = 0.5;
    static final int RRF_K = 60;

    private final List<Passage> passages;
    private final float[][] vectors;
    private final Embedder embedder;
    private final Fusion fusion;
    private final Bm25 bm25;

    /**
     * @param vectors one embedding per passage, in the same order, made by {@code embedder}
     */
    public PassageRetriever(List<Passage> passages, float[][] vectors, Embedder embedder) {
        this(passages, vectors, embedder, Fusion.WEIGHTED);
    }

    public PassageRetriever(List<Passage> passages, float[][] vectors, Embedder embedder, Fusion fusion) {
        if (vectors.length != passages.size()) {
            throw new IllegalArgumentException("one vector per passage expected: " + passages.size()
                    + " passages, " + vectors.length + " vectors");
        }
        this.passages = List.copyOf(passages);
        this.vectors = vectors.clone();
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        this.fusion = Objects.requireNonNull(fusion, "fusion");
        this.bm25 = new Bm25(this.passages.stream().map(Passage::text).toList());
    }

    /** The {@code k} best passages for the question, best first; empty for a blank question. */
    public List<Hit> top(String question, int k) {
        if (question == null || question.isBlank() || passages.isEmpty() || k <= 0) {
            return List.of();
        }
        double[] words = bm25.scores(question);
        float[] asked = embedder.embed(List.of(question))[0];
        double[] meaning = new double[passages.size()];
        for (int i = 0; i < meaning.length; i++) {
            meaning[i] = Vectors.dot(asked, vectors[i]);
        }
        double[] fused = switch (fusion) {
            case WEIGHTED -> weighted(words, meaning);
            case RRF -> reciprocalRank(words, meaning);
            case BM25 -> words;
            case VECTORS -> meaning;
        };
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < fused.length; i++) {
            hits.add(new Hit(passages.get(i), i, fused[i], words[i], meaning[i]));
        }
        hits.sort(Comparator.comparingDouble(Hit::score).reversed().thenComparingInt(Hit::index));
        return List.copyOf(hits.subList(0, Math.min(k, hits.size())));
    }

    static double[] weighted(double[] words, double[] meaning) {
        double[] wordsNormal = minMax(words);
        double[] meaningNormal = minMax(meaning);
        double[] fused = new double[words.length];
        for (int i = 0; i < fused.length; i++) {
            fused[i] = COSINE_WEIGHT * meaningNormal[i] + (1 - COSINE_WEIGHT) * wordsNormal[i];
        }
        return fused;
    }

    /** Scores scaled to [0, 1]; all zeros when they are all equal (they then say nothing). */
    static double[] minMax(double[] scores) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double score : scores) {
            min = Math.min(min, score);
            max = Math.max(max, score);
        }
        double[] normal = new double[scores.length];
        if (max > min) {
            for (int i = 0; i < scores.length; i++) {
                normal[i] = (scores[i] - min) / (max - min);
            }
        }
        return normal;
    }

    static double[] reciprocalRank(double[] words, double[] meaning) {
        double[] fused = new double[words.length];
        addRanks(fused, words, true);
        addRanks(fused, meaning, false);
        return fused;
    }

    /** Adds {@code 1/(k + rank)}; with {@code positiveOnly}, passages scoring 0 are not ranked. */
    private static void addRanks(double[] fused, double[] scores, boolean positiveOnly) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        for (int rank = 0; rank < order.length; rank++) {
            if (positiveOnly && scores[order[rank]] <= 0) {
                break;
            }
            fused[order[rank]] += 1.0 / (RRF_K + rank + 1);
        }
    }
}
