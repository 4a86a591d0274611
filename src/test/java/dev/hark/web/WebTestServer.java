package dev.hark.web;

import dev.hark.app.Config;
import dev.hark.app.Hark;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real app (library, jobs, web) on 127.0.0.1 and a free port, with an HTTP client that
 * behaves like the browser page: it keeps cookies and sends the page's CSRF token on changes.
 */
final class WebTestServer implements AutoCloseable {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]*)\">");

    final Hark hark;
    final WebServer web;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new CookieManager()).build();
    private String csrf;

    WebTestServer(Path data) {
        this(Config.defaults(data));
    }

    WebTestServer(Config config) {
        hark = Hark.open(config.withServer("127.0.0.1", 0));
        web = new WebServer(hark, "127.0.0.1").start(0);
    }

    String url(String path) {
        return "http://127.0.0.1:" + web.port() + path;
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> getBytes(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A state-changing request as the page's script sends it: with the CSRF token from the page. */
    HttpResponse<String> send(String method, String path, String json, String... headers)
            throws IOException, InterruptedException {
        if (csrf == null) {
            Matcher token = CSRF.matcher(get("/settings").body());
            if (!token.find()) {
                throw new IllegalStateException("The page carries no CSRF token");
            }
            csrf = token.group(1);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json")
                .header("X-CSRF-Token", csrf);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A state-changing request with no CSRF token, as a forged cross-site request would be. */
    HttpResponse<String> sendWithoutToken(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url(path)))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json")
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        web.close();
        hark.close();
    }
}
