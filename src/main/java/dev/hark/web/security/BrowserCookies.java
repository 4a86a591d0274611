package dev.hark.web.security;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

import java.time.Duration;

/**
 * Hark's cookies: HttpOnly (no script reads them), SameSite=Lax (not sent on cross-site
 * POSTs), Path=/, and Secure when the request came over https, directly or through a proxy
 * that says so in X-Forwarded-Proto (a client lying about that only loses its own cookie).
 */
final class BrowserCookies {

    /** The logged-in session: a random token whose hash is in the sessions table. */
    static final String SESSION = "hark_session";
    /** On loopback only: a random id for this browser, which its CSRF tokens are derived from. */
    static final String BROWSER = "hark_browser";

    private BrowserCookies() {
    }

    static boolean overHttps(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }

    static void set(Context ctx, String name, String value, Duration maxAge) {
        ctx.cookie(new Cookie(name, value, "/", (int) maxAge.toSeconds(), overHttps(ctx), 0, true, null, null,
                SameSite.LAX));
    }

    static void clear(Context ctx, String name) {
        ctx.cookie(new Cookie(name, "", "/", 0, overHttps(ctx), 0, true, null, null, SameSite.LAX));
    }
}
