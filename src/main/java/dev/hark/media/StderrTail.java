package dev.hark.media;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Drains a process's stderr on a virtual thread, keeping only its last lines: enough to say why
 * ffmpeg failed, in the log, without holding an hour of warnings. Thread-safe.
 */
final class StderrTail {

    private static final int MAX_LINES = 20;
    private static final int MAX_LINE_CHARS = 500;

    private final ArrayDeque<String> lines = new ArrayDeque<>();
    private final Thread thread;

    private StderrTail(InputStream stderr) {
        thread = Thread.ofVirtual().name("ffmpeg-stderr").start(() -> drain(stderr));
    }

    static StderrTail start(InputStream stderr) {
        return new StderrTail(stderr);
    }

    /** The last lines, once the stream has ended (waits at most a second for that). */
    List<String> lines() {
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    private void drain(InputStream stderr) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stderr, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                synchronized (lines) {
                    if (lines.size() == MAX_LINES) {
                        lines.removeFirst();
                    }
                    lines.addLast(line.length() > MAX_LINE_CHARS ? line.substring(0, MAX_LINE_CHARS) + "…" : line);
                }
            }
        } catch (IOException e) {
            // the process was destroyed: what was read so far is all there is
        }
    }
}
