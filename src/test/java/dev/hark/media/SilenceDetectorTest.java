package dev.hark.media;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SilenceDetectorTest {

    private static SilenceMap detect(short[] samples, int chunk) {
        SilenceDetector detector = new SilenceDetector();
        short[] buffer = new short[chunk];
        for (int offset = 0; offset < samples.length; offset += chunk) {
            int count = Math.min(chunk, samples.length - offset);
            System.arraycopy(samples, offset, buffer, 0, count);
            detector.accept(buffer, count);
        }
        return detector.finish();
    }

    @Test
    void digital_silence_between_tones_is_found_to_the_frame() {
        short[] samples = new Signal(0).tone(1.0, 0.5).silence(1.0).tone(2.0, 0.5).silence(0.5).tone(1.0, 0.5).samples();

        SilenceMap map = detect(samples, 4096);

        assertThat(map).isEqualTo(new SilenceMap(5.5, List.of(new Silence(1.0, 2.0), new Silence(4.0, 4.5))));
    }

    @Test
    void pauses_shorter_than_the_strong_minimum_are_not_silences() {
        short[] samples = new Signal(0).tone(1.0, 0.5).silence(0.3).tone(1.0, 0.5).silence(0.36).tone(1.0, 0.5).samples();

        SilenceMap map = detect(samples, 4096);

        assertThat(map.silences()).containsExactly(new Silence(2.3, 2.66));
    }

    @Test
    void a_quiet_recording_with_a_faint_noise_floor_still_has_its_pauses_found() {
        // speech at about -30 dBFS, room at about -75 dBFS
        short[] samples = new Signal(0.0003).tone(2.0, 0.045).silence(1.0).tone(2.0, 0.045).silence(0.8).tone(1.0, 0.045).samples();

        SilenceMap map = detect(samples, 1000);

        assertThat(map.silences()).hasSize(2);
        assertThat(map.silences().get(0).start()).isCloseTo(2.0, within(0.02));
        assertThat(map.silences().get(0).end()).isCloseTo(3.0, within(0.02));
        assertThat(map.silences().get(1).start()).isCloseTo(5.0, within(0.02));
        assertThat(map.silences().get(1).end()).isCloseTo(5.8, within(0.02));
    }

    @Test
    void a_loud_recording_with_a_loud_noise_floor_is_measured_against_its_own_levels() {
        // speech at about -6 dBFS, room at about -45 dBFS: a fixed -60 dB threshold would find nothing
        SilenceDetector detector = new SilenceDetector();
        short[] samples = new Signal(0.01).tone(2.0, 0.7).silence(1.0).tone(2.0, 0.7).silence(0.8).tone(1.0, 0.7).samples();
        detector.accept(samples, samples.length);

        SilenceMap map = detector.finish();
        SilenceDetector.Levels levels = detector.levels();

        assertThat(levels.noiseFloorDb()).isCloseTo(-44.8, within(1.0));
        assertThat(levels.speechDb()).isCloseTo(-6.1, within(1.0));
        assertThat(levels.thresholdDb()).isCloseTo(levels.noiseFloorDb() + 15, within(0.01));
        assertThat(map.silences()).hasSize(2);
        assertThat(map.silences().get(0).start()).isCloseTo(2.0, within(0.02));
        assertThat(map.silences().get(1).end()).isCloseTo(5.8, within(0.02));
    }

    @Test
    void steady_sound_without_pauses_has_no_silences() {
        short[] samples = new Signal(0.05).tone(6.0, 0.2).samples();

        assertThat(detect(samples, 4096).silences()).isEmpty();
    }

    @Test
    void constant_noise_is_not_mistaken_for_silence() {
        // range below 12 dB: nothing but digital silence may count
        short[] samples = new Signal(0.05).tone(2.0, 0.06).silence(2.0).tone(2.0, 0.06).samples();

        assertThat(detect(samples, 4096).silences()).isEmpty();
    }

    @Test
    void all_silence_is_one_silence() {
        short[] samples = new Signal(0).silence(3.0).samples();

        assertThat(detect(samples, 4096)).isEqualTo(new SilenceMap(3.0, List.of(new Silence(0, 3.0))));
    }

    @Test
    void silence_at_the_end_ends_at_the_last_sample() {
        short[] samples = new Signal(0).tone(1.0, 0.5).silence(0.505).samples();

        SilenceMap map = detect(samples, 4096);

        assertThat(map.duration()).isCloseTo(1.505, within(1e-9));
        assertThat(map.silences()).containsExactly(new Silence(1.0, 1.505));
    }

    @Test
    void the_size_of_the_chunks_fed_does_not_change_the_map() {
        short[] samples = new Signal(0.001).tone(1.2, 0.3).silence(0.77).tone(0.9, 0.3).silence(1.31).tone(0.4, 0.3).samples();

        SilenceMap expected = detect(samples, samples.length);

        assertThat(detect(samples, 1)).isEqualTo(expected);
        assertThat(detect(samples, 159)).isEqualTo(expected);
        assertThat(detect(samples, 65_536)).isEqualTo(expected);
    }

    @Test
    void nothing_fed_is_an_empty_map() {
        assertThat(new SilenceDetector().finish()).isEqualTo(new SilenceMap(0, List.of()));
    }
}
