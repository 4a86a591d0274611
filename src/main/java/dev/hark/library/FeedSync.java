package dev.hark.library;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hark.feed.ParsedEpisode;
import dev.hark.feed.ParsedFeed;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes what a refresh learned into the library. Each method is one transaction, so a
 * refresh killed at any point leaves either the old state or the new one, never a mix.
 * Thread-safe.
 */
public final class FeedSync {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbi jdbi;
    private final EpisodeMatcher matcher = new EpisodeMatcher();

    public FeedSync(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** What a sync changed. */
    public record Outcome(int newEpisodes, int updatedEpisodes, int droppedFromFeed) {
    }

    /** The HTTP validators and content hash of the body that was read, kept for the next refresh. */
    public record Validators(String etag, String lastModified, String contentHash) {
    }

    /**
     * Brings a podcast and its episodes in line with a freshly parsed feed. Episodes keep
     * their ids (and so their play state, downloads and transcripts) when the matcher
     * recognises them; episodes the feed no longer lists are kept and flagged.
     */
    public Outcome apply(long podcastId, ParsedFeed feed, Validators validators, Instant now, Instant nextCheck) {
        return jdbi.inTransaction(handle -> {
            PodcastRepository.get(handle, podcastId);
            updatePodcast(handle, podcastId, feed, validators, now, nextCheck);
            List<EpisodeMatcher.Stored> stored = handle.createQuery(
                            "SELECT id, guid, media_url, title, published FROM episodes WHERE podcast_id = ?")
                    .bind(0, podcastId)
                    .map((rs, ctx) -> new EpisodeMatcher.Stored(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), Rows.longOrNull(rs, "published")))
                    .list();
            List<Long> matches = matcher.match(stored, feed.episodes());
            PreparedBatch inserts = handle.prepareBatch("INSERT INTO episodes (" + FIELDS
                    + ", podcast_id, first_seen_at) VALUES (" + "?, ".repeat(FIELD_COUNT) + "?, ?)");
            PreparedBatch updates = handle.prepareBatch("UPDATE episodes SET "
                    + String.join(" = ?, ", FIELDS.split(", ")) + " = ? WHERE id = ?");
            int inserted = 0;
            int updated = 0;
            for (int i = 0; i < matches.size(); i++) {
                ParsedEpisode item = feed.episodes().get(i);
                Long id = matches.get(i);
                if (id == null) {
                    bindFields(inserts, item, i).bind(FIELD_COUNT, podcastId).bind(FIELD_COUNT + 1, now.toEpochMilli()).add();
                    inserted++;
                } else {
                    bindFields(updates, item, i).bind(FIELD_COUNT, id).add();
                    updated++;
                }
            }
            if (inserted > 0) {
                inserts.execute();
            }
            if (updated > 0) {
                updates.execute();
            }
            List<Long> kept = matches.stream().filter(java.util.Objects::nonNull).toList();
            int dropped = markDropped(handle, podcastId, stored, kept);
            return new Outcome(inserted, updated, dropped);
        });
    }

    /** The server said 304, or sent the same bytes as last time. */
    public void recordUnchanged(long podcastId, Validators validators, Instant now, Instant nextCheck) {
        jdbi.useTransaction(handle -> handle.createUpdate("UPDATE podcasts SET "
                        + "etag = coalesce(?, etag), last_modified = coalesce(?, last_modified), "
                        + "last_checked_at = ?, last_success_at = ?, next_check_at = ?, failure_count = 0, last_error = NULL "
                        + "WHERE id = ?")
                .bind(0, validators.etag())
                .bind(1, validators.lastModified())
                .bind(2, now.toEpochMilli())
                .bind(3, now.toEpochMilli())
                .bind(4, nextCheck.toEpochMilli())
                .bind(5, podcastId)
                .execute());
    }

    /** A refresh failed; the reason is shown to the user, and the next check backs off. */
    public void recordFailure(long podcastId, String reason, Instant now, Instant nextCheck) {
        jdbi.useTransaction(handle -> handle.createUpdate("UPDATE podcasts SET last_checked_at = ?, next_check_at = ?, "
                        + "failure_count = failure_count + 1, last_error = ? WHERE id = ?")
                .bind(0, now.toEpochMilli())
                .bind(1, nextCheck.toEpochMilli())
                .bind(2, reason)
                .bind(3, podcastId)
                .execute());
    }

    /** The server answered 410: the feed is gone for good and is no longer refreshed. */
    public void markGone(long podcastId, Instant now) {
        jdbi.useTransaction(handle -> handle.createUpdate("UPDATE podcasts SET status = 'GONE', last_checked_at = ?, "
                        + "last_error = 'The publisher removed this feed (410 Gone)' WHERE id = ?")
                .bind(0, now.toEpochMilli())
                .bind(1, podcastId)
                .execute());
    }

    /**
     * Moves a subscription to a new feed address (a permanent redirect or
     * {@code itunes:new-feed-url}). Cached validators are dropped: they belong to the old address.
     *
     * @return false when another subscription already has that address (nothing changes)
     */
    public boolean moveTo(long podcastId, String newUrl) {
        return jdbi.inTransaction(handle -> {
            if (PodcastRepository.findByUrl(handle, newUrl).isPresent()) {
                return false;
            }
            handle.createUpdate("UPDATE podcasts SET feed_url = ?, etag = NULL, last_modified = NULL, "
                            + "content_hash = NULL WHERE id = ?")
                    .bind(0, newUrl)
                    .bind(1, podcastId)
                    .execute();
            return true;
        });
    }

    private static void updatePodcast(Handle handle, long podcastId, ParsedFeed feed, Validators validators,
                                      Instant now, Instant nextCheck) {
        handle.createUpdate("UPDATE podcasts SET title = ?, link = ?, description = ?, description_html = ?, author = ?, "
                        + "image = ?, language = ?, podcast_guid = ?, feed_type = ?, explicit = ?, locked = ?, extras = ?, "
                        + "etag = ?, last_modified = ?, content_hash = ?, last_checked_at = ?, last_success_at = ?, "
                        + "next_check_at = ?, failure_count = 0, last_error = NULL WHERE id = ?")
                .bind(0, feed.title())
                .bind(1, feed.link())
                .bind(2, feed.description())
                .bind(3, feed.descriptionHtml())
                .bind(4, feed.author())
                .bind(5, feed.image())
                .bind(6, feed.language())
                .bind(7, feed.podcastGuid())
                .bind(8, feed.type())
                .bind(9, Rows.bit(feed.explicit()))
                .bind(10, feed.locked() ? 1 : 0)
                .bind(11, podcastExtras(feed))
                .bind(12, validators.etag())
                .bind(13, validators.lastModified())
                .bind(14, validators.contentHash())
                .bind(15, now.toEpochMilli())
                .bind(16, now.toEpochMilli())
                .bind(17, nextCheck.toEpochMilli())
                .bind(18, podcastId)
                .execute();
    }

    private static int markDropped(Handle handle, long podcastId, List<EpisodeMatcher.Stored> stored, List<Long> kept) {
        java.util.Set<Long> keep = new java.util.HashSet<>(kept);
        PreparedBatch batch = handle.prepareBatch("UPDATE episodes SET in_feed = 0, feed_order = NULL WHERE id = ? AND in_feed = 1");
        int count = 0;
        for (EpisodeMatcher.Stored s : stored) {
            if (!keep.contains(s.id())) {
                batch.bind(0, s.id()).add();
                count++;
            }
        }
        if (count == 0) {
            return 0;
        }
        return java.util.Arrays.stream(batch.execute()).sum();
    }

    private static final String FIELDS = "guid, title, published, duration, media_url, media_type, media_length, link, "
            + "description, description_html, image, season, episode_number, episode_type, explicit, chapters_url, "
            + "chapters_type, extras, feed_order, in_feed";
    private static final int FIELD_COUNT = FIELDS.split(", ").length;

    private static PreparedBatch bindFields(PreparedBatch batch, ParsedEpisode item, int feedOrder) {
        return batch.bind(0, item.guid())
                .bind(1, item.title())
                .bind(2, item.published())
                .bind(3, item.duration())
                .bind(4, item.media().url())
                .bind(5, item.media().type())
                .bind(6, item.media().length())
                .bind(7, item.link())
                .bind(8, item.description())
                .bind(9, item.descriptionHtml())
                .bind(10, item.image())
                .bind(11, item.season())
                .bind(12, item.episode())
                .bind(13, item.episodeType())
                .bind(14, Rows.bit(item.explicit()))
                .bind(15, item.chaptersUrl())
                .bind(16, item.chaptersType())
                .bind(17, episodeExtras(item))
                .bind(18, feedOrder)
                .bind(19, 1);
    }

    private static String episodeExtras(ParsedEpisode item) {
        Map<String, Object> extras = new LinkedHashMap<>();
        putIfAny(extras, "transcripts", item.transcripts());
        putIfAny(extras, "persons", item.persons());
        putIfAny(extras, "soundbites", item.soundbites());
        putIfAny(extras, "funding", item.funding());
        putIfAny(extras, "alternateEnclosures", item.alternateEnclosures());
        if (item.enclosures().size() > 1) {
            extras.put("enclosures", new ArrayList<>(item.enclosures()));
        }
        return toJson(extras);
    }

    private static String podcastExtras(ParsedFeed feed) {
        Map<String, Object> extras = new LinkedHashMap<>();
        putIfAny(extras, "funding", feed.funding());
        putIfAny(extras, "persons", feed.persons());
        return toJson(extras);
    }

    private static void putIfAny(Map<String, Object> map, String key, List<?> values) {
        if (!values.isEmpty()) {
            map.put(key, values);
        }
    }

    private static String toJson(Map<String, Object> extras) {
        if (extras.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(extras);
        } catch (JsonProcessingException e) {
            throw new LibraryException("Cannot store episode details: " + e.getOriginalMessage(), e);
        }
    }
}
