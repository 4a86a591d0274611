package dev.hark.transcript.engine;

import dev.hark.media.AudioSource;
import dev.hark.media.Ffmpeg;
import dev.hark.media.MediaException;
import dev.hark.transcript.Transcript;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The OpenAI-compatible endpoint behind the {@link SpeechToText} port. The client sends files,
 * so audio at an address is first fetched and re-encoded by ffmpeg into a small temporary MP3.
 * Thread-safe.
 */
public final class OpenAiSpeechToText implements SpeechToText {

    private final OpenAiTranscriber client;
    private final Ffmpeg ffmpeg;
    private final String language;

    public OpenAiSpeechToText(OpenAiTranscriber client, Ffmpeg ffmpeg, String language) {
        this.client = client;
        this.ffmpeg = ffmpeg;
        this.language = language;
    }

    @Override
    public Transcript transcribe(AudioSource source, TranscriptionProgress progress)
            throws MediaException, TranscriptionException, InterruptedException {
        ProgressListener listener = fraction -> progress.update(new ProgressReport(fraction * 100, 100, 0, 0));
        return switch (source) {
            case AudioSource.File file -> client.transcribe(file.path(), language, listener);
            case AudioSource.Url url -> {
                Path temp = null;
                try {
                    temp = Files.createTempFile("hark-openai", ".mp3");
                    ffmpeg.run(List.of("-y", "-i", url.uri().toString(), "-vn", "-ac", "1", "-ar", "16000", "-b:a", "32k",
                            temp.toString()), Duration.ofHours(2));
                    yield client.transcribe(temp, language, listener);
                } catch (MediaException e) {
                    throw e;
                } catch (IOException e) {
                    throw new TranscriptionException("Could not fetch the audio to send it: " + e.getMessage(), true, e);
                } finally {
                    if (temp != null) {
                        try {
                            Files.deleteIfExists(temp);
                        } catch (IOException ignored) {
                            // a temp file left behind is harmless
                        }
                    }
                }
            }
        };
    }
}
