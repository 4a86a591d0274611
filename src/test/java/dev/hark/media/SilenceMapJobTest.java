package dev.hark.media;

import dev.hark.jobs.Job;
import dev.hark.jobs.JobContext;
import dev.hark.jobs.JobFailure;
import dev.hark.library.Episode;
import dev.hark.testing.LoopbackFeedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SilenceMapJobTest {

    private static final Ffmpeg FFMPEG = new Ffmpeg();

    @TempDir
    static Path audioDir;

    private static byte[] audio;

    @TempDir
    Path data;

    private TestLibrary library;
    private MediaStore store;
    private SilenceMapRepository maps;
    private final List<Double> fractions = new CopyOnWriteArrayList<>();
    private final JobContext context = (fraction, message) -> fractions.add(fraction);

    @BeforeAll
    static void makeAudio() throws Exception {
        Path file = TestAudio.toneWithGaps(FFMPEG, audioDir.resolve("gaps.mp3"), 12, 0.5, 0, List.of(
                new TestAudio.Gap(3.0, 4.0), new TestAudio.Gap(8.0, 8.5)), "-ac", "1", "-c:a", "libmp3lame", "-b:a", "64k");
        audio = Files.readAllBytes(file);
    }

    @BeforeEach
    void open() {
        library = new TestLibrary(data);
        store = new MediaStore(data);
        maps = new SilenceMapRepository(library.database.jdbi());
    }

    @AfterEach
    void close() {
        library.close();
    }

    private String run(long episodeId) throws Exception {
        SilenceMapJob job = new SilenceMapJob(library.episodes, library.downloads, store, FFMPEG, maps,
                Clock.fixed(TestLibrary.NOW, ZoneOffset.UTC));
        return job.run(new Job(1, SilenceMapJob.KIND, Long.toString(episodeId), Job.State.RUNNING, 1, 3,
                TestLibrary.NOW, null, null, null, null, TestLibrary.NOW, TestLibrary.NOW, null), context);
    }

    private void download(Episode episode, byte[] bytes) throws Exception {
        String relative = MediaStore.relativePath(library.podcastId, episode.id(), "mp3");
        Files.createDirectories(store.target(relative).getParent());
        Files.write(store.target(relative), bytes);
        library.downloads.saveProgress(episode.id(), relative, 0, null, "audio/mpeg", null, null, TestLibrary.NOW);
        library.downloads.complete(episode.id(), bytes.length, TestLibrary.NOW);
    }

    private static void assertGaps(SilenceMap map) {
        assertThat(map.duration()).isCloseTo(12, within(0.05));
        assertThat(map.silences()).hasSize(2);
        assertThat(map.silences().get(0).start()).isCloseTo(3.0, within(0.05));
        assertThat(map.silences().get(0).end()).isCloseTo(4.0, within(0.05));
        assertThat(map.silences().get(1).start()).isCloseTo(8.0, within(0.05));
        assertThat(map.silences().get(1).end()).isCloseTo(8.5, within(0.05));
    }

    @Test
    void maps_the_downloaded_file_and_stores_the_map() throws Exception {
        Episode episode = library.addEpisode("http://127.0.0.1:9/never-fetched.mp3", "audio/mpeg", null);
        download(episode, audio);

        String result = run(episode.id());

        assertThat(result).isEqualTo("2 silences in 0:12; mild saves 1 s, strong 1 s");
        assertGaps(maps.find(episode.id()).orElseThrow());
        assertThat(fractions).isNotEmpty().isSorted();
        assertThat(fractions.getLast()).isGreaterThan(0.9);
    }

    @Test
    void maps_straight_from_the_enclosure_when_nothing_is_downloaded() throws Exception {
        try (LoopbackFeedServer server = LoopbackFeedServer.start()) {
            server.serve("/ep.mp3", LoopbackFeedServer.Reply.ok(audio, "audio/mpeg"));
            Episode episode = library.addEpisode(server.url("/ep.mp3"), "audio/mpeg", null);

            run(episode.id());

            assertGaps(maps.find(episode.id()).orElseThrow());
            assertThat(server.requestCount("/ep.mp3")).isEqualTo(1);
        }
    }

    @Test
    void a_damaged_download_fails_for_good_with_the_reason() throws Exception {
        Episode episode = library.addEpisode("http://127.0.0.1:9/x.mp3", "audio/mpeg", null);
        download(episode, "<html>this is not audio</html>".repeat(100).getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThatThrownBy(() -> run(episode.id()))
                .isInstanceOfSatisfying(JobFailure.class, f -> assertThat(f.retryable()).isFalse())
                .hasMessage(episode.id() + ".mp3 is not audio Hark can read: the file is damaged or in an unsupported format.");
        assertThat(maps.find(episode.id())).isEmpty();
    }

    @Test
    void an_unreachable_enclosure_is_retried() throws Exception {
        try (LoopbackFeedServer server = LoopbackFeedServer.start()) {
            Episode episode = library.addEpisode(server.url("/missing.mp3"), "audio/mpeg", null);

            assertThatThrownBy(() -> run(episode.id()))
                    .isInstanceOfSatisfying(JobFailure.class, f -> assertThat(f.retryable()).isTrue());
        }
    }

    @Test
    void an_unknown_episode_fails_for_good() {
        assertThatThrownBy(() -> run(12345))
                .isInstanceOfSatisfying(JobFailure.class, f -> assertThat(f.retryable()).isFalse())
                .hasMessage("No episode with id 12345");
    }

    @Test
    void a_stored_map_reads_back_equal_and_is_replaced_by_a_new_one() {
        Episode episode = library.addEpisode("http://127.0.0.1:9/x.mp3", "audio/mpeg", null);
        SilenceMap first = new SilenceMap(10.0004, List.of(new Silence(1.0, 2.5), new Silence(9.5, 10.0004)));
        SilenceMap second = new SilenceMap(11, List.of(new Silence(3, 4)));
        SilenceDetector.Levels levels = new SilenceDetector.Levels(-60, -20, -45);

        maps.save(episode.id(), first, levels, TestLibrary.NOW);
        assertThat(maps.find(episode.id())).contains(new SilenceMap(10.0004, List.of(new Silence(1.0, 2.5), new Silence(9.5, 10.0))));

        maps.save(episode.id(), second, levels, TestLibrary.NOW);
        assertThat(maps.find(episode.id())).contains(second);
    }

    @Test
    void clock_times_read_as_a_player_shows_them() {
        assertThat(SilenceMapJob.clockTime(5)).isEqualTo("0:05");
        assertThat(SilenceMapJob.clockTime(754.4)).isEqualTo("12:34");
        assertThat(SilenceMapJob.clockTime(3723)).isEqualTo("1:02:03");
    }
}
