package dev.hark.web.security;

/**
 * Where to send the browser after logging in: only a path on this site, so a crafted
 * {@code /login?next=} link cannot bounce the user to another site. Pure.
 */
public final class SafeRedirect {

    public static final String HOME = "/";
    private static final int MAX_LENGTH = 2000;

    private SafeRedirect() {
    }

    /**
     * {@code next} when it is a same-site absolute path ("/episodes/4?t=30"), else "/".
     * Refused: "//host" and "/\host" (other sites to a browser), any scheme, whitespace and
     * control characters (browsers drop tabs and newlines, so "/\t/host" would become
     * "//host"), non-ASCII, and the login and logout pages themselves.
     */
    public static String next(String next) {
        if (next == null || next.isEmpty() || next.length() > MAX_LENGTH || next.charAt(0) != '/') {
            return HOME;
        }
        if (next.startsWith("//")) {
            return HOME;
        }
        for (int i = 0; i < next.length(); i++) {
            char c = next.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == '\\') {
                return HOME;
            }
        }
        String path = next.split("[?#]", 2)[0];
        if (path.equals("/login") || path.equals("/logout") || path.startsWith("/login/") || path.startsWith("/logout/")) {
            return HOME;
        }
        return next;
    }
}
