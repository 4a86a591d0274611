package dev.hark.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a short process to its end (ffprobe, {@code ffmpeg -version}, making test audio): stdout
 * as text, the tail of stderr, the exit code. Destroys the process on timeout or interrupt.
 */
record ProcessRun(int exitCode, String stdout, List<String> stderr) {

    /** Exit code used when the process had to be killed for taking too long. */
    static final int TIMED_OUT = -1;

    private static final int MAX_STDOUT = 1 << 20;

    static ProcessRun run(ProcessBuilder builder, Duration timeout) throws IOException, InterruptedException {
        Process process = builder.start();
        process.getOutputStream().close(); // nothing to say on stdin
        StderrTail stderr = StderrTail.start(process.getErrorStream());
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        Thread reader = Thread.ofVirtual().name("process-stdout").start(() -> copyLimited(process.getInputStream(), stdout));
        try {
            boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!exited) {
                process.destroyForcibly();
                process.waitFor();
            }
            reader.join();
            String text;
            synchronized (stdout) {
                text = stdout.toString(StandardCharsets.UTF_8);
            }
            return new ProcessRun(exited ? process.exitValue() : TIMED_OUT, text, stderr.lines());
        } finally {
            // on interrupt, nothing must outlive us
            process.destroyForcibly();
        }
    }

    private static void copyLimited(InputStream in, ByteArrayOutputStream out) {
        byte[] buffer = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                synchronized (out) {
                    if (out.size() < MAX_STDOUT) {
                        out.write(buffer, 0, Math.min(n, MAX_STDOUT - out.size()));
                    }
                }
            }
        } catch (IOException e) {
            // destroyed on timeout or interrupt: the caller reports that, not this
        }
    }
}
