package dev.hark.transcript;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Transcript files for tests: our own small ones, the shared real-world ones, and the demo's. */
final class TranscriptFixtures {

    private TranscriptFixtures() {
    }

    /** {@code src/test/resources/transcripts/NAME}. */
    static String own(String name) {
        return resource("/transcripts/" + name);
    }

    /** {@code src/main/resources/demo/NAME}, as shipped in the jar. */
    static String demo(String name) {
        return resource("/demo/" + name);
    }

    /** The shared real-world transcripts (surefire passes their root as {@code hark.shared}). */
    static Path sharedFolder() {
        String configured = System.getProperty("hark.shared");
        return Path.of(configured != null ? configured : "../shared").resolve("fixtures/transcripts").toAbsolutePath();
    }

    static List<Path> sharedFiles() {
        try (Stream<Path> files = Files.list(sharedFolder())) {
            return files.filter(file -> !file.getFileName().toString().endsWith(".tsv")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String shared(String name) {
        return read(sharedFolder().resolve(name));
    }

    static String read(Path file) {
        try {
            return TranscriptReaders.decode(Files.readAllBytes(file), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String path) {
        try (InputStream in = TranscriptFixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
