package dev.hark.ai;

import java.util.List;

/**
 * What the feed and the transcript already say about names in an episode, for {@link Mentions}.
 *
 * @param persons   the names of the feed's {@code <podcast:person>} entries (episode and podcast)
 * @param speakers  the transcript's speaker names (labels such as "spk_0" or "Speaker 1" are ignored)
 * @param linkTexts the texts of the show notes' links, e.g. "Pydantic AI"; long ones are ignored
 */
public record MentionHints(List<String> persons, List<String> speakers, List<String> linkTexts) {

    public MentionHints {
        persons = List.copyOf(persons);
        speakers = List.copyOf(speakers);
        linkTexts = List.copyOf(linkTexts);
    }

    /** No hints: mentions come from the transcript's capitalisation alone. */
    public static MentionHints none() {
        return new MentionHints(List.of(), List.of(), List.of());
    }
}
