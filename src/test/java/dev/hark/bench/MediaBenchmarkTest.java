package dev.hark.bench;

import dev.hark.media.Ffmpeg;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MediaBenchmarkTest {

    @Test
    void two_minutes_of_mp3_decode_far_faster_than_real_time_and_map_one_pause_per_ten_seconds() throws Exception {
        MediaBenchmark.Result result = new MediaBenchmark(new Ffmpeg(), Duration.ofMinutes(2)).measure();

        assertThat(result.audioSeconds()).isCloseTo(120, within(0.1));
        assertThat(result.map().silences()).hasSize(12);
        // an hour decodes in about 2.6 s here (~1,400×); 20× leaves room for a busy machine
        assertThat(result.decodeSpeed()).isGreaterThan(20);
        assertThat(result.mapSpeed()).isGreaterThan(20);
        assertThat(result.report()).startsWith("0:02:00 of generated MP3").contains("× real time", "12 silences");
    }
}
