package dev.hark.transcript.engine;

import dev.hark.jobs.Job;
import dev.hark.jobs.JobContext;
import dev.hark.jobs.JobFailure;
import dev.hark.jobs.JobHandler;
import dev.hark.jobs.JobQueue;
import dev.hark.library.Episode;
import dev.hark.library.EpisodeRepository;
import dev.hark.library.Podcast;
import dev.hark.library.PodcastRepository;
import dev.hark.media.AudioSource;
import dev.hark.media.DownloadRepository;
import dev.hark.media.EpisodeAudio;
import dev.hark.media.Ffmpeg;
import dev.hark.media.MediaException;
import dev.hark.media.MediaStore;
import dev.hark.transcript.StoredTranscript;
import dev.hark.transcript.Transcript;
import dev.hark.transcript.TranscriptRepository;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/**
 * The "transcribe" job: transcribes the episode whose id is the subject with whisper.cpp (its
 * downloaded file if complete, else straight from the enclosure URL), names speakers through
 * the {@link SpeakerLabeler} and stores the transcript with source {@code whisper:<model>}.
 * Run at most one at a time: whisper.cpp uses every core it is given.
 *
 * <p>Progress goes to the queue after each window ("transcribing 12:30 of 58:10, 11× real time,
 * about 4 min left"); a checkpoint under {@code checkpointDir} lets a restarted job resume. The
 * loaded model is kept for the next job (loading base.en takes a second or two) and replaced
 * when another model is wanted. Thread-safe.
 */
public final class TranscribeJob implements JobHandler, AutoCloseable {

    public static final String KIND = "transcribe";
    public static final int MAX_ATTEMPTS = 3;
    /** Source prefix of transcripts made by this job. */
    public static final String SOURCE_PREFIX = "whisper:";

    private final EpisodeRepository episodes;
    private final PodcastRepository podcasts;
    private final Ffmpeg ffmpeg;
    private final EpisodeAudio episodeAudio;
    private final ModelStore models;
    private final TranscriptRepository transcripts;
    private final SpeakerLabeler speakers;
    private final TranscribeSettings settings;
    private final Path checkpointDir;
    private final Clock clock;
    private final Object engineLock = new Object();
    private WhisperEngine engine;
    private volatile SpeechToText remote;
    private volatile String remoteLabel;

    public TranscribeJob(EpisodeRepository episodes, PodcastRepository podcasts, DownloadRepository downloads,
                         MediaStore store, Ffmpeg ffmpeg, ModelStore models, TranscriptRepository transcripts,
                         SpeakerLabeler speakers, TranscribeSettings settings, Path checkpointDir, Clock clock) {
        this.episodes = episodes;
        this.podcasts = podcasts;
        this.ffmpeg = ffmpeg;
        this.episodeAudio = new EpisodeAudio(downloads, store, ffmpeg);
        this.models = models;
        this.transcripts = transcripts;
        this.speakers = speakers;
        this.settings = settings;
        this.checkpointDir = checkpointDir;
        this.clock = clock;
    }

    /**
     * A job that sends the audio to another engine (an OpenAI-compatible endpoint) instead of
     * running whisper.cpp here; transcripts are stored with source {@code remoteLabel}.
     */
    public TranscribeJob withRemote(SpeechToText engine, String label) {
        this.remote = engine;
        this.remoteLabel = label;
        return this;
    }

    /** Queues a transcription of one episode (a no-op when one is already queued or running). */
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
        String feedLanguage = podcasts.find(episode.podcastId()).map(Podcast::language).orElse(null);
        if (remote != null) {
            return runRemote(episode, context);
        }
        String modelName = settings.modelFor(feedLanguage);
        String modelLabel = ModelStore.isName(modelName) ? modelName : String.valueOf(Path.of(modelName).getFileName());
        try {
            Path modelFile = models.resolve(modelName, (bytes, total) -> context.progress(-1,
                    String.format(Locale.ROOT, "fetching the %s model: %d%s MB", modelLabel, bytes >> 20,
                            total > 0 ? " of " + (total >> 20) : "")));
            AudioSource source = episodeAudio.source(episode);
            double duration = episodeAudio.duration(source, episode);
            context.progress(0, "transcribing with " + modelLabel);
            long started = System.nanoTime();
            Transcript transcript = engine(modelFile).transcribe(source, duration,
                    TranscribeSettings.whisperLanguage(modelName, feedLanguage),
                    CheckpointFile.forEpisode(checkpointDir, episodeId, modelLabel),
                    report -> context.progress(report.fraction(), report.message()));
            transcript = speakers.label(episode, source, transcript);
            transcripts.save(new StoredTranscript(episodeId, SOURCE_PREFIX + modelLabel, null,
                    TranscribeSettings.whisperLanguage(modelName, feedLanguage), transcript, clock.instant()));
            double seconds = (System.nanoTime() - started) / 1e9;
            double audio = transcript.duration();
            return String.format(Locale.ROOT, "%d segments with %s in %s%s", transcript.segments().size(), modelLabel,
                    ProgressReport.clock(seconds), seconds > 0 && audio > 0
                            ? String.format(Locale.ROOT, " (%.1f× real time)", audio / seconds) : "");
        } catch (MediaException e) {
            if (e.retryable()) {
                throw JobFailure.transientFailure(e.getMessage(), e);
            }
            throw JobFailure.permanent(e.getMessage());
        } catch (ModelException e) {
            if (e.retryable()) {
                throw JobFailure.transientFailure(e.getMessage(), e);
            }
            throw JobFailure.permanent(e.getMessage());
        } catch (TranscriptionException e) {
            throw JobFailure.permanent(e.getMessage());
        }
    }

    private String runRemote(Episode episode, JobContext context) throws JobFailure, InterruptedException {
        try {
            AudioSource source = episodeAudio.source(episode);
            context.progress(0, "sending the audio to " + remoteLabel);
            long started = System.nanoTime();
            Transcript transcript = remote.transcribe(source, report -> context.progress(report.fraction(),
                    "transcribing with " + remoteLabel));
            transcript = speakers.label(episode, source, transcript);
            transcripts.save(new StoredTranscript(episode.id(), remoteLabel, null, null, transcript, clock.instant()));
            return String.format(Locale.ROOT, "%d segments with %s in %s", transcript.segments().size(), remoteLabel,
                    ProgressReport.clock((System.nanoTime() - started) / 1e9));
        } catch (MediaException e) {
            throw e.retryable() ? JobFailure.transientFailure(e.getMessage(), e) : JobFailure.permanent(e.getMessage());
        } catch (TranscriptionException e) {
            throw e.retryable() ? JobFailure.transientFailure(e.getMessage(), e) : JobFailure.permanent(e.getMessage());
        }
    }

    /** The engine for this model file, keeping the loaded one when it is the same. */
    private WhisperEngine engine(Path modelFile) {
        synchronized (engineLock) {
            if (engine == null || !engine.model().equals(modelFile)) {
                if (engine != null) {
                    engine.close();
                }
                engine = new WhisperEngine(ffmpeg, modelFile,
                        new WhisperEngine.Settings(settings.threads(), settings.windowSeconds(), null));
            }
            return engine;
        }
    }

    /** Frees the loaded model (a few hundred MB of native memory). Call when no job is running. */
    @Override
    public void close() {
        synchronized (engineLock) {
            if (engine != null) {
                engine.close();
                engine = null;
            }
        }
    }

}
