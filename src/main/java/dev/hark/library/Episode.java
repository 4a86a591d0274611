package dev.hark.library;

import java.time.Instant;

/**
 * An episode as its feed last described it.
 *
 * @param published        Unix seconds, or null
 * @param duration         whole seconds, or null
 * @param extrasJson       JSON with transcripts, persons, soundbites, funding and alternate media
 * @param feedOrder        position in the feed at the last refresh (0 = first)
 * @param inFeed           false once the publisher dropped it from the feed (kept for its user state)
 * @param transcriptSource null, "publisher", or the engine that made the transcript
 */
public record Episode(
        long id,
        long podcastId,
        String guid,
        String title,
        Long published,
        Long duration,
        String mediaUrl,
        String mediaType,
        Long mediaLength,
        String link,
        String description,
        String descriptionHtml,
        String image,
        Integer season,
        Integer episodeNumber,
        String episodeType,
        Boolean explicit,
        String chaptersUrl,
        String chaptersType,
        String extrasJson,
        Integer feedOrder,
        boolean inFeed,
        Instant firstSeenAt,
        String transcriptSource) {
}
