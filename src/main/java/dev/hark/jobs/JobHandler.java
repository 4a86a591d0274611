package dev.hark.jobs;

/** Does the work of one job kind. Implementations must be thread-safe. */
@FunctionalInterface
public interface JobHandler {

    /**
     * Runs the job. Throw {@link JobFailure#permanent} for failures a retry cannot fix; any
     * other exception is retried with backoff until the job's attempts run out. An interrupt
     * means the job was cancelled or the runner is stopping: stop promptly.
     *
     * @return a one-line result for the user (shown by {@code hark jobs})
     */
    String run(Job job, JobContext context) throws Exception;
}
