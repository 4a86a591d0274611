package dev.hark.media;

import dev.hark.jobs.JobQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * Carries out {@link DownloadPolicy}: queues the downloads it asks for and deletes the files it
 * evicts. Meant to run after refreshes (new episodes) and after playback changes (played ones
 * become evictable). Thread-safe; two runs at once may queue the same download, which the queue
 * ignores.
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
            try {
                downloads.find(evict.episodeId()).ifPresent(download -> {
                    try {
                        store.delete(download.path());
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                downloads.delete(evict.episodeId());
                evicted++;
                freed += evict.bytes();
            } catch (java.io.UncheckedIOException | IllegalArgumentException e) {
                log.warn("Cannot delete the download of episode {}: {}", evict.episodeId(), e.getMessage());
            }
        }
        return new Outcome(fetches.size(), evicted, freed);
    }
}
