package dev.hark.jobs;

import java.time.Duration;

/**
 * Exponential backoff: the first retry waits {@code base}, each next one twice as long, never
 * more than {@code max}. Pure.
 */
public record Backoff(Duration base, Duration max) {

    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(10), Duration.ofHours(1));

    /** The wait before the retry that follows failed attempt number {@code attempt} (1-based). */
    public Duration delay(int attempt) {
        int doublings = Math.max(0, Math.min(attempt - 1, 40));
        long millis = base.toMillis();
        for (int i = 0; i < doublings && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }
}
