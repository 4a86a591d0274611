package dev.hark.ai;

/** A chapter found in the transcript: where it starts (seconds) and a short title. */
public record TopicChapter(double start, String title) {
}
