package dev.hark.media;

import java.util.Locale;

/**
 * How hard the player skips pauses. A silence at least {@link #minSilence} long is shortened to
 * {@link #keep} seconds, keeping half of that on each side so that speech edges are never cut:
 * the player jumps from {@code start + keep/2} to {@code end - keep/2}.
 *
 * <ul>
 *   <li>{@link #MILD}: silences of 0.75 s or more become 0.25 s (pauses between thoughts).</li>
 *   <li>{@link #STRONG}: silences of 0.35 s or more become 0.10 s (also pauses between sentences).</li>
 * </ul>
 */
public enum SilenceLevel {
    MILD(0.75, 0.25),
    STRONG(0.35, 0.10);

    private final double minSilence;
    private final double keep;

    SilenceLevel(double minSilence, double keep) {
        this.minSilence = minSilence;
        this.keep = keep;
    }

    /** The shortest silence this level shortens, in seconds. */
    public double minSilence() {
        return minSilence;
    }

    /** How much of a shortened silence is left, in seconds. */
    public double keep() {
        return keep;
    }

    /** The name in JSON and on the command line: "mild", "strong". */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The shortest silence any level uses: what a silence map must record. */
    public static double shortestUsed() {
        double shortest = Double.MAX_VALUE;
        for (SilenceLevel level : values()) {
            shortest = Math.min(shortest, level.minSilence);
        }
        return shortest;
    }
}
