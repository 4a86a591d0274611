package dev.hark.jobs;

import java.time.Instant;

/**
 * One unit of background work.
 *
 * @param kind     what to do, e.g. "refresh"; each kind has a handler and a concurrency limit
 * @param subject  what to do it to, e.g. a podcast id; one live job per kind and subject
 * @param progress fraction done, 0..1, or null when unknown
 * @param result   the handler's one-line result once done
 * @param error    the last failure's message
 */
public record Job(
        long id,
        String kind,
        String subject,
        State state,
        int attempts,
        int maxAttempts,
        Instant runAfter,
        Double progress,
        String message,
        String result,
        String error,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt) {

    public enum State {
        QUEUED, RUNNING, DONE, FAILED, CANCELLED;

        public boolean live() {
            return this == QUEUED || this == RUNNING;
        }
    }
}
