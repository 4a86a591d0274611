package dev.hark.media;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Real encoded audio, made by the bundled ffmpeg with pauses at known places, decoded and mapped. */
class SilenceDetectionTest {

    private static final Ffmpeg FFMPEG = new Ffmpeg();
    private static final List<TestAudio.Gap> GAPS = List.of(
            new TestAudio.Gap(2.0, 3.0),
            new TestAudio.Gap(5.5, 5.9),
            new TestAudio.Gap(8.0, 8.2),   // too short for either level
            new TestAudio.Gap(12.0, 14.5),
            new TestAudio.Gap(17.2, 18.0));
    private static final List<TestAudio.Gap> FOUND = List.of(GAPS.get(0), GAPS.get(1), GAPS.get(3), GAPS.get(4));

    @TempDir
    Path dir;

    private static SilenceMap map(Path file) throws Exception {
        SilenceDetector detector = new SilenceDetector();
        FFMPEG.decodePcm(AudioSource.of(file), detector::accept);
        return detector.finish();
    }

    private static void assertGapsFound(SilenceMap map) {
        assertThat(map.duration()).isCloseTo(20.0, within(0.05));
        assertThat(map.silences()).hasSize(FOUND.size());
        for (int i = 0; i < FOUND.size(); i++) {
            assertThat(map.silences().get(i).start()).as("start of silence %d", i).isCloseTo(FOUND.get(i).start(), within(0.05));
            assertThat(map.silences().get(i).end()).as("end of silence %d", i).isCloseTo(FOUND.get(i).end(), within(0.05));
        }
    }

    @Test
    void pauses_in_an_mp3_are_found_within_50_ms() throws Exception {
        Path mp3 = TestAudio.toneWithGaps(FFMPEG, dir.resolve("gaps.mp3"), 20, 0.5, 0.002, GAPS,
                "-ac", "2", "-c:a", "libmp3lame", "-b:a", "128k");

        assertGapsFound(map(mp3));
    }

    @Test
    void pauses_in_an_aac_m4a_are_found_within_50_ms() throws Exception {
        Path m4a = TestAudio.toneWithGaps(FFMPEG, dir.resolve("gaps.m4a"), 20, 0.3, 0.001, GAPS,
                "-ac", "1", "-c:a", "aac", "-b:a", "64k");

        assertGapsFound(map(m4a));
    }

    @Test
    void pauses_in_digitally_silent_gaps_of_an_opus_file_are_found_within_50_ms() throws Exception {
        Path opus = TestAudio.toneWithGaps(FFMPEG, dir.resolve("gaps.opus"), 20, 0.5, 0, GAPS,
                "-ac", "1", "-c:a", "libopus", "-b:a", "32k");

        SilenceMap map = map(opus);

        // each edge may be off by up to 50 ms (Opus rings on for about 30 ms after a tone stops)
        assertGapsFound(map);
        assertThat(map.timeSaved(SilenceLevel.MILD)).isCloseTo(0.75 + 2.25 + 0.55, within(0.2));
        assertThat(map.timeSaved(SilenceLevel.STRONG)).isCloseTo(0.9 + 0.3 + 2.4 + 0.7, within(0.25));
    }
}
