package dev.hark.transcript.engine;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration FALLBACK = Duration.ofSeconds(2);
    private static final Duration CAP = Duration.ofSeconds(60);

    @Test
    void reads_delay_seconds_dates_and_falls_back_or_caps() {
        assertThat(RetryAfter.delay(Optional.of("7"), NOW, FALLBACK, CAP)).isEqualTo(Duration.ofSeconds(7));
        assertThat(RetryAfter.delay(Optional.of("Thu, 01 Jan 2026 00:00:30 GMT"), NOW, FALLBACK, CAP))
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryAfter.delay(Optional.of("Wed, 31 Dec 2025 23:00:00 GMT"), NOW, FALLBACK, CAP)).isZero();
        assertThat(RetryAfter.delay(Optional.of("3600"), NOW, FALLBACK, CAP)).isEqualTo(CAP);
        assertThat(RetryAfter.delay(Optional.of("soon"), NOW, FALLBACK, CAP)).isEqualTo(FALLBACK);
        assertThat(RetryAfter.delay(Optional.empty(), NOW, FALLBACK, CAP)).isEqualTo(FALLBACK);
    }
}
