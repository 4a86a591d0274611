package dev.hark.library;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Episodes in SQLite, read side. {@link FeedSync} writes them. Thread-safe. */
public final class EpisodeRepository {

    static final String COLUMNS = "id, podcast_id, guid, title, published, duration, media_url, media_type, media_length, "
            + "link, description, description_html, image, season, episode_number, episode_type, explicit, "
            + "chapters_url, chapters_type, extras, feed_order, in_feed, first_seen_at, transcript_source";

    private final Jdbi jdbi;

    public EpisodeRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<Episode> find(long id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM episodes WHERE id = ?")
                .bind(0, id)
                .map(EpisodeRepository::map)
                .findOne());
    }

    public Episode get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("No episode with id " + id));
    }

    /** A podcast's episodes, newest first (undated ones in feed order after the dated). */
    public List<Episode> listByPodcast(long podcastId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM episodes WHERE podcast_id = ? "
                        + "ORDER BY published IS NULL, published DESC, feed_order, id")
                .bind(0, podcastId)
                .map(EpisodeRepository::map)
                .list());
    }

    public int countByPodcast(long podcastId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT count(*) FROM episodes WHERE podcast_id = ?")
                .bind(0, podcastId)
                .mapTo(Integer.class)
                .one());
    }

    /** The newest episodes across every podcast, newest first. */
    public List<Episode> newest(int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM episodes "
                        + "WHERE published IS NOT NULL AND in_feed = 1 ORDER BY published DESC, id DESC LIMIT ?")
                .bind(0, limit)
                .map(EpisodeRepository::map)
                .list());
    }

    /** These episodes, in the order of the ids given; unknown ids are left out. */
    public List<Episode> findAll(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        java.util.Map<Long, Episode> byId = new java.util.HashMap<>();
        jdbi.useHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM episodes WHERE id IN (<ids>)")
                .bindList("ids", ids)
                .map(EpisodeRepository::map)
                .forEach(e -> byId.put(e.id(), e)));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /** Episode count per podcast id. */
    public java.util.Map<Long, Integer> countsByPodcast() {
        return jdbi.withHandle(handle -> {
            java.util.Map<Long, Integer> counts = new java.util.HashMap<>();
            handle.createQuery("SELECT podcast_id, count(*) FROM episodes GROUP BY podcast_id")
                    .map((rs, ctx) -> java.util.Map.entry(rs.getLong(1), rs.getInt(2)))
                    .forEach(e -> counts.put(e.getKey(), e.getValue()));
            return counts;
        });
    }

    static Episode map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Episode(
                rs.getLong("id"),
                rs.getLong("podcast_id"),
                rs.getString("guid"),
                rs.getString("title"),
                Rows.longOrNull(rs, "published"),
                Rows.longOrNull(rs, "duration"),
                rs.getString("media_url"),
                rs.getString("media_type"),
                Rows.longOrNull(rs, "media_length"),
                rs.getString("link"),
                rs.getString("description"),
                rs.getString("description_html"),
                rs.getString("image"),
                Rows.intOrNull(rs, "season"),
                Rows.intOrNull(rs, "episode_number"),
                rs.getString("episode_type"),
                Rows.bool(rs, "explicit"),
                rs.getString("chapters_url"),
                rs.getString("chapters_type"),
                rs.getString("extras"),
                Rows.intOrNull(rs, "feed_order"),
                rs.getInt("in_feed") != 0,
                Rows.instant(rs, "first_seen_at"),
                rs.getString("transcript_source"));
    }
}
