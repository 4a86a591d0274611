package dev.hark.feed;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Downloads feeds over http(s): conditional GET with ETag and Last-Modified, redirects followed
 * by hand (so a permanent move can be reported), gzip and deflate, and hard limits on size and
 * time from {@link FetchLimits}. It never parses the feed; it only refuses a body that is
 * plainly an HTML page.
 *
 * <p>Thread-safe: build one for the application and share it; all calls share one
 * {@link HttpClient} and its connection pool. {@link #close()} it on shutdown.
 */
public final class FeedFetcher implements AutoCloseable {

    private final FetchLimits limits;
    private final HttpClient client;

    public FeedFetcher(FetchLimits limits) {
        this.limits = limits;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_2) // falls back to HTTP/1.1 where the server has no h2
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(limits.connectTimeout())
                .build();
    }

    public FetchLimits limits() {
        return limits;
    }

    /**
     * Fetches a feed, at most {@link FetchLimits#totalTimeout()} from now.
     *
     * <p>The work runs on a virtual thread while the calling thread waits for it with a
     * deadline, because the JDK client's request timeout stops at the headers: a server that
     * sends headers and then stalls the body would otherwise hold the caller forever. When the
     * deadline passes, the body is closed and the worker interrupted, and this returns at once.
     *
     * @param url          the feed address; anything but an absolute http(s) URL gives BAD_URL
     * @param etag         the ETag from the previous fetch, or null
     * @param lastModified the Last-Modified from the previous fetch, or null
     * @return never null; every failure of the network or the server is a {@link FetchResult.Failed}
     * @throws InterruptedException when the calling thread is interrupted (the job system's way
     *                              to cancel); the fetch is abandoned at once and nothing is
     *                              returned, because a cancelled refresh says nothing about the feed
     */
    public FetchResult fetch(String url, String etag, String lastModified) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("fetch cancelled before it started");
        }
        URI start;
        try {
            start = RedirectTrail.parse(url);
        } catch (FetchFailure failure) {
            return failure.toResult();
        }
        long timeout = limits.totalTimeout().toNanos();
        FetchAttempt attempt = new FetchAttempt(client, limits, start, etag, lastModified, System.nanoTime() + timeout);
        FutureTask<FetchResult> work = new FutureTask<>(attempt::run);
        Thread.ofVirtual().name("hark-fetch").start(work);
        try {
            return work.get(timeout, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return FetchAttempt.timeout(limits).toResult();
        } catch (ExecutionException e) {
            // run() turns every expected failure into a result; anything else is a bug.
            if (e.getCause() instanceof RuntimeException bug) {
                throw bug;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            work.cancel(true);
            attempt.abort();
        }
    }

    /** Drops pooled connections and stops the client's threads; fetches still running fail. */
    @Override
    public void close() {
        client.shutdownNow();
    }
}
