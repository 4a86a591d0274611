package dev.hark.directory.internal;

import dev.hark.directory.DirectorySource;
import dev.hark.directory.SourceError;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One GET to a directory API, answered before a deadline that covers the headers and the whole
 * body. Thread-safe: it holds only the shared {@link HttpClient} and the user agent.
 */
public final class DirectoryHttp {

    /** The largest answer read; real ones are well under a megabyte. */
    public static final long MAX_BODY_BYTES = 4L * 1024 * 1024;

    /** A complete answer with any status. */
    public record Reply(int status, byte[] body, String retryAfter) {
    }

    private final HttpClient client;
    private final String userAgent;

    public DirectoryHttp(HttpClient client, String userAgent) {
        this.client = client;
        this.userAgent = userAgent;
    }

    /**
     * Sends the request and waits for the whole answer, at most {@code timeout}.
     *
     * <p>The request's own timeout stops at the headers, so the caller waits on the future with
     * the deadline instead, and cancels it when the deadline passes; that aborts the exchange
     * however far it got.
     *
     * @throws SourceFailure        TIMEOUT, CONNECTION_FAILED, or BAD_RESPONSE for an oversized body
     * @throws InterruptedException when the calling thread is interrupted; the request is abandoned
     */
    public Reply get(URI uri, Map<String, String> headers, Duration timeout)
            throws SourceFailure, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("User-Agent", userAgent)
                .header("Accept", "application/json");
        headers.forEach(request::header);
        CompletableFuture<HttpResponse<byte[]>> pending =
                client.sendAsync(request.GET().build(), info -> new CappedBody(MAX_BODY_BYTES));
        try {
            HttpResponse<byte[]> response = pending.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return new Reply(response.statusCode(), response.body(),
                    response.headers().firstValue("Retry-After").orElse(null));
        } catch (TimeoutException e) {
            throw SourceFailure.timeout(timeout);
        } catch (ExecutionException e) {
            throw classify(e.getCause(), timeout);
        } finally {
            pending.cancel(true); // no-op when complete; otherwise frees the connection now
        }
    }

    /** {@code base} without trailing slashes, after checking it is an absolute http(s) URL. */
    public static String checkBase(URI base) {
        String scheme = base.getScheme();
        if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) || base.getHost() == null) {
            throw new IllegalArgumentException("base must be an absolute http(s) URL, was " + base);
        }
        return base.toString().replaceAll("/+$", "");
    }

    /** {@code limit}, after checking it is 1 to {@link DirectorySource#MAX_LIMIT}. */
    public static int checkLimit(int limit) {
        if (limit < 1 || limit > DirectorySource.MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + DirectorySource.MAX_LIMIT + ", was " + limit);
        }
        return limit;
    }

    private static SourceFailure classify(Throwable failure, Duration timeout) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CappedBody.TooLargeException) {
                return new SourceFailure(SourceError.BAD_RESPONSE, "larger than " + MAX_BODY_BYTES / (1024 * 1024) + " MB");
            }
            if (cause instanceof HttpTimeoutException) {
                return SourceFailure.timeout(timeout);
            }
            if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
                return new SourceFailure(SourceError.CONNECTION_FAILED, "unknown host");
            }
            if (cause instanceof ConnectException) {
                return new SourceFailure(SourceError.CONNECTION_FAILED, null);
            }
        }
        if (failure instanceof IOException) {
            return new SourceFailure(SourceError.CONNECTION_FAILED, "connection lost");
        }
        if (failure instanceof RuntimeException bug) {
            throw bug;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException(failure);
    }
}
