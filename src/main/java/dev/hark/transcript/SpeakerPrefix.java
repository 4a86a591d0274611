package dev.hark.transcript;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells "Jason: Welcome to the show" (a speaker's name, then what they say) from "Note: this
 * is text". Used by the SRT, HTML and plain-text readers, where a name prefix is the only sign
 * of a speaker. Pure and thread-safe.
 *
 * <p>The rule: the text starts with a prefix, then a colon, a space and more text. The prefix
 * is one to four words of at most 40 characters in all, each word starting with a capital
 * letter and made of letters, apostrophes, hyphens and dots ("Jason", "Gustavo Franco",
 * "Dr. Jane O'Neil-Smith", "JASON"); a number may follow as the last word ("Speaker 2"), and
 * "de", "van", "von", "da", "der", "del", "la", "le", "bin" may sit between words ("Ludwig van
 * Beethoven"). Words that label text rather than name a person ("Note", "Warning", "Update",
 * "Edit", "Source", "Links", "Chapter", "Question", "Example", "Summary" and the like, in any case)
 * are never a speaker. So "In this episode, we cover: ..." (a comma, lower-case words) and
 * "Note: ..." stay text, while "Q: ..." and "A: ..." count as speakers, as interview
 * transcripts use them.
 */
final class SpeakerPrefix {

    /** A speaker prefix and the rest of the text. */
    record Split(String speaker, String text) {
    }

    private static final Pattern PREFIX = Pattern.compile("^([^:\\n]{1,40}?)\\s?:\\s+(\\S.*)$", Pattern.DOTALL);
    private static final Pattern NAME_WORD = Pattern.compile("\\p{Lu}[\\p{L}\\p{M}'’.\\-]*");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,3}");
    private static final Set<String> PARTICLES = Set.of("de", "van", "von", "da", "der", "del", "la", "le", "bin", "di", "du");
    private static final Set<String> LABELS = Set.of(
            "note", "notes", "nb", "n.b.", "warning", "caution", "tip", "update", "updated", "edit", "edited", "example",
            "source", "sources", "link", "links", "step", "chapter", "chapters", "part", "episode", "season", "summary",
            "transcript", "translation", "disclaimer", "correction", "sponsor", "sponsors", "ad", "advertisement",
            "music", "intro", "outro", "title", "subject", "re", "ps", "p.s.", "time", "date", "topic", "topics",
            "agenda", "quote", "bonus", "spoiler", "question", "questions", "answer", "important", "fact", "reminder",
            "hint", "also", "first", "second", "third", "finally", "remember", "look", "listen", "here", "so", "yes",
            "no", "why", "how", "what", "because", "today", "tomorrow", "yesterday", "http", "https", "mailto",
            "content warning", "trigger warning", "show notes", "fun fact", "pro tip", "side note", "in this episode");

    private SpeakerPrefix() {
    }

    /** The name and the text after it, or null when the text does not start with a speaker's name. */
    static Split split(String text) {
        Matcher m = PREFIX.matcher(text);
        if (!m.matches()) {
            return null;
        }
        String prefix = m.group(1).strip();
        return isName(prefix) ? new Split(prefix, m.group(2).strip()) : null;
    }

    /** True when {@code prefix} passes the rule in the class comment. */
    static boolean isName(String prefix) {
        if (prefix.isEmpty() || prefix.length() > 40) {
            return false;
        }
        String lower = prefix.toLowerCase(Locale.ROOT);
        String[] words = prefix.split(" ");
        if (words.length > 4 || LABELS.contains(words[0].toLowerCase(Locale.ROOT))
                || LABELS.stream().anyMatch(label -> label.indexOf(' ') > 0 && lower.startsWith(label))) {
            return false;
        }
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            boolean inner = i > 0 && i < words.length - 1;
            boolean last = i > 0 && i == words.length - 1;
            boolean nameWord = NAME_WORD.matcher(word).matches()
                    && (Character.isLetter(word.charAt(word.length() - 1)) || word.endsWith("."));
            if (!nameWord && !(last && NUMBER.matcher(word).matches()) && !(inner && PARTICLES.contains(word))) {
                return false;
            }
        }
        return true;
    }
}
