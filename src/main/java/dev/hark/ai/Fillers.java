package dev.hark.ai;

import java.util.regex.Pattern;

/**
 * Cleans spoken-language fillers out of a sentence so that it reads as a bullet: leading
 * "So," "Yeah," "I mean," and the like, "um"/"uh" and ", you know," anywhere, and false
 * starts where a word or two is said twice ("we — we", "I, I", "it's it's"). Pure.
 */
public final class Fillers {

    private static final Pattern LEADING = Pattern.compile(
            "^(?:(?:so|yeah|yes|yep|well|okay|ok|oh|right|and|but|um+|uh+|hmm+|like|anyway|alright|all right"
                    + "|i mean|you know|basically|actually|absolutely|sure|totally|exactly"
                    + "|and then|and so|but yeah|so yeah)\\b[\\s,.;:—–-]*)+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HESITATION = Pattern.compile("(?:,\\s*)?\\b(?:um+|uh+|erm|er|hmm+)\\b,?", Pattern.CASE_INSENSITIVE);
    private static final Pattern YOU_KNOW = Pattern.compile(
            ",\\s*(?:you know|i mean|like|i think|i guess|i believe)\\s*,(?:\\s*(?:kind of|sort of)\\b)?",
            Pattern.CASE_INSENSITIVE);
    /** A hedge set off by a comma before what it hedges: "has been, kind of spun out" → "has been spun out". */
    private static final Pattern HEDGE = Pattern.compile(",\\s*(?:kind of|sort of)\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern REPEAT = Pattern.compile(
            "\\b([\\p{L}']+(?:\\s+[\\p{L}']+)?)(?:\\s*[—–,-]+\\s*|\\s*\\.\\.\\.\\s*|\\s+)\\1\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern TRAILING = Pattern.compile(
            ",\\s*(?:i think|i guess|you know|i mean|right|basically|or whatever|and stuff)(?=[.!?]*$)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DASH_START = Pattern.compile("^[\\s,.;:—–-]+");
    private static final Pattern SPACES = Pattern.compile("\\s{2,}");
    private static final Pattern SPACE_BEFORE_PUNCTUATION = Pattern.compile("\\s+([,.;:?!])");

    private Fillers() {
    }

    public static String clean(String sentence) {
        String text = sentence.strip();
        text = HESITATION.matcher(text).replaceAll("");
        text = YOU_KNOW.matcher(text).replaceAll(" ");
        text = HEDGE.matcher(text).replaceAll(" ");
        String before;
        do {
            before = text;
            text = REPEAT.matcher(text).replaceAll("$1");
        } while (!text.equals(before));
        text = LEADING.matcher(text).replaceFirst("");
        text = TRAILING.matcher(text).replaceFirst("");
        text = DASH_START.matcher(text).replaceFirst("");
        text = SPACES.matcher(text).replaceAll(" ");
        text = SPACE_BEFORE_PUNCTUATION.matcher(text).replaceAll("$1").replace(",,", ",").strip();
        if (text.isEmpty()) {
            return text;
        }
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
