package dev.hark.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code media/} folder in the data folder: where downloads live, as
 * {@code <podcastId>/<episodeId>.<ext>}. Every path handed out is checked to lie inside it, so a
 * stored path (or a tampered database) can never make Hark read or write elsewhere.
 * Thread-safe.
 */
public final class MediaStore {

    public static final String FOLDER = "media";
    private static final String PART = ".part";

    private final Path root;

    public MediaStore(Path dataDir) {
        this.root = dataDir.resolve(FOLDER).toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** Where an episode's download goes, relative to {@link #root()}. */
    public static String relativePath(long podcastId, long episodeId, String extension) {
        return podcastId + "/" + episodeId + "." + extension;
    }

    /**
     * The absolute path for a relative one, for writing.
     *
     * @throws IllegalArgumentException if it would leave the media folder
     */
    public Path target(String relative) {
        Path resolved = root.resolve(relative).normalize();
        if (Path.of(relative).isAbsolute() || !resolved.startsWith(root) || resolved.equals(root)) {
            throw new IllegalArgumentException("Not a path inside the media folder: " + relative);
        }
        return resolved;
    }

    /**
     * The file for a relative path if it exists as a regular file whose real location (symbolic
     * links followed) is inside the media folder; empty otherwise.
     */
    public Optional<Path> existing(String relative) {
        try {
            Path path = target(relative);
            if (!Files.isRegularFile(path)) {
                return Optional.empty();
            }
            Path real = path.toRealPath();
            Path realRoot = root.toRealPath();
            return real.startsWith(realRoot) ? Optional.of(real) : Optional.empty();
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
    }

    /** The partial file a download writes before it is complete. */
    public static Path partOf(Path file) {
        return file.resolveSibling(file.getFileName() + PART);
    }

    /** Deletes a download's file and its partial file, if there. */
    public void delete(String relative) throws IOException {
        Path file = target(relative);
        Files.deleteIfExists(file);
        Files.deleteIfExists(partOf(file));
    }
}
