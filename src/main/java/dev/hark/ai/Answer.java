package dev.hark.ai;

import java.util.List;

/**
 * An answer to a question about an episode, with the moments it comes from.
 *
 * @param citations the passages used, best first
 * @param method    how it was made, e.g. {@code extractive:all-minilm-l6-v2} for best passages
 *                  found locally (no text was generated)
 * @param text      the answer as shown to a reader
 */
public record Answer(String question, List<Citation> citations, String method, String text) {

    public Answer {
        citations = List.copyOf(citations);
    }
}
