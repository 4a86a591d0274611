package dev.hark.library;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Listening position, played state and time saved per episode. Thread-safe. */
public final class PlayStateRepository {

    private static final String COLUMNS = "episode_id, position, played, updated_at, time_saved";

    private final Jdbi jdbi;

    public PlayStateRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<PlayState> find(long episodeId) {
        return jdbi.withHandle(handle -> handle
                .createQuery("SELECT " + COLUMNS + " FROM play_state WHERE episode_id = ?")
                .bind(0, episodeId)
                .map(PlayStateRepository::map)
                .findOne());
    }

    /** The states of these episodes that have one. */
    public Map<Long, PlayState> findAll(Collection<Long> episodeIds) {
        Map<Long, PlayState> states = new HashMap<>();
        if (episodeIds.isEmpty()) {
            return states;
        }
        jdbi.useHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM play_state WHERE episode_id IN (<ids>)")
                .bindList("ids", List.copyOf(episodeIds))
                .map(PlayStateRepository::map)
                .forEach(state -> states.put(state.episodeId(), state)));
        return states;
    }

    /** Saves the position (seconds) and played flag of an episode. */
    public void save(long episodeId, double position, boolean played, Instant now) {
        save(episodeId, position, played, 0, now);
    }

    /**
     * Saves the position and played flag, and adds {@code addTimeSaved} seconds to the time
     * trimmed silences saved in this episode.
     */
    public void save(long episodeId, double position, boolean played, double addTimeSaved, Instant now) {
        if (position < 0 || Double.isNaN(position) || Double.isInfinite(position)) {
            throw new LibraryException("A position must be a number of seconds, 0 or more");
        }
        if (addTimeSaved < 0 || Double.isNaN(addTimeSaved) || addTimeSaved > 86_400) {
            throw new LibraryException("Time saved must be a number of seconds, 0 or more");
        }
        jdbi.useTransaction(handle -> {
            boolean exists = handle.createQuery("SELECT count(*) FROM episodes WHERE id = ?")
                    .bind(0, episodeId).mapTo(Integer.class).one() > 0;
            if (!exists) {
                throw new NotFoundException("No episode with id " + episodeId);
            }
            handle.createUpdate("INSERT INTO play_state (episode_id, position, played, updated_at, time_saved, started_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?) "
                            + "ON CONFLICT (episode_id) DO UPDATE SET position = excluded.position, "
                            + "played = excluded.played, updated_at = excluded.updated_at, "
                            + "time_saved = play_state.time_saved + excluded.time_saved")
                    .bind(0, episodeId)
                    .bind(1, position)
                    .bind(2, played ? 1 : 0)
                    .bind(3, now.toEpochMilli())
                    .bind(4, addTimeSaved)
                    .bind(5, now.toEpochMilli())
                    .execute();
        });
    }

    /** Episodes listened to, most recent first. */
    public List<PlayState> history(int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM play_state "
                        + "WHERE position > 0 OR played = 1 ORDER BY updated_at DESC LIMIT ?")
                .bind(0, limit)
                .map(PlayStateRepository::map)
                .list());
    }

    /** Seconds saved by trimming silence, over every episode. */
    public double totalTimeSaved() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT coalesce(sum(time_saved), 0) FROM play_state")
                .mapTo(Double.class).one());
    }

    private static PlayState map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new PlayState(rs.getLong("episode_id"), rs.getDouble("position"), rs.getInt("played") != 0,
                Instant.ofEpochMilli(rs.getLong("updated_at")), rs.getDouble("time_saved"));
    }
}
