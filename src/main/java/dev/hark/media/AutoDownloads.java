package dev.hark.media;

import dev.hark.jobs.JobQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Carries out {@link DownloadPolicy}: queues the downloads it asks for and deletes the files it
 * evicts; also removes files nothing refers to any more. Meant to run after refreshes (new
 * episodes) and after playback changes (played ones become evictable). Thread-safe; two runs
 * at once may queue the same download, which the queue ignores.
 */
public final class AutoDownloads {

    private static final Logger log = LoggerFactory.getLogger(AutoDownloads.class);

    /** What one run did. */
    public record Outcome(int queued, int evicted, long bytesFreed) {
    }

    private final DownloadRepository downloads;
    private final MediaStore store;
    private final JobQueue queue;
    private final DownloadPolicy policy;
    private final Supplier<List<DownloadPolicy.AutoPodcast>> autoPodcasts;
    private final Clock clock;

    /**
     * @param autoPodcasts the podcasts whose settings turn automatic downloads on, with their
     *                     episode count (the library's per-podcast settings own these)
     */
    public AutoDownloads(DownloadRepository downloads, MediaStore store, JobQueue queue, DownloadPolicy policy,
                         Supplier<List<DownloadPolicy.AutoPodcast>> autoPodcasts, Clock clock) {
        this.downloads = downloads;
        this.store = store;
        this.queue = queue;
        this.policy = policy;
        this.autoPodcasts = autoPodcasts;
        this.clock = clock;
    }

    /** Queues what the policy wants downloaded, then evicts until under the cap. */
    public Outcome run() {
        List<DownloadPolicy.AutoPodcast> podcasts = autoPodcasts.get();
        List<DownloadPolicy.Fetch> fetches = policy.downloads(podcasts,
                downloads.candidates(podcasts.stream().map(DownloadPolicy.AutoPodcast::podcastId).toList()));
        for (DownloadPolicy.Fetch fetch : fetches) {
            DownloadJob.enqueue(queue, fetch.episodeId(), clock.instant());
        }
        int evicted = 0;
        long freed = 0;
        for (DownloadPolicy.Evict evict : policy.evictions(downloads.storedForPolicy())) {
            Optional<Download> download = downloads.find(evict.episodeId());
            try {
                if (download.isPresent()) {
                    store.delete(download.get().path());
                }
                downloads.delete(evict.episodeId());
                evicted++;
                freed += evict.bytes();
            } catch (IOException | IllegalArgumentException e) {
                log.warn("Cannot delete the download of episode {}: {}", evict.episodeId(), e.getMessage());
            }
        }
        return new Outcome(fetches.size(), evicted, freed);
    }

    /**
     * Deletes files under {@code media/} that no {@code downloads} row names (as itself or as its
     * {@code .part}): left behind when an episode or podcast is deleted, since the row goes with
     * the episode and the file does not. Safe while downloads run: a download records its row
     * before it writes a byte.
     *
     * @return how many files were deleted
     */
    public int removeOrphans() {
        Set<String> known = new HashSet<>();
        for (String path : downloads.paths()) {
            known.add(path);
            known.add(path + ".part");
        }
        Path root = store.root();
        if (!Files.isDirectory(root)) {
            return 0;
        }
        int removed = 0;
        try (Stream<Path> files = Files.walk(root, 2)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String relative = root.relativize(file).toString().replace(File.separatorChar, '/');
                if (!known.contains(relative)) {
                    Files.deleteIfExists(file);
                    removed++;
                }
            }
        } catch (IOException e) {
            log.warn("Cannot clean up the media folder: {}", e.getMessage());
        }
        return removed;
    }
}
