package dev.hark.library;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Subscriptions in SQLite. Thread-safe. */
public final class PodcastRepository {

    static final String COLUMNS = "id, feed_url, title, link, description, description_html, author, image, language, "
            + "podcast_guid, feed_type, explicit, locked, status, etag, last_modified, content_hash, added_at, "
            + "last_checked_at, last_success_at, next_check_at, failure_count, last_error";

    private final Jdbi jdbi;

    public PodcastRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Subscribes to a feed address, or returns the existing subscription for it.
     *
     * @return the podcast and whether it was new
     */
    public Subscribed subscribe(String feedUrl, Instant now) {
        return jdbi.inTransaction(handle -> {
            Optional<Podcast> existing = findByUrl(handle, feedUrl);
            if (existing.isPresent()) {
                return new Subscribed(existing.get(), false);
            }
            long id = handle.createUpdate("INSERT INTO podcasts (feed_url, added_at, next_check_at) VALUES (?, ?, 0)")
                    .bind(0, feedUrl)
                    .bind(1, now.toEpochMilli())
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            return new Subscribed(get(handle, id), true);
        });
    }

    /** The result of {@link #subscribe}. */
    public record Subscribed(Podcast podcast, boolean created) {
    }

    public Optional<Podcast> find(long id) {
        return jdbi.withHandle(handle -> find(handle, id));
    }

    public Podcast get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("No podcast with id " + id));
    }

    public Optional<Podcast> findByUrl(String feedUrl) {
        return jdbi.withHandle(handle -> findByUrl(handle, feedUrl));
    }

    /**
     * Finds a podcast as a user names it on the command line: its id, its feed URL, or a
     * case-insensitive part of its title that matches exactly one podcast.
     */
    public Podcast resolve(String reference) {
        String ref = reference.strip();
        if (ref.matches("\\d{1,18}")) {
            Optional<Podcast> byId = find(Long.parseLong(ref));
            if (byId.isPresent()) {
                return byId.get();
            }
        }
        Optional<Podcast> byUrl = findByUrl(ref);
        if (byUrl.isPresent()) {
            return byUrl.get();
        }
        List<Podcast> byTitle = jdbi.withHandle(handle -> handle
                .createQuery("SELECT " + COLUMNS + " FROM podcasts WHERE instr(lower(title), lower(?)) > 0 ORDER BY id")
                .bind(0, ref)
                .map(PodcastRepository::map)
                .list());
        if (byTitle.size() == 1) {
            return byTitle.getFirst();
        }
        if (byTitle.isEmpty()) {
            throw new NotFoundException("No podcast matches \"" + ref + "\"");
        }
        throw new NotFoundException("\"" + ref + "\" matches " + byTitle.size()
                + " podcasts; use the id from 'hark podcasts'");
    }

    /** Every subscription, by title. */
    public List<Podcast> list() {
        return jdbi.withHandle(handle -> handle
                .createQuery("SELECT " + COLUMNS + " FROM podcasts ORDER BY lower(coalesce(title, feed_url)), id")
                .map(PodcastRepository::map)
                .list());
    }

    /** Active subscriptions whose next check is due. */
    public List<Podcast> dueForCheck(Instant now) {
        return jdbi.withHandle(handle -> handle
                .createQuery("SELECT " + COLUMNS + " FROM podcasts WHERE status = 'ACTIVE' AND next_check_at <= ? ORDER BY next_check_at")
                .bind(0, now.toEpochMilli())
                .map(PodcastRepository::map)
                .list());
    }

    /** Unsubscribes; the podcast's episodes and their state go with it. */
    public void delete(long id) {
        int rows = jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM podcasts WHERE id = ?").bind(0, id).execute());
        if (rows == 0) {
            throw new NotFoundException("No podcast with id " + id);
        }
    }

    static Optional<Podcast> find(Handle handle, long id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM podcasts WHERE id = ?")
                .bind(0, id)
                .map(PodcastRepository::map)
                .findOne();
    }

    static Podcast get(Handle handle, long id) {
        return find(handle, id).orElseThrow(() -> new NotFoundException("No podcast with id " + id));
    }

    static Optional<Podcast> findByUrl(Handle handle, String feedUrl) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM podcasts WHERE feed_url = ?")
                .bind(0, feedUrl)
                .map(PodcastRepository::map)
                .findOne();
    }

    static Podcast map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Podcast(
                rs.getLong("id"),
                rs.getString("feed_url"),
                rs.getString("title"),
                rs.getString("link"),
                rs.getString("description"),
                rs.getString("description_html"),
                rs.getString("author"),
                rs.getString("image"),
                rs.getString("language"),
                rs.getString("podcast_guid"),
                rs.getString("feed_type"),
                Rows.bool(rs, "explicit"),
                rs.getInt("locked") != 0,
                Podcast.Status.valueOf(rs.getString("status")),
                rs.getString("etag"),
                rs.getString("last_modified"),
                rs.getString("content_hash"),
                Rows.instant(rs, "added_at"),
                Rows.instant(rs, "last_checked_at"),
                Rows.instant(rs, "last_success_at"),
                Rows.instant(rs, "next_check_at"),
                rs.getInt("failure_count"),
                rs.getString("last_error"));
    }
}
