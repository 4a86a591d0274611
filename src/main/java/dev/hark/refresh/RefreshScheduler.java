package dev.hark.refresh;

import dev.hark.jobs.JobQueue;
import dev.hark.jobs.JobRunner;
import dev.hark.library.Podcast;
import dev.hark.library.PodcastRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * While the server runs, queues a refresh for every subscription whose next check is due
 * (each podcast's own schedule, see {@link RefreshPolicy}). Thread-safe.
 */
public final class RefreshScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RefreshScheduler.class);

    private final PodcastRepository podcasts;
    private final JobQueue queue;
    private final JobRunner runner;
    private final Clock clock;
    private final Duration tick;
    private Thread loop;

    public RefreshScheduler(PodcastRepository podcasts, JobQueue queue, JobRunner runner, Clock clock, Duration tick) {
        this.podcasts = podcasts;
        this.queue = queue;
        this.runner = runner;
        this.clock = clock;
        this.tick = tick;
    }

    /** Queues refreshes for the due podcasts now; returns the job ids. */
    public List<Long> enqueueDue() {
        List<Long> ids = new ArrayList<>();
        for (Podcast podcast : podcasts.dueForCheck(clock.instant())) {
            ids.add(RefreshJob.enqueue(queue, podcast.id(), clock.instant()));
        }
        if (!ids.isEmpty()) {
            runner.wake();
        }
        // finished jobs are history for 'hark jobs --recent'; a week of it is plenty
        queue.purgeFinished(clock.instant().minus(Duration.ofDays(7)));
        return ids;
    }

    public synchronized RefreshScheduler start() {
        if (loop == null) {
            loop = Thread.ofVirtual().name("refresh-scheduler").start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        enqueueDue();
                    } catch (RuntimeException e) {
                        log.warn("Could not schedule refreshes: {}", e.getMessage());
                    }
                    try {
                        Thread.sleep(tick.toMillis());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }
        return this;
    }

    @Override
    public synchronized void close() {
        if (loop != null) {
            loop.interrupt();
            loop = null;
        }
    }
}
