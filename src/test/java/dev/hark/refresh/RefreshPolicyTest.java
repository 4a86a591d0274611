package dev.hark.refresh;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RefreshPolicyTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private final RefreshPolicy policy = new RefreshPolicy(Duration.ofMinutes(60), Duration.ofHours(24));

    @Test
    void a_healthy_feed_is_checked_every_interval() {
        assertThat(policy.afterSuccess(NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(60)));
    }

    @Test
    void failures_in_a_row_back_off_exponentially_up_to_a_day() {
        assertThat(policy.afterFailure(NOW, 1)).isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(policy.afterFailure(NOW, 2)).isEqualTo(NOW.plus(Duration.ofHours(2)));
        assertThat(policy.afterFailure(NOW, 4)).isEqualTo(NOW.plus(Duration.ofHours(8)));
        assertThat(policy.afterFailure(NOW, 6)).isEqualTo(NOW.plus(Duration.ofHours(24)));
        assertThat(policy.afterFailure(NOW, 60)).isEqualTo(NOW.plus(Duration.ofHours(24)));
    }
}
