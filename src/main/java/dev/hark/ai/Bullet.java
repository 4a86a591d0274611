package dev.hark.ai;

/** One point of a summary and the second of the episode it comes from. */
public record Bullet(String text, double start) {
}
