package dev.hark.transcript;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hark.feed.FeedFetcher;
import dev.hark.feed.FetchResult;
import dev.hark.feed.TranscriptRef;
import dev.hark.jobs.Job;
import dev.hark.jobs.JobContext;
import dev.hark.jobs.JobFailure;
import dev.hark.jobs.JobHandler;
import dev.hark.jobs.JobQueue;
import dev.hark.library.Episode;
import dev.hark.library.EpisodeRepository;
import dev.hark.library.NotFoundException;
import dev.hark.library.Podcast;
import dev.hark.library.PodcastRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The "transcript-fetch" job: fetches the publisher's transcript of the episode whose id is
 * the job's subject, reads it and stores it with source {@value StoredTranscript#PUBLISHER}.
 *
 * <p>The links come from the episode's {@code extras} (the feed's {@code <podcast:transcript>}
 * tags) and are tried best first ({@link TranscriptChooser}). A link that is broken for good
 * (404, unreadable content, bad times throughout) makes the job try the next one; when all are
 * broken the job fails permanently with "The publisher's transcript could not be read: ..." and
 * the first link's problem. A network failure, a timeout or a server error is retried by the
 * queue, so a flaky server does not make Hark settle for a worse format; only on the last
 * attempt are the other links tried instead. The server's content type is only a hint: the
 * content is sniffed ({@link TranscriptReaders}).
 *
 * <p>A publisher transcript replaces one made by an engine (the publisher's has real speaker
 * names); an episode that already has the publisher's is left alone. Thread-safe.
 */
public final class PublisherTranscriptJob implements JobHandler {

    public static final String KIND = "transcript-fetch";
    /** Attempts per job: transient failures (network, 5xx, 429) are retried with the queue's backoff. */
    public static final int MAX_ATTEMPTS = 4;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EpisodeRepository episodes;
    private final PodcastRepository podcasts;
    private final TranscriptRepository transcripts;
    private final FeedFetcher fetcher;
    private final Clock clock;

    public PublisherTranscriptJob(EpisodeRepository episodes, PodcastRepository podcasts, TranscriptRepository transcripts,
                                  FeedFetcher fetcher, Clock clock) {
        this.episodes = episodes;
        this.podcasts = podcasts;
        this.transcripts = transcripts;
        this.fetcher = fetcher;
        this.clock = clock;
    }

    /**
     * Queues a fetch for each episode that has transcript links and no transcript yet (a no-op
     * for an episode whose fetch is already queued or running).
     *
     * <p>Pass the episodes a refresh added: an episode whose publisher transcript is broken
     * has none afterwards, so passing it again queues (and fails) the fetch again.
     *
     * @return how many episodes were queued
     */
    public static int enqueueFor(JobQueue queue, List<Episode> episodes) {
        return enqueueFor(queue, episodes, Instant.now());
    }

    /** As {@link #enqueueFor(JobQueue, List)}, at a given time. */
    public static int enqueueFor(JobQueue queue, List<Episode> episodes, Instant now) {
        int queued = 0;
        for (Episode episode : episodes) {
            if (episode.transcriptSource() == null && !links(episode).isEmpty()) {
                queue.enqueue(KIND, Long.toString(episode.id()), MAX_ATTEMPTS, now);
                queued++;
            }
        }
        return queued;
    }

    /** The episode's {@code <podcast:transcript>} links, as stored in its extras; empty when it has none. */
    public static List<TranscriptRef> links(Episode episode) {
        if (episode.extrasJson() == null || episode.extrasJson().isBlank()) {
            return List.of();
        }
        JsonNode transcripts;
        try {
            transcripts = JSON.readTree(episode.extrasJson()).path("transcripts");
        } catch (JsonProcessingException e) {
            return List.of(); // FeedSync wrote it; damaged extras mean no usable links
        }
        List<TranscriptRef> links = new ArrayList<>();
        for (JsonNode link : transcripts) {
            links.add(new TranscriptRef(text(link, "url"), text(link, "type"), text(link, "language"), text(link, "rel")));
        }
        return links;
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
                .orElseThrow(() -> JobFailure.permanent("No episode with id " + episodeId));
        if (transcripts.source(episodeId).filter(StoredTranscript.PUBLISHER::equals).isPresent()) {
            return "Already has the publisher's transcript";
        }
        String feedLanguage = podcasts.find(episode.podcastId()).map(Podcast::language).orElse(null);
        List<TranscriptRef> ranked = TranscriptChooser.rank(links(episode), feedLanguage);
        if (ranked.isEmpty()) {
            throw JobFailure.permanent("This episode has no publisher transcript");
        }
        boolean lastAttempt = job.attempts() >= job.maxAttempts();
        String firstProblem = null;
        JobFailure firstTransient = null;
        for (int i = 0; i < ranked.size(); i++) {
            TranscriptRef link = ranked.get(i);
            context.progress(-1, "fetching the publisher's transcript" + (ranked.size() > 1 ? " (" + (i + 1) + " of " + ranked.size() + ")" : ""));
            Attempt attempt = fetchAndRead(link);
            switch (attempt) {
                case Attempt.Read read -> {
                    String language = link.language() != null ? link.language() : feedLanguage;
                    try {
                        transcripts.save(new StoredTranscript(episodeId, StoredTranscript.PUBLISHER, read.result().format(),
                                language, read.result().transcript(), clock.instant()));
                    } catch (NotFoundException e) {
                        throw JobFailure.permanent(e.getMessage()); // removed while we fetched
                    }
                    return summary(read.result(), language);
                }
                case Attempt.Broken broken -> {
                    if (firstProblem == null) {
                        firstProblem = broken.problem();
                    }
                }
                case Attempt.Unreachable unreachable -> {
                    JobFailure failure = JobFailure.transientFailure(
                            "The publisher's transcript could not be fetched: " + unreachable.problem(), null);
                    if (!lastAttempt) {
                        throw failure; // retry later rather than settle for a worse link
                    }
                    if (firstTransient == null) {
                        firstTransient = failure;
                    }
                }
            }
        }
        if (firstProblem == null) {
            throw firstTransient;
        }
        throw JobFailure.permanent("The publisher's transcript could not be read: " + firstProblem
                + (ranked.size() > 1 ? " (" + ranked.size() + " links tried)" : ""));
    }

    /** What became of one link. */
    private sealed interface Attempt {
        record Read(ReadResult result) implements Attempt {
        }

        /** Broken for good: retrying will not help. */
        record Broken(String problem) implements Attempt {
        }

        /** The network or the server failed: worth retrying. */
        record Unreachable(String problem) implements Attempt {
        }
    }

    private Attempt fetchAndRead(TranscriptRef link) throws InterruptedException {
        FetchResult result = fetcher.fetch(link.url(), null, null);
        return switch (result) {
            case FetchResult.Fetched fetched -> {
                String content = TranscriptReaders.decode(fetched.body(), fetched.contentType());
                // the feed's type attribute or the URL's extension break ties; the content decides
                String hint = TranscriptChooser.format(link).map(TranscriptFormat::mimeType).orElse(fetched.contentType());
                try {
                    yield new Attempt.Read(TranscriptReaders.readWithReport(content, hint));
                } catch (TranscriptException e) {
                    yield new Attempt.Broken(lowerFirst(e.getMessage()));
                }
            }
            case FetchResult.Failed failed -> failure(failed);
            case FetchResult.Gone gone -> new Attempt.Broken("the publisher removed it (410 Gone)");
            case FetchResult.NotModified notModified -> new Attempt.Unreachable("the server answered 304 to a plain request");
        };
    }

    private static Attempt failure(FetchResult.Failed failed) {
        String detail = failed.detail() == null || failed.detail().isBlank() ? "" : " (" + failed.detail() + ")";
        return switch (failed.error()) {
            case NOT_FOUND -> new Attempt.Broken("its address answers 404 Not Found");
            case HTTP_ERROR -> isRetryableStatus(failed.detail())
                    ? new Attempt.Unreachable("the server is busy" + detail)
                    : new Attempt.Broken("the server refused the request" + detail);
            case BAD_URL -> new Attempt.Broken("its address is not a valid http(s) URL" + detail);
            case TOO_LARGE -> new Attempt.Broken("it is larger than the size limit" + detail);
            case NOT_A_FEED -> new Attempt.Broken("its address serves a whole web page, which Hark does not fetch" + detail);
            case TOO_MANY_REDIRECTS, REDIRECT_LOOP -> new Attempt.Broken(lowerFirst(failed.message()));
            case BAD_ENCODING -> new Attempt.Broken("the server sent a compressed body that could not be decoded");
            case CONNECTION_FAILED, TIMEOUT, SERVER_ERROR, CONNECTION_LOST -> new Attempt.Unreachable(lowerFirst(failed.message()));
        };
    }

    private static boolean isRetryableStatus(String detail) {
        return detail != null && (detail.contains("429") || detail.contains("408"));
    }

    private static String summary(ReadResult result, String language) {
        Transcript transcript = result.transcript();
        StringBuilder line = new StringBuilder("Publisher transcript (")
                .append(result.format().name()).append(language == null ? "" : ", " + language).append("): ")
                .append(transcript.segments().size()).append(transcript.segments().size() == 1 ? " segment, " : " segments, ")
                .append(transcript.speakers().size()).append(transcript.speakers().size() == 1 ? " speaker" : " speakers");
        if (result.skippedCount() > 0) {
            line.append(", ").append(result.skippedCount()).append(result.skippedCount() == 1 ? " bad cue" : " bad cues")
                    .append(" skipped");
        }
        if (transcript.approximate()) {
            line.append(", approximate times");
        }
        return line.toString();
    }

    private static String lowerFirst(String sentence) {
        if (sentence.length() > 1 && Character.isUpperCase(sentence.charAt(0)) && Character.isLowerCase(sentence.charAt(1))) {
            return Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1);
        }
        return sentence;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
