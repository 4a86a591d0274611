package dev.hark.jobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Runs queued jobs on virtual threads, at most {@code limits.get(kind)} of each kind at once.
 * Several runners (in several processes) may work the same queue. Thread-safe.
 *
 * <p>Failures are retried with {@link Backoff} until a job's attempts run out. A running job's
 * lease is renewed while it runs; if this process dies, another runner takes the job over once
 * the lease expires. {@link #stop()} interrupts running jobs and puts them back in the queue.
 */
public final class JobRunner implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final JobQueue queue;
    private final Map<String, JobHandler> handlers;
    private final Map<String, Semaphore> permits = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Backoff backoff;
    private final Duration lease;
    private final Duration pollInterval;
    private final Map<Long, Thread> running = new ConcurrentHashMap<>();
    private final Object wakeUp = new Object();
    private volatile boolean stopping;
    private Thread loop;
    private Thread leaseKeeper;

    /**
     * @param limits the most jobs of each kind to run at once; kinds without a handler are left alone
     */
    public JobRunner(JobQueue queue, Map<String, JobHandler> handlers, Map<String, Integer> limits, Clock clock,
                     Backoff backoff, Duration lease, Duration pollInterval) {
        this.queue = queue;
        this.handlers = Map.copyOf(handlers);
        this.clock = clock;
        this.backoff = backoff;
        this.lease = lease;
        this.pollInterval = pollInterval;
        for (String kind : handlers.keySet()) {
            permits.put(kind, new Semaphore(Math.max(1, limits.getOrDefault(kind, 1))));
        }
    }

    public JobRunner(JobQueue queue, Map<String, JobHandler> handlers, Map<String, Integer> limits) {
        this(queue, handlers, limits, Clock.systemUTC(), Backoff.DEFAULT, Duration.ofSeconds(60), Duration.ofMillis(200));
    }

    /** The kinds this runner can work. */
    public Set<String> kinds() {
        return handlers.keySet();
    }

    /** Starts claiming and running jobs in the background. Idempotent. */
    public synchronized JobRunner start() {
        if (loop == null) {
            stopping = false;
            loop = Thread.ofVirtual().name("jobs-claim").start(this::claimLoop);
            leaseKeeper = Thread.ofVirtual().name("jobs-lease").start(this::leaseLoop);
        }
        return this;
    }

    /** Tells the runner new work is queued, so it need not wait for the next poll. */
    public void wake() {
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
    }

    /**
     * Blocks until none of the given jobs is queued or running, reporting their state to
     * {@code listener} a few times a second.
     */
    public List<Job> await(Collection<Long> ids, Consumer<List<Job>> listener) throws InterruptedException {
        start();
        while (true) {
            List<Job> jobs = queue.findAll(ids);
            listener.accept(jobs);
            if (jobs.stream().noneMatch(job -> job.state().live())) {
                return jobs;
            }
            Thread.sleep(Math.min(pollInterval.toMillis(), 200));
        }
    }

    /**
     * Blocks until the queue holds no live job of a kind this runner works, reporting the
     * live jobs to {@code listener} as it goes.
     */
    public void drain(Consumer<List<Job>> listener) throws InterruptedException {
        start();
        while (true) {
            List<Job> live = queue.live().stream().filter(job -> handlers.containsKey(job.kind())).toList();
            listener.accept(live);
            if (live.isEmpty()) {
                return;
            }
            Thread.sleep(Math.min(pollInterval.toMillis(), 200));
        }
    }

    /** Stops claiming, interrupts running jobs and puts them back in the queue. */
    public synchronized void stop() {
        if (loop == null) {
            return;
        }
        stopping = true;
        loop.interrupt();
        leaseKeeper.interrupt();
        running.values().forEach(Thread::interrupt);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!running.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        loop = null;
        leaseKeeper = null;
    }

    @Override
    public void close() {
        stop();
    }

    private void claimLoop() {
        while (!stopping) {
            try {
                if (!claimOne()) {
                    synchronized (wakeUp) {
                        wakeUp.wait(pollInterval.toMillis());
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("Could not claim a job: {}", e.getMessage());
                log.debug("Claim failure", e);
                sleepQuietly(pollInterval);
            }
        }
    }

    /** @return whether a job was started */
    private boolean claimOne() {
        Set<String> free = new HashSet<>();
        permits.forEach((kind, semaphore) -> {
            if (semaphore.availablePermits() > 0) {
                free.add(kind);
            }
        });
        if (free.isEmpty()) {
            return false;
        }
        Job job = queue.claim(free, clock.instant(), lease).orElse(null);
        if (job == null) {
            return false;
        }
        Semaphore semaphore = permits.get(job.kind());
        semaphore.acquireUninterruptibly();
        Thread thread = Thread.ofVirtual().name("job-" + job.kind() + "-" + job.id()).unstarted(() -> {
            try {
                execute(job);
            } finally {
                running.remove(job.id());
                semaphore.release();
                wake();
            }
        });
        running.put(job.id(), thread);
        thread.start();
        return true;
    }

    private void execute(Job job) {
        JobHandler handler = handlers.get(job.kind());
        ThrottledProgress progress = new ThrottledProgress(queue, job.id(), clock);
        try {
            String result = handler.run(job, progress);
            progress.flush();
            queue.complete(job.id(), result, clock.instant());
        } catch (InterruptedException e) {
            interrupted(job);
        } catch (JobFailure failure) {
            if (Thread.currentThread().isInterrupted()) {
                interrupted(job);
            } else if (failure.retryable()) {
                retryOrFail(job, failure.getMessage());
            } else {
                queue.fail(job.id(), failure.getMessage(), clock.instant());
            }
        } catch (Exception | LinkageError | AssertionError e) {
            if (Thread.currentThread().isInterrupted()) {
                interrupted(job);
                return;
            }
            log.warn("Job {} {} failed: {}", job.kind(), job.subject(), e.toString());
            log.debug("Job failure", e);
            retryOrFail(job, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private void interrupted(Job job) {
        // cancelled by a user (the row says so already) or stopping: then it runs again later
        if (stopping) {
            queue.release(job.id());
        }
    }

    private void retryOrFail(Job job, String message) {
        if (job.attempts() < job.maxAttempts()) {
            Instant next = clock.instant().plus(backoff.delay(job.attempts()));
            queue.retry(job.id(), message, next);
        } else {
            queue.fail(job.id(), message, clock.instant());
        }
    }

    private void leaseLoop() {
        Duration every = lease.dividedBy(3);
        while (!stopping) {
            if (!sleepQuietly(every)) {
                return;
            }
            try {
                Set<Long> lost = queue.renew(Set.copyOf(running.keySet()), clock.instant().plus(lease));
                for (long id : lost) {
                    Thread thread = running.get(id);
                    if (thread != null) {
                        thread.interrupt();
                    }
                }
            } catch (RuntimeException e) {
                log.warn("Could not renew job leases: {}", e.getMessage());
            }
        }
    }

    private static boolean sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** Writes progress at most every 250 ms, and always the last value on flush. */
    private static final class ThrottledProgress implements JobContext {
        private final JobQueue queue;
        private final long id;
        private final Clock clock;
        private long lastWrite;
        private Double pendingFraction;
        private String pendingMessage;
        private boolean dirty;

        ThrottledProgress(JobQueue queue, long id, Clock clock) {
            this.queue = queue;
            this.id = id;
            this.clock = clock;
        }

        @Override
        public synchronized void progress(double fraction, String message) {
            pendingFraction = fraction < 0 ? null : Math.min(1.0, fraction);
            pendingMessage = message;
            dirty = true;
            long now = clock.millis();
            if (now - lastWrite >= 250) {
                flush();
            }
        }

        synchronized void flush() {
            if (dirty) {
                queue.progress(id, pendingFraction, pendingMessage);
                lastWrite = clock.millis();
                dirty = false;
            }
        }
    }
}
