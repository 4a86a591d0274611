package dev.hark.media;

import dev.hark.jobs.Job;
import dev.hark.jobs.JobContext;
import dev.hark.jobs.JobFailure;
import dev.hark.jobs.JobHandler;
import dev.hark.jobs.JobQueue;
import dev.hark.library.Episode;
import dev.hark.library.EpisodeRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The "download" job: fetches the media file of the episode whose id is the subject into
 * {@code media/<podcastId>/<episodeId>.<ext>}. Network failures are retried by the queue with
 * backoff, each retry resuming where the last stopped; 404, 410, other 4xx and oversize files
 * fail for good. Thread-safe.
 */
public final class DownloadJob implements JobHandler {

    public static final String KIND = "download";
    /** Attempts before the queue gives up: with the default backoff, about 20 minutes of retries. */
    public static final int MAX_ATTEMPTS = 8;

    private static final Logger log = LoggerFactory.getLogger(DownloadJob.class);

    private final EpisodeRepository episodes;
    private final DownloadRepository downloads;
    private final MediaStore store;
    private final MediaDownloader downloader;
    private final Clock clock;
    private final AfterDownload after;

    /**
     * Work on a freshly downloaded file, such as reading the chapters inside it. A failure is
     * logged and does not fail the download: the file is good whatever its tags say.
     */
    @FunctionalInterface
    public interface AfterDownload {
        AfterDownload NONE = (episode, file) -> { };

        void downloaded(Episode episode, Path file) throws Exception;
    }

    public DownloadJob(EpisodeRepository episodes, DownloadRepository downloads, MediaStore store,
                       MediaDownloader downloader, Clock clock) {
        this(episodes, downloads, store, downloader, clock, AfterDownload.NONE);
    }

    public DownloadJob(EpisodeRepository episodes, DownloadRepository downloads, MediaStore store,
                       MediaDownloader downloader, Clock clock, AfterDownload after) {
        this.episodes = episodes;
        this.downloads = downloads;
        this.store = store;
        this.downloader = downloader;
        this.clock = clock;
        this.after = after;
    }

    /** Queues a download of one episode (a no-op when one is already queued or running). */
    public static long enqueue(JobQueue queue, long episodeId, Instant now) {
        return queue.enqueue(KIND, Long.toString(episodeId), MAX_ATTEMPTS, now);
    }

    @Override
    public String run(Job job, JobContext context) throws JobFailure, InterruptedException {
        long episodeId = episodeId(job);
        Episode episode = episodes.find(episodeId)
                .orElseThrow(() -> JobFailure.permanent("No episode with id " + episodeId));
        Optional<Download> existing = downloads.find(episodeId);
        if (existing.isPresent() && existing.get().complete() && store.existing(existing.get().path()).isPresent()) {
            return "Already downloaded";
        }
        String relative = existing.map(Download::path).orElseGet(() -> MediaStore.relativePath(episode.podcastId(),
                episode.id(), MediaTypes.extension(episode.mediaType(), episode.mediaUrl())));
        Path file = store.target(relative);
        URI uri = uri(episode);
        MediaDownloader.Resume resume = existing.filter(d -> !d.complete())
                .map(d -> new MediaDownloader.Resume(d.etag(), d.lastModified(), d.totalBytes()))
                .orElse(MediaDownloader.Resume.NONE);
        Progress progress = new Progress(episodeId, relative, context);
        context.progress(-1, "connecting");
        try {
            MediaDownloader.Result result = downloader.download(uri, file, resume, progress);
            downloads.complete(episodeId, result.bytes(), clock.instant());
            if (episode.mediaLength() != null && episode.mediaLength() > 0 && episode.mediaLength() != result.bytes()) {
                // feeds often carry a wrong or placeholder length: a hint, never a reason to reject
                log.debug("Episode {}: the feed says {} bytes, the server sent {}", episodeId, episode.mediaLength(), result.bytes());
            }
            afterDownload(episode, file);
            return "Downloaded " + DownloadLimits.megabytes(result.bytes());
        } catch (DownloadException e) {
            progress.recordPartial(file);
            if (e.retryable()) {
                throw JobFailure.transientFailure(e.getMessage(), e);
            }
            throw JobFailure.permanent(e.getMessage());
        } catch (InterruptedException e) {
            progress.recordPartial(file);
            throw e;
        }
    }

    private void afterDownload(Episode episode, Path file) throws InterruptedException {
        try {
            after.downloaded(episode, file);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            log.warn("Episode {}: after the download: {}", episode.id(), e.getMessage());
        }
    }

    private static long episodeId(Job job) throws JobFailure {
        try {
            return Long.parseLong(job.subject());
        } catch (NumberFormatException e) {
            throw JobFailure.permanent("Not an episode id: " + job.subject());
        }
    }

    private static URI uri(Episode episode) throws JobFailure {
        try {
            URI uri = new URI(episode.mediaUrl().strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        throw JobFailure.permanent("The episode's media address is not a valid http(s) URL: " + episode.mediaUrl());
    }

    /** Passes progress to the queue and keeps the row in step with the partial file. */
    private final class Progress implements MediaDownloader.Listener {
        private final long episodeId;
        private final String relative;
        private final JobContext context;
        private MediaDownloader.Resume validators;
        private String mediaType;

        Progress(long episodeId, String relative, JobContext context) {
            this.episodeId = episodeId;
            this.relative = relative;
            this.context = context;
        }

        @Override
        public void started(long offset, Long totalBytes, MediaDownloader.Resume validators, String mediaType) {
            this.validators = validators;
            this.mediaType = mediaType;
            downloads.saveProgress(episodeId, relative, offset, totalBytes, mediaType, validators.etag(),
                    validators.lastModified(), clock.instant());
            progress(offset, totalBytes);
        }

        @Override
        public void progress(long bytes, Long totalBytes) {
            String message = DownloadLimits.megabytes(bytes) + (totalBytes == null ? "" : " of " + DownloadLimits.megabytes(totalBytes));
            context.progress(totalBytes == null || totalBytes == 0 ? -1 : bytes / (double) totalBytes, message);
        }

        /** After a failed attempt: remember how far the partial file got, for the next one. */
        void recordPartial(Path file) {
            if (validators == null) {
                return;
            }
            Path part = MediaStore.partOf(file);
            try {
                long bytes = Files.isRegularFile(part) ? Files.size(part) : 0;
                downloads.saveProgress(episodeId, relative, bytes, validators.totalBytes(), mediaType,
                        validators.etag(), validators.lastModified(), clock.instant());
            } catch (IOException | RuntimeException e) {
                log.warn("Cannot record the partial download of episode {}: {}", episodeId, e.getMessage());
            }
        }
    }
}
