package dev.hark.ai;

/**
 * A moment an answer rests on: a passage of the episode.
 *
 * @param start   where the passage starts, in seconds: where to play from
 * @param end     where the passage ends
 * @param text    the sentence(s) of the passage that best match the question
 * @param speaker who says them, or null when the transcript does not say
 */
public record Citation(double start, double end, String text, String speaker) {
}
