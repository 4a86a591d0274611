package dev.hark.media;

import java.util.ArrayList;
import java.util.List;

/**
 * Where an episode is silent: every silence at least {@link SilenceLevel#shortestUsed()} long,
 * in order, not overlapping (an end may pass the duration by the 1 ms stored times are rounded to).
 * Level-independent; {@link #skips} derives what a level jumps over.
 *
 * @param duration the decoded length of the episode, in seconds
 */
public record SilenceMap(double duration, List<Silence> silences) {

    public SilenceMap {
        silences = List.copyOf(silences);
        if (!(duration >= 0) || !Double.isFinite(duration)) {
            throw new IllegalArgumentException("duration must be a finite number of seconds, was " + duration);
        }
        double previousEnd = 0;
        for (Silence silence : silences) {
            if (silence.start() < previousEnd || silence.end() > duration + 0.001) {
                throw new IllegalArgumentException("Silences must be in order, apart and within the duration: " + silence);
            }
            previousEnd = silence.end();
        }
    }

    /** The stretches the player jumps over at this level: each long-enough silence minus {@code keep/2} at each end. */
    public List<Silence> skips(SilenceLevel level) {
        List<Silence> skips = new ArrayList<>();
        double half = level.keep() / 2;
        for (Silence silence : silences) {
            if (silence.length() >= level.minSilence() - 1e-9 && silence.length() > level.keep()) {
                skips.add(new Silence(silence.start() + half, silence.end() - half));
            }
        }
        return skips;
    }

    /** Seconds saved by skipping at this level. */
    public double timeSaved(SilenceLevel level) {
        double saved = 0;
        for (Silence skip : skips(level)) {
            saved += skip.length();
        }
        return saved;
    }
}
