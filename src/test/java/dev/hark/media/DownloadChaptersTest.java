package dev.hark.media;

import dev.hark.chapters.ChapterRepository;
import dev.hark.chapters.Chapters;
import dev.hark.chapters.MediaFileChapters;
import dev.hark.jobs.Job;
import dev.hark.library.Episode;
import dev.hark.testing.LoopbackFeedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The download job hands the finished file to the ID3 chapter reader, as the app wires it. */
class DownloadChaptersTest {

    @TempDir
    Path data;
    @TempDir
    Path work;

    private TestLibrary library;
    private LoopbackFeedServer server;
    private HttpClient http;
    private ChapterRepository chapters;
    private DownloadJob job;

    @BeforeEach
    void setUp() {
        library = new TestLibrary(data);
        server = LoopbackFeedServer.start();
        http = MediaHttp.newClient(DownloadLimits.defaults());
        chapters = new ChapterRepository(library.database.jdbi());
        Clock clock = Clock.fixed(TestLibrary.NOW, ZoneOffset.UTC);
        MediaFileChapters mediaFileChapters = new MediaFileChapters(chapters, clock);
        job = new DownloadJob(library.episodes, library.downloads, new MediaStore(data),
                new MediaDownloader(http, DownloadLimits.defaults()), clock,
                (episode, file) -> mediaFileChapters.importFrom(episode.id(), file));
    }

    @AfterEach
    void tearDown() {
        http.close();
        server.close();
        library.close();
    }

    private String run(Episode episode) throws Exception {
        return job.run(new Job(1, DownloadJob.KIND, Long.toString(episode.id()), Job.State.RUNNING, 1,
                DownloadJob.MAX_ATTEMPTS, TestLibrary.NOW, null, null, null, null, TestLibrary.NOW, TestLibrary.NOW, null),
                (fraction, message) -> { });
    }

    private Episode served(String path, byte[] content) {
        server.handle(path, new RangeFileHandler(content, "audio/mpeg"));
        return library.addEpisode(server.url(path), "audio/mpeg", (long) content.length);
    }

    @Test
    void a_downloaded_mp3_with_chapters_gets_them_stored_as_id3_chapters() throws Exception {
        Path metadata = Files.writeString(work.resolve("meta.txt"), """
                ;FFMETADATA1
                [CHAPTER]
                TIMEBASE=1/1000
                START=0
                END=4000
                title=Hallo
                [CHAPTER]
                TIMEBASE=1/1000
                START=4000
                END=8000
                title=Ende
                """, StandardCharsets.UTF_8);
        Path mp3 = work.resolve("ep.mp3");
        new Ffmpeg().run(List.of("-f", "lavfi", "-i", "sine=duration=8", "-i", metadata.toString(), "-map", "0:a",
                "-map_metadata", "1", "-codec:a", "libmp3lame", "-b:a", "32k", "-id3v2_version", "4", "-y",
                mp3.toString()), Duration.ofSeconds(60));
        Episode episode = served("/ep.mp3", Files.readAllBytes(mp3));

        assertThat(run(episode)).startsWith("Downloaded");

        Chapters stored = chapters.find(episode.id()).orElseThrow();
        assertThat(stored.source()).isEqualTo(Chapters.ID3);
        assertThat(stored.list()).extracting(c -> c.start() + " " + c.title()).containsExactly("0.0 Hallo", "4.0 Ende");
    }

    @Test
    void a_broken_tag_does_not_fail_the_download() throws Exception {
        byte[] broken = {'I', 'D', '3', 3, 0, 0, 0, 0, 0, 30, 'C', 'H', 'A', 'P', 0, 0, 0, 99, 0, 0};
        Episode episode = served("/bad.mp3", Arrays.copyOf(broken, 40));

        assertThat(run(episode)).startsWith("Downloaded");
        assertThat(chapters.find(episode.id())).isEmpty();
        assertThat(library.downloads.find(episode.id()).orElseThrow().complete()).isTrue();
    }
}
