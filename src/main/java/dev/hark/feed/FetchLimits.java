package dev.hark.feed;

import java.time.Duration;
import java.util.Objects;

/**
 * How far {@link FeedFetcher} goes before giving up on a feed.
 *
 * @param maxBodyBytes   the largest body accepted, counted after gzip/deflate decoding (and before it)
 * @param connectTimeout how long to wait for a TCP (and TLS) connection
 * @param totalTimeout   the deadline for the whole fetch: every redirect, the headers and the body
 * @param maxRedirects   how many redirects are followed; one more fails the fetch
 * @param userAgent      sent with every request
 */
public record FetchLimits(long maxBodyBytes, Duration connectTimeout, Duration totalTimeout, int maxRedirects,
                          String userAgent) {

    public static final String USER_AGENT = "Hark/0.1 (+https://github.com/hark)";

    public FetchLimits {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(totalTimeout, "totalTimeout");
        Objects.requireNonNull(userAgent, "userAgent");
        if (userAgent.isBlank() || userAgent.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("userAgent must be one line of text, was \"" + userAgent + "\"");
        }
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive, was " + maxBodyBytes);
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive, was " + connectTimeout);
        }
        if (totalTimeout.isNegative() || totalTimeout.isZero()) {
            throw new IllegalArgumentException("totalTimeout must be positive, was " + totalTimeout);
        }
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("maxRedirects must not be negative, was " + maxRedirects);
        }
    }

    /** 64 MiB, 10 s to connect, 30 s in all, 5 redirects, the Hark user agent. */
    public static FetchLimits defaults() {
        return new FetchLimits(64L * 1024 * 1024, Duration.ofSeconds(10), Duration.ofSeconds(30), 5, USER_AGENT);
    }

    public FetchLimits withMaxBodyBytes(long bytes) {
        return new FetchLimits(bytes, connectTimeout, totalTimeout, maxRedirects, userAgent);
    }

    public FetchLimits withConnectTimeout(Duration timeout) {
        return new FetchLimits(maxBodyBytes, timeout, totalTimeout, maxRedirects, userAgent);
    }

    public FetchLimits withTotalTimeout(Duration timeout) {
        return new FetchLimits(maxBodyBytes, connectTimeout, timeout, maxRedirects, userAgent);
    }

    public FetchLimits withMaxRedirects(int redirects) {
        return new FetchLimits(maxBodyBytes, connectTimeout, totalTimeout, redirects, userAgent);
    }
}
