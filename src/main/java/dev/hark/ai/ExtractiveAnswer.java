package dev.hark.ai;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The answer Hark gives with no language model: the best passages themselves, in rank order,
 * each with the sentence(s) that share most words with the question highlighted. It is said
 * to be best passages, not an answer written for the question. Pure; thread-safe.
 */
public final class ExtractiveAnswer {

    /** How many passages an answer quotes. */
    public static final int PASSAGES = 3;

    private final String method;

    /** @param embedder the embedder the hits were retrieved with, named in the method */
    public ExtractiveAnswer(Embedder embedder) {
        this.method = "extractive:" + embedder.name();
    }

    /** The answer from retrieved hits, best first; no hits give an answer with no citations. */
    public Answer answer(String question, List<Hit> hits) {
        List<Citation> citations = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        Set<String> asked = new HashSet<>(Bm25.terms(question == null ? "" : question));
        for (Hit hit : hits.subList(0, Math.min(PASSAGES, hits.size()))) {
            List<Sentence> best = bestSentences(hit.passage(), asked);
            String quote = String.join(" ", best.stream().map(Sentence::text).toList());
            // the moment cited is where the matching words are said, not where the passage starts
            citations.add(new Citation(best.getFirst().start(), best.getLast().end(), quote, best.getFirst().speaker()));
            text.append(text.isEmpty() ? "" : "\n\n").append(render(hit.passage(), best));
        }
        String shown = citations.isEmpty() ? "No passage of the episode matches the question."
                : "Best passages (quoted from the transcript, not a generated answer):\n\n" + text;
        return new Answer(question, citations, method, shown);
    }

    /**
     * The sentences sharing the most distinct question terms (all that tie); the first
     * sentence when none shares any, so that the citation still says something.
     */
    static List<Sentence> bestSentences(Passage passage, Set<String> asked) {
        int most = 0;
        List<Sentence> best = new ArrayList<>();
        for (Sentence sentence : passage.sentences()) {
            Set<String> terms = new HashSet<>(Bm25.terms(sentence.text()));
            terms.retainAll(asked);
            if (terms.size() > most) {
                most = terms.size();
                best.clear();
            }
            if (terms.size() == most && most > 0) {
                best.add(sentence);
            }
        }
        return best.isEmpty() ? List.of(passage.sentences().getFirst()) : best;
    }

    /** "[12:34] Speaker: text" with the best sentences in **bold**. */
    private static String render(Passage passage, List<Sentence> best) {
        StringBuilder line = new StringBuilder("[").append(clock(passage.start())).append("] ");
        if (!passage.speakers().isEmpty()) {
            line.append(String.join(", ", passage.speakers())).append(": ");
        }
        List<String> parts = new ArrayList<>();
        for (Sentence sentence : passage.sentences()) {
            parts.add(best.contains(sentence) ? "**" + sentence.text() + "**" : sentence.text());
        }
        return line.append(String.join(" ", parts)).toString();
    }

    static String clock(double seconds) {
        long whole = (long) seconds;
        return whole >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60)
                : String.format(Locale.ROOT, "%d:%02d", whole / 60, whole % 60);
    }
}
