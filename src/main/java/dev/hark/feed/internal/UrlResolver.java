package dev.hark.feed.internal;

/**
 * Resolves the relative URLs in a feed against the feed's own URL (RFC 3986, section 5.2),
 * on plain strings: feeds contain URLs with spaces and other characters that
 * {@link java.net.URI} refuses, and those should come out as written, not be lost.
 * Without a base URL (a local file), relative URLs are left as they are.
 *
 * <p>Thread-safe: immutable.
 */
public final class UrlResolver {

    private final String scheme;
    private final String authority;
    private final String path;
    private final String withoutFragment;

    /** @param baseUrl the feed's absolute URL, or null */
    public UrlResolver(String baseUrl) {
        String base = baseUrl == null ? null : baseUrl.strip();
        if (base == null || schemeEnd(base) < 0) {
            scheme = null;
            authority = null;
            path = null;
            withoutFragment = null;
            return;
        }
        int colon = schemeEnd(base);
        scheme = base.substring(0, colon);
        int hash = base.indexOf('#');
        withoutFragment = hash < 0 ? base : base.substring(0, hash);
        String rest = withoutFragment.substring(colon + 1);
        int pathStart = 0;
        if (rest.startsWith("//")) {
            pathStart = indexOfAny(rest, 2, "/?");
            if (pathStart < 0) {
                pathStart = rest.length();
            }
            authority = rest.substring(0, pathStart);
        } else {
            authority = "";
        }
        int query = rest.indexOf('?', pathStart);
        path = rest.substring(pathStart, query < 0 ? rest.length() : query);
    }

    /** The absolute form of {@code reference} (trimmed), or null when it is blank. */
    public String resolve(String reference) {
        if (reference == null) {
            return null;
        }
        String ref = reference.strip();
        if (ref.isEmpty()) {
            return null;
        }
        if (scheme == null || schemeEnd(ref) >= 0) {
            return ref;
        }
        if (ref.startsWith("//")) {
            return scheme + ":" + ref;
        }
        if (ref.startsWith("#")) {
            return withoutFragment + ref;
        }
        String prefix = scheme + ":" + authority;
        if (ref.startsWith("?")) {
            return prefix + path + ref;
        }
        int suffixAt = indexOfAny(ref, 0, "?#");
        String refPath = suffixAt < 0 ? ref : ref.substring(0, suffixAt);
        String suffix = suffixAt < 0 ? "" : ref.substring(suffixAt);
        String merged;
        if (refPath.startsWith("/")) {
            merged = refPath;
        } else if (!authority.isEmpty() && path.isEmpty()) {
            merged = "/" + refPath;
        } else {
            merged = path.substring(0, path.lastIndexOf('/') + 1) + refPath;
        }
        return prefix + removeDotSegments(merged) + suffix;
    }

    /** Index of the ':' ending a URL scheme at the start of {@code s}, or -1. */
    private static int schemeEnd(String s) {
        if (s.isEmpty() || !isLetter(s.charAt(0))) {
            return -1;
        }
        for (int i = 1; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == ':') {
                return i;
            }
            if (!(isLetter(ch) || (ch >= '0' && ch <= '9') || ch == '+' || ch == '-' || ch == '.')) {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isLetter(char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
    }

    private static int indexOfAny(String s, int from, String chars) {
        for (int i = from; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** RFC 3986, section 5.2.4. */
    static String removeDotSegments(String input) {
        if (!input.contains(".")) {
            return input;
        }
        String in = input;
        StringBuilder out = new StringBuilder(in.length());
        while (!in.isEmpty()) {
            if (in.startsWith("../")) {
                in = in.substring(3);
            } else if (in.startsWith("./")) {
                in = in.substring(2);
            } else if (in.startsWith("/./")) {
                in = in.substring(2);
            } else if (in.equals("/.")) {
                in = "/";
            } else if (in.startsWith("/../") || in.equals("/..")) {
                in = in.length() == 3 ? "/" : in.substring(3);
                int slash = out.lastIndexOf("/");
                out.setLength(Math.max(slash, 0));
            } else if (in.equals(".") || in.equals("..")) {
                in = "";
            } else {
                int next = in.indexOf('/', in.startsWith("/") ? 1 : 0);
                if (next < 0) {
                    next = in.length();
                }
                out.append(in, 0, next);
                in = in.substring(next);
            }
        }
        return out.toString();
    }
}
