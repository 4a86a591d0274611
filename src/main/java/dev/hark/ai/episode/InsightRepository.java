package dev.hark.ai.episode;

import org.jdbi.v3.core.Jdbi;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Passage embeddings and cached AI results in SQLite (tables {@code passage_vectors} and
 * {@code ai_results}, migration V9). Thread-safe.
 */
public final class InsightRepository {

    private final Jdbi jdbi;

    public InsightRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Embeddings of an episode's passages, in passage order, and what made them. */
    public record StoredVectors(Instant transcriptAt, String embedder, float[][] vectors) {
    }

    public void saveVectors(long episodeId, Instant transcriptAt, String embedder, float[][] vectors, Instant now) {
        int dimension = vectors.length == 0 ? 0 : vectors[0].length;
        ByteBuffer bytes = ByteBuffer.allocate(vectors.length * dimension * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] vector : vectors) {
            for (float value : vector) {
                bytes.putFloat(value);
            }
        }
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO passage_vectors (episode_id, transcript_at, embedder, "
                        + "dimension, count, vectors, made_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (episode_id) DO UPDATE "
                        + "SET transcript_at = excluded.transcript_at, embedder = excluded.embedder, dimension = excluded.dimension, "
                        + "count = excluded.count, vectors = excluded.vectors, made_at = excluded.made_at")
                .bind(0, episodeId).bind(1, transcriptAt.toEpochMilli()).bind(2, embedder).bind(3, dimension)
                .bind(4, vectors.length).bind(5, bytes.array()).bind(6, now.toEpochMilli())
                .execute());
    }

    public Optional<StoredVectors> findVectors(long episodeId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT transcript_at, embedder, dimension, count, vectors "
                        + "FROM passage_vectors WHERE episode_id = ?")
                .bind(0, episodeId)
                .map((rs, ctx) -> {
                    int dimension = rs.getInt("dimension");
                    int count = rs.getInt("count");
                    ByteBuffer bytes = ByteBuffer.wrap(rs.getBytes("vectors")).order(ByteOrder.LITTLE_ENDIAN);
                    float[][] vectors = new float[count][dimension];
                    for (float[] vector : vectors) {
                        for (int i = 0; i < dimension; i++) {
                            vector[i] = bytes.getFloat();
                        }
                    }
                    return new StoredVectors(Instant.ofEpochMilli(rs.getLong("transcript_at")), rs.getString("embedder"),
                            vectors);
                })
                .findOne());
    }

    /** Saves a result, replacing the one with the same episode, feature, method and prompt version. */
    public void save(AiResult result) {
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO ai_results (episode_id, feature, method, prompt_version, "
                        + "transcript_at, json, notice, made_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (episode_id, feature, method, prompt_version) DO UPDATE SET "
                        + "transcript_at = excluded.transcript_at, json = excluded.json, notice = excluded.notice, "
                        + "made_at = excluded.made_at")
                .bind(0, result.episodeId()).bind(1, result.feature()).bind(2, result.method())
                .bind(3, result.promptVersion()).bind(4, result.transcriptAt().toEpochMilli()).bind(5, result.json())
                .bind(6, result.notice()).bind(7, result.madeAt().toEpochMilli())
                .execute());
    }

    /** Every cached result of one feature for an episode, newest first. */
    public List<AiResult> find(long episodeId, String feature) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT episode_id, feature, method, prompt_version, "
                        + "transcript_at, json, notice, made_at FROM ai_results WHERE episode_id = ? AND feature = ? "
                        + "ORDER BY made_at DESC")
                .bind(0, episodeId).bind(1, feature)
                .map((rs, ctx) -> new AiResult(rs.getLong("episode_id"), rs.getString("feature"), rs.getString("method"),
                        rs.getInt("prompt_version"), Instant.ofEpochMilli(rs.getLong("transcript_at")), rs.getString("json"),
                        rs.getString("notice"), Instant.ofEpochMilli(rs.getLong("made_at"))))
                .list());
    }

    /**
     * Forgets the cached results of an episode so they are made again; the passage vectors stay
     * (they depend only on the transcript). The number of results removed.
     */
    public int clearResults(long episodeId) {
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM ai_results WHERE episode_id = ?")
                .bind(0, episodeId).execute());
    }
}
