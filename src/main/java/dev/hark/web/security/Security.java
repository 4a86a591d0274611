package dev.hark.web.security;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The web server's gate, installed into Javalin before any other handler. For every request
 * it sends the {@link SecurityHeaders}; then:
 * <ul>
 *   <li>bound to loopback: no login; the Host header must be a loopback name too, which
 *       stops DNS-rebinding pages from talking to the server;</li>
 *   <li>bound elsewhere: a session cookie (from {@code /login}) or an API token is needed,
 *       except for {@code /healthz}, {@code /static/} and the login page. Pages redirect to
 *       {@code /login?next=...}; {@code /api/} answers 401 JSON.</li>
 * </ul>
 * Requests that change state (anything but GET, HEAD, OPTIONS) from browsers must carry the
 * CSRF token ({@code X-CSRF-Token} header or {@code _csrf} form field, see
 * {@link #csrfToken(Context)}) and, when the browser names it, come from this site's origin.
 * Thread-safe.
 */
public final class Security {

    static final String CALLER_ATTRIBUTE = "hark.security.caller";
    static final String NOT_LOGGED_IN = "Log in or send an API token";
    static final String BAD_TOKEN = "The API token is unknown or has been revoked";
    static final String CROSS_SITE = "This request came from another site";
    static final String BAD_CSRF = "The form is out of date or incomplete (missing CSRF token); reload the page and try again";
    static final String WRONG_HOST = "This Hark server answers only to localhost addresses";
    private static final Duration BROWSER_COOKIE_LIFETIME = Duration.ofDays(365);

    private final boolean loginRequired;
    private final SessionStore sessions;
    private final ApiTokens tokens;
    private final CsrfProtection csrf;
    private final Clock clock;
    private final LoginRoutes login;

    /**
     * @param bindHost the address the server listens on, as configured; decides whether a login is needed
     * @throws UnsafeBindingException when {@code bindHost} is reachable from other machines and no password is set
     */
    public Security(String bindHost, Credentials credentials, SessionStore sessions, ApiTokens tokens,
                    CsrfProtection csrf, LoginThrottle throttle, Clock clock) {
        requireSafeBinding(bindHost, credentials.isPasswordSet());
        this.loginRequired = !LoopbackAddress.isLoopback(bindHost);
        this.sessions = sessions;
        this.tokens = tokens;
        this.csrf = csrf;
        this.clock = clock;
        this.login = new LoginRoutes(loginRequired, credentials, sessions, throttle, clock);
    }

    /**
     * Refuses to serve other machines without a password; call before starting the server.
     *
     * @throws UnsafeBindingException "Hark is bound to H, which other machines can reach; set a
     *                                password first with: hark user set-password"
     */
    public static void requireSafeBinding(String host, boolean passwordSet) {
        LoopbackAddress.requireSafeBinding(host, passwordSet);
    }

    public boolean loginRequired() {
        return loginRequired;
    }

    /**
     * Adds the gate as the first before-handler and the {@code /login} (GET, POST) and
     * {@code /logout} (POST) routes. Call first in {@code Javalin.create(config -> ...)}, so
     * that the gate runs before every other handler.
     */
    public void install(JavalinConfig config) {
        config.router.mount(router -> {
            router.before(this::gate);
            router.get(LoginRoutes.LOGIN, login::page);
            router.post(LoginRoutes.LOGIN, login::submit);
            router.post(LoginRoutes.LOGOUT, login::logout);
        });
    }

    /** Who made this request; empty on public paths (health, static files, login) and before the gate has run. */
    public static Optional<Caller> caller(Context ctx) {
        return Optional.ofNullable(ctx.attribute(CALLER_ATTRIBUTE));
    }

    /**
     * The CSRF token for pages to put in forms ({@code <input type="hidden" name="_csrf">}) or
     * in a {@code <meta>} for scripts to send as {@code X-CSRF-Token}. Empty when the request
     * has no browser identity (public paths, API-token requests), which need none.
     */
    public String csrfToken(Context ctx) {
        String binding = caller(ctx).map(Caller::csrfBinding).orElse(null);
        return binding == null ? "" : csrf.tokenFor(binding);
    }

    void gate(Context ctx) {
        SecurityHeaders.ALL.forEach(ctx::header);
        if (!loginRequired && ctx.header("Host") != null && !LoopbackAddress.isLoopbackHostHeader(ctx.header("Host"))) {
            reject(ctx, 403, WRONG_HOST);
            return;
        }
        String path = ctx.path();
        if (isPublic(path)) {
            return;
        }
        Caller caller;
        String bearer = bearerToken(ctx.header("Authorization"));
        Instant now = clock.instant();
        if (bearer != null) {
            Optional<ApiTokens.ApiToken> token = tokens.authenticate(bearer, now);
            if (token.isEmpty()) {
                reject(ctx, 401, BAD_TOKEN);
                return;
            }
            caller = new Caller.Script(token.get());
        } else if (loginRequired) {
            Optional<SessionStore.Session> session = sessions.find(ctx.cookie(BrowserCookies.SESSION), now);
            if (session.isEmpty()) {
                askToLogIn(ctx, path);
                return;
            }
            if (session.get().renewedAt(now)) {
                BrowserCookies.set(ctx, BrowserCookies.SESSION, ctx.cookie(BrowserCookies.SESSION), SessionStore.LIFETIME);
            }
            caller = new Caller.Owner(session.get());
        } else {
            caller = localBrowser(ctx);
        }
        ctx.attribute(CALLER_ATTRIBUTE, caller);
        if (CsrfProtection.changesState(ctx.method().name()) && caller.csrfBinding() != null) {
            if (!sameOrigin(ctx)) {
                reject(ctx, 403, CROSS_SITE);
            } else if (!csrf.verify(caller.csrfBinding(), presentedCsrfToken(ctx))) {
                reject(ctx, 403, BAD_CSRF);
            }
        }
    }

    static boolean isPublic(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.contains("..") || lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c")
                || lower.contains("\\")) {
            return false; // never let an odd spelling of a private path pass as a public one
        }
        return path.equals("/healthz") || path.equals("/healthz/") || path.startsWith("/static/")
                || path.equals(LoginRoutes.LOGIN) || path.equals(LoginRoutes.LOGIN + "/");
    }

    static boolean sameOrigin(Context ctx) {
        List<String> hosts = new ArrayList<>(2);
        hosts.add(ctx.header("Host"));
        String forwarded = ctx.header("X-Forwarded-Host");
        if (forwarded != null) {
            // a browser cannot set this header on a cross-site request, so a proxy put it there
            hosts.add(forwarded.split(",")[0]);
        }
        return CsrfProtection.originAllowed(ctx.header("Origin"), ctx.header("Referer"), hosts);
    }

    private void askToLogIn(Context ctx, String path) {
        String method = ctx.method().name();
        if (!isApi(path) && (method.equals("GET") || method.equals("HEAD"))) {
            String query = ctx.queryString();
            String next = SafeRedirect.next(query == null ? path : path + "?" + query);
            ctx.header("Cache-Control", "no-store");
            ctx.redirect(LoginRoutes.LOGIN + "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
            ctx.skipRemainingHandlers();
            return;
        }
        reject(ctx, 401, NOT_LOGGED_IN);
    }

    private Caller localBrowser(Context ctx) {
        String id = ctx.cookie(BrowserCookies.BROWSER);
        if (!Tokens.looksRandom(id)) {
            id = Tokens.random();
            BrowserCookies.set(ctx, BrowserCookies.BROWSER, id, BROWSER_COOKIE_LIFETIME);
        }
        return new Caller.LocalBrowser(Tokens.sha256(id));
    }

    private static String presentedCsrfToken(Context ctx) {
        String header = ctx.header(CsrfProtection.HEADER);
        if (header != null) {
            return header;
        }
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
            return ctx.formParam(CsrfProtection.FORM_FIELD);
        }
        return null;
    }

    static String bearerToken(String authorization) {
        if (authorization == null || authorization.length() < 7
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return authorization.substring(7).strip();
    }

    static boolean isApi(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }

    /** Answers now and skips every later handler: JSON under /api/, plain text elsewhere. */
    static void reject(Context ctx, int status, String message) {
        ctx.status(status);
        String accept = ctx.header("Accept");
        if (isApi(ctx.path()) || accept != null && accept.contains("application/json")) {
            ctx.contentType("application/json").result("{\"error\":\"" + jsonEscape(message) + "\"}");
        } else {
            ctx.contentType("text/plain; charset=utf-8").result(message + "\n");
        }
        ctx.skipRemainingHandlers();
    }

    private static String jsonEscape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
