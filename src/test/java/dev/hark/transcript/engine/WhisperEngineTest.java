package dev.hark.transcript.engine;

import dev.hark.media.AudioSource;
import dev.hark.media.Ffmpeg;
import dev.hark.media.MediaException;
import dev.hark.transcript.Segment;
import dev.hark.transcript.Transcript;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WhisperEngineTest {

    private static final Ffmpeg FFMPEG = new Ffmpeg();

    @TempDir
    static Path dir;

    private static Path model;
    private static Path seventySeconds;
    private static WhisperEngine engine;

    @BeforeAll
    static void setUp() throws Exception {
        model = RandomWhisperModel.tiny().write(dir.resolve("ggml-test.bin"), 1);
        seventySeconds = TestSpeech.write(FFMPEG, dir.resolve("seventy.mp3"), 70);
        engine = new WhisperEngine(FFMPEG, model, new WhisperEngine.Settings(2, 30, "en"));
    }

    @AfterAll
    static void tearDown() {
        engine.close();
    }

    @Test
    void segments_are_offset_across_windows_and_progress_reaches_one() throws Exception {
        List<ProgressReport> reports = new CopyOnWriteArrayList<>();
        Transcript transcript = engine.transcribe(AudioSource.of(seventySeconds), reports::add);

        List<Segment> segments = transcript.segments();
        assertThat(segments).isNotEmpty();
        double previous = 0;
        for (Segment segment : segments) {
            assertThat(segment.start()).isGreaterThanOrEqualTo(previous);
            assertThat(segment.end()).isGreaterThanOrEqualTo(segment.start()).isLessThanOrEqualTo(70.1);
            assertThat(segment.speaker()).isNull();
            assertThat(segment.text()).isNotBlank();
            previous = segment.start();
        }
        // 30 s windows, each ending at a quiet point in its last 3 s: three windows, each with segments
        assertThat(reports).hasSize(3);
        double secondWindow = reports.get(0).doneSeconds();
        double thirdWindow = reports.get(1).doneSeconds();
        assertThat(secondWindow).isBetween(27.0, 30.0);
        assertThat(thirdWindow).isBetween(54.0, 60.0);
        assertThat(segments).anySatisfy(segment -> assertThat(segment.start()).isBetween(secondWindow, thirdWindow));
        assertThat(segments).anySatisfy(segment -> assertThat(segment.start()).isGreaterThanOrEqualTo(thirdWindow));

        assertThat(reports).extracting(ProgressReport::fraction).isSorted();
        assertThat(reports.getLast().fraction()).isEqualTo(1.0);
        assertThat(reports.getLast().realTimeFactor()).isPositive();
        assertThat(reports.getFirst().message()).startsWith("transcribing 0:2").contains(" of 1:10, ").contains("× real time");
    }

    @Test
    void an_interrupt_stops_after_the_current_window() throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        List<ProgressReport> reports = new CopyOnWriteArrayList<>();
        Thread worker = Thread.ofPlatform().start(() -> {
            try {
                engine.transcribe(AudioSource.of(seventySeconds), 70, "en", Checkpoints.NONE, report -> {
                    reports.add(report);
                    Thread.currentThread().interrupt();
                });
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        worker.join(Duration.ofSeconds(30));
        assertThat(worker.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
        assertThat(reports).hasSize(1);
    }

    @Test
    void on_a_virtual_thread_the_work_moves_to_a_platform_thread_and_still_cancels() throws Exception {
        List<Boolean> virtualReporters = new CopyOnWriteArrayList<>();
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread caller = Thread.ofVirtual().start(() -> {
            try {
                outcome.set(engine.transcribe(AudioSource.of(seventySeconds), 70, "en", Checkpoints.NONE, report -> {
                    virtualReporters.add(Thread.currentThread().isVirtual());
                }));
            } catch (Exception e) {
                outcome.set(e);
            }
        });
        caller.join(Duration.ofSeconds(30));
        assertThat(outcome.get()).isInstanceOf(Transcript.class);
        assertThat(virtualReporters).hasSize(3).containsOnly(false);

        List<ProgressReport> reports = new CopyOnWriteArrayList<>();
        Thread cancelled = Thread.ofVirtual().start(() -> {
            try {
                outcome.set(engine.transcribe(AudioSource.of(seventySeconds), 70, "en", Checkpoints.NONE, reports::add));
            } catch (Exception e) {
                outcome.set(e);
            }
        });
        while (reports.isEmpty()) {
            Thread.sleep(5);
        }
        cancelled.interrupt();
        cancelled.join(Duration.ofSeconds(30));
        assertThat(cancelled.isAlive()).isFalse();
        assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
        assertThat(reports).hasSizeLessThan(3);
    }

    @Test
    void a_restart_resumes_after_the_last_finished_window() throws Exception {
        CheckpointFile checkpoints = CheckpointFile.forEpisode(dir.resolve("checkpoints"), 7, "test");
        // the first run is cancelled after its first window
        assertThatThrownBy(() -> engine.transcribe(AudioSource.of(seventySeconds), 70, "en", checkpoints,
                report -> Thread.currentThread().interrupt())).isInstanceOf(InterruptedException.class);
        Thread.interrupted();
        Checkpoint saved = checkpoints.load().orElseThrow();
        assertThat(saved.samplesDone()).isBetween(27L * 16_000, 30L * 16_000);

        List<ProgressReport> reports = new CopyOnWriteArrayList<>();
        Transcript transcript = engine.transcribe(AudioSource.of(seventySeconds), 70, "en", checkpoints, reports::add);

        assertThat(reports).hasSize(2); // windows 2 and 3 only
        assertThat(reports.getFirst().doneSeconds()).isGreaterThan(50);
        assertThat(transcript.segments()).startsWith(saved.segments().toArray(Segment[]::new));
        double thirdWindow = reports.getFirst().doneSeconds();
        assertThat(transcript.segments()).anySatisfy(segment -> assertThat(segment.start()).isGreaterThanOrEqualTo(thirdWindow));
        assertThat(checkpoints.file()).doesNotExist();
    }

    @Test
    void silent_windows_are_not_sent_to_whisper() throws Exception {
        Path silence = dir.resolve("silence.wav");
        FFMPEG.run(List.of("-y", "-f", "lavfi", "-i", "anullsrc=r=16000:cl=mono", "-t", "35", silence.toString()),
                Duration.ofSeconds(30));
        List<ProgressReport> reports = new CopyOnWriteArrayList<>();

        Transcript transcript = engine.transcribe(AudioSource.of(silence), reports::add);

        assertThat(transcript.segments()).isEmpty(); // random weights would otherwise "hear" something
        assertThat(reports).hasSize(2);
        assertThat(reports.getLast().fraction()).isEqualTo(1.0);
    }

    @Test
    void unreadable_audio_is_a_media_exception() throws Exception {
        Path junk = java.nio.file.Files.writeString(dir.resolve("junk.mp3"), "not audio at all");
        assertThatThrownBy(() -> engine.transcribe(AudioSource.of(junk), TranscriptionProgress.NONE))
                .isInstanceOf(MediaException.class);
    }

    @Test
    void a_file_that_is_not_a_model_fails_clearly() throws Exception {
        Path bogus = java.nio.file.Files.writeString(dir.resolve("ggml-bogus.bin"), "nope");
        try (WhisperEngine broken = new WhisperEngine(FFMPEG, bogus, WhisperEngine.Settings.defaults())) {
            assertThatThrownBy(() -> broken.transcribe(AudioSource.of(seventySeconds), TranscriptionProgress.NONE))
                    .isInstanceOf(TranscriptionException.class)
                    .hasMessageContaining("could not be loaded");
        }
    }
}
