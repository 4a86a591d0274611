package dev.hark.media;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code Content-Range} header: {@code bytes 0-499/1234}, {@code bytes 0-499/*} (length not
 * known) or {@code bytes *}{@code /1234} (the answer to an unsatisfiable range). Pure.
 *
 * @param start first byte, or null for the unsatisfied form
 * @param end   last byte, inclusive, or null for the unsatisfied form
 * @param total the whole length, or null when the server does not know it
 */
public record ContentRange(Long start, Long end, Long total) {

    private static final Pattern RANGE = Pattern.compile("(?i)bytes\\s+(\\d{1,18})-(\\d{1,18})/(\\d{1,18}|\\*)");
    private static final Pattern UNSATISFIED = Pattern.compile("(?i)bytes\\s+\\*/(\\d{1,18})");

    /** The header as a server sends it with a 206. */
    public static ContentRange of(long start, long end, long total) {
        return new ContentRange(start, end, total);
    }

    /** The header as a server sends it with a 416. */
    public static ContentRange unsatisfied(long total) {
        return new ContentRange(null, null, total);
    }

    /** Parses a header; empty when it is missing or malformed (end before start, end past the total). */
    public static Optional<ContentRange> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String value = header.strip();
        Matcher range = RANGE.matcher(value);
        if (range.matches()) {
            long start = Long.parseLong(range.group(1));
            long end = Long.parseLong(range.group(2));
            Long total = range.group(3).equals("*") ? null : Long.parseLong(range.group(3));
            if (end < start || total != null && end >= total) {
                return Optional.empty();
            }
            return Optional.of(new ContentRange(start, end, total));
        }
        Matcher unsatisfied = UNSATISFIED.matcher(value);
        if (unsatisfied.matches()) {
            return Optional.of(unsatisfied(Long.parseLong(unsatisfied.group(1))));
        }
        return Optional.empty();
    }

    public boolean isUnsatisfied() {
        return start == null;
    }

    /** Bytes in the range (0 for the unsatisfied form). */
    public long length() {
        return start == null ? 0 : end - start + 1;
    }

    /** The header value. */
    public String header() {
        return start == null ? "bytes */" + total : "bytes " + start + "-" + end + "/" + (total == null ? "*" : total);
    }
}
