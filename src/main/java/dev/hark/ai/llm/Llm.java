package dev.hark.ai.llm;

import java.util.List;
import java.util.function.Consumer;

/**
 * A chat language model: the port the summary, chapter titles and answers are written against.
 * Implementations are thread-safe.
 */
public interface Llm {

    /** What made a result, stored with it, e.g. {@code llm:llama3.1:8b}. */
    String name();

    /**
     * Sends the conversation and streams the reply.
     *
     * @param onToken told each piece of the reply as it arrives, in order; called on the caller's thread
     * @return the whole reply
     * @throws LlmException with one plain sentence when no usable reply came
     * @throws InterruptedException when the calling thread is interrupted; the request is abandoned
     */
    String chat(List<ChatMessage> messages, Consumer<String> onToken) throws LlmException, InterruptedException;

    /** As {@link #chat(List, Consumer)}, without listening to the pieces. */
    default String chat(List<ChatMessage> messages) throws LlmException, InterruptedException {
        return chat(messages, token -> { });
    }
}
