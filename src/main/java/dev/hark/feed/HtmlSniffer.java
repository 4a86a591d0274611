package dev.hark.feed;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Tells a web page from a feed by how the body starts. Users often paste a podcast's home page
 * instead of its feed; saying so beats a parser error. The Content-Type header is no help:
 * many real feeds are served as text/html or application/octet-stream. Pure and thread-safe.
 */
final class HtmlSniffer {

    /** Enough for a BOM, an XML declaration and a comment or two before the first element. */
    private static final int WINDOW = 2048;

    private HtmlSniffer() {
    }

    /**
     * True when, after any byte-order mark, whitespace, XML declaration and comments, the body
     * opens with {@code <!DOCTYPE html} or an {@code <html} element.
     */
    static boolean looksLikeHtml(byte[] body) {
        String start = prefix(body).toLowerCase(Locale.ROOT);
        int at = 0;
        while (true) {
            at = skipWhitespace(start, at);
            if (start.startsWith("<?", at)) {
                at = after(start, at, "?>");
            } else if (start.startsWith("<!--", at)) {
                at = after(start, at, "-->");
            } else {
                break;
            }
            if (at < 0) {
                return false;
            }
        }
        return startsWithName(start, at, "<!doctype html") || startsWithName(start, at, "<html");
    }

    private static String prefix(byte[] body) {
        int length = Math.min(body.length, WINDOW);
        if (length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF) {
            return new String(body, 3, length - 3, StandardCharsets.UTF_8);
        }
        if (length >= 2 && (body[0] & 0xFF) == 0xFE && (body[1] & 0xFF) == 0xFF) {
            return decode(body, length, StandardCharsets.UTF_16BE);
        }
        if (length >= 2 && (body[0] & 0xFF) == 0xFF && (body[1] & 0xFF) == 0xFE) {
            return decode(body, length, StandardCharsets.UTF_16LE);
        }
        // Markup is ASCII in every charset a feed or page is likely to use; Latin-1 maps bytes 1:1.
        return new String(body, 0, length, StandardCharsets.ISO_8859_1);
    }

    private static String decode(byte[] body, int length, Charset charset) {
        return new String(body, 2, length - 2, charset);
    }

    private static int skipWhitespace(String text, int at) {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    private static int after(String text, int at, String end) {
        int found = text.indexOf(end, at);
        return found < 0 ? -1 : found + end.length();
    }

    /** {@code name} at {@code at}, followed by the end of the name (so "<htmlx" is not "<html"). */
    private static boolean startsWithName(String text, int at, String name) {
        if (!text.startsWith(name, at)) {
            return false;
        }
        int next = at + name.length();
        return next == text.length() || Character.isWhitespace(text.charAt(next)) || text.charAt(next) == '>';
    }
}
