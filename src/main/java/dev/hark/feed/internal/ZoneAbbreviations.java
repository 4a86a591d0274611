package dev.hark.feed.internal;

import java.util.Locale;

/**
 * Time zone abbreviations as feeds write them in RFC 822 dates. RFC 822 itself names only
 * UT/GMT and the four US zones; the rest are common in the wild. Ambiguous ones get the reading
 * most likely in podcast feeds (IST as India Standard Time, CST as US Central).
 *
 * <p>Thread-safe: stateless.
 */
final class ZoneAbbreviations {

    static final int UNKNOWN = Integer.MIN_VALUE;

    private ZoneAbbreviations() {
    }

    /** Offset from UTC in seconds, or {@link #UNKNOWN}. */
    static int offsetSeconds(String word) {
        return switch (word.toUpperCase(Locale.ROOT)) {
            case "Z", "UT", "UTC", "GMT", "WET", "Z0" -> 0;
            case "BST", "CET", "MET", "MEZ", "WEST" -> hours(1);
            case "CEST", "MEST", "MESZ", "EET", "SAST" -> hours(2);
            case "EEST", "MSK" -> hours(3);
            case "IST" -> 5 * 3600 + 1800;
            case "EST" -> hours(-5);
            case "EDT" -> hours(-4);
            case "CST" -> hours(-6);
            case "CDT" -> hours(-5);
            case "MST" -> hours(-7);
            case "MDT" -> hours(-6);
            case "PST" -> hours(-8);
            case "PDT" -> hours(-7);
            case "AKST" -> hours(-9);
            case "AKDT" -> hours(-8);
            case "HST" -> hours(-10);
            case "AST" -> hours(-4);
            case "ADT" -> hours(-3);
            case "NST" -> -(3 * 3600 + 1800);
            case "JST", "KST" -> hours(9);
            case "AWST" -> hours(8);
            case "ACST" -> 9 * 3600 + 1800;
            case "AEST" -> hours(10);
            case "AEDT" -> hours(11);
            case "NZST" -> hours(12);
            case "NZDT" -> hours(13);
            default -> UNKNOWN;
        };
    }

    private static int hours(int count) {
        return count * 3600;
    }

}
