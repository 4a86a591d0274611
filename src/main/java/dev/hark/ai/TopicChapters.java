package dev.hark.ai;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Chapters made from the transcript alone, TextTiling-style: at each gap between passages,
 * the similarity of the {@link #WINDOW} passages before to the {@link #WINDOW} after; a gap is
 * a boundary candidate by its depth (how far the similarity dips below the peaks on either
 * side). The deepest candidates are taken first, as long as they are deeper than the mean
 * less half a standard deviation and every chapter keeps at least
 * {@link #minimumSeconds(double)}. The first chapter starts at 0. Titles are each chapter's
 * best keyphrases against the other chapters. Pure given the embedder; thread-safe if it is.
 */
public final class TopicChapters {

    static final int WINDOW = 3;

    private final Embedder embedder;

    public TopicChapters(Embedder embedder) {
        this.embedder = embedder;
    }

    /** The shortest chapter allowed: a few minutes, less for short episodes. */
    static double minimumSeconds(double durationSeconds) {
        return Math.max(60, Math.min(240, durationSeconds / 12));
    }

    public List<TopicChapter> chapters(List<Passage> passages) {
        return chapters(passages, embedder.embed(passages.stream().map(Passage::text).toList()));
    }

    /** Chapters of passages whose embeddings were already computed (one per passage, same order). */
    public List<TopicChapter> chapters(List<Passage> passages, float[][] vectors) {
        if (passages.isEmpty()) {
            return List.of();
        }
        double end = passages.getLast().end();
        List<Integer> starts = boundaries(passages, vectors, minimumSeconds(end));
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int to = i + 1 < starts.size() ? starts.get(i + 1) : passages.size();
            StringBuilder text = new StringBuilder();
            for (Passage passage : passages.subList(starts.get(i), to)) {
                text.append(passage.text()).append(' ');
            }
            texts.add(text.toString());
        }
        List<List<String>> phrases = Keyphrases.of(texts, 2);
        Map<String, String> spellings = Keyphrases.surfaceForms(String.join(" ", texts));
        List<TopicChapter> chapters = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            double start = i == 0 ? 0 : passages.get(starts.get(i)).start();
            chapters.add(new TopicChapter(start, title(phrases.get(i), texts.get(i), spellings)));
        }
        return chapters;
    }

    /** Indexes of the passages that start chapters, the first always 0, increasing. */
    static List<Integer> boundaries(List<Passage> passages, float[][] vectors, double minimumSeconds) {
        int gaps = passages.size() - 1;
        List<Integer> starts = new ArrayList<>(List.of(0));
        if (gaps < 1) {
            return starts;
        }
        int dimension = vectors[0].length;
        double[] similarity = new double[gaps];
        for (int gap = 0; gap < gaps; gap++) {
            float[] before = Vectors.mean(Arrays.asList(vectors).subList(Math.max(0, gap + 1 - WINDOW), gap + 1), dimension);
            float[] after = Vectors.mean(Arrays.asList(vectors).subList(gap + 1, Math.min(passages.size(), gap + 1 + WINDOW)),
                    dimension);
            similarity[gap] = Vectors.cosine(before, after);
        }
        double[] depth = new double[gaps];
        for (int gap = 0; gap < gaps; gap++) {
            double left = similarity[gap];
            for (int i = gap - 1; i >= 0 && similarity[i] >= left; i--) {
                left = similarity[i];
            }
            double right = similarity[gap];
            for (int i = gap + 1; i < gaps && similarity[i] >= right; i++) {
                right = similarity[i];
            }
            depth[gap] = (left - similarity[gap]) + (right - similarity[gap]);
        }
        double mean = Arrays.stream(depth).average().orElse(0);
        double deviation = Math.sqrt(Arrays.stream(depth).map(d -> (d - mean) * (d - mean)).average().orElse(0));
        double cutoff = Math.max(1e-6, mean - deviation / 2);

        Integer[] byDepth = new Integer[gaps];
        Arrays.setAll(byDepth, i -> i);
        Arrays.sort(byDepth, (a, b) -> Double.compare(depth[b], depth[a]));
        double end = passages.getLast().end();
        List<Double> times = new ArrayList<>(List.of(0.0));
        for (int gap : byDepth) {
            if (depth[gap] < cutoff) {
                break;
            }
            double time = passages.get(gap + 1).start();
            boolean roomy = end - time >= minimumSeconds
                    && times.stream().allMatch(other -> Math.abs(other - time) >= minimumSeconds);
            if (roomy) {
                times.add(time);
                starts.add(gap + 1);
            }
        }
        starts.sort(null);
        return starts;
    }

    /** Two to five words: the best phrase, joined with the second when it is a single word. */
    static String title(List<String> phrases, String text, Map<String, String> spellings) {
        if (phrases.isEmpty()) {
            List<String> words = Keyphrases.words(Fillers.clean(text));
            return Keyphrases.titleCase(String.join(" ", words.subList(0, Math.min(4, words.size()))), spellings);
        }
        String best = phrases.getFirst();
        if (!best.contains(" ") && phrases.size() > 1) {
            String joined = best + " and " + phrases.get(1);
            if (joined.split(" ").length <= 5) {
                best = joined;
            }
        }
        return Keyphrases.titleCase(best, spellings);
    }
}
