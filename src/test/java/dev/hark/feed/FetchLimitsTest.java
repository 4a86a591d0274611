package dev.hark.feed;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FetchLimitsTest {

    @Test
    void the_defaults_are_64_mib_10_s_to_connect_30_s_in_all_and_5_redirects() {
        assertThat(FetchLimits.defaults()).isEqualTo(new FetchLimits(64L * 1024 * 1024, Duration.ofSeconds(10),
                Duration.ofSeconds(30), 5, "Hark/0.1 (+https://github.com/hark)"));
    }

    @Test
    void nonsense_limits_are_refused_when_built_not_when_used() {
        FetchLimits defaults = FetchLimits.defaults();

        assertThatThrownBy(() -> defaults.withMaxBodyBytes(0)).hasMessageContaining("maxBodyBytes");
        assertThatThrownBy(() -> defaults.withTotalTimeout(Duration.ZERO)).hasMessageContaining("totalTimeout");
        assertThatThrownBy(() -> defaults.withConnectTimeout(Duration.ofSeconds(-1))).hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> defaults.withMaxRedirects(-1)).hasMessageContaining("maxRedirects");
        assertThatThrownBy(() -> new FetchLimits(1, Duration.ofSeconds(1), Duration.ofSeconds(1), 0, "Hark\r\nX: y"))
                .hasMessageContaining("userAgent");
    }

    @Test
    void zero_redirects_is_a_valid_choice() {
        assertThat(FetchLimits.defaults().withMaxRedirects(0).maxRedirects()).isZero();
    }
}
