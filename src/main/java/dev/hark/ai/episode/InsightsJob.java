package dev.hark.ai.episode;

import dev.hark.jobs.Job;
import dev.hark.jobs.JobContext;
import dev.hark.jobs.JobFailure;
import dev.hark.jobs.JobHandler;
import dev.hark.jobs.JobQueue;

import java.time.Instant;

/**
 * Job {@value #KIND}: makes an episode's summary, chapters and mentions from its transcript.
 * Subject: the episode id. Queued when a transcript is saved and when an episode page finds
 * none made yet. Thread-safe.
 */
public final class InsightsJob implements JobHandler {

    public static final String KIND = "insights";
    public static final int MAX_ATTEMPTS = 2;

    private final EpisodeInsights insights;

    public InsightsJob(EpisodeInsights insights) {
        this.insights = insights;
    }

    /** Queues the job for an episode (once: a live job for it is reused); the job id. */
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
        if (!insights.generate(episodeId, context::progress)) {
            throw JobFailure.permanent("Episode " + episodeId + " has no transcript yet.");
        }
        return "Summary, chapters and mentions are ready";
    }
}
