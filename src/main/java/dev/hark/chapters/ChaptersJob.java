package dev.hark.chapters;

import dev.hark.feed.FeedFetcher;
import dev.hark.feed.FetchResult;
import dev.hark.jobs.Job;
import dev.hark.jobs.JobContext;
import dev.hark.jobs.JobFailure;
import dev.hark.jobs.JobHandler;
import dev.hark.jobs.JobQueue;
import dev.hark.library.Episode;
import dev.hark.library.EpisodeRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The "chapters" job: finds the chapters of the episode whose id is the job's subject and stores
 * them. An episode with a chapters URL gets the publisher's file; failing that, or without one,
 * a timestamp list in its show notes. Network trouble is retried; a file that is missing or
 * unreadable fails the job for good, with a plain message, and is remembered so that it is not
 * fetched again until the feed gives another URL. Thread-safe.
 */
public final class ChaptersJob implements JobHandler {

    public static final String KIND = "chapters";
    /** Attempts per job: a server that is down now may be up in a minute. */
    public static final int MAX_ATTEMPTS = 4;
    /** Real chapters files are a few kilobytes; anything this big is not one. */
    static final int MAX_FILE_BYTES = 5 * 1024 * 1024;

    private final EpisodeRepository episodes;
    private final ChapterRepository chapters;
    private final FeedFetcher fetcher;
    private final Clock clock;

    public ChaptersJob(EpisodeRepository episodes, ChapterRepository chapters, FeedFetcher fetcher, Clock clock) {
        this.episodes = episodes;
        this.chapters = chapters;
        this.fetcher = fetcher;
        this.clock = clock;
    }

    /**
     * Queues a chapters job for each episode that may have chapters (a chapters URL, or a
     * timestamp list in its notes) and has none stored yet, or whose chapters URL changed since.
     * Cheap for episodes already looked at: one query for the lot.
     *
     * @return the ids of the queued jobs
     */
    public static List<Long> enqueueFor(JobQueue queue, ChapterRepository chapters, List<Episode> episodes, Instant now) {
        Map<Long, ChapterRepository.Status> stored = chapters.statuses(episodes.stream().map(Episode::id).toList());
        List<Long> jobs = new ArrayList<>();
        for (Episode episode : episodes) {
            if (wanted(episode, Optional.ofNullable(stored.get(episode.id())))) {
                jobs.add(queue.enqueue(KIND, Long.toString(episode.id()), MAX_ATTEMPTS, now));
            }
        }
        return jobs;
    }

    /** Whether an episode needs a chapters job, given what is stored for it. Pure. */
    static boolean wanted(Episode episode, Optional<ChapterRepository.Status> stored) {
        if (stored.isPresent()) {
            return !Objects.equals(stored.get().url(), episode.chaptersUrl());
        }
        return episode.chaptersUrl() != null || ShowNoteChapters.of(episode).isPresent();
    }

    @Override
    public String run(Job job, JobContext context) throws InterruptedException, JobFailure {
        long episodeId;
        try {
            episodeId = Long.parseLong(job.subject());
        } catch (NumberFormatException e) {
            throw JobFailure.permanent("Not an episode id: " + job.subject());
        }
        Episode episode = episodes.find(episodeId)
                .orElseThrow(() -> JobFailure.permanent("No episode with id " + episodeId + "."));
        if (episode.chaptersUrl() != null) {
            context.progress(-1, "fetching chapters");
            return fromFile(episode);
        }
        Optional<Chapters> notes = ShowNoteChapters.of(episode);
        if (notes.isEmpty()) {
            return "no chapters";
        }
        return describe(store(episode.id(), notes.get(), null, null));
    }

    private String fromFile(Episode episode) throws InterruptedException, JobFailure {
        String url = episode.chaptersUrl();
        FetchResult result = fetcher.fetch(url, null, null);
        return switch (result) {
            case FetchResult.Fetched fetched -> read(episode, fetched);
            case FetchResult.Failed failed when ChapterFetchErrors.retryable(failed) -> {
                // keep what the notes offer meanwhile; the null URL has the file read next time
                Optional<Chapters> notes = ShowNoteChapters.of(episode);
                if (notes.isPresent() && chapters.find(episode.id()).isEmpty()) {
                    chapters.save(episode.id(), notes.get(), null, null, clock.instant());
                }
                throw JobFailure.transientFailure(ChapterFetchErrors.message(url, failed), null);
            }
            case FetchResult.Failed failed -> unusable(episode, ChapterFetchErrors.message(url, failed));
            case FetchResult.Gone gone -> unusable(episode, "The chapters file " + url + " is gone (410).");
            case FetchResult.NotModified notModified -> throw JobFailure.transientFailure(
                    "The server of " + url + " answered \"not modified\" to a plain request.", null);
        };
    }

    private String read(Episode episode, FetchResult.Fetched fetched) throws JobFailure {
        String url = episode.chaptersUrl();
        if (fetched.body().length > MAX_FILE_BYTES) {
            return unusable(episode, "The chapters file " + url + " is too large to be a chapters file.");
        }
        Chapters fromFile;
        try {
            // relative images are relative to where the file really is, after any redirect
            fromFile = ChapterJsonReader.read(fetched.body(), fetched.finalUrl());
        } catch (ChaptersException e) {
            return unusable(episode, "Could not read the chapters file " + url + ": "
                    + ChapterFetchErrors.lowerFirst(e.getMessage()));
        }
        Optional<Chapters> notes = ShowNoteChapters.of(episode);
        if (fromFile.isEmpty() && notes.isPresent()) {
            return describe(store(episode.id(), notes.get(), url, "The chapters file lists no chapters."));
        }
        Chapters kept = store(episode.id(), fromFile, url, null);
        return kept.isEmpty() ? "no chapters" : describe(kept);
    }

    /**
     * The file cannot be used: the show notes' chapters or those from the media file if any,
     * else a permanent failure.
     */
    private String unusable(Episode episode, String reason) throws JobFailure {
        Chapters kept = choose(episode.id(), ShowNoteChapters.of(episode)
                .orElseGet(() -> new Chapters(List.of(), Chapters.SHOW_NOTES)));
        if (!kept.isEmpty()) {
            chapters.save(episode.id(), kept, episode.chaptersUrl(), reason, clock.instant());
            String why = ChapterFetchErrors.lowerFirst(reason);
            return describe(kept) + "; " + (why.endsWith(".") ? why.substring(0, why.length() - 1) : why);
        }
        chapters.saveUnavailable(episode.id(), episode.chaptersUrl(), reason, clock.instant());
        throw JobFailure.permanent(reason);
    }

    /** Saves the better of what was found and any ID3 chapters stored from the media file. */
    private Chapters store(long episodeId, Chapters found, String url, String fileError) {
        Chapters kept = choose(episodeId, found);
        chapters.save(episodeId, kept, url, fileError, clock.instant());
        return kept;
    }

    /**
     * This job owns the feed's sources (file and notes) and replaces its own older readings of
     * them outright; only chapters read from the downloaded media file are weighed against what
     * it found, so that they are not lost to a weaker source.
     */
    private Chapters choose(long episodeId, Chapters found) {
        Optional<Chapters> fromMedia = chapters.find(episodeId).filter(stored -> stored.source().equals(Chapters.ID3));
        return ChapterChoice.better(fromMedia, found);
    }

    private static String describe(Chapters found) {
        int count = found.list().size();
        String from = switch (found.source()) {
            case Chapters.SHOW_NOTES -> "the show notes";
            case Chapters.ID3 -> "the media file";
            default -> "the chapters file";
        };
        return count + (count == 1 ? " chapter from " : " chapters from ") + from;
    }
}
