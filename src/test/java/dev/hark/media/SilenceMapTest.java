package dev.hark.media;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SilenceMapTest {

    private static final SilenceMap MAP = new SilenceMap(60, List.of(
            new Silence(1.0, 1.4),    // 0.40 s: strong only
            new Silence(10.0, 10.75), // 0.75 s: both
            new Silence(20.0, 22.0),  // 2.00 s: both
            new Silence(30.0, 30.3)));

    @Test
    void mild_shortens_silences_of_three_quarters_of_a_second_or_more_to_a_quarter() {
        assertThat(MAP.skips(SilenceLevel.MILD)).containsExactly(new Silence(10.125, 10.625), new Silence(20.125, 21.875));
        assertThat(MAP.timeSaved(SilenceLevel.MILD)).isCloseTo(0.5 + 1.75, within(1e-9));
    }

    @Test
    void strong_shortens_silences_of_035_seconds_or_more_to_a_tenth() {
        assertThat(MAP.skips(SilenceLevel.STRONG)).hasSize(3);
        assertThat(MAP.skips(SilenceLevel.STRONG).getFirst().start()).isCloseTo(1.05, within(1e-9));
        assertThat(MAP.skips(SilenceLevel.STRONG).getFirst().end()).isCloseTo(1.35, within(1e-9));
        assertThat(MAP.timeSaved(SilenceLevel.STRONG)).isCloseTo(0.3 + 0.65 + 1.9, within(1e-9));
    }

    @Test
    void the_detector_records_exactly_what_the_strongest_level_needs() {
        assertThat(SilenceLevel.shortestUsed()).isEqualTo(0.35);
        assertThat(SilenceDetector.Settings.DEFAULT.minSilence()).isEqualTo(0.35);
    }

    @Test
    void overlapping_or_unordered_silences_are_refused() {
        assertThatThrownBy(() -> new SilenceMap(10, List.of(new Silence(2, 3), new Silence(2.5, 4))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SilenceMap(3, List.of(new Silence(2, 4))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_json_for_the_player_holds_raw_silences_and_each_levels_rule() {
        assertThat(SilenceMapJson.write(MAP)).isEqualTo("{\"duration\":60.0,"
                + "\"silences\":[[1.0,1.4],[10.0,10.75],[20.0,22.0],[30.0,30.3]],"
                + "\"levels\":{\"mild\":{\"minSilence\":0.75,\"keep\":0.25,\"timeSaved\":2.25},"
                + "\"strong\":{\"minSilence\":0.35,\"keep\":0.1,\"timeSaved\":2.85}}}");
    }

    @Test
    void stored_silences_read_back_equal() {
        String stored = SilenceMapJson.writeSilences(MAP.silences());

        assertThat(stored).isEqualTo("[[1.0,1.4],[10.0,10.75],[20.0,22.0],[30.0,30.3]]");
        assertThat(SilenceMapJson.readSilences(stored)).isEqualTo(MAP.silences());
    }
}
