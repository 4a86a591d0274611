package dev.hark.feed;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * One call of {@link FeedFetcher#fetch}: the requests along a redirect chain and the reading of
 * the final body, all before one deadline. Runs on its own thread; {@link #abort()} may be called
 * from another thread to close whatever body is being read, which ends a stalled read at once.
 */
final class FetchAttempt {

    private static final String ACCEPT =
            "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8";

    private final HttpClient client;
    private final FetchLimits limits;
    private final String etag;
    private final String lastModified;
    private final long deadline;
    private final RedirectTrail trail;

    private InputStream openBody; // guarded by this
    private boolean aborted;      // guarded by this

    FetchAttempt(HttpClient client, FetchLimits limits, URI start, String etag, String lastModified, long deadline) {
        this.client = client;
        this.limits = limits;
        this.etag = etag;
        this.lastModified = lastModified;
        this.deadline = deadline;
        this.trail = new RedirectTrail(start, limits.maxRedirects());
    }

    FetchResult run() {
        try {
            while (true) {
                HttpResponse<InputStream> response = send(trail.current());
                int status = response.statusCode();
                if (!RedirectTrail.isRedirect(status)) {
                    return answer(response);
                }
                close(response.body());
                trail.follow(status, response.headers().firstValue("Location").orElse(null));
            }
        } catch (FetchFailure failure) {
            return failure.toResult();
        }
    }

    /** Closes the body being read, if any, and any body that arrives later. Idempotent. */
    synchronized void abort() {
        aborted = true;
        if (openBody != null) {
            close(openBody);
        }
    }

    static FetchFailure timeout(FetchLimits limits) {
        return new FetchFailure(FetchError.TIMEOUT, "limit " + describe(limits.totalTimeout()));
    }

    private FetchResult answer(HttpResponse<InputStream> response) throws FetchFailure {
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            close(response.body());
            return switch (status) {
                case 304 -> new FetchResult.NotModified(trail.permanentUrl());
                case 410 -> new FetchResult.Gone();
                case 404 -> throw new FetchFailure(FetchError.NOT_FOUND, null);
                default -> throw new FetchFailure(status >= 500 ? FetchError.SERVER_ERROR : FetchError.HTTP_ERROR,
                        "HTTP " + status);
            };
        }
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        String encoding = response.headers().firstValue("Content-Encoding").orElse(null);
        // Fails before reading a byte; a lying or missing length is caught while reading.
        if (announcedLength(response) > limits.maxBodyBytes()) {
            close(response.body());
            throw BodyReader.tooLarge(limits.maxBodyBytes());
        }
        byte[] body = BodyReader.read(response.body(), encoding, limits.maxBodyBytes());
        if (HtmlSniffer.looksLikeHtml(body)) {
            throw new FetchFailure(FetchError.NOT_A_FEED, contentType == null ? null : "served as " + contentType);
        }
        return new FetchResult.Fetched(body, trail.current().toString(), trail.permanentUrl(),
                response.headers().firstValue("ETag").orElse(null),
                response.headers().firstValue("Last-Modified").orElse(null),
                contentType);
    }

    private static long announcedLength(HttpResponse<?> response) {
        try {
            return response.headers().firstValueAsLong("Content-Length").orElse(-1);
        } catch (NumberFormatException e) {
            return -1; // nonsense is treated as absent: the read loop still enforces the limit
        }
    }

    private HttpResponse<InputStream> send(URI uri) throws FetchFailure {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(uri);
        } catch (IllegalArgumentException e) {
            throw new FetchFailure(FetchError.BAD_URL, uri.toString());
        }
        request.GET()
                .timeout(remaining())
                .header("User-Agent", limits.userAgent())
                .header("Accept", ACCEPT)
                .header("Accept-Encoding", "gzip, deflate");
        if (uri.getRawUserInfo() != null) {
            // Private feeds put credentials in the URL; the JDK client does not send them itself.
            // A redirect to another host drops them, as the new URL has no user info.
            String credentials = uri.getUserInfo(); // percent-decoded; "+" stays "+"
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        if (uri.getScheme().equalsIgnoreCase("http")) {
            // Over plain http the client would offer an h2c upgrade; nobody serves h2c, and the
            // extra Upgrade headers upset some old servers. HTTP/2 is still used over https.
            request.version(HttpClient.Version.HTTP_1_1);
        }
        conditional(request, "If-None-Match", etag);
        conditional(request, "If-Modified-Since", lastModified);
        try {
            HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            hold(response.body());
            return response;
        } catch (HttpConnectTimeoutException e) {
            throw new FetchFailure(FetchError.TIMEOUT, "no connection within " + describe(limits.connectTimeout()));
        } catch (HttpTimeoutException e) {
            throw timeout(limits);
        } catch (IOException e) {
            throw new FetchFailure(FetchError.CONNECTION_FAILED, describe(e, uri));
        } catch (InterruptedException e) {
            // Only FeedFetcher interrupts this thread, after it has stopped waiting for the result.
            Thread.currentThread().interrupt();
            throw timeout(limits);
        }
    }

    private synchronized void hold(InputStream body) throws FetchFailure {
        if (aborted) {
            close(body);
            throw timeout(limits);
        }
        openBody = body;
    }

    private Duration remaining() throws FetchFailure {
        long nanos = deadline - System.nanoTime();
        if (nanos <= 0) {
            throw timeout(limits);
        }
        return Duration.ofNanos(nanos);
    }

    private static void conditional(HttpRequest.Builder request, String name, String value) {
        // A stored value with a line break would be refused by the client; better to ask unconditionally.
        if (value != null && !value.isBlank() && value.chars().noneMatch(c -> c == '\r' || c == '\n')) {
            request.header(name, value.strip());
        }
    }

    private static void close(InputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // nothing more to read from it either way
        }
    }

    private static String describe(IOException e, URI uri) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
                return "unknown host " + uri.getHost();
            }
        }
        String server = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        return e.getMessage() == null || e.getMessage().isBlank() ? server : server + ": " + e.getMessage();
    }

    static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
