package dev.hark.jobs;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    @Test
    void each_retry_waits_twice_as_long_up_to_the_cap() {
        Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(1));
        assertThat(backoff.delay(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.delay(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(backoff.delay(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(backoff.delay(4)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.delay(1000)).isEqualTo(Duration.ofMinutes(1));
    }
}
