package dev.hark.media;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds silences in 16 kHz mono PCM by energy, with a threshold that adapts to the episode.
 * Pure: feed it samples with {@link #accept}, then call {@link #finish} once. Not thread-safe.
 * Memory: one float per 10 ms frame, 1.4 MB for an hour.
 *
 * <p>How, with the {@link Settings#DEFAULT} values:
 * <ol>
 *   <li>Each 10 ms frame (160 samples) gets its RMS level in dBFS (0 dB = full scale).</li>
 *   <li>Frames under -80 dBFS are silent whatever the episode: that is digital silence or a
 *       noise gate, quieter than any room.</li>
 *   <li>Over the other frames, the 2nd percentile is the noise floor (the room between
 *       sentences) and the 95th the speech level. Most podcasts pause for more than 2 % of
 *       their length, so the low percentile lands on real pauses, not on quiet syllables.</li>
 *   <li>If speech is at least 12 dB above the floor, frames below
 *       {@code min(floor + (speech - floor) / 2, floor + 15 dB)} are silent too: halfway
 *       between room and voice, but never far above the room. With less range than 12 dB (music,
 *       constant noise) only digital silence counts, so nothing audible is ever skipped.</li>
 *   <li>Runs of silent frames at least 0.35 s long ({@link SilenceLevel#shortestUsed()}) are the
 *       silences. Boundaries fall on frame edges: within 10 ms of the true ones for clean cuts.</li>
 * </ol>
 * A single loud frame (a click) splits a silence in two; no smoothing is done.
 */
public final class SilenceDetector {

    /**
     * @param frameSamples       samples per frame at 16 kHz
     * @param minSilence         shortest silence recorded, in seconds
     * @param digitalSilenceDb   frames below this level are always silent
     * @param noisePercentile    percentile of the non-digital-silence frame levels taken as the noise floor
     * @param speechPercentile   percentile taken as the speech level
     * @param minRangeDb         below this speech-to-floor range, only digital silence counts
     * @param maxAboveFloorDb    the threshold is never more than this above the floor
     */
    public record Settings(int frameSamples, double minSilence, double digitalSilenceDb, double noisePercentile,
                           double speechPercentile, double minRangeDb, double maxAboveFloorDb) {

        public static final Settings DEFAULT = new Settings(160, SilenceLevel.shortestUsed(), -80, 0.02, 0.95, 12, 15);
    }

    /** The levels the threshold came from, in dBFS; for logs and tests. */
    public record Levels(double noiseFloorDb, double speechDb, double thresholdDb) {
    }

    private static final double FLOOR_DB = -120;

    private final Settings settings;
    private float[] levels = new float[8192];
    private int frames;
    private double frameEnergy;
    private int frameFill;
    private long samples;
    private boolean finished;

    public SilenceDetector() {
        this(Settings.DEFAULT);
    }

    public SilenceDetector(Settings settings) {
        this.settings = settings;
    }

    /** Takes the next {@code count} samples. */
    public void accept(short[] buffer, int count) {
        if (finished) {
            throw new IllegalStateException("finish() was called already");
        }
        for (int i = 0; i < count; i++) {
            double sample = buffer[i];
            frameEnergy += sample * sample;
            if (++frameFill == settings.frameSamples()) {
                endFrame();
            }
        }
        samples += count;
    }

    /** Seconds of audio taken so far. */
    public double seconds() {
        return samples / (double) Ffmpeg.SAMPLE_RATE;
    }

    /** The silence map of everything taken. Call once. */
    public SilenceMap finish() {
        if (!finished) {
            if (frameFill > 0) {
                endFrame();
            }
            finished = true;
        }
        double threshold = levels().thresholdDb();
        double duration = seconds();
        List<Silence> silences = new ArrayList<>();
        int runStart = -1;
        for (int i = 0; i <= frames; i++) {
            boolean silent = i < frames && levels[i] < threshold;
            if (silent && runStart < 0) {
                runStart = i;
            } else if (!silent && runStart >= 0) {
                double start = frameStart(runStart);
                double end = Math.min(frameStart(i), duration);
                if (end - start >= settings.minSilence() - 1e-9) {
                    silences.add(new Silence(start, end));
                }
                runStart = -1;
            }
        }
        return new SilenceMap(duration, silences);
    }

    /** The noise floor, speech level and threshold for what was taken so far. */
    public Levels levels() {
        float[] audible = new float[frames];
        int n = 0;
        for (int i = 0; i < frames; i++) {
            if (levels[i] >= settings.digitalSilenceDb()) {
                audible[n++] = levels[i];
            }
        }
        if (n == 0) {
            return new Levels(FLOOR_DB, FLOOR_DB, settings.digitalSilenceDb());
        }
        Arrays.sort(audible, 0, n);
        double floor = audible[(int) Math.floor(settings.noisePercentile() * (n - 1))];
        double speech = audible[(int) Math.floor(settings.speechPercentile() * (n - 1))];
        double threshold = settings.digitalSilenceDb();
        if (speech - floor >= settings.minRangeDb()) {
            threshold = Math.max(threshold, Math.min(floor + (speech - floor) / 2, floor + settings.maxAboveFloorDb()));
        }
        return new Levels(floor, speech, threshold);
    }

    /** Frame i's start in seconds, divided once so that 230 frames is 2.3 s, not 2.3000000000000003. */
    private double frameStart(int frame) {
        return (double) frame * settings.frameSamples() / Ffmpeg.SAMPLE_RATE;
    }

    private void endFrame() {
        double meanSquare = frameEnergy / frameFill;
        double level = meanSquare <= 0 ? FLOOR_DB : Math.max(FLOOR_DB, 10 * Math.log10(meanSquare / (32768.0 * 32768.0)));
        if (frames == levels.length) {
            levels = Arrays.copyOf(levels, levels.length * 2);
        }
        levels[frames++] = (float) level;
        frameEnergy = 0;
        frameFill = 0;
    }
}
