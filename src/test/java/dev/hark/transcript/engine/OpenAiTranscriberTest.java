package dev.hark.transcript.engine;

import com.sun.net.httpserver.HttpExchange;
import dev.hark.media.Ffmpeg;
import dev.hark.testing.LoopbackFeedServer;
import dev.hark.testing.LoopbackFeedServer.Reply;
import dev.hark.transcript.Segment;
import dev.hark.transcript.Transcript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenAiTranscriberTest {

    private static final String PATH = "/v1/audio/transcriptions";
    private static final String VERBOSE = """
            {"task":"transcribe","language":"english","duration":3.5,"text":"Hello there. Welcome to the show.",
             "segments":[{"id":0,"seek":0,"start":0.0,"end":1.5,"text":" Hello there.","tokens":[1,2],
                          "temperature":0.0,"avg_logprob":-0.2,"compression_ratio":1.1,"no_speech_prob":0.01},
                         {"id":1,"seek":0,"start":1.5,"end":3.5,"text":" Welcome to the show."}]}
            """;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private LoopbackFeedServer server;
    private final List<Duration> pauses = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        server = LoopbackFeedServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private OpenAiTranscriber transcriber(String key, long maxBytes) {
        OpenAiSettings settings = new OpenAiSettings(URI.create(server.url("/")), key, "whisper-1", maxBytes,
                Duration.ofSeconds(10));
        return new OpenAiTranscriber(settings, new Ffmpeg(), HttpClient.newHttpClient(), pauses::add, CLOCK);
    }

    private Path smallAudio() throws IOException {
        Path file = dir.resolve("episode.mp3");
        Files.write(file, new byte[2048]); // never decoded: under the limit, it is sent as it is
        return file;
    }

    /** Answers in turn with the given replies, recording each request body; the last one repeats. */
    private void answer(Reply... replies) {
        AtomicInteger count = new AtomicInteger();
        server.handle(PATH, exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.ISO_8859_1));
            send(exchange, replies[Math.min(count.getAndIncrement(), replies.length - 1)]);
        });
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        reply.headers().forEach(exchange.getResponseHeaders()::set);
        byte[] body = reply.body();
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String field(String body, String name) {
        Matcher matcher = Pattern.compile("name=\"" + Pattern.quote(name) + "\"\r\n\r\n([^\r]*)\r\n").matcher(body);
        return matcher.find() ? matcher.group(1) : null;
    }

    @Test
    void sends_the_multipart_fields_and_the_bearer_key() throws Exception {
        answer(Reply.ok(VERBOSE, "application/json"));

        transcriber("sk-test", OpenAiSettings.DEFAULT_MAX_UPLOAD_BYTES).transcribe(smallAudio(), "en-US", ProgressListener.NONE);

        var headers = server.lastRequestHeaders(PATH);
        assertThat(headers.getFirst("Authorization")).isEqualTo("Bearer sk-test");
        assertThat(headers.getFirst("Content-Type")).startsWith("multipart/form-data; boundary=");
        String body = bodies.getFirst();
        assertThat(field(body, "model")).isEqualTo("whisper-1");
        assertThat(field(body, "response_format")).isEqualTo("verbose_json");
        assertThat(field(body, "language")).isEqualTo("en");
        assertThat(field(body, "timestamp_granularities[]")).isEqualTo("segment");
        assertThat(body).contains("name=\"file\"; filename=\"audio.mp3\"\r\nContent-Type: audio/mpeg\r\n\r\n"
                + "\0".repeat(2048) + "\r\n");
        assertThat(body).endsWith("--\r\n");
    }

    @Test
    void sends_no_key_and_no_language_when_none_is_set() throws Exception {
        answer(Reply.ok(VERBOSE, "application/json"));

        transcriber(null, OpenAiSettings.DEFAULT_MAX_UPLOAD_BYTES).transcribe(smallAudio(), null, ProgressListener.NONE);

        assertThat(server.lastRequestHeaders(PATH).getFirst("Authorization")).isNull();
        assertThat(field(bodies.getFirst(), "language")).isNull();
    }

    @Test
    void reads_verbose_json_segments_into_a_transcript() throws Exception {
        answer(Reply.ok(VERBOSE, "application/json"));
        List<Double> progress = new CopyOnWriteArrayList<>();

        Transcript transcript = transcriber("k", OpenAiSettings.DEFAULT_MAX_UPLOAD_BYTES)
                .transcribe(smallAudio(), "en", progress::add);

        assertThat(transcript).isEqualTo(new Transcript(List.of(
                new Segment(0, 1.5, null, "Hello there."),
                new Segment(1.5, 3.5, null, "Welcome to the show."))));
        assertThat(progress).containsExactly(0.0, 1.0);
    }

    @Test
    void cuts_audio_over_the_limit_into_pieces_and_rejoins_them_at_their_offsets() throws Exception {
        Path wav = dir.resolve("tone.wav");
        new Ffmpeg().run(List.of("-y", "-f", "lavfi", "-i", "sine=frequency=440:duration=4", "-ac", "1", "-ar", "16000",
                wav.toString()), Duration.ofSeconds(30));
        answer(Reply.ok("""
                {"text":"piece","segments":[{"id":0,"start":0.25,"end":1.5,"text":"piece"}]}""", "application/json"));

        // 4 s at 32 kb/s is ~16 KB of MP3: two pieces of 2 s under a 12 KB limit
        Transcript transcript = transcriber("k", 12 * 1024).transcribe(wav, "en", ProgressListener.NONE);

        assertThat(bodies).hasSize(2);
        assertThat(bodies).allSatisfy(body -> assertThat(body.length()).isLessThan(13 * 1024));
        assertThat(transcript.segments()).extracting(Segment::start, Segment::end).containsExactly(
                org.assertj.core.groups.Tuple.tuple(0.25, 1.5), org.assertj.core.groups.Tuple.tuple(2.25, 3.5));
    }

    @Test
    void a_rejected_key_is_a_permanent_error() throws Exception {
        answer(new Reply(401, Map.of("Content-Type", "application/json"),
                "{\"error\":{\"message\":\"Incorrect API key provided\"}}".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> transcriber("bad", OpenAiSettings.DEFAULT_MAX_UPLOAD_BYTES)
                .transcribe(smallAudio(), "en", ProgressListener.NONE))
                .isInstanceOfSatisfying(TranscriptionException.class, e -> {
                    assertThat(e).hasMessage("The transcription service rejected the API key.");
                    assertThat(e.retryable()).isFalse();
                });
        assertThat(server.requestCount(PATH)).isEqualTo(1);
    }

    @Test
    void a_busy_service_is_waited_out_as_its_retry_after_header_says() throws Exception {
        answer(Reply.status(429).withHeader("Retry-After", "1"), Reply.ok(VERBOSE, "application/json"));

        Transcript transcript = transcriber("k", OpenAiSettings.DEFAULT_MAX_UPLOAD_BYTES)
                .transcribe(smallAudio(), "en", ProgressListener.NONE);

        assertThat(transcript.segments()).hasSize(2);
        assertThat(pauses).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void server_errors_are_retried_with_growing_pauses() throws Exception {
        answer(Reply.status(500), Reply.status(502), Reply.ok(VERBOSE, "application/json"));

        Transcript transcript = transcriber("k", OpenAiSettings.DEFAULT_MAX_UPLOAD_BYTES)
                .transcribe(smallAudio(), "en", ProgressListener.NONE);

        assertThat(transcript.segments()).hasSize(2);
        assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void a_service_that_keeps_failing_gives_up_after_three_retries_with_a_retryable_error() throws Exception {
        answer(Reply.status(503));

        assertThatThrownBy(() -> transcriber("k", OpenAiSettings.DEFAULT_MAX_UPLOAD_BYTES)
                .transcribe(smallAudio(), "en", ProgressListener.NONE))
                .isInstanceOfSatisfying(TranscriptionException.class, e -> {
                    assertThat(e).hasMessage("The transcription service failed (HTTP 503); try again later.");
                    assertThat(e.retryable()).isTrue();
                });
        assertThat(server.requestCount(PATH)).isEqualTo(4);
    }

    @Test
    void an_answer_that_is_not_json_is_a_clear_error() throws Exception {
        answer(Reply.ok("<html>Bad gateway</html>", "text/html"));

        assertThatThrownBy(() -> transcriber("k", OpenAiSettings.DEFAULT_MAX_UPLOAD_BYTES)
                .transcribe(smallAudio(), "en", ProgressListener.NONE))
                .isInstanceOfSatisfying(TranscriptionException.class, e -> {
                    assertThat(e).hasMessage("The transcription service sent an answer Hark cannot read: its answer is not JSON.");
                    assertThat(e.retryable()).isFalse();
                });
    }

    @Test
    void a_413_makes_hark_cut_the_audio_smaller_once_and_carry_on() throws Exception {
        Path wav = dir.resolve("tone.wav");
        new Ffmpeg().run(List.of("-y", "-f", "lavfi", "-i", "sine=frequency=440:duration=2", "-ac", "1", "-ar", "16000",
                wav.toString()), Duration.ofSeconds(30));
        answer(Reply.status(413), Reply.ok(VERBOSE, "application/json"));

        Transcript transcript = transcriber("k", 64 * 1024).transcribe(wav, "en", ProgressListener.NONE);

        assertThat(transcript.segments()).hasSize(2);
        assertThat(bodies.get(0)).contains("filename=\"audio.wav\"");
        assertThat(bodies.get(1)).contains("filename=\"audio.mp3\"");
    }

    @Test
    void a_request_that_times_out_is_retried() throws Exception {
        AtomicInteger count = new AtomicInteger();
        server.handle(PATH, exchange -> {
            exchange.getRequestBody().readAllBytes();
            if (count.getAndIncrement() == 0) {
                try {
                    Thread.sleep(2_000); // longer than the client waits
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            send(exchange, Reply.ok(VERBOSE, "application/json"));
        });
        OpenAiSettings settings = new OpenAiSettings(URI.create(server.url("/")), null, "whisper-1",
                OpenAiSettings.DEFAULT_MAX_UPLOAD_BYTES, Duration.ofMillis(300));
        OpenAiTranscriber transcriber = new OpenAiTranscriber(settings, new Ffmpeg(), HttpClient.newHttpClient(),
                pauses::add, CLOCK);

        Transcript transcript = transcriber.transcribe(smallAudio(), "en", ProgressListener.NONE);

        assertThat(transcript.segments()).hasSize(2);
        assertThat(pauses).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void a_413_that_persists_after_cutting_smaller_is_a_clear_error() throws Exception {
        Path wav = dir.resolve("tone.wav");
        new Ffmpeg().run(List.of("-y", "-f", "lavfi", "-i", "sine=frequency=440:duration=2", "-ac", "1", "-ar", "16000",
                wav.toString()), Duration.ofSeconds(30));
        answer(Reply.status(413));

        assertThatThrownBy(() -> transcriber("k", 64 * 1024).transcribe(wav, "en", ProgressListener.NONE))
                .isInstanceOfSatisfying(TranscriptionException.class, e -> {
                    assertThat(e.getMessage()).startsWith("The transcription service refused the audio as too large");
                    assertThat(e.retryable()).isFalse();
                });
        // the 64 KB WAV as it is, then cut to a 32 KB limit: ~8 KB of MP3, still refused
        assertThat(server.requestCount(PATH)).isEqualTo(2);
    }
}
