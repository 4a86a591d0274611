package dev.hark.bench;

import dev.hark.media.AudioSource;
import dev.hark.media.Ffmpeg;
import dev.hark.media.MediaException;
import dev.hark.media.SilenceDetector;
import dev.hark.media.SilenceLevel;
import dev.hark.media.SilenceMap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Generates a podcast-like MP3 with the bundled ffmpeg (44.1 kHz mono, 64 kb/s; a 440 Hz tone
 * with a one-second pause at the start of every ten seconds) and measures, on it, decoding to
 * 16 kHz PCM alone and decoding with the silence map, as multiples of real time. The file is
 * made in a temporary folder and deleted afterwards.
 */
public final class MediaBenchmark {

    /** The figures of one run. */
    public record Result(double audioSeconds, long fileBytes, double generateSeconds, double decodeSeconds,
                         double mapSeconds, SilenceMap map) {

        /** Decoding speed, as a multiple of real time. */
        public double decodeSpeed() {
            return audioSeconds / decodeSeconds;
        }

        /** Decoding plus silence detection, as a multiple of real time. */
        public double mapSpeed() {
            return audioSeconds / mapSeconds;
        }

        public String report() {
            return String.format(Locale.ROOT, """
                    %s of generated MP3 (44.1 kHz mono 64 kb/s, %.1f MB), made in %.1f s
                    decode to 16 kHz mono PCM:   %6.2f s  %7.0f× real time
                    decode + silence map:        %6.2f s  %7.0f× real time  (%d silences; mild saves %.0f s, strong %.0f s)""",
                    clock(audioSeconds), fileBytes / 1e6, generateSeconds, decodeSeconds, decodeSpeed(), mapSeconds,
                    mapSpeed(), map.silences().size(), map.timeSaved(SilenceLevel.MILD), map.timeSaved(SilenceLevel.STRONG));
        }
    }

    private final Ffmpeg ffmpeg;
    private final Duration length;

    /** @param length how much audio to generate; an hour by default in {@code hark bench media} */
    public MediaBenchmark(Ffmpeg ffmpeg, Duration length) {
        if (length.isNegative() || length.toSeconds() < 10) {
            throw new IllegalArgumentException("The benchmark needs at least 10 s of audio, not " + length);
        }
        this.ffmpeg = ffmpeg;
        this.length = length;
    }

    /** Runs the benchmark and returns its report. */
    public String run() throws IOException, InterruptedException {
        return measure().report();
    }

    public Result measure() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("hark-bench-media");
        Path mp3 = dir.resolve("generated.mp3");
        try {
            ffmpeg.binaries(); // unpacking the binaries is not part of any figure
            long start = System.nanoTime();
            ffmpeg.run(List.of("-y", "-f", "lavfi", "-i", String.format(Locale.ROOT,
                            "aevalsrc=exprs='0.5*sin(2*PI*440*t)*gte(mod(t,10),1)':s=44100:d=%d", length.toSeconds()),
                    "-ac", "1", "-c:a", "libmp3lame", "-b:a", "64k", mp3.toString()), length.multipliedBy(2).plusMinutes(1));
            double generate = seconds(start);

            start = System.nanoTime();
            long samples = ffmpeg.decodePcm(AudioSource.of(mp3), (buffer, count) -> { });
            double decode = seconds(start);

            start = System.nanoTime();
            SilenceDetector detector = new SilenceDetector();
            ffmpeg.decodePcm(AudioSource.of(mp3), detector::accept);
            SilenceMap map = detector.finish();
            double mapping = seconds(start);

            return new Result(samples / (double) Ffmpeg.SAMPLE_RATE, Files.size(mp3), generate, decode, mapping, map);
        } catch (MediaException e) {
            throw new IOException("The media benchmark failed: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(mp3);
            Files.deleteIfExists(dir);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String clock(double seconds) {
        long whole = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60);
    }
}
