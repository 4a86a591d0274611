package dev.hark.chapters;

import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Podlove's time format, the "normal play time" of Podlove Simple Chapters and Podlove
 * JSON: {@code S}, {@code M:SS} or {@code H:MM:SS}, each with an optional fraction
 * ({@code 0}, {@code 01}, {@code 01:02}, {@code 01:02:03}, {@code 01:02:03.400}). Pure;
 * thread-safe.
 */
public final class NormalPlayTime {

    private static final Pattern TIME = Pattern.compile("(?:(?:(\\d{1,6}):)?(\\d{1,6}):)?(\\d{1,9})(?:\\.(\\d{1,9}))?");

    private NormalPlayTime() {
    }

    /** Seconds, or empty when the text is not a time of this shape. */
    public static OptionalDouble parse(String text) {
        if (text == null) {
            return OptionalDouble.empty();
        }
        Matcher m = TIME.matcher(text.strip());
        if (!m.matches()) {
            return OptionalDouble.empty();
        }
        long hours = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        long minutes = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
        long seconds = Long.parseLong(m.group(3));
        // a field below a larger one must stay below 60; the leading field may be any size
        if (m.group(2) != null && seconds >= 60 || m.group(1) != null && minutes >= 60) {
            return OptionalDouble.empty();
        }
        double fraction = m.group(4) == null ? 0 : Double.parseDouble("0." + m.group(4));
        return OptionalDouble.of(hours * 3600 + minutes * 60 + seconds + fraction);
    }
}
