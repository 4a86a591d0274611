package dev.hark.jobs;

/** What a running job can tell the queue. Thread-safe. */
public interface JobContext {

    /**
     * Reports progress: a fraction from 0 to 1 (or a negative number when unknown) and a short
     * message. Cheap to call often: writes are throttled.
     */
    void progress(double fraction, String message);
}
