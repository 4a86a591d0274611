/**
 * The durable job queue (a table in the library database) and the workers that run it on
 * virtual threads, with per-kind concurrency limits, leases, retries with backoff and progress.
 * Contains no domain logic: a {@link dev.hark.jobs.JobHandler} calls into the other packages.
 */
package dev.hark.jobs;
