package dev.hark.ai;

import java.util.List;
import java.util.Objects;

/**
 * A name said in an episode: a person, a company, a product, a book, and when it comes up.
 *
 * @param name    as written in the transcript (or in the hint that found it)
 * @param kind    a local guess; see {@link Mentions} for how weak it is
 * @param moments start seconds of the sentences that say it, ascending, at least 30 s apart,
 *                at most {@link Mentions#MAX_MOMENTS}; never empty
 */
public record Mention(String name, Kind kind, List<Double> moments) {

    /** What a mention names. {@link #OTHER} when the local heuristics cannot tell. */
    public enum Kind { PERSON, ORGANISATION, PRODUCT, BOOK, OTHER }

    public Mention {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        moments = List.copyOf(moments);
        if (name.isBlank() || moments.isEmpty()) {
            throw new IllegalArgumentException("a mention needs a name and at least one moment");
        }
    }
}
