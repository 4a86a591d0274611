package dev.hark.ai;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Okapi BM25 over a fixed set of texts (k1 = 1.2, b = 0.75, Lucene's non-negative idf).
 * Terms are {@link Keyphrases#words} less stopwords, lightly stemmed by {@link #stem} so
 * "deploys", "deployed" and "deploying" meet. Built once, then read-only: thread-safe.
 */
public final class Bm25 {

    static final double K1 = 1.2;
    static final double B = 0.75;

    private final List<Map<String, Integer>> termCounts = new ArrayList<>();
    private final int[] lengths;
    private final double averageLength;
    private final Map<String, Integer> documentFrequency = new HashMap<>();

    public Bm25(List<String> texts) {
        lengths = new int[texts.size()];
        long total = 0;
        for (int i = 0; i < texts.size(); i++) {
            List<String> terms = terms(texts.get(i));
            Map<String, Integer> counts = new HashMap<>();
            terms.forEach(term -> counts.merge(term, 1, Integer::sum));
            counts.keySet().forEach(term -> documentFrequency.merge(term, 1, Integer::sum));
            termCounts.add(counts);
            lengths[i] = terms.size();
            total += terms.size();
        }
        averageLength = texts.isEmpty() ? 0 : Math.max(1, (double) total / texts.size());
    }

    /** The score of each text for the query, in the texts' order; 0 where no term matches. */
    public double[] scores(String query) {
        double[] scores = new double[lengths.length];
        int documents = lengths.length;
        // a repeated query word counts once: questions repeat words for grammar, not weight
        for (String term : new LinkedHashSet<>(terms(query))) {
            Integer frequency = documentFrequency.get(term);
            if (frequency == null) {
                continue;
            }
            double idf = Math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5));
            for (int i = 0; i < documents; i++) {
                Integer count = termCounts.get(i).get(term);
                if (count != null) {
                    double norm = K1 * (1 - B + B * lengths[i] / averageLength);
                    scores[i] += idf * count * (K1 + 1) / (count + norm);
                }
            }
        }
        return scores;
    }

    /** The terms of a text as BM25 sees them: content words, lower case, stemmed. */
    static List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        for (String word : Keyphrases.words(text)) {
            if (word.endsWith("'s")) {
                word = word.substring(0, word.length() - 2);
            }
            if (word.length() < 2 || Keyphrases.isStopword(word) || word.contains("'")) {
                continue;
            }
            String stem = stem(word);
            if (!Keyphrases.isStopword(stem)) {
                terms.add(stem);
            }
        }
        return terms;
    }

    private static final Set<String> KEEP_S = Set.of("us", "is", "ss", "os", "as");

    /**
     * A light English stemmer: plural {@code -ies/-es/-s}, then {@code -ing} and {@code -ed}
     * (undoubling "running" to "run"). Deliberately weaker than Porter: it only has to make a
     * word's common forms meet, and must not merge unrelated words.
     */
    static String stem(String word) {
        String stem = word;
        if (stem.length() > 4 && stem.endsWith("ies")) {
            stem = stem.substring(0, stem.length() - 3) + "y";
        } else if (stem.length() > 4 && (stem.endsWith("sses") || stem.endsWith("ches") || stem.endsWith("shes")
                || stem.endsWith("xes"))) {
            stem = stem.substring(0, stem.length() - 2);
        } else if (stem.length() > 3 && stem.endsWith("s") && !KEEP_S.contains(stem.substring(stem.length() - 2))) {
            stem = stem.substring(0, stem.length() - 1);
        }
        if (stem.length() > 5 && stem.endsWith("ing")) {
            stem = undouble(stem.substring(0, stem.length() - 3));
        } else if (stem.length() > 4 && stem.endsWith("ed") && !stem.endsWith("eed")) {
            stem = undouble(stem.substring(0, stem.length() - 2));
        }
        if (stem.length() > 3 && stem.endsWith("e") && !stem.endsWith("ee")) {
            // "create", "created" (creat) and "creating" (creat) meet without the final e
            stem = stem.substring(0, stem.length() - 1);
        }
        return stem;
    }

    private static String undouble(String stem) {
        int n = stem.length();
        if (n > 3 && stem.charAt(n - 1) == stem.charAt(n - 2) && "lsz".indexOf(stem.charAt(n - 1)) < 0
                && "aeiou".indexOf(stem.charAt(n - 1)) < 0) {
            return stem.substring(0, n - 1);
        }
        return stem;
    }
}
