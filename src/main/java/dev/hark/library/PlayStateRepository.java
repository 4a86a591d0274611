package dev.hark.library;

import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.Optional;

/** Listening position and played state per episode. Thread-safe. */
public final class PlayStateRepository {

    private final Jdbi jdbi;

    public PlayStateRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<PlayState> find(long episodeId) {
        return jdbi.withHandle(handle -> handle
                .createQuery("SELECT episode_id, position, played, updated_at FROM play_state WHERE episode_id = ?")
                .bind(0, episodeId)
                .map((rs, ctx) -> new PlayState(rs.getLong(1), rs.getDouble(2), rs.getInt(3) != 0,
                        Instant.ofEpochMilli(rs.getLong(4))))
                .findOne());
    }

    /** Saves the position (seconds) and played flag of an episode. */
    public void save(long episodeId, double position, boolean played, Instant now) {
        if (position < 0 || Double.isNaN(position) || Double.isInfinite(position)) {
            throw new LibraryException("A position must be a number of seconds, 0 or more");
        }
        jdbi.useTransaction(handle -> {
            boolean exists = handle.createQuery("SELECT count(*) FROM episodes WHERE id = ?")
                    .bind(0, episodeId).mapTo(Integer.class).one() > 0;
            if (!exists) {
                throw new NotFoundException("No episode with id " + episodeId);
            }
            handle.createUpdate("INSERT INTO play_state (episode_id, position, played, updated_at) VALUES (?, ?, ?, ?) "
                            + "ON CONFLICT (episode_id) DO UPDATE SET position = excluded.position, "
                            + "played = excluded.played, updated_at = excluded.updated_at")
                    .bind(0, episodeId)
                    .bind(1, position)
                    .bind(2, played ? 1 : 0)
                    .bind(3, now.toEpochMilli())
                    .execute();
        });
    }
}
