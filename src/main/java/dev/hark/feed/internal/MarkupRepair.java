package dev.hark.feed.internal;

/**
 * The repairs worth a second parse. An ampersand that does not start a reference
 * ({@code Tom & Jerry}, {@code ?a=1&b=2} in a URL) is the commonest way feeds stop being
 * well-formed XML; a character reference to a character XML forbids ({@code &#0;}, {@code &#x1B;})
 * is the next. CDATA sections and comments are left alone, since {@code &} is literal there.
 *
 * <p>Thread-safe: stateless.
 */
public final class MarkupRepair {

    private static final int MAX_REFERENCE = 40;

    private MarkupRepair() {
    }

    /**
     * The document with bare ampersands escaped and references to forbidden characters removed,
     * or null when it has neither.
     */
    public static String repair(String xml) {
        StringBuilder out = null;
        int copied = 0;
        int n = xml.length();
        int i = 0;
        while (i < n) {
            char ch = xml.charAt(i);
            if (ch == '<') {
                i = skipLiteralSection(xml, i);
            } else if (ch == '&' && !isReference(xml, i)) {
                if (out == null) {
                    out = new StringBuilder(n + 64);
                }
                out.append(xml, copied, i).append("&amp;");
                copied = i + 1;
                i++;
            } else if (ch == '&' && isForbiddenCharacterReference(xml, i)) {
                if (out == null) {
                    out = new StringBuilder(n + 64);
                }
                out.append(xml, copied, i);
                i = xml.indexOf(';', i) + 1;
                copied = i;
            } else {
                i++;
            }
        }
        if (out == null) {
            return null;
        }
        return out.append(xml, copied, n).toString();
    }

    /** At '<': the index after a CDATA section or comment, or just past the '<'. */
    private static int skipLiteralSection(String xml, int i) {
        String end = xml.startsWith("<![CDATA[", i) ? "]]>" : xml.startsWith("<!--", i) ? "-->" : null;
        if (end == null) {
            return i + 1;
        }
        int close = xml.indexOf(end, i + 4);
        return close < 0 ? xml.length() : close + end.length();
    }

    /** {@code &name;}, {@code &#123;} or {@code &#x1F;} starting at {@code i}. */
    private static boolean isReference(String xml, int i) {
        int n = Math.min(xml.length(), i + MAX_REFERENCE);
        int k = i + 1;
        if (k < n && xml.charAt(k) == '#') {
            k++;
            boolean hex = k < n && (xml.charAt(k) == 'x' || xml.charAt(k) == 'X');
            if (hex) {
                k++;
            }
            int digitsStart = k;
            while (k < n && (Character.isDigit(xml.charAt(k)) || (hex && isHexLetter(xml.charAt(k))))) {
                k++;
            }
            return k > digitsStart && k < n && xml.charAt(k) == ';';
        }
        if (k >= n || !(Character.isLetter(xml.charAt(k)) || xml.charAt(k) == '_')) {
            return false;
        }
        while (k < n && (Character.isLetterOrDigit(xml.charAt(k)) || ".-_:".indexOf(xml.charAt(k)) >= 0)) {
            k++;
        }
        return k < n && xml.charAt(k) == ';';
    }

    /** {@code &#...;} naming a character XML 1.0 does not allow; only called on a valid reference. */
    private static boolean isForbiddenCharacterReference(String xml, int i) {
        if (i + 2 >= xml.length() || xml.charAt(i + 1) != '#') {
            return false;
        }
        boolean hex = xml.charAt(i + 2) == 'x' || xml.charAt(i + 2) == 'X';
        int start = hex ? i + 3 : i + 2;
        int end = xml.indexOf(';', start);
        if (end - start > 8) {
            return true;
        }
        int code = Integer.parseInt(xml, start, end, hex ? 16 : 10);
        boolean allowed = code == 0x9 || code == 0xA || code == 0xD || (code >= 0x20 && code <= 0xD7FF)
                || (code >= 0xE000 && code <= 0xFFFD) || (code >= 0x10000 && code <= 0x10FFFF);
        return !allowed;
    }

    private static boolean isHexLetter(char ch) {
        return (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F');
    }
}
