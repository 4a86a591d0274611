package dev.hark.library;

import java.time.Instant;

/**
 * A subscription: what the feed says about the show, plus Hark's refresh bookkeeping.
 *
 * @param status        {@link Status#ACTIVE} or {@link Status#GONE} (the server answered 410)
 * @param nextCheckAt   when the scheduler should refresh it next (backs off after failures)
 * @param failureCount  refreshes that failed in a row
 */
public record Podcast(
        long id,
        String feedUrl,
        String title,
        String link,
        String description,
        String descriptionHtml,
        String author,
        String image,
        String language,
        String podcastGuid,
        String feedType,
        Boolean explicit,
        boolean locked,
        Status status,
        String etag,
        String lastModified,
        String contentHash,
        Instant addedAt,
        Instant lastCheckedAt,
        Instant lastSuccessAt,
        Instant nextCheckAt,
        int failureCount,
        String lastError) {

    public enum Status { ACTIVE, GONE }

    /** The title, or the feed address while the feed has never been read. */
    public String displayTitle() {
        return title != null ? title : feedUrl;
    }
}
