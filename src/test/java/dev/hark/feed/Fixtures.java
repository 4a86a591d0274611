package dev.hark.feed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The shared fixture folders; surefire passes their root as system property {@code hark.shared}. */
final class Fixtures {

    private Fixtures() {
    }

    static Path shared() {
        String configured = System.getProperty("hark.shared");
        return Path.of(configured != null ? configured : "../shared").toAbsolutePath().normalize();
    }

    static Path feeds() {
        return shared().resolve("fixtures/feeds");
    }

    /** podcastparser's view of a feed, written by shared/tools/oracle_feed.py. */
    static Path oracle(String feedName) {
        return shared().resolve("fixtures/oracle/" + feedName + ".json");
    }

    /** Every feed fixture ({@code *.xml}), sorted by name. */
    static List<Path> feedFiles() {
        try (Stream<Path> files = Files.list(feeds())) {
            return files.filter(path -> path.getFileName().toString().endsWith(".xml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String name(Path feedFile) {
        String file = feedFile.getFileName().toString();
        return file.substring(0, file.length() - ".xml".length());
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
