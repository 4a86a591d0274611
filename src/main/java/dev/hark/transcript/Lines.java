package dev.hark.transcript;

import java.util.List;

/** Splitting a file into lines: a byte-order mark dropped, CRLF, CR and LF all end a line. */
final class Lines {

    private Lines() {
    }

    static List<String> of(String content) {
        String text = !content.isEmpty() && content.charAt(0) == '\uFEFF' ? content.substring(1) : content;
        return text.lines().toList();
    }

    /** Runs of whitespace (including no-break spaces) as one space, trimmed. */
    static String squeeze(String text) {
        return text.replace('\u00A0', ' ').replaceAll("[\\s\\u2028\\u2029]+", " ").strip();
    }
}
