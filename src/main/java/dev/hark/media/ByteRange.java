package dev.hark.media;

import java.time.Instant;
import java.util.Locale;

/**
 * What part of a file of known length a request asks for, from its {@code Range} and
 * {@code If-Range} headers (RFC 9110 §14). Pure.
 *
 * <ul>
 *   <li>No header, another unit than bytes, or a malformed one ({@code bytes=5-2},
 *       {@code bytes=x}): {@link Whole}, as the RFC allows ignoring what cannot be parsed.</li>
 *   <li>{@code bytes=100-199}, {@code bytes=100-} (to the end), {@code bytes=-500} (the last
 *       500): a {@link Part}; an end past the file is cut to the file; a suffix longer than the
 *       file is the whole file as a part.</li>
 *   <li>A start at or past the end, {@code bytes=-0}, or any range of an empty file:
 *       {@link Unsatisfiable}, answered 416 with {@code Content-Range: bytes *}{@code /length}.</li>
 *   <li>Several ranges ({@code bytes=0-1,5-9}): {@link Whole}. Players never ask for them, and
 *       answering 200 with the whole file is always correct, where a multipart/byteranges
 *       body would be code no client here needs.</li>
 * </ul>
 */
public sealed interface ByteRange {

    /** Send the whole file (200). */
    record Whole() implements ByteRange {
    }

    /** Send bytes {@code start..end}, both inclusive (206). */
    record Part(long start, long end) implements ByteRange {
        public long length() {
            return end - start + 1;
        }

        public ContentRange contentRange(long total) {
            return ContentRange.of(start, end, total);
        }
    }

    /** Nothing of the file matches (416). */
    record Unsatisfiable() implements ByteRange {
    }

    /**
     * What to send for a request's {@code Range} and {@code If-Range} headers.
     *
     * @param etag         the file's current strong ETag, quotes included
     * @param lastModified the file's modification time (compared to the second)
     */
    static ByteRange of(String range, String ifRange, long length, String etag, Instant lastModified) {
        ByteRange asked = parse(range, length);
        if (asked instanceof Whole || ifRangeHolds(ifRange, etag, lastModified)) {
            return asked;
        }
        return new Whole();
    }

    /** The part a {@code Range} header asks for, for a file of {@code length} bytes. */
    static ByteRange parse(String header, long length) {
        if (header == null) {
            return new Whole();
        }
        String value = header.strip();
        int equals = value.indexOf('=');
        if (equals < 0 || !value.substring(0, equals).strip().toLowerCase(Locale.ROOT).equals("bytes")) {
            return new Whole();
        }
        String spec = null;
        for (String element : value.substring(equals + 1).split(",", -1)) {
            if (element.isBlank()) {
                continue;
            }
            if (spec != null) {
                return new Whole();
            }
            spec = element.strip();
        }
        return spec == null ? new Whole() : single(spec, length);
    }

    /**
     * Whether a range may be served under this {@code If-Range}: true without one; for an
     * entity tag, when it equals {@code etag} (a weak tag never does); for a date, when it is
     * exactly the file's modification time to the second. Anything else does not hold.
     */
    static boolean ifRangeHolds(String ifRange, String etag, Instant lastModified) {
        if (ifRange == null || ifRange.isBlank()) {
            return true;
        }
        String value = ifRange.strip();
        if (value.startsWith("W/")) {
            return false;
        }
        if (value.startsWith("\"")) {
            return value.equals(etag);
        }
        return HttpDate.parse(value)
                .map(date -> lastModified != null && date.getEpochSecond() == lastModified.getEpochSecond())
                .orElse(false);
    }

    private static ByteRange single(String spec, long length) {
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return new Whole();
        }
        String first = spec.substring(0, dash).strip();
        String last = spec.substring(dash + 1).strip();
        if (first.isEmpty()) {
            if (!digits(last)) {
                return new Whole();
            }
            long suffix = number(last);
            if (suffix == 0 || length == 0) {
                return new Unsatisfiable();
            }
            return new Part(Math.max(0, length - suffix), length - 1);
        }
        if (!digits(first) || !last.isEmpty() && !digits(last)) {
            return new Whole();
        }
        long start = number(first);
        long end = last.isEmpty() ? Long.MAX_VALUE : number(last);
        if (end < start) {
            return new Whole();
        }
        if (start >= length) {
            return new Unsatisfiable();
        }
        return new Part(start, Math.min(end, length - 1));
    }

    private static boolean digits(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** Too many digits for a long is still a number, just larger than any file. */
    private static long number(String digits) {
        return digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
    }
}
