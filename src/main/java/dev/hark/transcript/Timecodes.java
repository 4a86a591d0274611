package dev.hark.transcript;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Clock times as written in transcripts ({@code 01:02:03.456}, {@code 02:03,456},
 * {@code 1:02:03}) to milliseconds and back. Pure and thread-safe.
 *
 * <p>Reading is lenient where real files are sloppy and strict where a value would be wrong:
 * one or two digits for minutes and seconds (Podlove writes {@code 00:00:2.000}), one to nine
 * fraction digits after a dot or a comma (rounded to the millisecond), and no fraction at all;
 * but minutes and seconds below a larger unit must be under 60, so {@code 00:61:00} is refused.
 * The leading unit may be any size ({@code 75:30} is 75 minutes and 30 seconds).
 */
final class Timecodes {

    private static final Pattern CLOCK =
            Pattern.compile("(?:(\\d{1,3}):)?(\\d{1,3}):(\\d{1,2})(?:[.,](\\d{1,9}))?");

    private Timecodes() {
    }

    /** Milliseconds, or empty when {@code text} is not a clock time. */
    static OptionalLong parse(String text) {
        Matcher m = CLOCK.matcher(text.strip());
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        boolean hasHours = m.group(1) != null;
        long hours = hasHours ? Long.parseLong(m.group(1)) : 0;
        long minutes = Long.parseLong(m.group(2));
        long seconds = Long.parseLong(m.group(3));
        if (seconds > 59 || hasHours && minutes > 59) {
            return OptionalLong.empty();
        }
        long millis = 0;
        String fraction = m.group(4);
        if (fraction != null) {
            // "5" is 500 ms, "05" 50 ms, "0505" 50.5 ms rounded
            double part = Double.parseDouble("0." + fraction);
            millis = Math.round(part * 1000);
        }
        return OptionalLong.of(((hours * 60 + minutes) * 60 + seconds) * 1000 + millis);
    }

    /** Seconds to whole milliseconds (times in the model are already rounded to them). */
    static long millis(double seconds) {
        return Math.round(seconds * 1000.0);
    }

    /** {@code hh:mm:ss.mmm}, as WebVTT writes it. */
    static String vtt(double seconds) {
        return clock(millis(seconds), '.');
    }

    /** {@code hh:mm:ss,mmm}, as SRT writes it. */
    static String srt(double seconds) {
        return clock(millis(seconds), ',');
    }

    /** {@code hh:mm:ss}, whole seconds rounded down, for plain text. */
    static String wholeSeconds(double seconds) {
        long total = millis(seconds) / 1000;
        return String.format(java.util.Locale.ROOT, "%02d:%02d:%02d", total / 3600, total / 60 % 60, total % 60);
    }

    private static String clock(long millis, char separator) {
        long total = millis / 1000;
        return String.format(java.util.Locale.ROOT, "%02d:%02d:%02d%c%03d",
                total / 3600, total / 60 % 60, total % 60, separator, millis % 1000);
    }
}
