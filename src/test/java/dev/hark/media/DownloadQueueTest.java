package dev.hark.media;

import dev.hark.jobs.Backoff;
import dev.hark.jobs.Job;
import dev.hark.jobs.JobQueue;
import dev.hark.jobs.JobRunner;
import dev.hark.library.Episode;
import dev.hark.testing.LoopbackFeedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Downloads through the real queue and runner: retries resume, permanent failures stop. */
class DownloadQueueTest {

    @TempDir
    Path data;

    @Test
    void a_cut_download_is_retried_by_the_queue_and_resumes_to_completion() throws Exception {
        byte[] audio = new byte[200_000];
        new Random(3).nextBytes(audio);
        RangeFileHandler handler = new RangeFileHandler(audio, "audio/mpeg").cutNext(2);
        try (TestLibrary library = new TestLibrary(data);
             LoopbackFeedServer server = LoopbackFeedServer.start();
             HttpClient http = MediaHttp.newClient(DownloadLimits.defaults())) {
            server.handle("/ep.mp3", handler);
            server.serve("/gone.mp3", LoopbackFeedServer.Reply.status(410));
            Episode episode = library.addEpisode(server.url("/ep.mp3"), "audio/mpeg", null);
            Episode gone = library.addEpisode(server.url("/gone.mp3"), "audio/mpeg", null);
            MediaStore store = new MediaStore(data);
            JobQueue queue = new JobQueue(library.database.jdbi());
            DownloadJob job = new DownloadJob(library.episodes, library.downloads, store,
                    new MediaDownloader(http, DownloadLimits.defaults()), Clock.systemUTC());
            try (JobRunner runner = new JobRunner(queue, Map.of(DownloadJob.KIND, job), Map.of(DownloadJob.KIND, 2),
                    Clock.systemUTC(), new Backoff(Duration.ofMillis(10), Duration.ofMillis(50)), Duration.ofSeconds(60),
                    Duration.ofMillis(20))) {
                long id = DownloadJob.enqueue(queue, episode.id(), Clock.systemUTC().instant());
                long goneId = DownloadJob.enqueue(queue, gone.id(), Clock.systemUTC().instant());

                List<Job> done = runner.await(List.of(id, goneId), jobs -> { });

                Job downloaded = done.stream().filter(j -> j.id() == id).findFirst().orElseThrow();
                assertThat(downloaded.state()).isEqualTo(Job.State.DONE);
                assertThat(downloaded.attempts()).isEqualTo(3);
                List<String> ranges = handler.ranges();
                assertThat(ranges).hasSize(3);
                assertThat(ranges.get(0)).isEmpty();
                long firstResume = resumeOffset(ranges.get(1));
                long secondResume = resumeOffset(ranges.get(2));
                assertThat(firstResume).isBetween(1L, 100_000L); // the first cut sends at most half
                assertThat(secondResume).isGreaterThan(firstResume).isLessThanOrEqualTo(firstResume + (200_000 - firstResume) / 2);
                assertThat(store.root().resolve(library.podcastId + "/" + episode.id() + ".mp3")).hasBinaryContent(audio);
                Job failed = done.stream().filter(j -> j.id() == goneId).findFirst().orElseThrow();
                assertThat(failed.state()).isEqualTo(Job.State.FAILED);
                assertThat(failed.attempts()).isEqualTo(1);
                assertThat(failed.error()).isEqualTo("The publisher no longer has this episode's file (HTTP 410).");
            }
        }
    }

    private static long resumeOffset(String range) {
        assertThat(range).matches("bytes=\\d+-");
        return Long.parseLong(range.substring("bytes=".length(), range.length() - 1));
    }
}
