package dev.hark.feed.internal;

import java.util.Locale;

/**
 * Small normalisations shared by the assemblers: trimming, whitespace, numbers and flags as
 * feeds write them. All return null for values that are missing or unreadable.
 *
 * <p>Thread-safe: stateless.
 */
final class TextValues {

    private TextValues() {
    }

    /** Trimmed (including no-break spaces), or null when nothing is left. */
    static String clean(String value) {
        if (value == null) {
            return null;
        }
        int start = 0;
        int end = value.length();
        while (start < end && isSpace(value.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(value.charAt(end - 1))) {
            end--;
        }
        return start == end ? null : value.substring(start, end);
    }

    /** One line: trimmed, every run of whitespace (line breaks included) made one space. */
    static String oneLine(String value) {
        String s = clean(value);
        if (s == null) {
            return null;
        }
        boolean needsWork = false;
        for (int i = 0; i < s.length() && !needsWork; i++) {
            char ch = s.charAt(i);
            needsWork = isSpace(ch) && (ch != ' ' || isSpace(s.charAt(i + 1)));
        }
        if (!needsWork) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (isSpace(ch)) {
                space = true;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(ch);
            }
        }
        return out.toString();
    }

    static boolean isSpace(char ch) {
        return ch <= ' ' || ch == '\u00a0' || ch == '\u2028' || ch == '\u2029' || ch == '\ufeff';
    }

    /** A whole non-negative number ("01", " 3 ", "4.0"), or null. */
    static Integer wholeNumber(String value) {
        Long number = length(value);
        if (number == null || number > Integer.MAX_VALUE) {
            String s = clean(value);
            if (s != null && s.endsWith(".0")) {
                return wholeNumber(s.substring(0, s.length() - 2));
            }
            return null;
        }
        return number.intValue();
    }

    /** A positive byte count or similar; null for missing, zero, negative or non-numeric. */
    static Long positiveLong(String value) {
        Long number = length(value);
        return number == null || number <= 0 ? null : number;
    }

    private static Long length(String value) {
        String s = clean(value);
        if (s == null || s.length() > 18) {
            return null;
        }
        long number = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return null;
            }
            number = number * 10 + (ch - '0');
        }
        return number;
    }

    /** A decimal such as a soundbite start; null when unreadable or negative. */
    static Double decimal(String value) {
        String s = clean(value);
        if (s == null) {
            return null;
        }
        try {
            double number = Double.parseDouble(s);
            return Double.isFinite(number) && number >= 0 ? number : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** itunes:explicit: yes/true/explicit is true, no/false/clean is false, anything else null. */
    static Boolean explicit(String value) {
        String s = clean(value);
        if (s == null) {
            return null;
        }
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "yes", "true", "explicit", "1" -> Boolean.TRUE;
            case "no", "false", "clean", "0" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** "yes"/"true" (any case) is true; anything else, including missing, false. */
    static boolean yes(String value) {
        String s = clean(value);
        return s != null && (s.equalsIgnoreCase("yes") || s.equalsIgnoreCase("true"));
    }

    /** Lower-cased and trimmed, or null. */
    static String lower(String value) {
        String s = clean(value);
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
