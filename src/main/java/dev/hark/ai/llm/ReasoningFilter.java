package dev.hark.ai.llm;

import java.util.regex.Pattern;

/**
 * Removes the reasoning some local models (DeepSeek-R1, Qwen3 and their kin) write before
 * their answer, between {@code <think>} and {@code </think>}, so it reaches neither the page
 * nor the parsers. Works on a stream: a tag cut between two pieces is held back until it is
 * whole. One instance per reply; not thread-safe.
 */
final class ReasoningFilter {

    private static final String OPEN = "<think>";
    private static final String CLOSE = "</think>";
    private static final Pattern BLOCK = Pattern.compile("(?s)<think>.*?(?:</think>|$)\\s*");

    private final StringBuilder pending = new StringBuilder();
    private boolean thinking;
    private boolean answered;

    /** The whole reply without its reasoning. */
    static String strip(String reply) {
        return reply == null ? null : BLOCK.matcher(reply).replaceAll("");
    }

    /** What of this piece (and what was held back) can be passed on now. */
    String accept(String piece) {
        pending.append(piece);
        StringBuilder out = new StringBuilder();
        while (true) {
            String tag = thinking ? CLOSE : OPEN;
            int at = pending.indexOf(tag);
            if (at >= 0) {
                if (!thinking) {
                    out.append(pending, 0, at);
                }
                pending.delete(0, at + tag.length());
                thinking = !thinking;
                continue;
            }
            int keep = partialTagAtEnd(tag);
            if (!thinking) {
                out.append(pending, 0, pending.length() - keep);
            }
            pending.delete(0, pending.length() - keep);
            break;
        }
        return leadingSpaceDropped(out.toString());
    }

    /** What is left when the reply ends: a held-back half tag was text after all. */
    String finish() {
        String rest = thinking ? "" : pending.toString();
        pending.setLength(0);
        return leadingSpaceDropped(rest);
    }

    /** The blank lines a model leaves after its reasoning are not part of the answer. */
    private String leadingSpaceDropped(String text) {
        if (answered) {
            return text;
        }
        String trimmed = text.stripLeading();
        answered = !trimmed.isEmpty();
        return trimmed;
    }

    /** How many characters at the end of the pending text could start {@code tag}. */
    private int partialTagAtEnd(String tag) {
        for (int length = Math.min(tag.length() - 1, pending.length()); length > 0; length--) {
            if (pending.substring(pending.length() - length).equals(tag.substring(0, length))) {
                return length;
            }
        }
        return 0;
    }
}
