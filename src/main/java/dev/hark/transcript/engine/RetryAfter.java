package dev.hark.transcript.engine;

import dev.hark.media.HttpDate;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads a {@code Retry-After} header: delay seconds or an HTTP date (RFC 9110 §10.2.3). Pure.
 * Public because the LLM client in {@code ai.llm} waits out busy endpoints the same way.
 */
public final class RetryAfter {

    private RetryAfter() {
    }

    /**
     * How long to wait, at most {@code cap}; {@code fallback} when the header is missing or
     * unreadable, zero when the date has passed.
     */
    public static Duration delay(Optional<String> header, Instant now, Duration fallback, Duration cap) {
        Duration wait = header.map(String::strip).flatMap(value -> parse(value, now)).orElse(fallback);
        if (wait.isNegative()) {
            wait = Duration.ZERO;
        }
        return wait.compareTo(cap) > 0 ? cap : wait;
    }

    private static Optional<Duration> parse(String value, Instant now) {
        if (value.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        }
        return HttpDate.parse(value).map(date -> Duration.between(now, date));
    }
}
