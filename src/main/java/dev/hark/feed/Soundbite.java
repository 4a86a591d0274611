package dev.hark.feed;

/** A {@code <podcast:soundbite>}: start and duration in seconds, optional title. */
public record Soundbite(double start, double duration, String title) {
}
