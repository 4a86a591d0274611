package dev.hark.web.security;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code GET /login} (the form), {@code POST /login} (check the password, start a session)
 * and {@code POST /logout}. The login form carries no CSRF token, as there is no session yet
 * to derive one from; its POST must still come from this site's origin when the browser says.
 * Every login starts a fresh session id, so a planted cookie cannot be carried into a login.
 * Thread-safe.
 */
final class LoginRoutes {

    static final String LOGIN = "/login";
    static final String LOGOUT = "/logout";
    static final String WRONG_PASSWORD = "Wrong password.";
    static final String API_LOGOUT = "API tokens do not log out; revoke one with: hark user token revoke ID";

    private final boolean loginRequired;
    private final Credentials credentials;
    private final SessionStore sessions;
    private final LoginThrottle throttle;
    private final Clock clock;

    LoginRoutes(boolean loginRequired, Credentials credentials, SessionStore sessions, LoginThrottle throttle,
                Clock clock) {
        this.loginRequired = loginRequired;
        this.credentials = credentials;
        this.sessions = sessions;
        this.throttle = throttle;
        this.clock = clock;
    }

    void page(Context ctx) {
        String next = SafeRedirect.next(ctx.queryParam("next"));
        if (!loginRequired || sessions.find(ctx.cookie(BrowserCookies.SESSION), clock.instant()).isPresent()) {
            ctx.redirect(next, HttpStatus.FOUND);
            return;
        }
        form(ctx, HttpStatus.OK, next, null);
    }

    void submit(Context ctx) {
        String next = SafeRedirect.next(ctx.formParam("next"));
        if (!loginRequired) {
            ctx.redirect(next, HttpStatus.SEE_OTHER);
            return;
        }
        if (!Security.sameOrigin(ctx)) {
            Security.reject(ctx, 403, Security.CROSS_SITE);
            return;
        }
        Instant now = clock.instant();
        String address = ctx.ip();
        if (!throttle.tryAttempt(address, now)) {
            long seconds = Math.max(1, throttle.retryAfter(address, now).plus(Duration.ofMillis(999)).toSeconds());
            ctx.header("Retry-After", Long.toString(seconds));
            form(ctx, HttpStatus.TOO_MANY_REQUESTS, next,
                    "Too many failed logins from your address. Try again in " + seconds + " seconds.");
            return;
        }
        String password = ctx.formParam("password");
        if (!credentials.verify(password == null ? new char[0] : password.toCharArray())) {
            form(ctx, HttpStatus.UNAUTHORIZED, next, WRONG_PASSWORD);
            return;
        }
        throttle.succeeded(address);
        sessions.revoke(ctx.cookie(BrowserCookies.SESSION));
        SessionStore.NewSession session = sessions.create(ctx.userAgent(), now);
        BrowserCookies.set(ctx, BrowserCookies.SESSION, session.token(), SessionStore.LIFETIME);
        ctx.redirect(next, HttpStatus.SEE_OTHER);
    }

    /** Reached only through the gate, so the caller is known and the CSRF token was checked. */
    void logout(Context ctx) {
        Optional<Caller> caller = Security.caller(ctx);
        if (caller.isPresent() && caller.get() instanceof Caller.Script) {
            Security.reject(ctx, 400, API_LOGOUT);
            return;
        }
        if (caller.isPresent() && caller.get() instanceof Caller.Owner) {
            sessions.revoke(ctx.cookie(BrowserCookies.SESSION));
            BrowserCookies.clear(ctx, BrowserCookies.SESSION);
            ctx.redirect(LOGIN, HttpStatus.SEE_OTHER);
            return;
        }
        ctx.redirect(SafeRedirect.HOME, HttpStatus.SEE_OTHER);
    }

    private static void form(Context ctx, HttpStatus status, String next, String message) {
        ctx.status(status);
        ctx.header("Cache-Control", "no-store");
        ctx.html(LoginPage.render(next, message));
    }
}
