package dev.hark.media;

import dev.hark.feed.FetchLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Decodes and probes audio with the ffmpeg and ffprobe executables that ship in the bytedeco
 * Maven artifact, as child processes: a crash or a hostile file cannot take the JVM down, and
 * cancelling is killing a process. Thread-safe; the binaries are located once, on first use.
 *
 * <p>Decoded audio is always 16 kHz mono signed 16-bit ({@link #SAMPLE_RATE}), what speech
 * recognition and the silence detector want, and streamed: an hour is 115 MB of PCM, never held.
 */
public final class Ffmpeg {

    public static final int SAMPLE_RATE = 16_000;
    /** Bytes of decoded PCM per second of audio. */
    public static final int BYTES_PER_SECOND = SAMPLE_RATE * 2;

    private static final Logger log = LoggerFactory.getLogger(Ffmpeg.class);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(60);
    /** How long ffmpeg waits on a silent network connection before it gives up, in µs. */
    private static final String NETWORK_TIMEOUT_MICROS = "30000000";

    /** Finds the binaries; called at most once successfully. */
    @FunctionalInterface
    interface Locator {
        FfmpegBinaries locate() throws MediaException, InterruptedException;
    }

    private final Locator locator;
    private final Object lock = new Object();
    private volatile FfmpegBinaries binaries;

    /** The ffmpeg bundled with Hark, unpacked and checked on first use. */
    public Ffmpeg() {
        this(FfmpegLocator::bundled);
    }

    /** Binaries found some other way (a system ffmpeg, for instance). */
    public Ffmpeg(FfmpegBinaries binaries) {
        this(() -> binaries);
    }

    Ffmpeg(Locator locator) {
        this.locator = locator;
    }

    /** The binaries in use, locating them the first time. A failure is not remembered: the next call tries again. */
    public FfmpegBinaries binaries() throws MediaException, InterruptedException {
        FfmpegBinaries found = binaries;
        if (found == null) {
            synchronized (lock) {
                found = binaries;
                if (found == null) {
                    found = locator.locate();
                    binaries = found;
                    log.debug("Using ffmpeg at {}", found.ffmpeg());
                }
            }
        }
        return found;
    }

    /**
     * Starts decoding {@code source} to 16 kHz mono s16le. Close the stream to stop ffmpeg; a
     * damaged file surfaces as {@link MediaException} from {@code read}.
     */
    public PcmStream openPcm(AudioSource source) throws MediaException, InterruptedException {
        FfmpegBinaries found = binaries();
        checkExists(source);
        List<String> command = new ArrayList<>(List.of(found.ffmpeg().toString(), "-nostdin", "-hide_banner",
                "-loglevel", "error"));
        command.addAll(inputOptions(source));
        command.addAll(List.of("-map", "0:a:0", "-vn", "-sn", "-dn", "-ac", "1", "-ar", Integer.toString(SAMPLE_RATE),
                "-c:a", "pcm_s16le", "-f", "s16le", "pipe:1"));
        return PcmStream.start(start(found, command, source), source);
    }

    /**
     * Decodes {@code source}, handing samples to {@code consumer} on the calling thread as they
     * come (about two seconds of audio per call).
     *
     * @return how many samples were decoded (divide by {@link #SAMPLE_RATE} for seconds)
     * @throws InterruptedException if the thread is interrupted; ffmpeg is killed first
     */
    public long decodePcm(AudioSource source, PcmConsumer consumer) throws MediaException, InterruptedException {
        byte[] bytes = new byte[64 * 1024];
        short[] samples = new short[bytes.length / 2];
        long total = 0;
        try (PcmStream pcm = openPcm(source)) {
            int carry = 0;
            int n;
            while ((n = pcm.read(bytes, carry, bytes.length - carry)) >= 0) {
                int available = carry + n;
                int count = available / 2;
                for (int i = 0; i < count; i++) {
                    samples[i] = (short) ((bytes[2 * i] & 0xff) | (bytes[2 * i + 1] << 8));
                }
                carry = available % 2;
                if (carry == 1) {
                    bytes[0] = bytes[available - 1];
                }
                if (count > 0) {
                    consumer.accept(samples, count);
                    total += count;
                }
            }
        } catch (InterruptedIOException e) {
            throw new InterruptedException(e.getMessage());
        } catch (MediaException e) {
            throw e;
        } catch (IOException e) {
            throw new MediaException(MediaException.Reason.UNREADABLE, "Decoding " + source.displayName() + " failed.", e);
        }
        return total;
    }

    /**
     * The duration ffprobe reads from the container, or empty when the file does not say (a
     * live stream, some raw formats). For MP3 without a header it is estimated from the bit rate.
     */
    public OptionalDouble probeDuration(AudioSource source) throws MediaException, InterruptedException {
        FfmpegBinaries found = binaries();
        checkExists(source);
        List<String> command = new ArrayList<>(List.of(found.ffprobe().toString(), "-v", "error", "-show_entries",
                "format=duration", "-of", "default=noprint_wrappers=1:nokey=1"));
        command.addAll(inputOptions(source));
        ProcessRun run = runToEnd(found, command, source, PROBE_TIMEOUT);
        if (run.exitCode() != 0) {
            log.warn("ffprobe exited with {} on {}: {}", run.exitCode(), source.displayName(), String.join(" | ", run.stderr()));
            throw FfmpegErrors.classify(source, run.stderr());
        }
        String text = run.stdout().strip();
        try {
            double seconds = Double.parseDouble(text);
            return seconds > 0 && Double.isFinite(seconds) ? OptionalDouble.of(seconds) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty(); // "N/A"
        }
    }

    /**
     * Runs ffmpeg with the given arguments (after {@code -nostdin -hide_banner -loglevel error}),
     * e.g. to make audio for tests and benchmarks.
     *
     * @throws MediaException if it exits with an error or runs past {@code timeout}
     */
    public void run(List<String> arguments, Duration timeout) throws MediaException, InterruptedException {
        FfmpegBinaries found = binaries();
        List<String> command = new ArrayList<>(List.of(found.ffmpeg().toString(), "-nostdin", "-hide_banner",
                "-loglevel", "error"));
        command.addAll(arguments);
        ProcessRun run = runToEnd(found, command, null, timeout);
        if (run.exitCode() != 0) {
            log.warn("ffmpeg {} exited with {}: {}", arguments, run.exitCode(), String.join(" | ", run.stderr()));
            throw new MediaException(MediaException.Reason.UNREADABLE, run.exitCode() == ProcessRun.TIMED_OUT
                    ? "ffmpeg took longer than " + timeout.toSeconds() + " s." : "ffmpeg failed: "
                    + (run.stderr().isEmpty() ? "exit " + run.exitCode() : run.stderr().getLast()));
        }
    }

    private static List<String> inputOptions(AudioSource source) {
        return switch (source) {
            // "file:" keeps a name that starts with "-" or looks like a protocol from being read as one
            case AudioSource.File file -> List.of("-protocol_whitelist", "file", "-i", "file:" + file.path());
            case AudioSource.Url url -> List.of("-protocol_whitelist", "http,https,tcp,tls,crypto",
                    "-rw_timeout", NETWORK_TIMEOUT_MICROS, "-reconnect", "1", "-reconnect_delay_max", "10",
                    "-user_agent", FetchLimits.USER_AGENT, "-i", url.uri().toString());
        };
    }

    private static void checkExists(AudioSource source) throws MediaException {
        if (source instanceof AudioSource.File file && !Files.isRegularFile(file.path())) {
            throw new MediaException(MediaException.Reason.NOT_FOUND, source.displayName() + " does not exist.");
        }
    }

    private static Process start(FfmpegBinaries found, List<String> command, AudioSource source) throws MediaException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(found.environment());
        try {
            Process process = builder.start();
            process.getOutputStream().close(); // -nostdin: ffmpeg reads nothing from us
            return process;
        } catch (IOException e) {
            throw new MediaException(MediaException.Reason.DECODER_UNAVAILABLE,
                    "ffmpeg could not be started to read " + source.displayName() + ".", e);
        }
    }

    private static ProcessRun runToEnd(FfmpegBinaries found, List<String> command, AudioSource source, Duration timeout)
            throws MediaException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(found.environment());
        try {
            return ProcessRun.run(builder, timeout);
        } catch (IOException e) {
            throw new MediaException(MediaException.Reason.DECODER_UNAVAILABLE, "ffmpeg could not be started"
                    + (source == null ? "." : " to read " + source.displayName() + "."), e);
        }
    }
}
