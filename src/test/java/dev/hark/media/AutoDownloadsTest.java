package dev.hark.media;

import dev.hark.jobs.Job;
import dev.hark.jobs.JobQueue;
import dev.hark.library.Episode;
import dev.hark.library.PlayStateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The policy carried out against a real library and queue. */
class AutoDownloadsTest {

    @TempDir
    Path data;

    private TestLibrary library;
    private JobQueue queue;
    private MediaStore store;

    @BeforeEach
    void open() {
        library = new TestLibrary(data);
        queue = new JobQueue(library.database.jdbi());
        store = new MediaStore(data);
    }

    @AfterEach
    void close() {
        library.close();
    }

    private List<DownloadPolicy.AutoPodcast> autoPodcasts = List.of();

    private AutoDownloads auto(long cap) {
        return new AutoDownloads(library.downloads, store, queue, new DownloadPolicy(cap), () -> autoPodcasts,
                Clock.fixed(TestLibrary.NOW, ZoneOffset.UTC));
    }

    private void downloaded(Episode episode, int bytes) throws Exception {
        String relative = MediaStore.relativePath(library.podcastId, episode.id(), "mp3");
        Path file = store.target(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[bytes]);
        library.downloads.saveProgress(episode.id(), relative, 0, null, "audio/mpeg", null, null, TestLibrary.NOW);
        library.downloads.complete(episode.id(), bytes, TestLibrary.NOW);
    }

    @Test
    void podcasts_without_automatic_downloads_get_none() {
        library.addEpisode("https://show.example/1.mp3", "audio/mpeg", null);

        assertThat(auto(Long.MAX_VALUE).run()).isEqualTo(new AutoDownloads.Outcome(0, 0, 0));
        assertThat(queue.live()).isEmpty();
    }

    @Test
    void queues_the_newest_episodes_of_podcasts_that_download_automatically() {
        library.addEpisode("https://show.example/1.mp3", "audio/mpeg", null);
        Episode second = library.addEpisode("https://show.example/2.mp3", "audio/mpeg", null);
        Episode third = library.addEpisode("https://show.example/3.mp3", "audio/mpeg", null);
        autoPodcasts = List.of(new DownloadPolicy.AutoPodcast(library.podcastId, 2));

        assertThat(auto(Long.MAX_VALUE).run()).isEqualTo(new AutoDownloads.Outcome(2, 0, 0));

        assertThat(queue.live()).extracting(Job::kind, Job::subject).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("download", Long.toString(third.id())),
                org.assertj.core.groups.Tuple.tuple("download", Long.toString(second.id())));
    }

    @Test
    void evicts_played_downloads_first_to_get_under_the_cap() throws Exception {
        Episode first = library.addEpisode("https://show.example/1.mp3", "audio/mpeg", null);
        Episode second = library.addEpisode("https://show.example/2.mp3", "audio/mpeg", null);
        downloaded(first, 600);
        downloaded(second, 600);
        new PlayStateRepository(library.database.jdbi()).save(second.id(), 10, true, TestLibrary.NOW);

        assertThat(auto(1000).run()).isEqualTo(new AutoDownloads.Outcome(0, 1, 600));

        assertThat(library.downloads.find(second.id())).isEmpty();
        assertThat(store.target(MediaStore.relativePath(library.podcastId, second.id(), "mp3"))).doesNotExist();
        assertThat(library.downloads.find(first.id())).isPresent();
    }

    @Test
    void files_no_download_names_are_removed_and_the_rest_kept() throws Exception {
        Episode kept = library.addEpisode("https://show.example/1.mp3", "audio/mpeg", null);
        Episode inProgress = library.addEpisode("https://show.example/2.mp3", "audio/mpeg", null);
        downloaded(kept, 100);
        String partial = MediaStore.relativePath(library.podcastId, inProgress.id(), "mp3");
        library.downloads.saveProgress(inProgress.id(), partial, 50, 100L, null, null, null, TestLibrary.NOW);
        Files.write(MediaStore.partOf(store.target(partial)), new byte[50]);
        Path orphan = store.target("99/1234.mp3");
        Files.createDirectories(orphan.getParent());
        Files.write(orphan, new byte[10]);
        Files.write(MediaStore.partOf(store.target("99/1235.mp3")), new byte[10]);

        assertThat(auto(Long.MAX_VALUE).removeOrphans()).isEqualTo(2);

        assertThat(store.target(MediaStore.relativePath(library.podcastId, kept.id(), "mp3"))).exists();
        assertThat(MediaStore.partOf(store.target(partial))).exists();
        assertThat(orphan).doesNotExist();
    }
}
