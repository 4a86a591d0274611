package dev.hark.directory.internal;

import java.io.IOException;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a body into a byte array but gives up, and drops the connection, once it grows past a
 * limit: a directory answer is a few hundred kilobytes, and a misbehaving server must not be able
 * to fill the heap. Used by one response only, on the client's threads, one signal at a time.
 */
final class CappedBody implements BodySubscriber<byte[]> {

    /** Why a body was abandoned. */
    static final class TooLargeException extends IOException {

        TooLargeException(long limit) {
            super("body larger than " + limit + " bytes", null);
        }
    }

    private final BodySubscriber<byte[]> collector = BodySubscribers.ofByteArray();
    private final long limit;
    private Flow.Subscription subscription;
    private long received;
    private boolean abandoned;

    CappedBody(long limit) {
        this.limit = limit;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return collector.getBody();
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        collector.onSubscribe(subscription);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (abandoned) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            received += buffer.remaining();
        }
        if (received > limit) {
            abandoned = true;
            subscription.cancel();
            collector.onError(new TooLargeException(limit));
            return;
        }
        collector.onNext(buffers);
    }

    @Override
    public void onError(Throwable failure) {
        if (!abandoned) {
            collector.onError(failure);
        }
    }

    @Override
    public void onComplete() {
        if (!abandoned) {
            collector.onComplete();
        }
    }
}
