package dev.hark.transcript.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hark.transcript.Segment;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A checkpoint kept as a small JSON file, e.g. {@code <data>/transcribe/episode-12-base.en.json}.
 * A file rather than a table: it is scratch state that lives for one transcription, and it is
 * replaced atomically after each window, so a crash leaves the previous checkpoint intact.
 * A file that cannot be read is treated as absent (the transcription starts over). Not
 * thread-safe: one transcription uses it.
 */
public final class CheckpointFile implements Checkpoints {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public CheckpointFile(Path file) {
        this.file = file;
    }

    /** The checkpoint for one episode and model under {@code dir}. */
    public static CheckpointFile forEpisode(Path dir, long episodeId, String model) {
        String safeModel = model.replaceAll("[^A-Za-z0-9._-]", "_");
        return new CheckpointFile(dir.resolve("episode-" + episodeId + "-" + safeModel + ".json"));
    }

    public Path file() {
        return file;
    }

    @Override
    public Optional<Checkpoint> load() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            List<Segment> segments = new ArrayList<>();
            for (JsonNode node : root.path("segments")) {
                segments.add(new Segment(node.path("start").asDouble(), node.path("end").asDouble(), null,
                        node.path("text").asText()));
            }
            long samples = root.path("samplesDone").asLong(-1);
            return samples < 0 ? Optional.empty() : Optional.of(new Checkpoint(samples, segments));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty(); // a damaged checkpoint only costs redoing the work
        }
    }

    @Override
    public void save(Checkpoint checkpoint) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("samplesDone", checkpoint.samplesDone());
        ArrayNode segments = root.putArray("segments");
        for (Segment segment : checkpoint.segments()) {
            segments.addObject().put("start", segment.start()).put("end", segment.end()).put("text", segment.text());
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(temp.toFile(), root);
        try {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void clear() throws IOException {
        Files.deleteIfExists(file);
    }
}
