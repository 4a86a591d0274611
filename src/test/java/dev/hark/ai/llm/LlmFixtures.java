package dev.hark.ai.llm;

import dev.hark.ai.Passage;
import dev.hark.ai.Passages;
import dev.hark.testing.LoopbackFeedServer;
import dev.hark.transcript.TranscriptException;
import dev.hark.transcript.TranscriptReaders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Passages of the shared real-world transcripts. */
final class LlmFixtures {

    private LlmFixtures() {
    }

    static List<Passage> passages(String transcriptName) {
        Path file = LoopbackFeedServer.sharedFixture("fixtures/transcripts/" + transcriptName);
        try {
            return Passages.of(TranscriptReaders.read(TranscriptReaders.decode(Files.readAllBytes(file), null),
                    transcriptName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TranscriptException e) {
            throw new IllegalStateException(e);
        }
    }
}
