package dev.hark.ai.llm;

/**
 * A language model could not give a usable reply. The message is one plain sentence for the
 * user (never a stack trace, never the key); the cause, if any, is for the log.
 */
public final class LlmException extends Exception {

    private static final long serialVersionUID = 1L;

    public LlmException(String message) {
        super(message);
    }

    public LlmException(String message, Throwable cause) {
        super(message, cause);
    }
}
