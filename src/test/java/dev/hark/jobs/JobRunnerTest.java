package dev.hark.jobs;

import dev.hark.library.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class JobRunnerTest {

    private static final Backoff FAST = new Backoff(Duration.ofMillis(10), Duration.ofMillis(40));

    @TempDir
    Path data;

    private JobQueue queue;
    private final List<JobRunner> runners = new ArrayList<>();
    private final List<Database> databases = new ArrayList<>();

    @BeforeEach
    void open() {
        queue = openQueue();
    }

    private JobQueue openQueue() {
        Database database = Database.open(data);
        databases.add(database);
        return new JobQueue(database.jdbi());
    }

    @AfterEach
    void stopRunners() {
        runners.forEach(JobRunner::stop);
        databases.forEach(Database::close);
    }

    private JobRunner runner(Map<String, JobHandler> handlers, Map<String, Integer> limits) {
        JobRunner runner = new JobRunner(queue, handlers, limits, Clock.systemUTC(), FAST, Duration.ofSeconds(3),
                Duration.ofMillis(20));
        runners.add(runner);
        return runner;
    }

    private long enqueue(String kind, String subject, int attempts) {
        return queue.enqueue(kind, subject, attempts, Instant.now());
    }

    private Job awaitFinished(JobRunner runner, long id) throws InterruptedException {
        return runner.await(List.of(id), jobs -> { }).getFirst();
    }

    @Test
    void a_job_runs_and_its_result_is_stored() throws Exception {
        JobRunner runner = runner(Map.of("echo", (job, ctx) -> "did " + job.subject()), Map.of());
        long id = enqueue("echo", "x", 3);

        Job done = awaitFinished(runner, id);

        assertThat(done.state()).isEqualTo(Job.State.DONE);
        assertThat(done.result()).isEqualTo("did x");
        assertThat(done.attempts()).isEqualTo(1);
        assertThat(done.progress()).isEqualTo(1.0);
    }

    @Test
    void enqueueing_the_same_live_work_twice_gives_the_same_job() {
        long first = enqueue("echo", "same", 1);
        long second = enqueue("echo", "same", 1);
        assertThat(second).isEqualTo(first);
        assertThat(queue.live()).hasSize(1);
    }

    @Test
    void progress_is_visible_in_the_queue_while_the_job_runs() throws Exception {
        CountDownLatch reported = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        JobRunner runner = runner(Map.of("slow", (job, ctx) -> {
            ctx.progress(0.4, "decoding");
            reported.countDown();
            release.await();
            return "ok";
        }), Map.of()).start();
        long id = enqueue("slow", "1", 1);

        assertThat(reported.await(5, TimeUnit.SECONDS)).isTrue();
        Job running = queue.find(id).orElseThrow();
        release.countDown();

        assertThat(running.state()).isEqualTo(Job.State.RUNNING);
        assertThat(running.progress()).isEqualTo(0.4);
        assertThat(running.message()).isEqualTo("decoding");
        assertThat(awaitFinished(runner, id).state()).isEqualTo(Job.State.DONE);
    }

    @Test
    void a_failing_job_is_retried_with_backoff_until_it_succeeds() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<Long> startTimes = new ArrayList<>();
        JobRunner runner = runner(Map.of("flaky", (job, ctx) -> {
            synchronized (startTimes) {
                startTimes.add(System.nanoTime());
            }
            if (calls.incrementAndGet() < 3) {
                throw new java.io.IOException("connection reset");
            }
            return "third time lucky";
        }), Map.of());
        long id = enqueue("flaky", "1", 5);

        Job done = awaitFinished(runner, id);

        assertThat(done.state()).isEqualTo(Job.State.DONE);
        assertThat(done.attempts()).isEqualTo(3);
        assertThat(done.error()).isEqualTo("connection reset");
        // the second retry waited at least twice the base delay
        assertThat(startTimes.get(2) - startTimes.get(1)).isGreaterThanOrEqualTo(Duration.ofMillis(20).toNanos());
    }

    @Test
    void a_job_that_keeps_failing_fails_after_its_attempts() throws Exception {
        JobRunner runner = runner(Map.of("broken", (job, ctx) -> {
            throw new IllegalStateException("always broken");
        }), Map.of());
        long id = enqueue("broken", "1", 3);

        Job failed = awaitFinished(runner, id);

        assertThat(failed.state()).isEqualTo(Job.State.FAILED);
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.error()).isEqualTo("always broken");
    }

    @Test
    void a_permanent_failure_is_not_retried() throws Exception {
        JobRunner runner = runner(Map.of("bad", (job, ctx) -> {
            throw JobFailure.permanent("no such podcast");
        }), Map.of());
        long id = enqueue("bad", "1", 5);

        Job failed = awaitFinished(runner, id);

        assertThat(failed.state()).isEqualTo(Job.State.FAILED);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.error()).isEqualTo("no such podcast");
    }

    @Test
    void each_kind_runs_at_most_its_limit_at_once() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        AtomicInteger otherKindPeak = new AtomicInteger();
        JobHandler slow = (job, ctx) -> {
            peak.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.sleep(30);
            running.decrementAndGet();
            return "ok";
        };
        AtomicInteger otherRunning = new AtomicInteger();
        JobHandler other = (job, ctx) -> {
            otherKindPeak.accumulateAndGet(otherRunning.incrementAndGet(), Math::max);
            Thread.sleep(30);
            otherRunning.decrementAndGet();
            return "ok";
        };
        JobRunner runner = runner(Map.of("fetch", slow, "transcribe", other), Map.of("fetch", 3, "transcribe", 1));
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(enqueue("fetch", "f" + i, 1));
            ids.add(enqueue("transcribe", "t" + i, 1));
        }

        List<Job> jobs = runner.await(ids, j -> { });

        assertThat(jobs).allMatch(job -> job.state() == Job.State.DONE);
        assertThat(peak.get()).isEqualTo(3);
        assertThat(otherKindPeak.get()).isEqualTo(1);
    }

    @Test
    void queued_jobs_survive_a_restart() throws Exception {
        long id = enqueue("echo", "persisted", 1);

        queue = openQueue();
        JobRunner runner = runner(Map.of("echo", (job, ctx) -> "ran after restart"), Map.of());

        assertThat(awaitFinished(runner, id).result()).isEqualTo("ran after restart");
    }

    @Test
    void a_job_whose_process_died_is_taken_over_when_its_lease_runs_out() throws Exception {
        long id = enqueue("echo", "orphan", 3);
        // a process claims it with a short lease, then dies without finishing
        assertThat(queue.claim(Set.of("echo"), Instant.now(), Duration.ofMillis(50))).isPresent();
        Thread.sleep(80);

        JobRunner runner = runner(Map.of("echo", (job, ctx) -> "recovered"), Map.of());
        Job done = awaitFinished(runner, id);

        assertThat(done.result()).isEqualTo("recovered");
        assertThat(done.attempts()).isEqualTo(2);
    }

    @Test
    void cancelling_a_running_job_interrupts_it() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        JobRunner runner = new JobRunner(queue, Map.of("long", (job, ctx) -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            return "finished";
        }), Map.of(), Clock.systemUTC(), FAST, Duration.ofMillis(300), Duration.ofMillis(20));
        runners.add(runner);
        runner.start();
        long id = enqueue("long", "1", 1);
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        assertThat(queue.cancel(id, Instant.now())).isTrue();

        assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(queue.find(id).orElseThrow().state()).isEqualTo(Job.State.CANCELLED);
    }

    @Test
    void stopping_the_runner_puts_running_jobs_back_in_the_queue() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        JobRunner runner = runner(Map.of("long", (job, ctx) -> {
            started.countDown();
            Thread.sleep(60_000);
            return "finished";
        }), Map.of()).start();
        long id = enqueue("long", "1", 1);
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        runner.stop();

        Job job = queue.find(id).orElseThrow();
        assertThat(job.state()).isEqualTo(Job.State.QUEUED);
        assertThat(job.attempts()).isZero();
    }

    @Test
    void drain_returns_once_no_work_is_left() throws Exception {
        JobRunner runner = runner(Map.of("echo", (job, ctx) -> "ok"), Map.of("echo", 2));
        for (int i = 0; i < 5; i++) {
            enqueue("echo", "s" + i, 1);
        }
        // a kind with no handler here is left for another runner and does not block the drain
        enqueue("elsewhere", "1", 1);

        runner.drain(live -> { });

        assertThat(queue.live()).extracting(Job::kind).containsExactly("elsewhere");
    }
}
