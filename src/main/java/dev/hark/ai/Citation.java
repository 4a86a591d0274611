package dev.hark.ai;

/**
 * A moment an answer rests on: the sentence(s) of a retrieved passage that best match the question.
 *
 * @param start   where the first of those sentences starts, in seconds: where to play from
 * @param end     where the last of them ends
 * @param text    the sentence(s) of the passage that best match the question
 * @param speaker who says them, or null when the transcript does not say
 */
public record Citation(double start, double end, String text, String speaker) {
}
