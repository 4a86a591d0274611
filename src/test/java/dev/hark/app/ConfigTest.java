package dev.hark.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigTest {

    @TempDir
    Path data;

    @Test
    void defaults_apply_when_nothing_is_set() {
        Config config = Config.load(data, Map.of());
        assertThat(config).isEqualTo(Config.defaults(data));
        assertThat(config.refreshInterval()).isEqualTo(Duration.ofMinutes(60));
    }

    @Test
    void the_environment_overrides_the_file() throws Exception {
        Files.writeString(data.resolve("hark.properties"), "refresh.interval.minutes=30\nfeed.concurrency=2\n");

        Config config = Config.load(data, Map.of("HARK_FEED_CONCURRENCY", "6"));

        assertThat(config.refreshInterval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(config.feedConcurrency()).isEqualTo(6);
    }

    @Test
    void the_data_folder_comes_from_the_flag_then_hark_data() {
        assertThat(Config.load(null, Map.of("HARK_DATA", data.toString())).dataDir()).isEqualTo(data);
        assertThat(Config.load(data, Map.of("HARK_DATA", "/elsewhere")).dataDir()).isEqualTo(data);
        assertThat(Config.load(null, Map.of("XDG_DATA_HOME", "/x")).dataDir()).isEqualTo(Path.of("/x/hark"));
    }

    @Test
    void a_bad_value_names_its_key() {
        assertThatThrownBy(() -> Config.load(data, Map.of("HARK_FEED_CONCURRENCY", "lots")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("feed.concurrency must be a whole number, not \"lots\" (or set HARK_FEED_CONCURRENCY)");
        assertThatThrownBy(() -> Config.load(data, Map.of("HARK_FEED_CONCURRENCY", "0")))
                .hasMessage("feed.concurrency must be between 1 and 64");
    }

    @Test
    void an_unknown_key_in_the_file_is_refused() throws Exception {
        Files.writeString(data.resolve("hark.properties"), "refresh.intervall=5\n");
        assertThatThrownBy(() -> Config.load(data, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Unknown setting(s)").hasMessageContaining("refresh.intervall");
    }
}
