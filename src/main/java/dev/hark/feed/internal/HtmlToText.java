package dev.hark.feed.internal;

/**
 * Turns show notes into plain text in one pass: tags dropped, block elements ({@code p},
 * {@code div}, {@code h1}-{@code h6}, lists ...) become line breaks, character references decoded,
 * runs of whitespace collapsed to one space, at most one blank line in a row.
 *
 * <p>Hand-written instead of {@code Jsoup.parse(...).text()}: descriptions are most of a feed's
 * bytes, and building a DOM per item costs more than parsing the whole feed.
 * Text that is not HTML keeps its own line breaks.
 *
 * <p>Thread-safe: stateless.
 */
public final class HtmlToText {

    private static final int NONE = 0;
    private static final int SPACE = 1;
    private static final int LINE = 2;
    private static final int PARAGRAPH = 3;

    private HtmlToText() {
    }

    /** True when the text contains something that looks like a tag ({@code <p>, </a>, <!--}). */
    public static boolean looksLikeHtml(String text) {
        int i = text.indexOf('<');
        while (i >= 0 && i + 1 < text.length()) {
            char next = text.charAt(i + 1);
            if (isAsciiLetter(next) || next == '/' || next == '!') {
                return true;
            }
            i = text.indexOf('<', i + 1);
        }
        return false;
    }

    /** Plain text for display and search; empty when nothing visible remains. */
    public static String toPlainText(String text) {
        boolean html = looksLikeHtml(text);
        if (!html && isAlreadyPlain(text)) {
            return text.strip();
        }
        String plain = new Converter(text, html).run();
        if (!html && text.contains("&lt;") && looksLikeHtml(plain)) {
            return new Converter(plain, true).run(); // the HTML was escaped twice
        }
        return plain;
    }

    /** No entities, no runs of whitespace, no odd spaces: nothing to do. */
    private static boolean isAlreadyPlain(String s) {
        char previous = 'x';
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '&' || ch == '\r' || ch == '\t' || ch == '\u00a0' || ch == '\f') {
                return false;
            }
            if ((ch == ' ' || ch == '\n') && (previous == ' ' || previous == '\n')) {
                return false;
            }
            previous = ch;
        }
        return true;
    }

    private static boolean isAsciiLetter(char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
    }

    /** One conversion: input, output and the break waiting to be written before the next word. */
    private static final class Converter {
        private final String s;
        private final int n;
        private final boolean html;
        private final StringBuilder out;
        private int pending = NONE;
        private int newlines;

        Converter(String s, boolean html) {
            this.s = s;
            this.n = s.length();
            this.html = html;
            this.out = new StringBuilder(Math.min(n, 1 << 16));
        }

        String run() {
            int i = 0;
            int runStart = 0;
            while (i < n) {
                char ch = s.charAt(i);
                if (ch > ' ' && ch != '<' && ch != '&' && ch != '\u00a0') {
                    i++;
                    continue;
                }
                emitRun(runStart, i);
                if (ch == '<') {
                    i = html ? tag(i) : literal(i, "<");
                } else if (ch == '&') {
                    i = reference(i);
                } else {
                    whitespace(ch);
                    i++;
                }
                runStart = i;
            }
            emitRun(runStart, n);
            return out.toString();
        }

        private void emitRun(int from, int to) {
            if (from >= to) {
                return;
            }
            flushPending();
            out.append(s, from, to);
        }

        private void emitText(String text) {
            for (int k = 0; k < text.length(); k++) {
                char ch = text.charAt(k);
                if (ch <= ' ' || ch == '\u00a0') {
                    whitespace(ch);
                } else {
                    flushPending();
                    out.append(ch);
                }
            }
        }

        private void flushPending() {
            if (out.length() > 0) {
                switch (pending) {
                    case PARAGRAPH -> out.append("\n\n");
                    case LINE -> out.append('\n');
                    case SPACE -> out.append(' ');
                    default -> { }
                }
            }
            pending = NONE;
            newlines = 0;
        }

        private void whitespace(char ch) {
            if (!html && ch == '\n') {
                newlines++;
                raise(newlines >= 2 ? PARAGRAPH : LINE);
            } else if (ch != '\r' || html) {
                raise(SPACE);
            }
        }

        private void raise(int level) {
            if (pending < level) {
                pending = level;
            }
        }

        private int literal(int i, String text) {
            flushPending();
            out.append(text);
            return i + 1;
        }

        /** At '&': a character reference, or a literal ampersand. Returns the next position. */
        private int reference(int i) {
            int semicolon = -1;
            for (int k = i + 1; k < n && k - i <= 33; k++) {
                char c = s.charAt(k);
                if (c == ';') {
                    semicolon = k;
                    break;
                }
                if (!(isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '#')) {
                    break;
                }
            }
            if (semicolon < 0 || semicolon == i + 1) {
                return literal(i, "&");
            }
            String value;
            if (s.charAt(i + 1) == '#') {
                value = numericReference(i + 2, semicolon);
            } else {
                value = HtmlEntities.lookup(s.substring(i + 1, semicolon));
            }
            if (value == null) {
                return literal(i, "&");
            }
            emitText(value);
            return semicolon + 1;
        }

        private String numericReference(int from, int to) {
            boolean hex = from < to && (s.charAt(from) == 'x' || s.charAt(from) == 'X');
            int start = hex ? from + 1 : from;
            if (start >= to || to - start > 8) {
                return null;
            }
            int code;
            try {
                code = Integer.parseInt(s, start, to, hex ? 16 : 10);
            } catch (NumberFormatException e) {
                return null;
            }
            if (code >= 0x80 && code <= 0x9f) {
                return String.valueOf(LenientByteReader.windows1252(code)); // as browsers do
            }
            if (code <= 0 || code > Character.MAX_CODE_POINT || (code >= 0xd800 && code <= 0xdfff)) {
                return "\ufffd";
            }
            return Character.toString(code);
        }

        /** At '<' in HTML: skips a tag, comment or declaration and records the break it implies. */
        private int tag(int i) {
            if (i + 1 >= n) {
                return literal(i, "<");
            }
            char next = s.charAt(i + 1);
            if (next == '!') {
                if (s.startsWith("<!--", i)) {
                    int end = s.indexOf("-->", i + 4);
                    return end < 0 ? n : end + 3;
                }
                if (s.startsWith("<![CDATA[", i)) {
                    int end = s.indexOf("]]>", i + 9);
                    int stop = end < 0 ? n : end;
                    emitText(s.substring(i + 9, stop));
                    return end < 0 ? n : end + 3;
                }
                int end = s.indexOf('>', i);
                return end < 0 ? n : end + 1;
            }
            boolean closing = next == '/';
            int nameStart = closing ? i + 2 : i + 1;
            int k = nameStart;
            while (k < n && (isAsciiLetter(s.charAt(k)) || (k > nameStart && Character.isDigit(s.charAt(k))))) {
                k++;
            }
            if (k == nameStart) {
                return literal(i, "<");
            }
            int end = tagEnd(k);
            if (end < 0) {
                return literal(i, "<");
            }
            String name = s.substring(nameStart, k).toLowerCase(java.util.Locale.ROOT);
            if (!closing && (name.equals("script") || name.equals("style"))) {
                int close = indexOfIgnoreCase("</" + name, end);
                int closeEnd = close < 0 ? -1 : tagEnd(close + 2);
                return closeEnd < 0 ? n : closeEnd + 1;
            }
            switch (name) {
                case "br" -> {
                    if (pending >= LINE) {
                        raise(PARAGRAPH);
                    } else {
                        raise(LINE);
                    }
                }
                case "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "blockquote",
                        "table", "pre", "hr", "section", "article", "header", "footer", "aside", "nav",
                        "main", "figure", "address", "form", "fieldset" -> raise(PARAGRAPH);
                case "li", "tr", "dt", "dd", "figcaption", "caption", "option", "tbody", "thead" -> raise(LINE);
                case "td", "th" -> raise(SPACE);
                default -> { }
            }
            return end + 1;
        }

        /** Position of the '>' ending a tag whose name ends at {@code from}, honouring quotes. */
        private int tagEnd(int from) {
            char quote = 0;
            for (int k = from; k < n; k++) {
                char c = s.charAt(k);
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '>') {
                    return k;
                }
            }
            return -1;
        }

        private int indexOfIgnoreCase(String needle, int from) {
            for (int k = s.indexOf('<', from); k >= 0; k = s.indexOf('<', k + 1)) {
                if (s.regionMatches(true, k, needle, 0, needle.length())) {
                    return k;
                }
            }
            return -1;
        }
    }
}
