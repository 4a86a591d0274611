package dev.hark.media;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;

/**
 * Closes a stream when no byte has come for too long or a deadline passes. The JDK's HTTP
 * client only times out until the headers; a body that stalls would block its reader for good.
 * Closing the body stream wakes the reader with an IOException; {@link #tripped()} then says why.
 * Thread-safe.
 */
final class StallGuard implements AutoCloseable {

    /** Why the stream was closed. */
    enum Trip { IDLE, DEADLINE }

    private final Closeable target;
    private final long idleNanos;
    private final long deadline;
    private final Thread watcher;
    private volatile long lastActivity = System.nanoTime();
    private volatile Trip tripped;

    private StallGuard(Closeable target, Duration idle, Duration total) {
        this.target = target;
        this.idleNanos = idle.toNanos();
        this.deadline = System.nanoTime() + total.toNanos();
        long tick = Math.max(10, Math.min(1000, idle.toMillis() / 4));
        this.watcher = Thread.ofVirtual().name("stall-guard").start(() -> watch(tick));
    }

    static StallGuard watch(Closeable target, Duration idle, Duration total) {
        return new StallGuard(target, idle, total);
    }

    /** Bytes arrived. */
    void activity() {
        lastActivity = System.nanoTime();
    }

    /** Why the stream was closed, or null if it was not. */
    Trip tripped() {
        return tripped;
    }

    @Override
    public void close() {
        watcher.interrupt();
    }

    private void watch(long tickMillis) {
        try {
            while (true) {
                Thread.sleep(tickMillis);
                long now = System.nanoTime();
                Trip trip = now - deadline > 0 ? Trip.DEADLINE : now - lastActivity > idleNanos ? Trip.IDLE : null;
                if (trip != null) {
                    tripped = trip;
                    try {
                        target.close();
                    } catch (IOException e) {
                        // closing is all we wanted; the reader sees the failure
                    }
                    return;
                }
            }
        } catch (InterruptedException e) {
            // the transfer ended
        }
    }
}
