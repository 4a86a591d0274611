package dev.hark.refresh;

import dev.hark.jobs.Job;
import dev.hark.jobs.JobContext;
import dev.hark.jobs.JobFailure;
import dev.hark.jobs.JobHandler;
import dev.hark.jobs.JobQueue;

import java.time.Instant;

/**
 * The "refresh" job: refreshes the podcast whose id is the job's subject. A feed that fails
 * is not retried by the queue; its own schedule backs off instead (see {@link RefreshPolicy}).
 * Thread-safe.
 */
public final class RefreshJob implements JobHandler {

    public static final String KIND = "refresh";

    private final FeedRefresher refresher;

    public RefreshJob(FeedRefresher refresher) {
        this.refresher = refresher;
    }

    /** Queues a refresh of one podcast (a no-op when one is already queued or running). */
    public static long enqueue(JobQueue queue, long podcastId, Instant now) {
        return queue.enqueue(KIND, Long.toString(podcastId), 1, now);
    }

    @Override
    public String run(Job job, JobContext context) throws InterruptedException, JobFailure {
        long podcastId;
        try {
            podcastId = Long.parseLong(job.subject());
        } catch (NumberFormatException e) {
            throw JobFailure.permanent("Not a podcast id: " + job.subject());
        }
        context.progress(-1, "fetching");
        try {
            return refresher.refresh(podcastId).line();
        } catch (dev.hark.library.NotFoundException e) {
            throw JobFailure.permanent(e.getMessage());
        }
    }
}
