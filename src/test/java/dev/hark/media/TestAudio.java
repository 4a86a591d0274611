package dev.hark.media;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Audio made by the bundled ffmpeg for tests: a 440 Hz tone with silences at known places, and
 * optionally a steady noise floor under everything (as a room or a microphone has).
 */
final class TestAudio {

    /** A stretch of silence, in seconds. */
    record Gap(double start, double end) {
    }

    private TestAudio() {
    }

    /**
     * Writes {@code seconds} of tone at {@code toneAmplitude} (0..1), silent in each gap, with
     * white noise of {@code noiseAmplitude} everywhere. The container follows the file name.
     */
    static Path toneWithGaps(Ffmpeg ffmpeg, Path out, double seconds, double toneAmplitude, double noiseAmplitude,
                             List<Gap> gaps, String... encoderOptions) throws Exception {
        StringBuilder expression = new StringBuilder(String.format(Locale.ROOT, "%.5f*sin(2*PI*440*t)", toneAmplitude));
        for (Gap gap : gaps) {
            expression.append(String.format(Locale.ROOT, "*not(between(t,%.4f,%.4f))", gap.start(), gap.end()));
        }
        if (noiseAmplitude > 0) {
            expression.append(String.format(Locale.ROOT, "+%.6f*(2*random(0)-1)", noiseAmplitude));
        }
        List<String> args = new ArrayList<>(List.of("-y", "-f", "lavfi", "-i",
                String.format(Locale.ROOT, "aevalsrc=exprs='%s':s=44100:d=%.3f", expression, seconds)));
        args.addAll(List.of(encoderOptions));
        args.add(out.toString());
        ffmpeg.run(args, Duration.ofSeconds(60));
        return out;
    }

    /** A tone only, no gaps, no noise. */
    static Path tone(Ffmpeg ffmpeg, Path out, double seconds) throws Exception {
        return toneWithGaps(ffmpeg, out, seconds, 0.5, 0, List.of());
    }
}
