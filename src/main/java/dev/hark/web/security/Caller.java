package dev.hark.web.security;

/**
 * Who is making a request that {@link Security} let through. Routes read it with
 * {@link Security#caller(io.javalin.http.Context)}.
 */
public sealed interface Caller {

    /** A browser logged in with the owner's password. */
    record Owner(SessionStore.Session session) implements Caller {
    }

    /** A script or app holding an API token; exempt from CSRF checks, as it sends no cookies. */
    record Script(ApiTokens.ApiToken token) implements Caller {
    }

    /** A browser on this machine while Hark listens on loopback only, where no login is needed. */
    record LocalBrowser(String browserIdHash) implements Caller {
    }

    /** What this caller's CSRF token is derived from; null for a script, which needs none. */
    default String csrfBinding() {
        return switch (this) {
            case Owner owner -> "session:" + owner.session().idHash();
            case LocalBrowser local -> "browser:" + local.browserIdHash();
            case Script script -> null;
        };
    }
}
