package dev.hark.cli;

import dev.hark.ai.Embedder;
import dev.hark.ai.HashingEmbedder;
import dev.hark.ai.MiniLmEmbedder;
import dev.hark.ai.Passage;
import dev.hark.ai.Passages;
import dev.hark.transcript.Transcript;
import dev.hark.transcript.TranscriptException;
import dev.hark.transcript.TranscriptReaders;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** What the AI commands share: reading a transcript file into passages, choosing the embedder. */
final class AiInput {

    private AiInput() {
    }

    /** The passages of any supported transcript file; unreadable or empty input is bad input. */
    static List<Passage> passages(Path file) throws BadInputException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException("No such file: " + file);
        } catch (IOException e) {
            throw new BadInputException("Cannot read " + file + ": " + e.getMessage());
        }
        return passages(bytes, name);
    }

    /** The passages of a transcript's bytes; {@code name} tells the format by its extension. */
    static List<Passage> passages(byte[] bytes, String name) throws BadInputException {
        Transcript transcript;
        try {
            transcript = TranscriptReaders.read(TranscriptReaders.decode(bytes, null), name);
        } catch (TranscriptException e) {
            throw new BadInputException(name + ": " + e.getMessage());
        }
        List<Passage> passages = Passages.of(transcript);
        if (passages.isEmpty()) {
            throw new BadInputException(name + ": the transcript has no speech in it");
        }
        return passages;
    }

    static Embedder embedder(String name) throws BadInputException {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "minilm", "all-minilm-l6-v2" -> new MiniLmEmbedder();
            case "hashing" -> new HashingEmbedder();
            default -> throw new BadInputException("Unknown embedder \"" + name + "\": use minilm or hashing");
        };
    }
}
