package dev.hark.media;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The {@code downloads} table: which episodes have files, complete or on their way. Also reads
 * what {@link DownloadPolicy} decides on. Thread-safe.
 */
public final class DownloadRepository {

    private static final String COLUMNS = "episode_id, path, bytes, total_bytes, media_type, etag, last_modified, "
            + "started_at, updated_at, completed_at";

    private final Jdbi jdbi;

    public DownloadRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<Download> find(long episodeId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM downloads WHERE episode_id = ?")
                .bind(0, episodeId).map(DownloadRepository::map).findOne());
    }

    /** Records a download in progress (or restarted): where, how far, and the validators to resume with. */
    public void saveProgress(long episodeId, String path, long bytes, Long totalBytes, String mediaType, String etag,
                             String lastModified, Instant now) {
        jdbi.useTransaction(handle -> handle.createUpdate("INSERT INTO downloads (episode_id, path, bytes, total_bytes, "
                        + "media_type, etag, last_modified, started_at, updated_at, completed_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL) ON CONFLICT (episode_id) DO UPDATE SET "
                        + "path = excluded.path, bytes = excluded.bytes, total_bytes = excluded.total_bytes, "
                        + "media_type = excluded.media_type, etag = excluded.etag, last_modified = excluded.last_modified, "
                        + "updated_at = excluded.updated_at, completed_at = NULL")
                .bind(0, episodeId).bind(1, path).bind(2, bytes).bind(3, totalBytes).bind(4, mediaType)
                .bind(5, etag).bind(6, lastModified).bind(7, now.toEpochMilli()).bind(8, now.toEpochMilli())
                .execute());
    }

    /** Marks a download complete with its final size. */
    public void complete(long episodeId, long bytes, Instant now) {
        jdbi.useTransaction(handle -> handle.createUpdate("UPDATE downloads SET bytes = ?, total_bytes = ?, "
                        + "updated_at = ?, completed_at = ? WHERE episode_id = ?")
                .bind(0, bytes).bind(1, bytes).bind(2, now.toEpochMilli()).bind(3, now.toEpochMilli()).bind(4, episodeId)
                .execute());
    }

    public void delete(long episodeId) {
        jdbi.useTransaction(handle -> handle.createUpdate("DELETE FROM downloads WHERE episode_id = ?")
                .bind(0, episodeId).execute());
    }

    /** Complete downloads, oldest first. */
    public List<Download> completed() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM downloads "
                + "WHERE completed_at IS NOT NULL ORDER BY completed_at, episode_id").map(DownloadRepository::map).list());
    }

    /** The relative path of every download row, complete or not. */
    public List<String> paths() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT path FROM downloads").mapTo(String.class).list());
    }

    /** Every episode of these podcasts (those that download automatically), as the policy needs them. */
    public List<DownloadPolicy.Candidate> candidates(Collection<Long> podcastIds) {
        if (podcastIds.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(handle -> handle.createQuery("SELECT e.id, e.podcast_id, e.published, e.feed_order, "
                        + "e.in_feed, coalesce(ps.played, 0) AS played, d.episode_id IS NOT NULL AS downloaded "
                        + "FROM episodes e LEFT JOIN play_state ps ON ps.episode_id = e.id "
                        + "LEFT JOIN downloads d ON d.episode_id = e.id AND d.completed_at IS NOT NULL "
                        + "WHERE e.podcast_id IN (<podcasts>)")
                .bindList("podcasts", List.copyOf(podcastIds))
                .map((rs, ctx) -> new DownloadPolicy.Candidate(rs.getLong("id"), rs.getLong("podcast_id"),
                        longOrNull(rs, "published"), intOrNull(rs, "feed_order"), rs.getInt("in_feed") != 0,
                        rs.getInt("played") != 0, rs.getInt("downloaded") != 0))
                .list());
    }

    /** Every complete download with what the policy needs to rank it for eviction. */
    public List<DownloadPolicy.Stored> storedForPolicy() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT d.episode_id, d.bytes, d.completed_at, e.published, "
                        + "coalesce(ps.played, 0) AS played, coalesce(ps.position, 0) AS position, ps.updated_at "
                        + "FROM downloads d JOIN episodes e ON e.id = d.episode_id "
                        + "LEFT JOIN play_state ps ON ps.episode_id = d.episode_id WHERE d.completed_at IS NOT NULL")
                .map((rs, ctx) -> new DownloadPolicy.Stored(rs.getLong("episode_id"), rs.getLong("bytes"),
                        longOrNull(rs, "published"), Instant.ofEpochMilli(rs.getLong("completed_at")),
                        rs.getInt("played") != 0, rs.getDouble("position") > 0, instant(rs, "updated_at")))
                .list());
    }

    private static Download map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Download(rs.getLong("episode_id"), rs.getString("path"), rs.getLong("bytes"),
                longOrNull(rs, "total_bytes"), rs.getString("media_type"), rs.getString("etag"),
                rs.getString("last_modified"), instant(rs, "started_at"), instant(rs, "updated_at"),
                instant(rs, "completed_at"));
    }

    static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Integer intOrNull(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }
}
