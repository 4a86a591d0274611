package dev.hark.transcript.engine;

import dev.hark.media.Ffmpeg;
import dev.hark.transcript.Segment;
import dev.hark.transcript.Transcript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Transcribes audio with an OpenAI-compatible endpoint ({@code POST /v1/audio/transcriptions},
 * {@code verbose_json}): OpenAI itself, or a local whisper server such as faster-whisper-server
 * or the whisper.cpp server. Audio over the upload limit is cut with ffmpeg (see
 * {@link AudioChunker}), each piece sent in turn, and the segments re-joined at the piece's
 * offset. Thread-safe: one instance serves any number of transcriptions.
 *
 * <p>Retries: a busy service (429) is waited out per its {@code Retry-After} (capped at a
 * minute), a failing one (5xx, no answer, timeout) after 1, 2 and 4 seconds; three retries in
 * all per request. A 413 makes Hark cut the audio to half the limit once. A rejected key is
 * final.
 */
public final class OpenAiTranscriber {

    /** Waits between attempts; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    public interface Pauser {
        void pause(Duration duration) throws InterruptedException;
    }

    static final int MAX_RETRIES = 3;
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);
    private static final Logger log = LoggerFactory.getLogger(OpenAiTranscriber.class);

    private final OpenAiSettings settings;
    private final AudioChunker chunker;
    private final HttpClient http;
    private final Pauser pauser;
    private final Clock clock;

    public OpenAiTranscriber(OpenAiSettings settings, Ffmpeg ffmpeg) {
        // HTTP/1.1: an h2c upgrade attempt on a large POST confuses some small Python servers
        this(settings, ffmpeg, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL).build(), duration -> Thread.sleep(duration), Clock.systemUTC());
    }

    public OpenAiTranscriber(OpenAiSettings settings, Ffmpeg ffmpeg, HttpClient http, Pauser pauser, Clock clock) {
        this.settings = settings;
        this.chunker = new AudioChunker(ffmpeg);
        this.http = http;
        this.pauser = pauser;
        this.clock = clock;
    }

    /**
     * Transcribes {@code audioFile}.
     *
     * @param language an ISO-639-1 code such as "en" (a feed's "en-US" is cut to "en"), or null to let the service detect it
     * @param progress told the fraction done after each piece
     * @return segments with times from the start of the file; speakers are null (the API does not say)
     * @throws TranscriptionException with a plain sentence and whether trying later may help
     */
    public Transcript transcribe(Path audioFile, String language, ProgressListener progress)
            throws TranscriptionException, InterruptedException {
        if (!Files.isRegularFile(audioFile)) {
            throw new TranscriptionException("The audio file " + audioFile.getFileName() + " does not exist.", false);
        }
        Path workDir = createWorkDir();
        try {
            try {
                return transcribeInChunks(audioFile, language, settings.maxUploadBytes(), workDir, progress);
            } catch (PayloadTooLarge e) {
                long smaller = Math.max(1024, settings.maxUploadBytes() / 2);
                log.info("The transcription service refused {} bytes; cutting to {} bytes", e.bytes, smaller);
                try {
                    return transcribeInChunks(audioFile, language, smaller, workDir, progress);
                } catch (PayloadTooLarge again) {
                    throw new TranscriptionException("The transcription service refused the audio as too large even "
                            + "in pieces of " + again.bytes / 1024 + " KB; lower its upload limit in the settings.", false);
                }
            }
        } finally {
            deleteQuietly(workDir);
        }
    }

    private Transcript transcribeInChunks(Path audioFile, String language, long maxBytes, Path workDir,
                                          ProgressListener progress)
            throws TranscriptionException, InterruptedException, PayloadTooLarge {
        List<AudioChunker.Chunk> chunks = chunker.chunks(audioFile, maxBytes, workDir);
        List<Segment> segments = new ArrayList<>();
        progress.progress(0);
        for (int i = 0; i < chunks.size(); i++) {
            AudioChunker.Chunk chunk = chunks.get(i);
            String body = send(chunk.file(), language);
            segments.addAll(VerboseJsonReader.segments(body, chunk.offset()));
            progress.progress((i + 1) / (double) chunks.size());
        }
        return new Transcript(segments);
    }

    /** One upload with its retries; the answer's body on success. */
    private String send(Path file, String language) throws TranscriptionException, InterruptedException, PayloadTooLarge {
        for (int attempt = 0; ; attempt++) {
            boolean last = attempt >= MAX_RETRIES;
            HttpResponse<String> response;
            try {
                response = http.send(request(file, language), HttpResponse.BodyHandlers.ofString());
            } catch (HttpTimeoutException e) {
                if (last) {
                    throw new TranscriptionException("The transcription service did not answer in time.", true, e);
                }
                pauser.pause(backoff(attempt));
                continue;
            } catch (IOException e) {
                if (last) {
                    throw new TranscriptionException("The transcription service at " + settings.baseUrl()
                            + " could not be reached.", true, e);
                }
                pauser.pause(backoff(attempt));
                continue;
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return response.body();
            }
            log.debug("Transcription service answered {}: {}", status, abbreviate(response.body()));
            switch (status) {
                case 401, 403 -> throw new TranscriptionException("The transcription service rejected the API key.", false);
                case 413 -> throw new PayloadTooLarge(Files.exists(file) ? sizeOf(file) : 0);
                case 429 -> {
                    if (last) {
                        throw new TranscriptionException("The transcription service is busy or over its quota; "
                                + "try again later.", true);
                    }
                    pauser.pause(RetryAfter.delay(response.headers().firstValue("Retry-After"), clock.instant(),
                            backoff(attempt), MAX_RETRY_AFTER));
                }
                default -> {
                    if (status < 500) {
                        throw new TranscriptionException("The transcription service refused the request (HTTP " + status
                                + ")" + ErrorMessage.of(response.body()) + ".", false);
                    }
                    if (last) {
                        throw new TranscriptionException("The transcription service failed (HTTP " + status
                                + "); try again later.", true);
                    }
                    pauser.pause(backoff(attempt));
                }
            }
        }
    }

    private HttpRequest request(Path file, String language) throws TranscriptionException {
        Multipart form = new Multipart()
                .field("model", settings.model())
                .field("response_format", "verbose_json")
                .field("timestamp_granularities[]", "segment");
        if (language != null && !language.isBlank()) {
            // feeds say "en-US"; the API wants ISO-639-1 "en"
            form.field("language", language.strip().toLowerCase(Locale.ROOT).split("[-_]")[0]);
        }
        form.file("file", file);
        HttpRequest.Builder builder = HttpRequest.newBuilder(settings.endpoint())
                .timeout(settings.requestTimeout())
                .header("Content-Type", form.contentType())
                .header("Accept", "application/json");
        if (settings.apiKey() != null) {
            builder.header("Authorization", "Bearer " + settings.apiKey());
        }
        try {
            return builder.POST(form.publisher()).build();
        } catch (IOException e) {
            throw new TranscriptionException("Hark could not read the audio it sends for transcription.", false, e);
        }
    }

    private static Duration backoff(int attempt) {
        return FIRST_BACKOFF.multipliedBy(1L << Math.min(attempt, 5));
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    private static Path createWorkDir() throws TranscriptionException {
        try {
            return Files.createTempDirectory("hark-stt-");
        } catch (IOException e) {
            throw new TranscriptionException("Hark could not create a temporary folder for the audio it sends.", false, e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    log.debug("Could not delete {}", path, e);
                }
            });
        } catch (IOException e) {
            log.debug("Could not clean up {}", dir, e);
        }
    }

    /** The endpoint said 413: internal, turned into a smaller cut or a {@link TranscriptionException}. */
    private static final class PayloadTooLarge extends Exception {
        private static final long serialVersionUID = 1L;
        private final long bytes;

        PayloadTooLarge(long bytes) {
            super(null, null, false, false);
            this.bytes = bytes;
        }
    }
}
