package dev.hark.ai.llm;

import dev.hark.ai.Passage;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts passages into chunks that fit a token budget, for map-reduce over a transcript longer
 * than the model's context, and renders passages as the model reads them: one line each,
 * {@code [mm:ss] Speaker: text}. Tokens are estimated as a quarter of the characters, which is
 * close for English with the common tokenizers and errs long for short words. Pure and thread-safe.
 */
public final class TranscriptChunks {

    private TranscriptChunks() {
    }

    /**
     * Consecutive passages grouped so that each group's {@link #render(List) rendering} is at most
     * {@code tokenBudget} tokens; a passage larger than the budget alone is a chunk of its own.
     */
    public static List<List<Passage>> of(List<Passage> passages, int tokenBudget) {
        if (tokenBudget < 1) {
            throw new IllegalArgumentException("tokenBudget must be positive, was " + tokenBudget);
        }
        List<List<Passage>> chunks = new ArrayList<>();
        List<Passage> current = new ArrayList<>();
        long chars = 0;
        for (Passage passage : passages) {
            int length = render(passage).length();
            long withIt = current.isEmpty() ? length : chars + 1 + length; // +1: the line break
            if (!current.isEmpty() && tokens(withIt) > tokenBudget) {
                chunks.add(List.copyOf(current));
                current.clear();
                withIt = length;
            }
            current.add(passage);
            chars = withIt;
        }
        if (!current.isEmpty()) {
            chunks.add(List.copyOf(current));
        }
        return chunks;
    }

    /** {@code [mm:ss] Speaker: text}, speakers joined by " & ", no prefix when unknown. */
    public static String render(Passage passage) {
        String speakers = String.join(" & ", passage.speakers());
        return Moments.format(passage.start()) + " " + (speakers.isEmpty() ? "" : speakers + ": ") + passage.text();
    }

    /** One line per passage. */
    public static String render(List<Passage> passages) {
        StringBuilder text = new StringBuilder();
        for (Passage passage : passages) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(render(passage));
        }
        return text.toString();
    }

    /** The estimated tokens of {@code text}: its characters over four, rounded up. */
    public static int tokens(String text) {
        return (int) tokens(text.length());
    }

    private static long tokens(long chars) {
        return (chars + 3) / 4;
    }
}
