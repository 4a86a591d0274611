package dev.hark.media;

import dev.hark.jobs.Job;
import dev.hark.jobs.JobContext;
import dev.hark.jobs.JobFailure;
import dev.hark.jobs.JobHandler;
import dev.hark.jobs.JobQueue;
import dev.hark.library.Episode;
import dev.hark.library.EpisodeRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/**
 * The "silence" job: decodes the episode whose id is the subject (its downloaded file if there
 * is one, else straight from the enclosure URL) and stores its {@link SilenceMap}. Progress is
 * decoded seconds over the duration (ffprobe's for a file, the feed's for a URL). Unreadable
 * audio fails for good; an unreachable server is retried. Thread-safe.
 */
public final class SilenceMapJob implements JobHandler {

    public static final String KIND = "silence";
    public static final int MAX_ATTEMPTS = 3;

    private final EpisodeRepository episodes;
    private final Ffmpeg ffmpeg;
    private final EpisodeAudio episodeAudio;
    private final SilenceMapRepository maps;
    private final Clock clock;

    public SilenceMapJob(EpisodeRepository episodes, DownloadRepository downloads, MediaStore store, Ffmpeg ffmpeg,
                         SilenceMapRepository maps, Clock clock) {
        this.episodes = episodes;
        this.ffmpeg = ffmpeg;
        this.episodeAudio = new EpisodeAudio(downloads, store, ffmpeg);
        this.maps = maps;
        this.clock = clock;
    }

    /** Queues a silence map for one episode (a no-op when one is already queued or running). */
    public static long enqueue(JobQueue queue, long episodeId, Instant now) {
        return queue.enqueue(KIND, Long.toString(episodeId), MAX_ATTEMPTS, now);
    }

    @Override
    public String run(Job job, JobContext context) throws JobFailure, InterruptedException {
        long episodeId;
        try {
            episodeId = Long.parseLong(job.subject());
        } catch (NumberFormatException e) {
            throw JobFailure.permanent("Not an episode id: " + job.subject());
        }
        Episode episode = episodes.find(episodeId).orElseThrow(() -> JobFailure.permanent("No episode with id " + episodeId));
        try {
            AudioSource source = episodeAudio.source(episode);
            double duration = episodeAudio.duration(source, episode);
            context.progress(duration > 0 ? 0 : -1, "decoding");
            SilenceDetector detector = new SilenceDetector();
            ffmpeg.decodePcm(source, (samples, count) -> {
                detector.accept(samples, count);
                double seconds = detector.seconds();
                context.progress(duration > 0 ? Math.min(0.99, seconds / duration) : -1,
                        "decoded " + clockTime(seconds) + (duration > 0 ? " of " + clockTime(duration) : ""));
            });
            SilenceMap map = detector.finish();
            maps.save(episodeId, map, detector.levels(), clock.instant());
            return String.format(Locale.ROOT, "%d silences in %s; mild saves %.0f s, strong %.0f s",
                    map.silences().size(), clockTime(map.duration()), map.timeSaved(SilenceLevel.MILD),
                    map.timeSaved(SilenceLevel.STRONG));
        } catch (MediaException e) {
            if (e.retryable()) {
                throw JobFailure.transientFailure(e.getMessage(), e);
            }
            throw JobFailure.permanent(e.getMessage());
        }
    }


    static String clockTime(double seconds) {
        long whole = Math.round(seconds);
        return whole >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60)
                : String.format(Locale.ROOT, "%d:%02d", whole / 60, whole % 60);
    }
}
