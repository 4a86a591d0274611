package dev.hark.jobs;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The queue table. Any number of processes may share it: claiming is one transaction, and a
 * running job whose lease ran out (its process died) is put back in the queue. Thread-safe.
 */
public final class JobQueue {

    private static final String COLUMNS = "id, kind, subject, state, attempts, max_attempts, run_after, progress, "
            + "message, result, error, created_at, started_at, finished_at";

    private final Jdbi jdbi;

    public JobQueue(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Adds a job unless the same kind and subject is already queued or running.
     *
     * @return the id of the new job, or of the live one that already does this work
     */
    public long enqueue(String kind, String subject, int maxAttempts, Instant now) {
        return jdbi.inTransaction(handle -> {
            handle.createUpdate("INSERT INTO jobs (kind, subject, state, max_attempts, run_after, created_at) "
                            + "VALUES (?, ?, 'QUEUED', ?, ?, ?) ON CONFLICT DO NOTHING")
                    .bind(0, kind).bind(1, subject).bind(2, Math.max(1, maxAttempts))
                    .bind(3, now.toEpochMilli()).bind(4, now.toEpochMilli())
                    .execute();
            return handle.createQuery("SELECT id FROM jobs WHERE kind = ? AND subject = ? AND state IN ('QUEUED', 'RUNNING')")
                    .bind(0, kind).bind(1, subject)
                    .mapTo(Long.class)
                    .one();
        });
    }

    /**
     * Takes the next due job of one of the given kinds and marks it running under a lease.
     * Expired leases are recovered first.
     */
    public Optional<Job> claim(Set<String> kinds, Instant now, Duration lease) {
        if (kinds.isEmpty()) {
            return Optional.empty();
        }
        return jdbi.inTransaction(handle -> {
            recoverExpired(handle, now);
            String placeholders = String.join(", ", java.util.Collections.nCopies(kinds.size(), "?"));
            var query = handle.createQuery("SELECT id FROM jobs WHERE state = 'QUEUED' AND run_after <= ? AND kind IN ("
                    + placeholders + ") ORDER BY run_after, id LIMIT 1").bind(0, now.toEpochMilli());
            int i = 1;
            for (String kind : kinds) {
                query.bind(i++, kind);
            }
            Optional<Long> id = query.mapTo(Long.class).findOne();
            if (id.isEmpty()) {
                return Optional.<Job>empty();
            }
            handle.createUpdate("UPDATE jobs SET state = 'RUNNING', attempts = attempts + 1, lease_until = ?, "
                            + "started_at = ?, progress = NULL, message = NULL WHERE id = ?")
                    .bind(0, now.plus(lease).toEpochMilli()).bind(1, now.toEpochMilli()).bind(2, id.get())
                    .execute();
            return find(handle, id.get());
        });
    }

    /**
     * Extends the leases of jobs this process runs.
     *
     * @return the ids among them that are no longer running here (cancelled by someone)
     */
    public Set<Long> renew(Set<Long> ids, Instant leaseUntil) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return jdbi.inTransaction(handle -> {
            java.util.Set<Long> lost = new java.util.HashSet<>();
            for (long id : ids) {
                int rows = handle.createUpdate("UPDATE jobs SET lease_until = ? WHERE id = ? AND state = 'RUNNING'")
                        .bind(0, leaseUntil.toEpochMilli()).bind(1, id).execute();
                if (rows == 0) {
                    lost.add(id);
                }
            }
            return lost;
        });
    }

    public void progress(long id, Double fraction, String message) {
        jdbi.useHandle(handle -> handle.createUpdate("UPDATE jobs SET progress = ?, message = ? WHERE id = ? AND state = 'RUNNING'")
                .bind(0, fraction).bind(1, message).bind(2, id).execute());
    }

    public void complete(long id, String result, Instant now) {
        finish(id, "DONE", result, null, now);
    }

    public void fail(long id, String error, Instant now) {
        finish(id, "FAILED", null, error, now);
    }

    /** Puts a failed attempt back in the queue to run again at {@code runAfter}. */
    public void retry(long id, String error, Instant runAfter) {
        jdbi.useHandle(handle -> handle.createUpdate("UPDATE jobs SET state = 'QUEUED', error = ?, run_after = ?, "
                        + "lease_until = NULL, progress = NULL, message = NULL WHERE id = ? AND state = 'RUNNING'")
                .bind(0, error).bind(1, runAfter.toEpochMilli()).bind(2, id).execute());
    }

    /** Puts a job this process was running back in the queue without counting the attempt (shutdown). */
    public void release(long id) {
        jdbi.useHandle(handle -> handle.createUpdate("UPDATE jobs SET state = 'QUEUED', attempts = max(0, attempts - 1), "
                        + "lease_until = NULL, progress = NULL, message = NULL WHERE id = ? AND state = 'RUNNING'")
                .bind(0, id).execute());
    }

    /** Cancels a queued or running job; a running one is interrupted by its runner. */
    public boolean cancel(long id, Instant now) {
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE jobs SET state = 'CANCELLED', finished_at = ?, "
                        + "lease_until = NULL WHERE id = ? AND state IN ('QUEUED', 'RUNNING')")
                .bind(0, now.toEpochMilli()).bind(1, id).execute()) > 0;
    }

    public Optional<Job> find(long id) {
        return jdbi.withHandle(handle -> find(handle, id));
    }

    /** Queued and running jobs, running first. */
    public List<Job> live() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM jobs "
                        + "WHERE state IN ('QUEUED', 'RUNNING') ORDER BY state = 'QUEUED', run_after, id")
                .map(JobQueue::map).list());
    }

    /** The most recently finished jobs, newest first. */
    public List<Job> recent(int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM jobs "
                        + "WHERE state NOT IN ('QUEUED', 'RUNNING') ORDER BY finished_at DESC, id DESC LIMIT ?")
                .bind(0, limit).map(JobQueue::map).list());
    }

    public List<Job> findAll(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM jobs WHERE id IN (<ids>) ORDER BY id")
                .bindList("ids", List.copyOf(ids)).map(JobQueue::map).list());
    }

    /** Deletes finished jobs older than the cut-off, so the table does not grow forever. */
    public int purgeFinished(Instant olderThan) {
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM jobs WHERE state IN ('DONE', 'FAILED', 'CANCELLED') "
                + "AND finished_at < ?").bind(0, olderThan.toEpochMilli()).execute());
    }

    private void finish(long id, String state, String result, String error, Instant now) {
        jdbi.useHandle(handle -> handle.createUpdate("UPDATE jobs SET state = ?, result = ?, error = coalesce(?, error), finished_at = ?, "
                        + "lease_until = NULL, progress = CASE WHEN ? = 'DONE' THEN 1.0 ELSE progress END "
                        + "WHERE id = ? AND state = 'RUNNING'")
                .bind(0, state).bind(1, result).bind(2, error).bind(3, now.toEpochMilli()).bind(4, state).bind(5, id)
                .execute());
    }

    private static void recoverExpired(Handle handle, Instant now) {
        handle.createUpdate("UPDATE jobs SET state = 'QUEUED', lease_until = NULL "
                        + "WHERE state = 'RUNNING' AND lease_until < ?")
                .bind(0, now.toEpochMilli()).execute();
    }

    private static Optional<Job> find(Handle handle, long id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM jobs WHERE id = ?").bind(0, id).map(JobQueue::map).findOne();
    }

    private static Job map(ResultSet rs, StatementContext ctx) throws SQLException {
        double progress = rs.getDouble("progress");
        Double boxed = rs.wasNull() ? null : progress;
        return new Job(rs.getLong("id"), rs.getString("kind"), rs.getString("subject"),
                Job.State.valueOf(rs.getString("state")), rs.getInt("attempts"), rs.getInt("max_attempts"),
                instant(rs, "run_after"), boxed, rs.getString("message"), rs.getString("result"),
                rs.getString("error"), instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "finished_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }
}
