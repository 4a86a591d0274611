package dev.hark.web.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits password guesses per client address: after {@code maxFailures} failed logins within
 * {@code window}, further attempts are refused until the oldest failure ages out. An attempt
 * counts as a failure from the moment it starts and is forgiven on success, so parallel
 * requests cannot slip extra guesses past the check. In memory: a restart forgets. Thread-safe.
 */
public final class LoginThrottle {

    /** Addresses tracked at most; beyond this, those with only old failures are dropped. */
    private static final int MAX_ADDRESSES = 10_000;

    private final int maxFailures;
    private final Duration window;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(int maxFailures, Duration window) {
        if (maxFailures < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("A login throttle needs at least one attempt and a positive window");
        }
        this.maxFailures = maxFailures;
        this.window = window;
    }

    /** Five failures a minute. */
    public static LoginThrottle standard() {
        return new LoginThrottle(5, Duration.ofMinutes(1));
    }

    /** Whether an attempt from {@code address} may go ahead; if so it is counted as failed until {@link #succeeded}. */
    public boolean tryAttempt(String address, Instant now) {
        if (failures.size() > MAX_ADDRESSES) {
            failures.values().removeIf(times -> {
                synchronized (times) {
                    return times.isEmpty() || !times.peekLast().isAfter(now.minus(window));
                }
            });
        }
        boolean[] allowed = {false};
        failures.compute(address, (key, times) -> {
            Deque<Instant> list = times == null ? new ArrayDeque<>() : times;
            synchronized (list) {
                prune(list, now);
                if (list.size() < maxFailures) {
                    list.addLast(now);
                    allowed[0] = true;
                }
            }
            return list;
        });
        return allowed[0];
    }

    /** Forgets the failures of an address that just logged in. */
    public void succeeded(String address) {
        failures.remove(address);
    }

    /** How long until {@code address} may try again; zero when it may now. */
    public Duration retryAfter(String address, Instant now) {
        Deque<Instant> times = failures.get(address);
        if (times == null) {
            return Duration.ZERO;
        }
        synchronized (times) {
            prune(times, now);
            if (times.size() < maxFailures) {
                return Duration.ZERO;
            }
            return Duration.between(now, times.peekFirst().plus(window));
        }
    }

    private void prune(Deque<Instant> times, Instant now) {
        Instant cutoff = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
            times.removeFirst();
        }
    }
}
