package dev.hark.ai;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How well chapter boundaries found in a transcript agree with reference ones (a publisher's):
 * precision, recall and F1 of boundaries, a found one counting as right when it lies within
 * a tolerance of a reference one. Each boundary is matched at most once, closest pairs first
 * (greedy one-to-one). Starts before {@link #OPENING} seconds are the episode's opening, not a
 * boundary, and are left out on both sides. Pure; thread-safe.
 */
public final class ChapterEval {

    /** The usual tolerance: half a minute either way. */
    public static final double TOLERANCE_SECONDS = 30;

    /** Chapter starts before this are the opening chapter, not a boundary. */
    static final double OPENING = 1;

    private ChapterEval() {
    }

    /**
     * @param predicted boundaries found (how many, how many of the reference, how many matched)
     * @param precision matched / predicted; 1 when nothing was predicted and nothing expected,
     *                  0 when nothing was predicted but something was
     * @param recall    matched / reference; 1 when the reference has no boundary
     */
    public record Score(int predicted, int reference, int matched, double precision, double recall, double f1) {

        /** The score of counts: per episode, or summed over several (micro-average). */
        public static Score of(int predicted, int reference, int matched) {
            double precision = predicted == 0 ? (reference == 0 ? 1 : 0) : (double) matched / predicted;
            double recall = reference == 0 ? 1 : (double) matched / reference;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            return new Score(predicted, reference, matched, precision, recall, f1);
        }

        /** This score and another summed (counts added, ratios recomputed). */
        public Score plus(Score other) {
            return of(predicted + other.predicted, reference + other.reference, matched + other.matched);
        }
    }

    /** Compares chapter starts in seconds (in any order; the opening start is ignored). */
    public static Score boundaries(List<Double> predicted, List<Double> reference, double tolerance) {
        List<Double> found = predicted.stream().filter(start -> start >= OPENING).toList();
        List<Double> truth = reference.stream().filter(start -> start >= OPENING).toList();
        record Pair(int found, int truth, double distance) {
        }
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            for (int j = 0; j < truth.size(); j++) {
                double distance = Math.abs(found.get(i) - truth.get(j));
                if (distance <= tolerance) {
                    pairs.add(new Pair(i, j, distance));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::distance).thenComparingInt(Pair::found).thenComparingInt(Pair::truth));
        boolean[] foundUsed = new boolean[found.size()];
        boolean[] truthUsed = new boolean[truth.size()];
        int matched = 0;
        for (Pair pair : pairs) {
            if (!foundUsed[pair.found()] && !truthUsed[pair.truth()]) {
                foundUsed[pair.found()] = true;
                truthUsed[pair.truth()] = true;
                matched++;
            }
        }
        return Score.of(found.size(), truth.size(), matched);
    }
}
