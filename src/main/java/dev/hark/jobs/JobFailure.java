package dev.hark.jobs;

/** A job failure with a message for the user, and whether retrying could help. */
public final class JobFailure extends Exception {

    private final boolean retryable;

    private JobFailure(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    /** Retrying will not help (bad input, missing thing). */
    public static JobFailure permanent(String message) {
        return new JobFailure(message, false, null);
    }

    /** Worth retrying later (network, busy server). */
    public static JobFailure transientFailure(String message, Throwable cause) {
        return new JobFailure(message, true, cause);
    }

    public boolean retryable() {
        return retryable;
    }
}
