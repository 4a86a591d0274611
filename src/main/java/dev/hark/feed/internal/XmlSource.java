package dev.hark.feed.internal;

import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import dev.hark.feed.FeedParseException;

/**
 * Turns a feed's bytes into characters the XML parser can read, repairing what real feeds get
 * wrong before the parser sees it: byte order marks, whitespace before the XML declaration, a
 * declared encoding that does not match the bytes, stray control characters. It also rejects,
 * with a plain message, input that is empty, not XML, or an HTML page.
 *
 * <p>Thread-safe: stateless.
 */
public final class XmlSource {

    private static final int SNIFF_BYTES = 2048;

    private XmlSource() {
    }

    /** A reader over the feed's characters, positioned at its first {@code <}. */
    public static Reader open(byte[] body) throws FeedParseException {
        int length = body.length;
        if (length >= 2) {
            int b0 = body[0] & 0xff;
            int b1 = body[1] & 0xff;
            if (b0 == 0xfe && b1 == 0xff) {
                return decodeWithJdk(body, 2, StandardCharsets.UTF_16BE);
            }
            if (b0 == 0xff && b1 == 0xfe) {
                return decodeWithJdk(body, 2, StandardCharsets.UTF_16LE);
            }
            if (b0 == 0 && b1 == '<') {
                return decodeWithJdk(body, 0, StandardCharsets.UTF_16BE);
            }
            if (b0 == '<' && b1 == 0) {
                return decodeWithJdk(body, 0, StandardCharsets.UTF_16LE);
            }
        }
        int start = 0;
        if (length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb && (body[2] & 0xff) == 0xbf) {
            start = 3;
        }
        start = skipWhitespace(body, start);
        if (start >= length) {
            throw new FeedParseException("The feed is empty.");
        }
        if (body[start] != '<') {
            throw new FeedParseException("This is not a podcast feed: the content is not XML.");
        }
        if (looksLikeHtmlPage(body, start)) {
            throw htmlPage();
        }
        String declared = declaredEncoding(body, start);
        if (declared == null) {
            return new LenientByteReader(body, start, true);
        }
        return switch (declared) {
            case "utf-8", "utf8", "us-ascii", "ascii", "utf-16", "utf-16le", "utf-16be", "unicode" ->
                    new LenientByteReader(body, start, true);
            case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "windows-1252", "cp1252",
                    "x-cp1252" -> // often really UTF-8: then read it as UTF-8
                    new LenientByteReader(body, start, LenientByteReader.isNonAsciiUtf8(body, start));
            default -> otherCharset(body, start, declared);
        };
    }

    /** The message for an HTML page given where a feed was expected. */
    public static FeedParseException htmlPage() {
        return new FeedParseException("This is a web page (HTML), not a podcast feed.");
    }

    private static Reader otherCharset(byte[] body, int start, String name) {
        Charset charset;
        try {
            charset = Charset.isSupported(name) ? Charset.forName(name) : null;
        } catch (IllegalCharsetNameException e) {
            charset = null;
        }
        if (charset == null) {
            return new LenientByteReader(body, start, true);
        }
        return decodeWithJdk(body, start, charset);
    }

    /**
     * For the rare feeds in UTF-16 or a legacy multi-byte charset: decode everything at once,
     * with the same repairs as {@link LenientByteReader}.
     */
    private static Reader decodeWithJdk(byte[] body, int start, Charset charset) {
        String text = new String(body, start, body.length - start, charset);
        StringBuilder clean = new StringBuilder(text.length());
        int i = 0;
        if (!text.isEmpty() && text.charAt(0) == '\ufeff') {
            i = 1;
        }
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        for (; i < text.length(); i++) {
            char ch = text.charAt(i);
            if ((ch >= 0x20 && ch != 0xfffe && ch != 0xffff) || ch == '\n' || ch == '\r' || ch == '\t') {
                clean.append(ch);
            }
        }
        return new StringReader(clean.toString());
    }

    private static int skipWhitespace(byte[] body, int from) {
        int i = from;
        while (i < body.length && (body[i] == ' ' || body[i] == '\n' || body[i] == '\r' || body[i] == '\t'
                || body[i] == 0)) {
            i++;
        }
        return i;
    }

    /** The {@code encoding} of an XML declaration at {@code start}, lower case, or null. */
    static String declaredEncoding(byte[] body, int start) {
        if (!startsWith(body, start, "<?xml")) {
            return null;
        }
        int end = Math.min(body.length, start + 512);
        int close = indexOf(body, start, end, "?>");
        if (close < 0) {
            return null;
        }
        int at = indexOf(body, start, close, "encoding");
        if (at < 0) {
            return null;
        }
        int i = at + "encoding".length();
        while (i < close && (body[i] == ' ' || body[i] == '=' || body[i] == '\t')) {
            i++;
        }
        if (i >= close || (body[i] != '"' && body[i] != '\'')) {
            return null;
        }
        byte quote = body[i];
        int valueStart = i + 1;
        int valueEnd = valueStart;
        while (valueEnd < close && body[valueEnd] != quote) {
            valueEnd++;
        }
        String name = new String(body, valueStart, valueEnd - valueStart, StandardCharsets.ISO_8859_1);
        return name.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * True when the first element (after declaration, comments and doctype) is {@code <html>},
     * or the doctype names html.
     */
    private static boolean looksLikeHtmlPage(byte[] body, int start) {
        int end = Math.min(body.length, start + SNIFF_BYTES);
        int i = start;
        while (i < end) {
            i = skipWhitespace(body, i);
            if (i >= end || body[i] != '<') {
                return false;
            }
            if (startsWithIgnoreCase(body, i, "<!doctype")) {
                int k = skipWhitespace(body, i + "<!doctype".length());
                return startsWithIgnoreCase(body, k, "html") && (k + 4 >= body.length || !isNameByte(body[k + 4]));
            }
            if (startsWith(body, i, "<!--")) {
                int close = indexOf(body, i + 4, end, "-->");
                if (close < 0) {
                    return false;
                }
                i = close + 3;
            } else if (startsWith(body, i, "<?")) {
                int close = indexOf(body, i + 2, end, "?>");
                if (close < 0) {
                    return false;
                }
                i = close + 2;
            } else {
                return startsWithIgnoreCase(body, i, "<html")
                        && (i + 5 >= body.length || !isNameByte(body[i + 5]));
            }
        }
        return false;
    }

    private static boolean isNameByte(byte b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == ':' || b == '-';
    }

    private static boolean startsWith(byte[] body, int at, String prefix) {
        if (at + prefix.length() > body.length) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if (body[at + k] != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWithIgnoreCase(byte[] body, int at, String lowerPrefix) {
        if (at + lowerPrefix.length() > body.length) {
            return false;
        }
        for (int k = 0; k < lowerPrefix.length(); k++) {
            int b = body[at + k];
            if (b >= 'A' && b <= 'Z') {
                b += 'a' - 'A';
            }
            if (b != lowerPrefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] body, int from, int to, String needle) {
        for (int i = from; i + needle.length() <= to; i++) {
            if (startsWith(body, i, needle)) {
                return i;
            }
        }
        return -1;
    }
}
