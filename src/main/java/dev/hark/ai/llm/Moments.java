package dev.hark.ai.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moments of an episode as the language model reads and writes them: {@code [mm:ss]}, or
 * {@code [h:mm:ss]} past an hour. Reading takes what models actually write: a bracket may hold
 * several times ({@code [12:05, 14:30]}) or a range ({@code [12:05–14:30]}), and minutes may run
 * past 59 without hours ({@code [75:30]}). Pure and thread-safe.
 */
public final class Moments {

    private static final String TIME = "(?:\\d{1,2}:)?\\d{1,3}:\\d{2}";
    private static final Pattern CITATION =
            Pattern.compile("\\[\\s*" + TIME + "(?:\\s*(?:[,;–—-]|to|and)\\s*" + TIME + ")*\\s*]");
    private static final Pattern ONE_TIME = Pattern.compile("(?:(\\d{1,2}):)?(\\d{1,3}):(\\d{2})");

    private Moments() {
    }

    /** {@code [mm:ss]} or {@code [h:mm:ss]}; fractions are cut, so the moment is never late. */
    public static String format(double seconds) {
        return "[" + clock(seconds) + "]";
    }

    /** {@code mm:ss} or {@code h:mm:ss}, without brackets. */
    public static String clock(double seconds) {
        long whole = (long) Math.floor(Math.max(0, seconds));
        long hours = whole / 3600;
        long minutes = whole / 60 % 60;
        long rest = whole % 60;
        return hours > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, rest) : String.format(Locale.ROOT, "%02d:%02d", minutes, rest);
    }

    /** Every moment cited in {@code text}, in order of appearance, in seconds. */
    public static List<Double> parse(String text) {
        List<Double> moments = new ArrayList<>();
        Matcher citation = CITATION.matcher(text);
        while (citation.find()) {
            Matcher time = ONE_TIME.matcher(citation.group());
            while (time.find()) {
                long hours = time.group(1) == null ? 0 : Long.parseLong(time.group(1));
                long minutes = Long.parseLong(time.group(2));
                long seconds = Long.parseLong(time.group(3));
                if (seconds < 60 && (time.group(1) == null || minutes < 60)) {
                    moments.add((double) (hours * 3600 + minutes * 60 + seconds));
                }
            }
        }
        return moments;
    }

    /** {@code text} without its citations, spaces tidied. */
    public static String strip(String text) {
        return CITATION.matcher(text).replaceAll(" ").replaceAll("\\s+([,.;:!?])", "$1").replaceAll("\\s{2,}", " ")
                .strip();
    }
}
