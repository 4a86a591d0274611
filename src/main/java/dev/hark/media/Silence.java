package dev.hark.media;

/** A stretch of audio, in seconds from the start, with {@code start < end}. */
public record Silence(double start, double end) {

    public Silence {
        if (!(start >= 0 && end > start) || !Double.isFinite(end)) {
            throw new IllegalArgumentException("A silence needs 0 <= start < end, was " + start + ".." + end);
        }
    }

    public double length() {
        return end - start;
    }
}
