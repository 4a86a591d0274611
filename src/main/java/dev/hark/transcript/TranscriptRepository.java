package dev.hark.transcript;

import dev.hark.library.NotFoundException;
import org.jdbi.v3.core.Jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Transcripts in SQLite, one per episode (table {@code transcripts}, migration V6). Saving or
 * deleting one also sets or clears {@code episodes.transcript_source} in the same transaction,
 * so the episode list never claims a transcript that is not there. Thread-safe.
 */
public final class TranscriptRepository {

    private final Jdbi jdbi;

    public TranscriptRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Saves (or replaces) an episode's transcript and marks the episode with its source.
     *
     * @throws NotFoundException when there is no such episode
     */
    public void save(StoredTranscript stored) {
        String json = TranscriptCodec.write(stored.transcript());
        jdbi.useTransaction(handle -> {
            int episodes = handle.createUpdate("UPDATE episodes SET transcript_source = ? WHERE id = ?")
                    .bind(0, stored.source())
                    .bind(1, stored.episodeId())
                    .execute();
            if (episodes == 0) {
                throw new NotFoundException("No episode with id " + stored.episodeId());
            }
            handle.createUpdate("INSERT INTO transcripts (episode_id, source, format, language, json, approximate, created_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (episode_id) DO UPDATE SET source = excluded.source, "
                            + "format = excluded.format, language = excluded.language, json = excluded.json, "
                            + "approximate = excluded.approximate, created_at = excluded.created_at")
                    .bind(0, stored.episodeId())
                    .bind(1, stored.source())
                    .bind(2, stored.format() == null ? null : stored.format().extension())
                    .bind(3, stored.language())
                    .bind(4, json)
                    .bind(5, stored.transcript().approximate() ? 1 : 0)
                    .bind(6, stored.createdAt().toEpochMilli())
                    .execute();
        });
    }

    public Optional<StoredTranscript> find(long episodeId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT episode_id, source, format, language, json, created_at FROM transcripts WHERE episode_id = ?")
                .bind(0, episodeId)
                .map((rs, ctx) -> map(rs))
                .findOne());
    }

    /** The source of an episode's transcript ("publisher" or an engine), without reading the transcript. */
    public Optional<String> source(long episodeId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT source FROM transcripts WHERE episode_id = ?")
                .bind(0, episodeId)
                .mapTo(String.class)
                .findOne());
    }

    /** When the episode's transcript was saved, without reading the transcript; empty when it has none. */
    public Optional<Instant> createdAt(long episodeId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT created_at FROM transcripts WHERE episode_id = ?")
                .bind(0, episodeId)
                .mapTo(Long.class)
                .findOne()
                .map(Instant::ofEpochMilli));
    }

    /** Deletes an episode's transcript and clears its source; false when it had none. */
    public boolean delete(long episodeId) {
        return jdbi.inTransaction(handle -> {
            handle.createUpdate("UPDATE episodes SET transcript_source = NULL WHERE id = ?").bind(0, episodeId).execute();
            return handle.createUpdate("DELETE FROM transcripts WHERE episode_id = ?").bind(0, episodeId).execute() > 0;
        });
    }

    private static StoredTranscript map(ResultSet rs) throws SQLException {
        String format = rs.getString("format");
        return new StoredTranscript(
                rs.getLong("episode_id"),
                rs.getString("source"),
                format == null ? null : TranscriptFormat.fromFileName("x." + format).orElse(null),
                rs.getString("language"),
                TranscriptCodec.read(rs.getString("json")),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
