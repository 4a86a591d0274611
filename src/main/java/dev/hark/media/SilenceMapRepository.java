package dev.hark.media;

import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.Optional;

/** The {@code silence_maps} table. Thread-safe. */
public final class SilenceMapRepository {

    private final Jdbi jdbi;

    public SilenceMapRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Stores (or replaces) an episode's map, with the levels its threshold came from. */
    public void save(long episodeId, SilenceMap map, SilenceDetector.Levels levels, Instant now) {
        jdbi.useTransaction(handle -> handle.createUpdate("INSERT INTO silence_maps (episode_id, duration, silences, "
                        + "noise_db, speech_db, threshold_db, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (episode_id) DO UPDATE SET duration = excluded.duration, silences = excluded.silences, "
                        + "noise_db = excluded.noise_db, speech_db = excluded.speech_db, "
                        + "threshold_db = excluded.threshold_db, computed_at = excluded.computed_at")
                .bind(0, episodeId).bind(1, map.duration()).bind(2, SilenceMapJson.writeSilences(map.silences()))
                .bind(3, levels.noiseFloorDb()).bind(4, levels.speechDb()).bind(5, levels.thresholdDb())
                .bind(6, now.toEpochMilli())
                .execute());
    }

    public Optional<SilenceMap> find(long episodeId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT duration, silences FROM silence_maps WHERE episode_id = ?")
                .bind(0, episodeId)
                .map((rs, ctx) -> new SilenceMap(rs.getDouble("duration"), SilenceMapJson.readSilences(rs.getString("silences"))))
                .findOne());
    }

    public void delete(long episodeId) {
        jdbi.useTransaction(handle -> handle.createUpdate("DELETE FROM silence_maps WHERE episode_id = ?")
                .bind(0, episodeId).execute());
    }
}
