package dev.hark.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fetches an enclosure for a listener whose episode is not downloaded, passing their
 * {@code Range} and {@code If-Range} on, following redirects, and handing back the publisher's
 * status, the headers worth relaying and the body as a stream. Thread-safe.
 */
public final class MediaProxy {

    /** Response headers relayed to the listener; hop-by-hop and cookie headers are not. */
    public static final List<String> RELAYED = List.of("Content-Type", "Content-Length", "Content-Range",
            "Accept-Ranges", "ETag", "Last-Modified");

    private final HttpClient client;
    private final DownloadLimits limits;

    public MediaProxy(HttpClient client, DownloadLimits limits) {
        this.client = client;
        this.limits = limits;
    }

    /** The publisher's answer. Close it (or let {@link #copyTo} finish) to release the connection. */
    public record Upstream(int status, Map<String, String> headers, InputStream body, DownloadLimits limits)
            implements AutoCloseable {

        public Upstream {
            headers = Map.copyOf(headers);
        }

        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name));
        }

        /**
         * Copies the body to {@code out} as it arrives, flushing each chunk, and gives up when it
         * stalls for the idle timeout.
         *
         * @throws IOException if either side fails; which one does not matter to the caller, as
         *                     the status has been sent by then and the response can only be cut
         */
        public void copyTo(OutputStream out) throws IOException {
            byte[] buffer = new byte[64 * 1024];
            try (StallGuard guard = StallGuard.watch(body, limits.idleTimeout(), limits.attemptTimeout())) {
                int n;
                while ((n = body.read(buffer)) >= 0) {
                    guard.activity();
                    out.write(buffer, 0, n);
                    out.flush(); // pass on what came at once: the player may be waiting on its first second
                }
            }
        }

        @Override
        public void close() throws IOException {
            body.close();
        }
    }

    /**
     * Requests {@code uri} with the listener's range headers.
     *
     * @param head whether to ask only for the headers (the listener sent HEAD)
     * @throws DownloadException {@link DownloadException.Reason#UNREACHABLE} when the publisher
     *                           cannot be reached or does not answer in time
     */
    public Upstream open(URI uri, String range, String ifRange, boolean head) throws DownloadException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(limits.headersTimeout())
                .header("User-Agent", limits.userAgent())
                .header("Accept-Encoding", "identity")
                .method(head ? "HEAD" : "GET", HttpRequest.BodyPublishers.noBody());
        if (range != null && !range.isBlank()) {
            request.header("Range", range.strip());
            if (ifRange != null && !ifRange.isBlank()) {
                request.header("If-Range", ifRange.strip());
            }
        }
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new DownloadException(DownloadException.Reason.UNREACHABLE, "The publisher's server did not answer within "
                    + limits.headersTimeout().toSeconds() + " s.", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new DownloadException(DownloadException.Reason.UNREACHABLE, "The publisher's server could not be reached.", e);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : RELAYED) {
            response.headers().firstValue(name).ifPresent(value -> headers.put(name, value));
        }
        return new Upstream(response.statusCode(), headers, response.body(), limits);
    }
}
