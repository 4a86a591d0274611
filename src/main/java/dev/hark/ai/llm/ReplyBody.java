package dev.hark.ai.llm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body read piece by piece with a limit on the pause between pieces. The JDK's
 * input-stream body cannot time out a read once the headers are in, and a stalled stream would
 * hold the caller for ever; polling a queue fed by the body's publisher can, and is
 * interruptible. One reader thread; the publisher's threads only add to the queue.
 */
final class ReplyBody implements Flow.Subscriber<List<ByteBuffer>> {

    /** No piece arrived within the idle timeout. */
    static final class Idle extends Exception {
        private static final long serialVersionUID = 1L;

        Idle() {
            super(null, null, false, false);
        }
    }

    private static final Object END = new Object();

    private final BlockingQueue<Object> items = new LinkedBlockingQueue<>();
    private volatile Flow.Subscription subscription;
    private volatile boolean cancelled;

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (cancelled) {
            subscription.cancel(); // cancelled before the body started: let the connection go
        } else {
            subscription.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        items.add(buffers);
    }

    @Override
    public void onError(Throwable error) {
        items.add(error);
    }

    @Override
    public void onComplete() {
        items.add(END);
    }

    /** The next bytes (possibly none), or null at the end of the body. */
    byte[] next(Duration idle) throws IOException, InterruptedException, Idle {
        Object item;
        try {
            item = items.poll(idle.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            cancel();
            throw e;
        }
        if (item == null) {
            cancel();
            throw new Idle();
        }
        if (item == END) {
            return null;
        }
        if (item instanceof Throwable error) {
            throw error instanceof IOException io ? io : new IOException(error);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (Object buffer : (List<?>) item) {
            ByteBuffer piece = ((ByteBuffer) buffer).duplicate();
            byte[] chunk = new byte[piece.remaining()];
            piece.get(chunk);
            bytes.writeBytes(chunk);
        }
        subscription.request(1);
        return bytes.toByteArray();
    }

    /** The body as text, at most {@code maxBytes} of it; what arrived so far if it breaks off. */
    String text(Duration idle, int maxBytes) throws InterruptedException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try {
            byte[] piece;
            while (all.size() < maxBytes && (piece = next(idle)) != null) {
                all.writeBytes(piece);
            }
        } catch (IOException | Idle e) {
            // an error body that breaks off still says what it managed to
        }
        return all.toString(StandardCharsets.UTF_8);
    }

    /** Stops the body; harmless once it has ended. */
    void cancel() {
        cancelled = true;
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
    }
}
