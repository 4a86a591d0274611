package dev.hark.media;

import dev.hark.jobs.Job;
import dev.hark.jobs.JobContext;
import dev.hark.jobs.JobFailure;
import dev.hark.library.Episode;
import dev.hark.testing.LoopbackFeedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DownloadJobTest {

    private static final byte[] AUDIO = bytes(300_000, 1);

    @TempDir
    Path data;

    private TestLibrary library;
    private LoopbackFeedServer server;
    private HttpClient http;
    private MediaStore store;
    private final List<Double> fractions = new CopyOnWriteArrayList<>();
    private final JobContext context = (fraction, message) -> fractions.add(fraction);

    @BeforeEach
    void setUp() {
        library = new TestLibrary(data);
        server = LoopbackFeedServer.start();
        http = MediaHttp.newClient(DownloadLimits.defaults());
        store = new MediaStore(data);
    }

    @AfterEach
    void tearDown() {
        http.close();
        server.close();
        library.close();
    }

    private static byte[] bytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private DownloadJob job(DownloadLimits limits) {
        return new DownloadJob(library.episodes, library.downloads, store, new MediaDownloader(http, limits),
                Clock.fixed(TestLibrary.NOW, ZoneOffset.UTC));
    }

    private String run(DownloadJob job, Episode episode) throws Exception {
        return job.run(new Job(1, DownloadJob.KIND, Long.toString(episode.id()), Job.State.RUNNING, 1,
                DownloadJob.MAX_ATTEMPTS, TestLibrary.NOW, null, null, null, null, TestLibrary.NOW, TestLibrary.NOW, null), context);
    }

    private Path finalFile(Episode episode) {
        return store.root().resolve(library.podcastId + "/" + episode.id() + ".mp3");
    }

    private Episode servedEpisode(RangeFileHandler handler) {
        server.handle("/ep.mp3", handler);
        return library.addEpisode(server.url("/ep.mp3"), "audio/mpeg", (long) AUDIO.length);
    }

    @Test
    void downloads_the_file_to_its_final_name_and_records_it() throws Exception {
        Episode episode = servedEpisode(new RangeFileHandler(AUDIO, "audio/mpeg"));

        String result = run(job(DownloadLimits.defaults()), episode);

        assertThat(result).isEqualTo("Downloaded 0.3 MB");
        assertThat(finalFile(episode)).hasBinaryContent(AUDIO);
        assertThat(MediaStore.partOf(finalFile(episode))).doesNotExist();
        Download row = library.downloads.find(episode.id()).orElseThrow();
        assertThat(row.complete()).isTrue();
        assertThat(row.bytes()).isEqualTo(AUDIO.length);
        assertThat(row.path()).isEqualTo(library.podcastId + "/" + episode.id() + ".mp3");
        assertThat(row.mediaType()).isEqualTo("audio/mpeg");
        assertThat(fractions).last().isEqualTo(1.0);
    }

    @Test
    void a_second_run_finds_the_file_already_there() throws Exception {
        Episode episode = servedEpisode(new RangeFileHandler(AUDIO, "audio/mpeg"));
        run(job(DownloadLimits.defaults()), episode);

        assertThat(run(job(DownloadLimits.defaults()), episode)).isEqualTo("Already downloaded");
        assertThat(server.requestCount("/ep.mp3")).isEqualTo(1);
    }

    @Test
    void resumes_with_a_range_request_after_the_connection_was_cut() throws Exception {
        RangeFileHandler handler = new RangeFileHandler(AUDIO, "audio/mpeg").cutNext(1);
        Episode episode = servedEpisode(handler);
        DownloadJob job = job(DownloadLimits.defaults());

        assertThatThrownBy(() -> run(job, episode))
                .isInstanceOfSatisfying(JobFailure.class, f -> assertThat(f.retryable()).isTrue())
                .hasMessageMatching("The connection broke after \\d+ of 300000 bytes; it will resume\\.");
        assertThat(finalFile(episode)).doesNotExist();
        long stored = library.downloads.find(episode.id()).orElseThrow().bytes();
        assertThat(stored).isBetween(1L, 150_000L); // the server sent half; a reset may drop some in flight
        assertThat(MediaStore.partOf(finalFile(episode))).hasSize(stored);

        run(job, episode);

        assertThat(handler.ranges()).containsExactly("", "bytes=" + stored + "-");
        assertThat(handler.ifRanges()).containsExactly("", "\"v1\"");
        assertThat(finalFile(episode)).hasBinaryContent(AUDIO);
        assertThat(MediaStore.partOf(finalFile(episode))).doesNotExist();
    }

    @Test
    void starts_over_when_the_server_ignores_the_range() throws Exception {
        RangeFileHandler handler = new RangeFileHandler(AUDIO, "audio/mpeg").cutNext(1).ignoreRange(true);
        Episode episode = servedEpisode(handler);
        DownloadJob job = job(DownloadLimits.defaults());
        assertThatThrownBy(() -> run(job, episode)).isInstanceOf(JobFailure.class);

        run(job, episode);

        assertThat(handler.ranges()).hasSize(2).first().isEqualTo("");
        assertThat(handler.ranges().get(1)).matches("bytes=\\d+-"); // asked to resume, was sent everything
        assertThat(finalFile(episode)).hasBinaryContent(AUDIO);
    }

    @Test
    void starts_over_when_the_file_changed_since_the_partial_bytes() throws Exception {
        RangeFileHandler handler = new RangeFileHandler(AUDIO, "audio/mpeg").cutNext(1);
        Episode episode = servedEpisode(handler);
        DownloadJob job = job(DownloadLimits.defaults());
        assertThatThrownBy(() -> run(job, episode)).isInstanceOf(JobFailure.class);
        handler.etag("\"v2\""); // If-Range "v1" no longer matches: the server sends all of v2 with 200

        run(job, episode);

        assertThat(handler.ifRanges()).containsExactly("", "\"v1\"");
        assertThat(finalFile(episode)).hasBinaryContent(AUDIO);
    }

    @Test
    void a_partial_answer_that_starts_elsewhere_is_rejected_and_the_partial_file_dropped() throws Exception {
        server.handle("/ep.mp3", exchange -> {
            if (exchange.getRequestHeaders().getFirst("Range") == null) {
                exchange.sendResponseHeaders(200, AUDIO.length);
                exchange.getResponseBody().write(AUDIO, 0, 1000);
                exchange.getResponseBody().flush();
                RangeFileHandler.pause();
                throw new IOException("cut");
            }
            exchange.getResponseHeaders().set("Content-Range", "bytes 0-" + (AUDIO.length - 1) + "/" + AUDIO.length);
            exchange.sendResponseHeaders(206, AUDIO.length);
            exchange.getResponseBody().write(AUDIO);
        });
        Episode episode = library.addEpisode(server.url("/ep.mp3"), "audio/mpeg", null);
        DownloadJob job = job(DownloadLimits.defaults());
        assertThatThrownBy(() -> run(job, episode)).isInstanceOf(JobFailure.class);

        assertThatThrownBy(() -> run(job, episode))
                .isInstanceOfSatisfying(JobFailure.class, f -> assertThat(f.retryable()).isTrue())
                .hasMessage("The publisher sent bytes from 0 when asked for 1000 onwards.");
        assertThat(MediaStore.partOf(finalFile(episode))).doesNotExist();
        assertThat(finalFile(episode)).doesNotExist();
    }

    @Test
    void a_body_that_does_not_add_up_to_the_declared_length_is_rejected() throws Exception {
        // Content-Range promises bytes 0..299999, the framing carries only 1000 of them
        server.handle("/ep.mp3", exchange -> {
            exchange.getResponseHeaders().set("Content-Range", "bytes 0-" + (AUDIO.length - 1) + "/" + AUDIO.length);
            exchange.sendResponseHeaders(206, 1000);
            exchange.getResponseBody().write(AUDIO, 0, 1000);
        });
        Episode episode = library.addEpisode(server.url("/ep.mp3"), "audio/mpeg", null);

        assertThatThrownBy(() -> run(job(DownloadLimits.defaults()), episode))
                .isInstanceOfSatisfying(JobFailure.class, f -> assertThat(f.retryable()).isTrue())
                .hasMessage("The publisher declared 300000 bytes but the download came to 1000.");
        assertThat(MediaStore.partOf(finalFile(episode))).doesNotExist();
        assertThat(finalFile(episode)).doesNotExist();
    }

    @Test
    void a_feed_length_that_differs_from_the_server_is_only_a_hint() throws Exception {
        server.handle("/ep.mp3", new RangeFileHandler(AUDIO, "audio/mpeg"));
        Episode episode = library.addEpisode(server.url("/ep.mp3"), "audio/mpeg", 12_345L);

        run(job(DownloadLimits.defaults()), episode);

        assertThat(finalFile(episode)).hasBinaryContent(AUDIO);
    }

    @Test
    void not_found_and_gone_fail_for_good() {
        server.serve("/404.mp3", LoopbackFeedServer.Reply.status(404));
        server.serve("/410.mp3", LoopbackFeedServer.Reply.status(410));
        Episode missing = library.addEpisode(server.url("/404.mp3"), "audio/mpeg", null);
        Episode gone = library.addEpisode(server.url("/410.mp3"), "audio/mpeg", null);

        assertThatThrownBy(() -> run(job(DownloadLimits.defaults()), missing))
                .isInstanceOfSatisfying(JobFailure.class, f -> assertThat(f.retryable()).isFalse())
                .hasMessage("The publisher no longer has this episode's file (HTTP 404).");
        assertThatThrownBy(() -> run(job(DownloadLimits.defaults()), gone))
                .isInstanceOfSatisfying(JobFailure.class, f -> assertThat(f.retryable()).isFalse())
                .hasMessage("The publisher no longer has this episode's file (HTTP 410).");
    }

    @Test
    void server_errors_and_refusals_are_told_apart() {
        server.serve("/503.mp3", LoopbackFeedServer.Reply.status(503));
        server.serve("/403.mp3", LoopbackFeedServer.Reply.status(403));
        Episode busy = library.addEpisode(server.url("/503.mp3"), "audio/mpeg", null);
        Episode refused = library.addEpisode(server.url("/403.mp3"), "audio/mpeg", null);

        assertThatThrownBy(() -> run(job(DownloadLimits.defaults()), busy))
                .isInstanceOfSatisfying(JobFailure.class, f -> assertThat(f.retryable()).isTrue())
                .hasMessage("The publisher's server is failing or busy (HTTP 503).");
        assertThatThrownBy(() -> run(job(DownloadLimits.defaults()), refused))
                .isInstanceOfSatisfying(JobFailure.class, f -> assertThat(f.retryable()).isFalse())
                .hasMessage("The publisher's server refused the download (HTTP 403).");
    }

    @Test
    void an_unreachable_server_is_worth_retrying() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Episode episode = library.addEpisode("http://127.0.0.1:" + closedPort + "/ep.mp3", "audio/mpeg", null);

        assertThatThrownBy(() -> run(job(DownloadLimits.defaults()), episode))
                .isInstanceOfSatisfying(JobFailure.class, f -> assertThat(f.retryable()).isTrue())
                .hasMessageStartingWith("Could not reach the publisher's server");
    }

    @Test
    void a_file_declared_larger_than_the_limit_is_refused_before_its_body() {
        Episode episode = servedEpisode(new RangeFileHandler(AUDIO, "audio/mpeg"));

        assertThatThrownBy(() -> run(job(DownloadLimits.defaults().withMaxBytes(100_000)), episode))
                .isInstanceOfSatisfying(JobFailure.class, f -> assertThat(f.retryable()).isFalse())
                .hasMessage("The file is larger than the download limit of 0.1 MB.");
        assertThat(server.requestCount("/ep.mp3")).isEqualTo(1);
        assertThat(finalFile(episode)).doesNotExist();
    }

    @Test
    void a_body_without_length_that_grows_past_the_limit_is_cut_and_dropped() {
        server.handle("/ep.mp3", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked, no length
            for (int i = 0; i < 20; i++) {
                exchange.getResponseBody().write(AUDIO);
            }
        });
        Episode episode = library.addEpisode(server.url("/ep.mp3"), "audio/mpeg", null);

        assertThatThrownBy(() -> run(job(DownloadLimits.defaults().withMaxBytes(1_000_000)), episode))
                .isInstanceOfSatisfying(JobFailure.class, f -> assertThat(f.retryable()).isFalse())
                .hasMessage("The file is larger than the download limit of 1.0 MB.");
        assertThat(MediaStore.partOf(finalFile(episode))).doesNotExist();
        assertThat(finalFile(episode)).doesNotExist();
    }

    @Test
    void a_stalled_body_is_dropped_after_the_idle_timeout_and_its_bytes_kept() {
        server.handle("/ep.mp3", exchange -> {
            exchange.sendResponseHeaders(200, AUDIO.length);
            exchange.getResponseBody().write(AUDIO, 0, 5000);
            exchange.getResponseBody().flush();
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Episode episode = library.addEpisode(server.url("/ep.mp3"), "audio/mpeg", null);
        long start = System.nanoTime();

        assertThatThrownBy(() -> run(job(DownloadLimits.defaults().withIdleTimeout(Duration.ofMillis(300))), episode))
                .isInstanceOfSatisfying(JobFailure.class, f -> assertThat(f.retryable()).isTrue())
                .hasMessage("The download stalled for 0 s after 5000 of 300000 bytes; it will resume.");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(MediaStore.partOf(finalFile(episode))).hasSize(5000);
    }

    @Test
    void the_final_name_never_holds_a_partial_file() throws Exception {
        CountDownLatch halfSent = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        server.handle("/ep.mp3", exchange -> {
            exchange.sendResponseHeaders(200, AUDIO.length);
            exchange.getResponseBody().write(AUDIO, 0, AUDIO.length / 2);
            exchange.getResponseBody().flush();
            halfSent.countDown();
            try {
                finish.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.getResponseBody().write(AUDIO, AUDIO.length / 2, AUDIO.length - AUDIO.length / 2);
        });
        Episode episode = library.addEpisode(server.url("/ep.mp3"), "audio/mpeg", null);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread downloading = Thread.ofVirtual().start(() -> {
            try {
                run(job(DownloadLimits.defaults()), episode);
            } catch (Exception e) {
                failure.set(e);
            }
        });
        assertThat(halfSent.await(10, TimeUnit.SECONDS)).isTrue();
        Path part = MediaStore.partOf(finalFile(episode));
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while ((!Files.exists(part) || Files.size(part) < AUDIO.length / 2) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }

        assertThat(part).hasSize(AUDIO.length / 2);
        assertThat(finalFile(episode)).doesNotExist();

        finish.countDown();
        downloading.join(Duration.ofSeconds(10));
        assertThat(failure.get()).isNull();
        assertThat(finalFile(episode)).hasBinaryContent(AUDIO);
        assertThat(part).doesNotExist();
    }

    @Test
    void a_partial_file_that_is_already_whole_is_completed_on_416() throws Exception {
        RangeFileHandler handler = new RangeFileHandler(AUDIO, "audio/mpeg");
        Episode episode = servedEpisode(handler);
        Path part = MediaStore.partOf(finalFile(episode));
        Files.createDirectories(part.getParent());
        Files.write(part, AUDIO);

        run(job(DownloadLimits.defaults()), episode);

        assertThat(handler.ranges()).containsExactly("bytes=300000-");
        assertThat(finalFile(episode)).hasBinaryContent(AUDIO);
    }

    @Test
    void follows_redirects_to_the_file() throws Exception {
        server.serve("/tracker/ep.mp3", LoopbackFeedServer.Reply.redirect(302, "/ep.mp3"));
        server.handle("/ep.mp3", new RangeFileHandler(AUDIO, "audio/mpeg"));
        Episode episode = library.addEpisode(server.url("/tracker/ep.mp3"), "audio/mpeg", null);

        run(job(DownloadLimits.defaults()), episode);

        assertThat(finalFile(episode)).hasBinaryContent(AUDIO);
    }

    @Test
    void an_unknown_episode_fails_for_good() {
        assertThatThrownBy(() -> job(DownloadLimits.defaults()).run(new Job(1, DownloadJob.KIND, "999", Job.State.RUNNING,
                1, 8, TestLibrary.NOW, null, null, null, null, TestLibrary.NOW, TestLibrary.NOW, null), context))
                .isInstanceOfSatisfying(JobFailure.class, f -> assertThat(f.retryable()).isFalse())
                .hasMessage("No episode with id 999");
    }
}
