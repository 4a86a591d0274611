package dev.hark.bench;

import dev.hark.media.AudioSource;
import dev.hark.media.Ffmpeg;
import dev.hark.transcript.Transcript;
import dev.hark.transcript.engine.Checkpoints;
import dev.hark.transcript.engine.RandomWhisperModel;
import dev.hark.transcript.engine.WhisperEngine;
import io.github.givimad.whisperjni.WhisperContext;
import io.github.givimad.whisperjni.WhisperFullParams;
import io.github.givimad.whisperjni.WhisperJNI;
import io.github.givimad.whisperjni.WhisperSamplingStrategy;
import io.github.givimad.whisperjni.WhisperState;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * {@code hark bench transcribe}: the compute cost of local speech to text on this machine, with
 * random-weight models of the real tiny.en and base.en sizes (whisper.cpp's cost depends on the
 * dimensions, not the weights). Reports, per model: the end-to-end real-time factor through
 * {@link WhisperEngine} (decoding with ffmpeg, windows, checkpoints), the same audio through
 * a bare whisper-jni call on PCM decoded beforehand, Hark's overhead over it, and the peak heap.
 *
 * <p>Random weights decode nonsense until the token limit, so the header's n_text_ctx is set to
 * {@code textContext} (default 256, at most 128 tokens per 30 s window, about the density of
 * real speech) rather than 448; say so when quoting the figures.
 */
public final class TranscribeBenchmark {

    private static final int WINDOW_SECONDS = 120;

    private final Ffmpeg ffmpeg;

    public TranscribeBenchmark(Ffmpeg ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    /**
     * Runs the benchmark on {@code minutes} of generated speech-like audio.
     *
     * @return a text report, one figure per line
     */
    public String run(double minutes, int threads, int textContext) throws Exception {
        Path dir = Files.createTempDirectory("hark-bench-transcribe");
        try {
            Path audio = dir.resolve("speechlike.mp3");
            double seconds = minutes * 60;
            ffmpeg.run(List.of("-y", "-f", "lavfi", "-i", String.format(Locale.ROOT,
                    "aevalsrc=exprs='0.4*sin(2*PI*(200+80*sin(2*PI*3*t))*t)*gt(sin(2*PI*0.4*t),-0.3)"
                            + "+0.01*(2*random(0)-1)':s=16000:d=%.1f", seconds),
                    "-c:a", "libmp3lame", "-b:a", "64k", audio.toString()), Duration.ofMinutes(5));
            float[] pcm = decode(audio);
            StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                    "Transcription benchmark: %.1f min of generated audio, %d threads, random weights, n_text_ctx %d%n",
                    minutes, threads, textContext));
            report.append(model("tiny.en size (S 384, 6 heads, 4 layers)", RandomWhisperModel.tinyEnSized(textContext),
                    dir, audio, pcm, threads));
            report.append(model("base.en size (S 512, 8 heads, 6 layers)", RandomWhisperModel.baseEnSized(textContext),
                    dir, audio, pcm, threads));
            report.append(String.format(Locale.ROOT, "Process peak resident memory (VmHWM): %s%n", peakResident()));
            return report.toString();
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private String model(String label, RandomWhisperModel shape, Path dir, Path audio, float[] pcm, int threads)
            throws Exception {
        Path file = shape.write(dir.resolve("ggml-" + shape.state() + ".bin"), 42);
        double seconds = pcm.length / (double) Ffmpeg.SAMPLE_RATE;

        double bare = bare(file, pcm, threads);

        HeapSampler heap = new HeapSampler();
        double engineSeconds;
        int segments;
        try (WhisperEngine engine = new WhisperEngine(ffmpeg, file, new WhisperEngine.Settings(threads, WINDOW_SECONDS, "en"))) {
            // load the model outside the measurement, as the bare call's init is
            Path warmUp = dir.resolve("warmup.wav");
            ffmpeg.run(List.of("-y", "-f", "lavfi", "-i", "sine=frequency=300:duration=1", warmUp.toString()),
                    Duration.ofSeconds(30));
            engine.transcribe(AudioSource.of(warmUp), 1, "en", Checkpoints.NONE, report -> { });
            heap.start();
            long start = System.nanoTime();
            Transcript transcript = engine.transcribe(AudioSource.of(audio), seconds, "en", Checkpoints.NONE, report -> { });
            engineSeconds = (System.nanoTime() - start) / 1e9;
            segments = transcript.segments().size();
        } finally {
            heap.stop();
        }
        return String.format(Locale.ROOT, "%s:%n"
                        + "  Hark end to end: %.1f s, %.1f× real time (%d segments; ffmpeg decoding, 120 s windows)%n"
                        + "  bare whisper.cpp calls (whisper-jni, same windows, PCM decoded beforehand): %.1f s, %.1f× real time%n"
                        + "  Hark's overhead over bare: %+.1f%%%n"
                        + "  peak Java heap during the run: %.1f MB%n",
                label, engineSeconds, seconds / engineSeconds, segments, bare, seconds / bare,
                (engineSeconds / bare - 1) * 100, heap.peak() / 1e6);
    }

    /**
     * The same 120 s windows (same cut points, one whisper state) through whisper-jni directly, on
     * PCM decoded beforehand: the engine's work without ffmpeg streaming, checkpoints and progress.
     * Same input, greedy decoding, so whisper.cpp does the same work in both.
     */
    private static double bare(Path model, float[] pcm, int threads) throws IOException {
        WhisperJNI.loadLibrary();
        WhisperJNI.setLibraryLogger(line -> { }); // whisper.cpp's model summary would drown the report
        WhisperJNI whisper = new WhisperJNI();
        try (WhisperContext context = whisper.init(model); WhisperState state = whisper.initState(context)) {
            WhisperFullParams params = new WhisperFullParams(WhisperSamplingStrategy.GREEDY);
            params.nThreads = threads;
            params.language = "en";
            params.printProgress = false;
            params.printRealtime = false;
            params.printTimestamps = false;
            params.printSpecial = false;
            float[] window = new float[WINDOW_SECONDS * Ffmpeg.SAMPLE_RATE];
            long start = System.nanoTime();
            int next = 0;
            int filled = 0;
            while (true) {
                int take = Math.min(window.length - filled, pcm.length - next);
                System.arraycopy(pcm, next, window, filled, take);
                next += take;
                filled += take;
                if (filled == 0) {
                    break;
                }
                boolean last = filled < window.length;
                int cut = last ? filled : WhisperEngine.quietestCut(window, filled);
                int result = whisper.fullWithState(context, state, params, window, cut);
                if (result != 0) {
                    throw new IOException("whisper.cpp failed with code " + result);
                }
                System.arraycopy(window, cut, window, 0, filled - cut);
                filled -= cut;
                if (last && filled == 0) {
                    break;
                }
            }
            return (System.nanoTime() - start) / 1e9;
        }
    }

    private float[] decode(Path audio) throws Exception {
        List<float[]> chunks = new ArrayList<>();
        AtomicLong total = new AtomicLong();
        ffmpeg.decodePcm(AudioSource.of(audio), (samples, count) -> {
            float[] chunk = new float[count];
            for (int i = 0; i < count; i++) {
                chunk[i] = samples[i] / 32768f;
            }
            chunks.add(chunk);
            total.addAndGet(count);
        });
        float[] all = new float[(int) total.get()];
        int at = 0;
        for (float[] chunk : chunks) {
            System.arraycopy(chunk, 0, all, at, chunk.length);
            at += chunk.length;
        }
        return all;
    }

    private static String peakResident() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return line.substring("VmHWM:".length()).strip();
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return "unknown";
    }

    /** Samples the used heap every 20 ms on a daemon thread and keeps the highest. */
    private static final class HeapSampler {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running;
        private Thread thread;

        void start() {
            System.gc();
            running = true;
            thread = Thread.ofPlatform().daemon().name("heap-sampler").start(() -> {
                while (running) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        void stop() throws InterruptedException {
            running = false;
            if (thread != null) {
                thread.join();
            }
        }

        long peak() {
            return peak.get();
        }
    }
}
