package dev.hark.cli;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Formatting for terminal tables. Pure. */
final class Text {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private Text() {
    }

    static String fit(String text, int width) {
        if (text == null) {
            return "";
        }
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }

    static String date(Long unixSeconds) {
        return unixSeconds == null ? "-" : DATE.format(Instant.ofEpochSecond(unixSeconds));
    }

    /** 3725 → "1:02:05", 125 → "2:05". */
    static String duration(Long seconds) {
        if (seconds == null) {
            return "-";
        }
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%d:%02d", m, s);
    }
}
