package dev.hark.media;

import dev.hark.feed.FetchLimits;

import java.time.Duration;
import java.util.Objects;

/**
 * How far a download goes before giving up.
 *
 * @param maxBytes       the largest file accepted (by declared length and by bytes received)
 * @param connectTimeout how long to wait for a TCP (and TLS) connection
 * @param headersTimeout how long to wait for the response headers, redirects included
 * @param idleTimeout    how long the body may stall (no byte arriving) before the attempt is dropped
 * @param attemptTimeout the most one attempt may take in all; a slow download resumes in the next
 * @param userAgent      sent with every request
 */
public record DownloadLimits(long maxBytes, Duration connectTimeout, Duration headersTimeout, Duration idleTimeout,
                             Duration attemptTimeout, String userAgent) {

    public DownloadLimits {
        Objects.requireNonNull(userAgent, "userAgent");
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
        }
        for (Duration duration : new Duration[] {connectTimeout, headersTimeout, idleTimeout, attemptTimeout}) {
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("timeouts must be positive, was " + duration);
            }
        }
    }

    /** 2 GiB, 15 s to connect, 30 s for headers, 60 s of stall, 3 h per attempt, the Hark user agent. */
    public static DownloadLimits defaults() {
        return new DownloadLimits(2L * 1024 * 1024 * 1024, Duration.ofSeconds(15), Duration.ofSeconds(30),
                Duration.ofSeconds(60), Duration.ofHours(3), FetchLimits.USER_AGENT);
    }

    /** Bytes as megabytes for messages: "12.3 MB". */
    public static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }

    public DownloadLimits withMaxBytes(long bytes) {
        return new DownloadLimits(bytes, connectTimeout, headersTimeout, idleTimeout, attemptTimeout, userAgent);
    }

    public DownloadLimits withIdleTimeout(Duration timeout) {
        return new DownloadLimits(maxBytes, connectTimeout, headersTimeout, timeout, attemptTimeout, userAgent);
    }

    public DownloadLimits withAttemptTimeout(Duration timeout) {
        return new DownloadLimits(maxBytes, connectTimeout, headersTimeout, idleTimeout, timeout, userAgent);
    }
}
