package dev.hark.web.security;

import dev.hark.library.Database;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The gate on a real Javalin server on 127.0.0.1, called with the JDK's HTTP client. */
class SecurityWebTest {

    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path data;

    @TempDir
    Path assets;

    private Database database;
    private Credentials credentials;
    private ApiTokens tokens;
    private Security security;
    private Javalin app;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** Serves dummy routes behind the gate; {@code bindHost} is what the gate is told, the socket is always loopback. */
    private void start(String bindHost, boolean withPassword) throws IOException {
        Files.writeString(assets.resolve("app.css"), "body{}");
        database = Database.open(data);
        credentials = new Credentials(database.jdbi(), new PasswordHasher(4));
        if (withPassword) {
            credentials.setPassword(PASSWORD.toCharArray(), Instant.now());
        }
        tokens = new ApiTokens(database.jdbi());
        security = new Security(bindHost, credentials, new SessionStore(database.jdbi()), tokens,
                CsrfProtection.fromSecrets(new ServerSecrets(database.jdbi())), LoginThrottle.standard(),
                Clock.systemUTC());
        app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            security.install(config);
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = assets.toString();
                files.location = Location.EXTERNAL;
            });
            config.router.mount(router -> {
                router.get("/", ctx -> ctx.result("home"));
                router.get("/healthz", ctx -> ctx.result("ok"));
                router.get("/csrf", ctx -> ctx.result(security.csrfToken(ctx)));
                router.get("/api/things", ctx -> ctx.json(List.of("a")));
                router.post("/api/things", ctx -> ctx.result("changed"));
                router.post("/things", ctx -> ctx.result("changed " + ctx.formParam("name")));
                router.get("/who", ctx -> ctx.result(Security.caller(ctx).orElseThrow().getClass().getSimpleName()));
            });
        }).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
        if (database != null) {
            database.close();
        }
    }

    // ---- loopback

    @Test
    void bound_to_loopback_pages_and_the_api_need_no_login() throws Exception {
        start("127.0.0.1", false);

        assertThat(security.loginRequired()).isFalse();
        HttpResponse<String> page = get("/", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).isEqualTo("home");
        assertThat(get("/api/things", null).statusCode()).isEqualTo(200);
        assertThat(get("/login", null).statusCode()).isEqualTo(302);
    }

    @Test
    void bound_to_loopback_changes_still_need_the_csrf_token_of_this_browser() throws Exception {
        start("localhost", false);

        assertThat(post("/api/things", null, null, "").statusCode()).isEqualTo(403);
        HttpResponse<String> first = get("/csrf", null);
        String cookie = cookie(first, BrowserCookies.BROWSER);
        assertThat(cookie).isNotNull();
        String token = first.body();
        assertThat(token).isNotEmpty();
        assertThat(get("/csrf", cookie).body()).isEqualTo(token);
        assertThat(get("/who", cookie).body()).isEqualTo("LocalBrowser");

        HttpResponse<String> changed = send(HttpRequest.newBuilder(uri("/api/things")).header("Cookie", cookie)
                .header(CsrfProtection.HEADER, token).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(changed.statusCode()).isEqualTo(200);
        // another browser's token does not fit this one
        String otherCookie = cookie(get("/csrf", null), BrowserCookies.BROWSER);
        assertThat(send(HttpRequest.newBuilder(uri("/api/things")).header("Cookie", otherCookie)
                .header(CsrfProtection.HEADER, token).POST(HttpRequest.BodyPublishers.noBody())).statusCode())
                .isEqualTo(403);
    }

    @Test
    void bound_to_loopback_a_request_for_another_host_name_is_refused_against_dns_rebinding() throws Exception {
        start("127.0.0.1", false);

        assertThat(rawStatusLine("GET / HTTP/1.1\r\nHost: evil.example:" + app.port() + "\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 403");
        assertThat(rawStatusLine("GET / HTTP/1.1\r\nHost: localhost:" + app.port() + "\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 200");
    }

    @Test
    void a_server_other_machines_can_reach_will_not_start_without_a_password() {
        database = Database.open(data);
        Credentials none = new Credentials(database.jdbi(), new PasswordHasher(4));

        assertThatThrownBy(() -> new Security("0.0.0.0", none, new SessionStore(database.jdbi()),
                new ApiTokens(database.jdbi()), new CsrfProtection(new byte[32]), LoginThrottle.standard(),
                Clock.systemUTC()))
                .isInstanceOf(UnsafeBindingException.class)
                .hasMessage("Hark is bound to 0.0.0.0, which other machines can reach; set a password first with: "
                        + "hark user set-password");
        assertThatThrownBy(() -> Security.requireSafeBinding("192.168.1.20", false))
                .isInstanceOf(UnsafeBindingException.class);
    }

    // ---- login required

    @Test
    void bound_to_the_network_a_page_redirects_to_login_and_the_api_answers_401() throws Exception {
        start("0.0.0.0", true);

        assertThat(security.loginRequired()).isTrue();
        HttpResponse<String> page = get("/episodes/4?t=30", null);
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).contains("/login?next=%2Fepisodes%2F4%3Ft%3D30");

        HttpResponse<String> api = get("/api/things", null);
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(api.body()).isEqualTo("{\"error\":\"Log in or send an API token\"}");

        assertThat(post("/api/things", null, null, "").statusCode()).isEqualTo(401);
        assertThat(get("/healthz", null).body()).isEqualTo("ok");
        HttpResponse<String> css = get("/static/app.css", null);
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.body()).isEqualTo("body{}");
        assertThat(get("/static/../api/things", null).statusCode()).isNotEqualTo(200);
        assertThat(get("/static/%2e%2e/api/things", null).statusCode()).isNotEqualTo(200);
        for (String odd : List.of("/static/../api/things", "/static/%2e%2e/api/things", "/static/..%2fapi/things",
                "/static/%2E%2E/%2E%2E/api/things", "/API/things", "//api/things", "/api/things/")) {
            String status = rawStatusLine("GET " + odd + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            assertThat(status).as(odd).doesNotStartWith("HTTP/1.1 200");
        }
    }

    @Test
    void the_login_page_is_a_plain_form_that_keeps_a_safe_next_path() throws Exception {
        start("0.0.0.0", true);

        HttpResponse<String> page = get("/login?next=" + enc("/episodes/4"), null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\" action=\"/login\">")
                .contains("name=\"next\" value=\"/episodes/4\"")
                .contains("type=\"password\"")
                .doesNotContain("<script").doesNotContain("style=");
        assertThat(get("/login?next=" + enc("//evil.example"), null).body())
                .contains("name=\"next\" value=\"/\"").doesNotContain("evil");
    }

    @Test
    void a_wrong_password_answers_401_and_the_sixth_fast_failure_429() throws Exception {
        start("0.0.0.0", true);

        for (int i = 0; i < 5; i++) {
            HttpResponse<String> wrong = login("wrong password " + i, "/");
            assertThat(wrong.statusCode()).as("attempt " + (i + 1)).isEqualTo(401);
            assertThat(wrong.body()).contains("Wrong password.");
            assertThat(cookie(wrong, BrowserCookies.SESSION)).isNull();
        }
        HttpResponse<String> limited = login(PASSWORD, "/");

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After").map(Integer::parseInt).orElseThrow()).isBetween(1, 60);
        assertThat(limited.body()).contains("Too many failed logins");
        assertThat(cookie(limited, BrowserCookies.SESSION)).isNull();
    }

    @Test
    void the_right_password_sets_an_http_only_same_site_cookie_that_opens_pages() throws Exception {
        start("0.0.0.0", true);

        HttpResponse<String> ok = login(PASSWORD, "/episodes/4");

        assertThat(ok.statusCode()).isEqualTo(303);
        assertThat(ok.headers().firstValue("Location")).contains("/episodes/4");
        String setCookie = ok.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith(BrowserCookies.SESSION + "=")).findFirst().orElseThrow();
        assertThat(setCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
                .contains("Path=/").doesNotContainIgnoringCase("Secure");
        String cookie = cookie(ok, BrowserCookies.SESSION);
        HttpResponse<String> page = get("/", cookie);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).isEqualTo("home");
        assertThat(get("/who", cookie).body()).isEqualTo("Owner");
        assertThat(get("/login", cookie).statusCode()).isEqualTo(302);
    }

    @Test
    void the_session_cookie_is_secure_when_a_proxy_says_the_request_was_https() throws Exception {
        start("0.0.0.0", true);

        HttpResponse<String> ok = send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-Proto", "https")
                .POST(HttpRequest.BodyPublishers.ofString("password=" + enc(PASSWORD))));

        assertThat(ok.headers().allValues("Set-Cookie")).anySatisfy(value ->
                assertThat(value).startsWith(BrowserCookies.SESSION + "=").containsIgnoringCase("Secure"));
    }

    @Test
    void login_never_redirects_to_another_site() throws Exception {
        start("0.0.0.0", true);

        for (String next : List.of("//evil.example", "https://evil.example/", "/\\evil.example", "/\t/evil.example")) {
            HttpResponse<String> ok = login(PASSWORD, next);
            assertThat(ok.statusCode()).isEqualTo(303);
            assertThat(ok.headers().firstValue("Location")).as(next).hasValueSatisfying(location ->
                    assertThat(location).doesNotContain("evil").endsWith("/"));
        }
    }

    @Test
    void a_login_post_from_another_site_is_refused() throws Exception {
        start("0.0.0.0", true);

        HttpResponse<String> forged = send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("password=" + enc(PASSWORD))));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(cookie(forged, BrowserCookies.SESSION)).isNull();
    }

    @Test
    void a_logged_in_post_needs_the_csrf_token_in_a_header_or_form_field() throws Exception {
        start("0.0.0.0", true);
        String cookie = cookie(login(PASSWORD, "/"), BrowserCookies.SESSION);
        String token = get("/csrf", cookie).body();
        assertThat(token).matches("[A-Za-z0-9_-]{43}");

        HttpResponse<String> missing = post("/api/things", cookie, null, "");
        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(missing.body()).startsWith("{\"error\":\"").contains("CSRF");
        assertThat(post("/api/things", cookie, "not-the-token", "").statusCode()).isEqualTo(403);
        assertThat(post("/api/things", cookie, token, "").statusCode()).isEqualTo(200);

        HttpResponse<String> form = send(HttpRequest.newBuilder(uri("/things")).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=x&_csrf=" + enc(token))));
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).isEqualTo("changed x");
        HttpResponse<String> formWithout = send(HttpRequest.newBuilder(uri("/things")).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=x")));
        assertThat(formWithout.statusCode()).isEqualTo(403);
        assertThat(formWithout.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    }

    @Test
    void a_post_with_the_token_from_another_origin_is_refused() throws Exception {
        start("0.0.0.0", true);
        String cookie = cookie(login(PASSWORD, "/"), BrowserCookies.SESSION);
        String token = get("/csrf", cookie).body();
        String self = "http://127.0.0.1:" + app.port();

        assertThat(send(postWith(cookie, token).header("Origin", "https://evil.example")).statusCode()).isEqualTo(403);
        assertThat(send(postWith(cookie, token).header("Referer", "https://evil.example/page")).statusCode())
                .isEqualTo(403);
        assertThat(send(postWith(cookie, token).header("Origin", self)).statusCode()).isEqualTo(200);
        assertThat(send(postWith(cookie, token).header("Referer", self + "/episodes")).statusCode()).isEqualTo(200);
    }

    @Test
    void an_api_token_opens_the_api_without_csrf_until_it_is_revoked() throws Exception {
        start("0.0.0.0", true);
        ApiTokens.CreatedToken created = tokens.create("script", Instant.now());

        HttpResponse<String> read = send(HttpRequest.newBuilder(uri("/api/things"))
                .header("Authorization", "Bearer " + created.secret()));
        assertThat(read.statusCode()).isEqualTo(200);
        HttpResponse<String> write = send(HttpRequest.newBuilder(uri("/api/things"))
                .header("Authorization", "Bearer " + created.secret()).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(write.statusCode()).isEqualTo(200);
        assertThat(write.body()).isEqualTo("changed");

        tokens.revoke(created.token().id());

        HttpResponse<String> revoked = send(HttpRequest.newBuilder(uri("/api/things"))
                .header("Authorization", "Bearer " + created.secret()));
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(revoked.body()).isEqualTo("{\"error\":\"The API token is unknown or has been revoked\"}");
    }

    @Test
    void logging_out_ends_the_session() throws Exception {
        start("0.0.0.0", true);
        String cookie = cookie(login(PASSWORD, "/"), BrowserCookies.SESSION);
        String token = get("/csrf", cookie).body();

        assertThat(post("/logout", cookie, null, "").statusCode()).isEqualTo(403);
        HttpResponse<String> out = post("/logout", cookie, token, "");

        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("Location")).contains("/login");
        assertThat(out.headers().allValues("Set-Cookie")).anySatisfy(value ->
                assertThat(value).startsWith(BrowserCookies.SESSION + "=;").containsIgnoringCase("Max-Age=0"));
        assertThat(get("/", cookie).statusCode()).isEqualTo(302);
    }

    @Test
    void a_login_replaces_any_session_the_browser_already_had() throws Exception {
        start("0.0.0.0", true);
        String first = cookie(login(PASSWORD, "/"), BrowserCookies.SESSION);

        HttpResponse<String> again = send(HttpRequest.newBuilder(uri("/login")).header("Cookie", first)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("password=" + enc(PASSWORD))));
        String second = cookie(again, BrowserCookies.SESSION);

        assertThat(second).isNotEqualTo(first);
        assertThat(get("/", first).statusCode()).isEqualTo(302);
        assertThat(get("/", second).statusCode()).isEqualTo(200);
    }

    @Test
    void every_response_carries_the_security_headers() throws Exception {
        start("0.0.0.0", true);
        String cookie = cookie(login(PASSWORD, "/"), BrowserCookies.SESSION);

        List<HttpResponse<String>> responses = new ArrayList<>();
        responses.add(get("/", cookie));
        responses.add(get("/", null));
        responses.add(get("/api/things", null));
        responses.add(get("/login", null));
        responses.add(get("/healthz", null));
        responses.add(get("/static/app.css", null));
        responses.add(get("/no-such-page", cookie));
        responses.add(post("/api/things", cookie, null, ""));

        for (HttpResponse<String> response : responses) {
            var headers = response.headers();
            assertThat(headers.firstValue("Content-Security-Policy")).as(response.uri() + " " + response.statusCode())
                    .contains("default-src 'self'; img-src 'self' https: http: data:; media-src 'self'; "
                            + "script-src 'self'; style-src 'self'; object-src 'none'; frame-ancestors 'none'; "
                            + "base-uri 'self'; form-action 'self'");
            assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(headers.firstValue("Referrer-Policy")).contains("same-origin");
            assertThat(headers.firstValue("X-Frame-Options")).contains("DENY");
        }
    }

    // ---- helpers

    private HttpRequest.Builder postWith(String cookie, String token) {
        return HttpRequest.newBuilder(uri("/api/things")).header("Cookie", cookie).header(CsrfProtection.HEADER, token)
                .POST(HttpRequest.BodyPublishers.noBody());
    }

    private HttpResponse<String> login(String password, String next) throws Exception {
        return send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=owner&password=" + enc(password)
                        + "&next=" + enc(next))));
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return send(request);
    }

    private HttpResponse<String> post(String path, String cookie, String csrfToken, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        if (csrfToken != null) {
            request.header(CsrfProtection.HEADER, csrfToken);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + app.port() + path);
    }

    /** "name=value" from the response's Set-Cookie for {@code name}, for sending back; null if not set. */
    private static String cookie(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith(name + "="))
                .map(value -> value.split(";", 2)[0])
                .findFirst().orElse(null);
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Sends raw HTTP, for headers the JDK client will not set (Host); returns the status line. */
    private String rawStatusLine(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", app.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return response.lines().findFirst().orElse("");
        }
    }
}
