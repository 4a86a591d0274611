package dev.hark.ai;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An extractive "In this episode, we cover:": the sentences most central to the episode
 * (closest to the centroid of its passage embeddings), chosen by maximal marginal relevance
 * so that they do not repeat each other, cleaned of fillers and kept in time order.
 *
 * <p>Only sentences of the most central passages are embedded, which keeps an hour-long
 * episode to a few hundred short embeddings. The first minute (welcome, sponsors,
 * housekeeping) is left out when the episode is long enough to afford it. Pure given the
 * embedder; thread-safe if the embedder is.
 */
public final class ExtractiveSummary {

    static final int MIN_BULLETS = 3;
    static final int MAX_BULLETS = 7;
    /** MMR trade-off: 1 is pure centrality, 0 pure novelty. */
    static final double LAMBDA = 0.65;
    private static final double INTRO_SECONDS = 60;
    private static final int MIN_WORDS = 10;
    private static final int MAX_WORDS = 45;

    private final Embedder embedder;

    public ExtractiveSummary(Embedder embedder) {
        this.embedder = embedder;
    }

    /** How many bullets an episode of this length gets: one per ten minutes or so, 3 to 7. */
    public static int bulletCount(double durationSeconds) {
        return (int) Math.max(MIN_BULLETS, Math.min(MAX_BULLETS, Math.round(durationSeconds / 600.0) + 2));
    }

    public Summary summarize(List<Passage> passages) {
        return summarize(passages, embedder.embed(passages.stream().map(Passage::text).toList()));
    }

    /** Summarises passages whose embeddings were already computed (one per passage, same order). */
    public Summary summarize(List<Passage> passages, float[][] passageVectors) {
        String method = "extractive:" + embedder.name();
        if (passages.isEmpty()) {
            return new Summary(List.of(), method);
        }
        double duration = passages.getLast().end() - passages.getFirst().start();
        int wanted = bulletCount(duration);
        int dimension = passageVectors[0].length;
        float[] centroid = Vectors.mean(List.of(passageVectors), dimension);

        List<Candidate> candidates = candidates(passages, passageVectors, centroid, wanted,
                duration > 6 * INTRO_SECONDS ? INTRO_SECONDS : 0, true);
        if (candidates.size() < MIN_BULLETS) {
            // a short or unpunctuated transcript: take the welcome and unfinished sentences too
            candidates = candidates(passages, passageVectors, centroid, wanted, 0, false);
        }
        float[][] vectors = embedder.embed(candidates.stream().map(Candidate::text).toList());
        double[] starts = candidates.stream().mapToDouble(Candidate::start).toArray();
        List<Integer> chosen = mmr(vectors, starts, centroid, wanted, duration / (2.0 * wanted));
        List<Bullet> bullets = new ArrayList<>();
        for (int index : chosen) {
            bullets.add(new Bullet(candidates.get(index).text(), candidates.get(index).start()));
        }
        bullets.sort(Comparator.comparingDouble(Bullet::start));
        return new Summary(bullets, method);
    }

    private record Candidate(String text, double start) {
    }

    /**
     * Cleaned sentences of a good length from the passages nearest the centroid; when
     * {@code finished}, only sentences that end with a full stop or an exclamation mark.
     */
    private static List<Candidate> candidates(List<Passage> passages, float[][] vectors, float[] centroid,
                                              int wanted, double skipBefore, boolean finished) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < passages.size(); i++) {
            if (passages.get(i).start() >= skipBefore) {
                order.add(i);
            }
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -Vectors.cosine(vectors[i], centroid)));
        List<Candidate> candidates = new ArrayList<>();
        int passagesWanted = Math.max(wanted * 4, 12);
        for (int rank = 0; rank < order.size() && rank < passagesWanted; rank++) {
            for (Sentence sentence : passages.get(order.get(rank)).sentences()) {
                String text = Fillers.clean(sentence.text());
                int words = text.split("\\s+").length;
                boolean complete = !finished || text.matches("(?s).*[.!…][\"'”’)]*$");
                if (words >= MIN_WORDS && words <= MAX_WORDS && !text.endsWith("?") && complete) {
                    candidates.add(new Candidate(text, sentence.start()));
                }
            }
        }
        return candidates;
    }

    /** Maximal marginal relevance: indexes of up to {@code count} vectors, in order of choice. */
    static List<Integer> mmr(float[][] vectors, float[] centroid, int count) {
        return mmr(vectors, new double[vectors.length], centroid, count, 0);
    }

    /**
     * Maximal marginal relevance that also spreads the choice over the episode: a candidate
     * closer than {@code minimumGap} seconds to one already chosen is taken only when no other
     * is left, so that one long central stretch does not supply every bullet.
     */
    static List<Integer> mmr(float[][] vectors, double[] starts, float[] centroid, int count, double minimumGap) {
        List<Integer> chosen = new ArrayList<>();
        boolean[] taken = new boolean[vectors.length];
        while (chosen.size() < count && chosen.size() < vectors.length) {
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < vectors.length; i++) {
                if (taken[i]) {
                    continue;
                }
                double redundancy = 0;
                boolean crowded = false;
                for (int j : chosen) {
                    redundancy = Math.max(redundancy, Vectors.cosine(vectors[i], vectors[j]));
                    crowded |= Math.abs(starts[i] - starts[j]) < minimumGap;
                }
                double score = LAMBDA * Vectors.cosine(vectors[i], centroid) - (1 - LAMBDA) * redundancy - (crowded ? 2 : 0);
                if (score > bestScore) {
                    bestScore = score;
                    best = i;
                }
            }
            taken[best] = true;
            chosen.add(best);
        }
        return chosen;
    }
}
