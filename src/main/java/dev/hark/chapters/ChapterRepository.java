package dev.hark.chapters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jdbi.v3.core.Jdbi;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chapters in SQLite, one row per episode (table {@code chapters}, migration V5). Thread-safe.
 */
public final class ChapterRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** SQLite limits bound parameters per statement; stay far below. */
    private static final int BATCH = 500;

    private final Jdbi jdbi;

    public ChapterRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * What is stored for an episode, without the list.
     *
     * @param source    null when no chapters were found
     * @param url       the episode's chapters URL when the row was made, or null
     * @param fileError why the chapters file could not be used, or null
     */
    public record Status(long episodeId, String source, String url, String fileError, Instant fetchedAt) {
    }

    /** Stores an episode's chapters, replacing what was there. */
    public void save(long episodeId, Chapters chapters, String url, String fileError, Instant now) {
        upsert(episodeId, chapters.source(), write(chapters.list()), url, fileError, now);
    }

    /** Records that the chapters file at {@code url} could not be used and nothing else was found. */
    public void saveUnavailable(long episodeId, String url, String error, Instant now) {
        upsert(episodeId, null, "[]", url, error, now);
    }

    /** The stored chapters; empty when none were found or the episode was not looked at yet. */
    public Optional<Chapters> find(long episodeId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT source, json FROM chapters WHERE episode_id = ? "
                        + "AND source IS NOT NULL")
                .bind(0, episodeId)
                .map((rs, ctx) -> new Chapters(read(rs.getString("json")), rs.getString("source")))
                .findOne());
    }

    /** What is stored for these episodes; those with no row are missing from the map. */
    public Map<Long, Status> statuses(Collection<Long> episodeIds) {
        Map<Long, Status> statuses = new HashMap<>();
        List<Long> ids = List.copyOf(episodeIds);
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<Long> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
            jdbi.useHandle(handle -> handle.createQuery("SELECT episode_id, source, url, error, fetched_at FROM chapters "
                            + "WHERE episode_id IN (<ids>)")
                    .bindList("ids", batch)
                    .map((rs, ctx) -> new Status(rs.getLong("episode_id"), rs.getString("source"), rs.getString("url"),
                            rs.getString("error"), Instant.ofEpochMilli(rs.getLong("fetched_at"))))
                    .forEach(status -> statuses.put(status.episodeId(), status)));
        }
        return statuses;
    }

    private void upsert(long episodeId, String source, String json, String url, String error, Instant now) {
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO chapters (episode_id, source, json, fetched_at, url, error) "
                        + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (episode_id) DO UPDATE SET source = excluded.source, "
                        + "json = excluded.json, fetched_at = excluded.fetched_at, url = excluded.url, error = excluded.error")
                .bind(0, episodeId).bind(1, source).bind(2, json).bind(3, now.toEpochMilli()).bind(4, url).bind(5, error)
                .execute());
    }

    private static String write(List<Chapter> chapters) {
        ArrayNode array = JSON.createArrayNode();
        for (Chapter chapter : chapters) {
            ObjectNode node = array.addObject();
            node.put("start", chapter.start());
            node.put("end", chapter.end());
            node.put("title", chapter.title());
            node.put("url", chapter.url());
            node.put("image", chapter.image());
            node.put("toc", chapter.toc());
        }
        return array.toString();
    }

    private static List<Chapter> read(String json) {
        try {
            List<Chapter> chapters = new ArrayList<>();
            for (JsonNode node : JSON.readTree(json)) {
                JsonNode end = node.path("end");
                chapters.add(new Chapter(node.path("start").doubleValue(), end.isNumber() ? end.doubleValue() : null,
                        node.path("title").asText(), text(node.path("url")), text(node.path("image")),
                        node.path("toc").asBoolean(true)));
            }
            return chapters;
        } catch (JsonProcessingException e) {
            // we wrote it: a broken row is a bug or a damaged file, not a user error
            throw new UncheckedIOException("Stored chapters are not valid JSON", e);
        }
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.textValue() : null;
    }
}
