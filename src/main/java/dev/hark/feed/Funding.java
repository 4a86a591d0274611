package dev.hark.feed;

/** A {@code <podcast:funding>} link and its text. */
public record Funding(String url, String text) {
}
