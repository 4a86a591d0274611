package dev.hark.feed.internal;

/**
 * Reads {@code itunes:duration} into whole seconds: {@code SS}, {@code MM:SS}, {@code HH:MM:SS},
 * each with an optional fraction (dropped), and the unit forms some hosts write
 * ({@code 1h 2m 3s}, {@code 45 min}, {@code PT1H2M3S}).
 *
 * <p>Thread-safe: stateless.
 */
public final class DurationParser {

    private DurationParser() {
    }

    /** Whole seconds, or null when missing, zero or unreadable. */
    public static Long parse(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        if (s.isEmpty()) {
            return null;
        }
        Long seconds = clock(s);
        if (seconds == null) {
            seconds = withUnits(s);
        }
        return seconds == null || seconds <= 0 ? null : seconds;
    }

    /** {@code [[H:]M:]S[.fff]}; null if the text has any other shape. */
    private static Long clock(String s) {
        long total = 0;
        int fields = 0;
        int i = 0;
        int n = s.length();
        while (true) {
            int start = i;
            long value = 0;
            while (i < n && isDigit(s.charAt(i))) {
                if (i - start >= 12) {
                    return null;
                }
                value = value * 10 + (s.charAt(i) - '0');
                i++;
            }
            if (i == start) {
                return null;
            }
            total = total * 60 + value;
            fields++;
            if (i == n) {
                break;
            }
            char ch = s.charAt(i);
            if (ch == ':' && fields < 3) {
                i++;
                continue;
            }
            if (ch == '.' || ch == ',') {
                i++;
                while (i < n && isDigit(s.charAt(i))) {
                    i++;
                }
                if (i == n) {
                    break;
                }
            }
            return null;
        }
        return total;
    }

    /** Numbers each followed by a unit (h, hr, hours, m, min, s, sec ...), optionally ISO "PT". */
    private static Long withUnits(String s) {
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        int i = lower.startsWith("pt") ? 2 : 0;
        int n = lower.length();
        long total = 0;
        boolean any = false;
        while (i < n) {
            while (i < n && lower.charAt(i) == ' ') {
                i++;
            }
            if (i == n) {
                break;
            }
            int start = i;
            long value = 0;
            while (i < n && isDigit(lower.charAt(i)) && i - start < 12) {
                value = value * 10 + (lower.charAt(i) - '0');
                i++;
            }
            if (i == start) {
                return null;
            }
            if (i < n && (lower.charAt(i) == '.' || lower.charAt(i) == ',')) {
                i++;
                while (i < n && isDigit(lower.charAt(i))) {
                    i++;
                }
            }
            while (i < n && lower.charAt(i) == ' ') {
                i++;
            }
            int unitStart = i;
            while (i < n && lower.charAt(i) >= 'a' && lower.charAt(i) <= 'z') {
                i++;
            }
            String unit = lower.substring(unitStart, i);
            long factor = switch (unit) {
                case "h", "hr", "hrs", "hour", "hours", "std" -> 3600;
                case "m", "min", "mins", "minute", "minutes" -> 60;
                case "s", "sec", "secs", "second", "seconds", "" -> 1;
                default -> -1;
            };
            if (factor < 0) {
                return null;
            }
            total += value * factor;
            any = true;
            while (i < n && (lower.charAt(i) == ',' || lower.charAt(i) == ' ')) {
                i++;
            }
        }
        return any ? total : null;
    }

    private static boolean isDigit(char ch) {
        return ch >= '0' && ch <= '9';
    }
}
