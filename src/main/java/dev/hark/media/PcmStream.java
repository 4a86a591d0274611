package dev.hark.media;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Raw PCM from a running ffmpeg: 16 kHz, mono, signed 16-bit little-endian. Read it like any
 * stream; close it to kill the process. Not thread-safe: one reader.
 *
 * <p>Why a queue between the pipe and the reader: a read from a process pipe cannot be
 * interrupted, so a job cancelled while ffmpeg waits on a stalled server would hang. A virtual
 * thread reads the pipe into a few 64 KiB chunks; {@link #read} waits on the queue, which an
 * interrupt does end: the process is then destroyed and {@link InterruptedIOException} thrown
 * with the thread's interrupt flag set. At most {@code 8 × 64 KiB} (about 16 s of audio) is held.
 *
 * <p>At the end of the stream, a non-zero exit of ffmpeg is thrown as {@link MediaException}.
 */
public final class PcmStream extends InputStream {

    private static final Logger log = LoggerFactory.getLogger(PcmStream.class);
    private static final int CHUNK = 64 * 1024;

    private sealed interface Item permits Chunk, End {
    }

    private record Chunk(byte[] bytes) implements Item {
    }

    /** The end of output, with the failure to throw, if any. */
    private record End(MediaException failure) implements Item {
    }

    private final Process process;
    private final AudioSource source;
    private final StderrTail stderr;
    private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(8);
    private final Thread pump;
    private byte[] current;
    private int position;
    private boolean ended;
    private volatile boolean closed;
    private long bytesRead;

    private PcmStream(Process process, AudioSource source) {
        this.process = process;
        this.source = source;
        this.stderr = StderrTail.start(process.getErrorStream());
        this.pump = Thread.ofVirtual().name("ffmpeg-pcm").start(this::pump);
    }

    static PcmStream start(Process process, AudioSource source) {
        return new PcmStream(process, source);
    }

    /** Bytes handed out so far: 32,000 per second of audio. */
    public long bytesRead() {
        return bytesRead;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (closed) {
            throw new IOException("The audio stream is closed.");
        }
        if (length == 0) {
            return 0;
        }
        while (current == null || position == current.length) {
            if (ended) {
                return -1;
            }
            Item item;
            try {
                item = queue.take();
            } catch (InterruptedException e) {
                close();
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Decoding " + source.displayName() + " was interrupted.");
            }
            if (item instanceof End end) {
                ended = true;
                if (end.failure() != null) {
                    throw end.failure();
                }
                return -1;
            }
            current = ((Chunk) item).bytes();
            position = 0;
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, buffer, offset, n);
        position += n;
        bytesRead += n;
        return n;
    }

    /** Kills ffmpeg if it still runs. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        process.destroyForcibly();
        pump.interrupt();
    }

    private void pump() {
        Item end;
        try (InputStream out = process.getInputStream()) {
            long total = 0;
            while (true) {
                byte[] chunk = out.readNBytes(CHUNK);
                if (chunk.length == 0) {
                    break;
                }
                total += chunk.length;
                queue.put(new Chunk(chunk));
            }
            end = new End(failure(process.waitFor(), total));
        } catch (InterruptedException e) {
            // closed by the reader: nobody waits for the end
            process.destroyForcibly();
            return;
        } catch (IOException e) {
            if (closed) {
                return;
            }
            log.warn("Reading ffmpeg's output for {} failed: {}", source.displayName(), e.toString());
            process.destroyForcibly();
            end = new End(new MediaException(MediaException.Reason.UNREADABLE,
                    "Decoding " + source.displayName() + " failed part way."));
        }
        try {
            queue.put(end);
        } catch (InterruptedException e) {
            process.destroyForcibly();
        }
    }

    private MediaException failure(int exit, long total) {
        List<String> lines = stderr.lines();
        if (exit != 0) {
            log.warn("ffmpeg exited with {} decoding {}: {}", exit, source.displayName(), String.join(" | ", lines));
            return FfmpegErrors.classify(source, lines);
        }
        if (total == 0) {
            log.warn("ffmpeg decoded no samples from {}: {}", source.displayName(), String.join(" | ", lines));
            return new MediaException(MediaException.Reason.NO_AUDIO, source.displayName() + " contains no audio.");
        }
        return null;
    }
}
