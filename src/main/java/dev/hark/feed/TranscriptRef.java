package dev.hark.feed;

/** A {@code <podcast:transcript>} link: url, MIME type, language and rel (e.g. "captions"). */
public record TranscriptRef(String url, String type, String language, String rel) {
}
