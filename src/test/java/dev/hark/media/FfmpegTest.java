package dev.hark.media;

import dev.hark.testing.LoopbackFeedServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class FfmpegTest {

    private static final Ffmpeg FFMPEG = new Ffmpeg();

    @TempDir
    static Path shared;

    private static Path threeSeconds;

    @BeforeAll
    static void makeAudio() throws Exception {
        threeSeconds = TestAudio.tone(FFMPEG, shared.resolve("three seconds.mp3"), 3.0);
    }

    @Test
    void bundled_binaries_are_located_once_and_start() throws Exception {
        FfmpegBinaries first = FFMPEG.binaries();

        assertThat(FFMPEG.binaries()).isSameAs(first);
        assertThat(first.ffmpeg()).isExecutable();
        assertThat(first.ffprobe()).isExecutable();
    }

    @Test
    void decodes_to_sixteen_khz_mono_samples() throws Exception {
        long[] peak = {0};
        long samples = FFMPEG.decodePcm(AudioSource.of(threeSeconds), (buffer, count) -> {
            for (int i = 0; i < count; i++) {
                peak[0] = Math.max(peak[0], Math.abs(buffer[i]));
            }
        });

        assertThat(samples / (double) Ffmpeg.SAMPLE_RATE).isCloseTo(3.0, within(0.03));
        assertThat(peak[0]).isBetween(14_000L, 18_000L); // amplitude 0.5 of 32768
    }

    @Test
    void the_stream_form_gives_the_same_bytes_as_the_callback_form() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PcmStream pcm = FFMPEG.openPcm(AudioSource.of(threeSeconds))) {
            pcm.transferTo(bytes);
            assertThat(pcm.bytesRead()).isEqualTo(bytes.size());
        }
        long samples = FFMPEG.decodePcm(AudioSource.of(threeSeconds), (buffer, count) -> { });

        assertThat(bytes.size()).isEqualTo(samples * 2);
    }

    @Test
    void probes_the_duration_of_a_file() throws Exception {
        OptionalDouble duration = FFMPEG.probeDuration(AudioSource.of(threeSeconds));

        assertThat(duration).isPresent();
        assertThat(duration.getAsDouble()).isCloseTo(3.0, within(0.05));
    }

    @Test
    void random_bytes_are_reported_as_unreadable_in_one_sentence() throws Exception {
        Path corrupt = shared.resolve("corrupt.mp3");
        byte[] noise = new byte[64 * 1024];
        new Random(7).nextBytes(noise);
        Files.write(corrupt, noise);

        assertThatThrownBy(() -> FFMPEG.decodePcm(AudioSource.of(corrupt), (buffer, count) -> { }))
                .isInstanceOfSatisfying(MediaException.class, e -> {
                    assertThat(e.reason()).isEqualTo(MediaException.Reason.UNREADABLE);
                    assertThat(e.retryable()).isFalse();
                })
                .hasMessage("corrupt.mp3 is not audio Hark can read: the file is damaged or in an unsupported format.");
        assertThatThrownBy(() -> FFMPEG.probeDuration(AudioSource.of(corrupt)))
                .isInstanceOf(MediaException.class)
                .hasMessageContaining("is not audio Hark can read");
    }

    @Test
    void a_web_page_saved_as_mp3_is_unreadable() throws Exception {
        Path page = shared.resolve("page.mp3");
        Files.writeString(page, "<!doctype html><html><body>Not found</body></html>\n".repeat(50));

        assertThatThrownBy(() -> FFMPEG.decodePcm(AudioSource.of(page), (buffer, count) -> { }))
                .isInstanceOf(MediaException.class)
                .hasMessage("page.mp3 is not audio Hark can read: the file is damaged or in an unsupported format.");
    }

    @Test
    void an_image_has_no_audio_track() throws Exception {
        Path image = shared.resolve("cover.png");
        FFMPEG.run(List.of("-y", "-f", "lavfi", "-i", "color=c=red:s=16x16", "-frames:v", "1", image.toString()),
                Duration.ofSeconds(30));

        assertThatThrownBy(() -> FFMPEG.decodePcm(AudioSource.of(image), (buffer, count) -> { }))
                .isInstanceOfSatisfying(MediaException.class,
                        e -> assertThat(e.reason()).isEqualTo(MediaException.Reason.NO_AUDIO))
                .hasMessage("cover.png has no audio track.");
    }

    @Test
    void a_missing_file_is_not_found() {
        assertThatThrownBy(() -> FFMPEG.decodePcm(AudioSource.of(shared.resolve("gone.mp3")), (buffer, count) -> { }))
                .isInstanceOfSatisfying(MediaException.class,
                        e -> assertThat(e.reason()).isEqualTo(MediaException.Reason.NOT_FOUND))
                .hasMessage("gone.mp3 does not exist.");
    }

    @Test
    void decodes_from_an_http_address() throws Exception {
        try (LoopbackFeedServer server = LoopbackFeedServer.start()) {
            server.serve("/episode.mp3", LoopbackFeedServer.Reply.ok(Files.readAllBytes(threeSeconds), "audio/mpeg"));

            long samples = FFMPEG.decodePcm(AudioSource.of(URI.create(server.url("/episode.mp3"))), (buffer, count) -> { });

            assertThat(samples / (double) Ffmpeg.SAMPLE_RATE).isCloseTo(3.0, within(0.03));
        }
    }

    @Test
    void a_missing_http_address_is_unreachable_and_retryable() throws Exception {
        try (LoopbackFeedServer server = LoopbackFeedServer.start()) {
            AudioSource missing = AudioSource.of(URI.create(server.url("/gone.mp3")));

            assertThatThrownBy(() -> FFMPEG.decodePcm(missing, (buffer, count) -> { }))
                    .isInstanceOfSatisfying(MediaException.class, e -> assertThat(e.retryable()).isTrue())
                    .hasMessage("The publisher's server did not deliver http://127.0.0.1:" + server.port() + "/gone.mp3.");
        }
    }

    @Test
    void only_http_addresses_are_accepted() {
        assertThatThrownBy(() -> AudioSource.of(URI.create("file:///etc/passwd")))
                .isInstanceOf(MediaException.class)
                .hasMessage("The media address file:///etc/passwd is not an http(s) URL.");
    }

    @Test
    void interrupting_a_decode_that_waits_on_a_stalled_server_kills_ffmpeg() throws Exception {
        CountDownLatch requested = new CountDownLatch(1);
        try (LoopbackFeedServer server = LoopbackFeedServer.start()) {
            server.handle("/stall.mp3", exchange -> {
                exchange.sendResponseHeaders(200, 10_000_000);
                exchange.getResponseBody().write(Files.readAllBytes(threeSeconds), 0, 4096);
                exchange.getResponseBody().flush();
                requested.countDown();
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread decoder = Thread.ofVirtual().start(() -> {
                try {
                    FFMPEG.decodePcm(AudioSource.of(URI.create(server.url("/stall.mp3"))), (buffer, count) -> { });
                } catch (Throwable e) {
                    thrown.set(e);
                }
            });
            assertThat(requested.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(ffmpegChildren()).isNotEmpty();

            decoder.interrupt();
            decoder.join(Duration.ofSeconds(5));

            assertThat(decoder.isAlive()).isFalse();
            assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
            assertThat(waitForNoFfmpegChildren()).isTrue();
        }
    }

    @Test
    void closing_the_stream_early_kills_ffmpeg() throws Exception {
        try (LoopbackFeedServer server = LoopbackFeedServer.start()) {
            server.handle("/slow.mp3", exchange -> {
                exchange.sendResponseHeaders(200, 0);
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            PcmStream pcm = FFMPEG.openPcm(AudioSource.of(URI.create(server.url("/slow.mp3"))));
            assertThat(ffmpegChildren()).isNotEmpty();

            pcm.close();

            assertThat(waitForNoFfmpegChildren()).isTrue();
            assertThatThrownBy(() -> pcm.read(new byte[10])).hasMessage("The audio stream is closed.");
        }
    }

    @Test
    void an_interrupted_reader_gets_an_interrupted_io_exception_with_the_flag_set() throws Exception {
        try (LoopbackFeedServer server = LoopbackFeedServer.start()) {
            server.handle("/slow.mp3", exchange -> {
                exchange.sendResponseHeaders(200, 0);
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            AtomicReference<Boolean> flag = new AtomicReference<>();
            Thread reader = Thread.ofVirtual().start(() -> {
                try (InputStream pcm = FFMPEG.openPcm(AudioSource.of(URI.create(server.url("/slow.mp3"))))) {
                    pcm.read(new byte[100]);
                } catch (Throwable e) {
                    thrown.set(e);
                    flag.set(Thread.currentThread().isInterrupted());
                }
            });
            Thread.sleep(300);
            reader.interrupt();
            reader.join(Duration.ofSeconds(5));

            assertThat(thrown.get()).isInstanceOf(InterruptedIOException.class);
            assertThat(flag.get()).isTrue();
            assertThat(waitForNoFfmpegChildren()).isTrue();
        }
    }

    private static List<ProcessHandle> ffmpegChildren() {
        return ProcessHandle.current().children()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("/ffmpeg")).orElse(false))
                .toList();
    }

    private static boolean waitForNoFfmpegChildren() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (ffmpegChildren().isEmpty()) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }
}
