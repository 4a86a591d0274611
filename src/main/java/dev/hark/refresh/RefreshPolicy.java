package dev.hark.refresh;

import java.time.Duration;
import java.time.Instant;

/**
 * When to check a feed next: every {@code interval}; after failures in a row, twice as long
 * per further failure, never more than {@code maxBackoff}. Pure.
 */
public record RefreshPolicy(Duration interval, Duration maxBackoff) {

    public static final RefreshPolicy DEFAULT = new RefreshPolicy(Duration.ofMinutes(60), Duration.ofHours(24));

    public Instant afterSuccess(Instant now) {
        return now.plus(interval);
    }

    /** @param failuresInARow counting the one that just happened (1 or more) */
    public Instant afterFailure(Instant now, int failuresInARow) {
        long millis = interval.toMillis();
        for (int i = 1; i < failuresInARow && millis < maxBackoff.toMillis(); i++) {
            millis *= 2;
        }
        return now.plusMillis(Math.min(Math.max(millis, interval.toMillis()), Math.max(maxBackoff.toMillis(), interval.toMillis())));
    }
}
