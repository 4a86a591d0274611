package dev.hark.ai;

import dev.hark.transcript.Transcript;
import dev.hark.transcript.TranscriptException;
import dev.hark.transcript.TranscriptReaders;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Transcripts for the AI tests: the demo episode and the shared real-world files. */
final class AiFixtures {

    private AiFixtures() {
    }

    static Transcript demo() {
        try (InputStream in = AiFixtures.class.getResourceAsStream("/demo/transcript.json")) {
            return TranscriptReaders.read(TranscriptReaders.decode(in.readAllBytes(), null), "transcript.json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TranscriptException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A file of {@code ../shared/fixtures/transcripts} (surefire passes the root as {@code hark.shared}). */
    static Transcript shared(String name) {
        String configured = System.getProperty("hark.shared");
        Path file = Path.of(configured != null ? configured : "../shared").resolve("fixtures/transcripts").resolve(name);
        try {
            return TranscriptReaders.read(TranscriptReaders.decode(Files.readAllBytes(file), null), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TranscriptException e) {
            throw new IllegalStateException(e);
        }
    }
}
