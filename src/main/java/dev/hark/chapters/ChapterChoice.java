package dev.hark.chapters;

import java.util.Optional;

/**
 * The one place that decides which chapters an episode shows when several sources have some:
 * the publisher's JSON file, then a Podlove file, then ID3 chapters in the media file, then a
 * timestamp list in the show notes. An empty list loses to any non-empty one. Pure; thread-safe.
 */
public final class ChapterChoice {

    private ChapterChoice() {
    }

    /**
     * What to store when {@code found} comes in and {@code stored} is there: the higher-ranked
     * of the two, and {@code found} on a tie (a newer reading of the same source replaces the old).
     */
    public static Chapters better(Optional<Chapters> stored, Chapters found) {
        return stored.filter(kept -> rank(kept) > rank(found)).orElse(found);
    }

    /** Higher is preferred; 0 for an empty list, whatever its source. */
    static int rank(Chapters chapters) {
        if (chapters.isEmpty()) {
            return 0;
        }
        return switch (chapters.source()) {
            case Chapters.PUBLISHER_JSON -> 4;
            case Chapters.PODLOVE -> 3;
            case Chapters.ID3 -> 2;
            case Chapters.SHOW_NOTES -> 1;
            default -> throw new IllegalStateException("No rank for chapters source " + chapters.source());
        };
    }
}
