package dev.hark.feed;

/** A media file: absolute URL, MIME type (null if unknown) and length in bytes (null if unknown). */
public record Enclosure(String url, String type, Long length) {
}
