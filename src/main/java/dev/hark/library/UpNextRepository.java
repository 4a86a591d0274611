package dev.hark.library;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.util.List;

/**
 * The Up Next queue: episode ids in play order. Positions are reals so an episode can be put
 * between two others without renumbering; {@link #reorder} renumbers the whole list. Thread-safe.
 */
public final class UpNextRepository {

    private final Jdbi jdbi;

    public UpNextRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<Long> list() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT episode_id FROM up_next ORDER BY position, episode_id")
                .mapTo(Long.class).list());
    }

    /** Puts an episode first (play next), moving it if it was queued already. */
    public void playNext(long episodeId) {
        jdbi.useTransaction(handle -> put(handle, episodeId,
                handle.createQuery("SELECT coalesce(min(position), 1) - 1 FROM up_next").mapTo(Double.class).one()));
    }

    /** Puts an episode last (play last), moving it if it was queued already. */
    public void playLast(long episodeId) {
        jdbi.useTransaction(handle -> put(handle, episodeId,
                handle.createQuery("SELECT coalesce(max(position), 0) + 1 FROM up_next").mapTo(Double.class).one()));
    }

    public void remove(long episodeId) {
        jdbi.useTransaction(handle -> handle.createUpdate("DELETE FROM up_next WHERE episode_id = ?").bind(0, episodeId).execute());
    }

    /**
     * Replaces the order with the given ids (the result of a drag). Ids not queued are ignored;
     * queued ids missing from the list keep their place after the given ones.
     */
    public void reorder(List<Long> episodeIds) {
        jdbi.useTransaction(handle -> {
            List<Long> current = handle.createQuery("SELECT episode_id FROM up_next ORDER BY position, episode_id")
                    .mapTo(Long.class).list();
            List<Long> order = new java.util.ArrayList<>();
            for (Long id : episodeIds) {
                if (current.contains(id) && !order.contains(id)) {
                    order.add(id);
                }
            }
            for (Long id : current) {
                if (!order.contains(id)) {
                    order.add(id);
                }
            }
            for (int i = 0; i < order.size(); i++) {
                handle.createUpdate("UPDATE up_next SET position = ? WHERE episode_id = ?").bind(0, i + 1).bind(1, order.get(i)).execute();
            }
        });
    }

    /** The episode after this one in the queue, removing this one (the player finished it). */
    public java.util.Optional<Long> advance(long finishedEpisodeId) {
        return jdbi.inTransaction(handle -> {
            handle.createUpdate("DELETE FROM up_next WHERE episode_id = ?").bind(0, finishedEpisodeId).execute();
            return handle.createQuery("SELECT episode_id FROM up_next ORDER BY position, episode_id LIMIT 1")
                    .mapTo(Long.class).findOne();
        });
    }

    private static void put(Handle handle, long episodeId, double position) {
        boolean exists = handle.createQuery("SELECT count(*) FROM episodes WHERE id = ?").bind(0, episodeId)
                .mapTo(Integer.class).one() > 0;
        if (!exists) {
            throw new NotFoundException("No episode with id " + episodeId);
        }
        handle.createUpdate("INSERT INTO up_next (episode_id, position) VALUES (?, ?) "
                        + "ON CONFLICT (episode_id) DO UPDATE SET position = excluded.position")
                .bind(0, episodeId).bind(1, position).execute();
    }
}
