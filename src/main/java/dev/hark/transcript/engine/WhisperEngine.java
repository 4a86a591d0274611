package dev.hark.transcript.engine;

import dev.hark.media.AudioSource;
import dev.hark.media.Ffmpeg;
import dev.hark.media.MediaException;
import dev.hark.media.PcmStream;
import dev.hark.transcript.Segment;
import dev.hark.transcript.Transcript;
import io.github.givimad.whisperjni.WhisperContext;
import io.github.givimad.whisperjni.WhisperFullParams;
import io.github.givimad.whisperjni.WhisperJNI;
import io.github.givimad.whisperjni.WhisperSamplingStrategy;
import io.github.givimad.whisperjni.WhisperState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Local speech to text with whisper.cpp (through whisper-jni).
 *
 * <p><b>Windows.</b> Audio is streamed from ffmpeg and handed to whisper.cpp a window at a time
 * (default 120 s); whisper.cpp does its own 30 s windowing inside, seeking to the last
 * timestamp it decoded, so text is only cut where our windows meet. Why not 30 s windows:
 * each call would end with a half-decoded tail and a cut every 30 s. Why not a whole episode:
 * whisper-jni has no abort callback, so a window is the unit of cancellation, progress and
 * resume; 120 s is ≤ 12 s of work for base.en at 10× real time, and 7.7 MB of float PCM. Each
 * window ends at the quietest 100 ms of its last 3 s, so a cut rarely falls inside a word.
 *
 * <p><b>Resume.</b> After each window the samples done and segments so far go to
 * {@link Checkpoints}; a restart decodes again (ffmpeg runs at hundreds × real time), skips
 * the finished samples and goes on.
 *
 * <p>The model is loaded once, on first use, and kept until {@link #close}. Thread-safe:
 * concurrent transcriptions each get their own whisper state, but they share the CPU.
 */
public final class WhisperEngine implements SpeechToText, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WhisperEngine.class);
    private static final int RATE = Ffmpeg.SAMPLE_RATE;
    private static final double QUIET_SEARCH_SECONDS = 3.0;
    private static final int QUIET_FRAME = RATE / 10;
    /** About -50 dBFS: below any speech, above the dither and hiss of a quiet recording. */
    private static final double SILENCE_RMS = 0.003;
    private static final Object LIBRARY_LOCK = new Object();
    private static boolean libraryLoaded;

    /**
     * @param threads       whisper.cpp threads (the number of cores is right on a machine that does little else)
     * @param windowSeconds audio per whisper.cpp call (at least 10 s)
     * @param language      spoken language ("en", "de" …), or null to let a multilingual model detect it
     */
    public record Settings(int threads, double windowSeconds, String language) {
        public Settings {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, was " + threads);
            }
            if (!(windowSeconds >= 10)) {
                throw new IllegalArgumentException("windowSeconds must be at least 10, was " + windowSeconds);
            }
            language = language == null || language.isBlank() ? null : language.strip();
        }

        public static Settings defaults() {
            return new Settings(2, 120, null);
        }

        public Settings withLanguage(String newLanguage) {
            return new Settings(threads, windowSeconds, newLanguage);
        }
    }

    private final Ffmpeg ffmpeg;
    private final Path model;
    private final Settings settings;
    private final Object contextLock = new Object();
    private WhisperJNI whisper;
    private WhisperContext context;

    public WhisperEngine(Ffmpeg ffmpeg, Path model, Settings settings) {
        this.ffmpeg = ffmpeg;
        this.model = model;
        this.settings = settings;
    }

    public Path model() {
        return model;
    }

    @Override
    public Transcript transcribe(AudioSource source, TranscriptionProgress progress)
            throws MediaException, TranscriptionException, InterruptedException {
        double total = source instanceof AudioSource.File ? ffmpeg.probeDuration(source).orElse(0) : 0;
        return transcribe(source, total, settings.language(), Checkpoints.NONE, progress);
    }

    /**
     * Transcribes {@code source}, resuming from {@code checkpoints} if they hold a checkpoint and
     * clearing them when done.
     *
     * @param totalSeconds the audio's length for progress, or 0 when unknown
     * @param language     the spoken language ("en"), or null to detect it (multilingual models)
     */
    public Transcript transcribe(AudioSource source, double totalSeconds, String language, Checkpoints checkpoints,
                                 TranscriptionProgress progress)
            throws MediaException, TranscriptionException, InterruptedException {
        if (!Thread.currentThread().isVirtual()) {
            return transcribeHere(source, totalSeconds, language, checkpoints, progress);
        }
        // A JNI call pins a virtual thread's carrier for its whole length (seconds per window);
        // on two cores that would take half the carriers from web requests. A platform thread
        // does the work; progress is reported from it.
        FutureTask<Transcript> task = new FutureTask<>(
                () -> transcribeHere(source, totalSeconds, language, checkpoints, progress));
        Thread worker = Thread.ofPlatform().name("whisper").daemon().start(task);
        try {
            return task.get();
        } catch (InterruptedException e) {
            worker.interrupt();
            awaitQuietly(worker); // it stops after the current window; never leave it running
            throw e;
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case MediaException cause -> throw cause;
                case TranscriptionException cause -> throw cause;
                case InterruptedException cause -> throw cause;
                case RuntimeException cause -> throw cause;
                case Error cause -> throw cause;
                default -> throw new TranscriptionException("Transcription failed.", e.getCause());
            }
        }
    }

    private static void awaitQuietly(Thread worker) {
        boolean interrupted = false;
        while (worker.isAlive()) {
            try {
                worker.join();
            } catch (InterruptedException again) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private Transcript transcribeHere(AudioSource source, double totalSeconds, String language, Checkpoints checkpoints,
                                      TranscriptionProgress progress)
            throws MediaException, TranscriptionException, InterruptedException {
        WhisperContext loaded = context();
        Checkpoint start = loadCheckpoint(checkpoints);
        List<Segment> segments = new ArrayList<>(start.segments());
        long samplesDone = start.samplesDone();
        WhisperFullParams params = params(language);
        float[] window = new float[(int) Math.round(settings.windowSeconds() * RATE)];
        long begun = System.nanoTime();
        double runSeconds = 0;
        int windows = 0;
        try (PcmStream pcm = ffmpeg.openPcm(source); WhisperState state = whisper.initState(loaded)) {
            SampleReader reader = new SampleReader(pcm);
            reader.skip(samplesDone);
            int filled = 0;
            while (true) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("Transcription was cancelled.");
                }
                filled = reader.fill(window, filled);
                if (filled == 0) {
                    break;
                }
                boolean last = filled < window.length;
                int cut = last ? filled : quietestCut(window, filled);
                if (!silent(window, cut)) {
                    int result = whisper.fullWithState(loaded, state, params, window, cut);
                    if (result != 0) {
                        throw new TranscriptionException("whisper.cpp failed on the audio at "
                                + ProgressReport.clock(samplesDone / (double) RATE) + " (code " + result + ").");
                    }
                    collect(state, samplesDone, cut, segments);
                }
                samplesDone += cut;
                runSeconds += cut / (double) RATE;
                windows++;
                saveCheckpoint(checkpoints, new Checkpoint(samplesDone, segments));
                double elapsed = (System.nanoTime() - begun) / 1e9;
                double done = samplesDone / (double) RATE;
                progress.update(new ProgressReport(done, last ? done : totalSeconds,
                        elapsed > 0 ? runSeconds / elapsed : 0, windows));
                // the unprocessed tail after the cut starts the next window
                System.arraycopy(window, cut, window, 0, filled - cut);
                filled -= cut;
                if (last && filled == 0) {
                    break;
                }
            }
        } catch (InterruptedIOException e) {
            throw new InterruptedException("Transcription was cancelled.");
        } catch (MediaException e) {
            throw e;
        } catch (IOException e) {
            throw new MediaException(MediaException.Reason.UNREADABLE, "Decoding " + source.displayName() + " failed.", e);
        }
        try {
            checkpoints.clear();
        } catch (IOException e) {
            log.warn("Could not delete the transcription checkpoint: {}", e.toString());
        }
        return new Transcript(segments);
    }

    /** Adds the window's segments, moved to its offset and kept inside it. */
    private void collect(WhisperState state, long offsetSamples, int length, List<Segment> into) {
        double offset = offsetSamples / (double) RATE;
        double end = offset + length / (double) RATE;
        int count = whisper.fullNSegmentsFromState(state);
        for (int i = 0; i < count; i++) {
            String text = whisper.fullGetSegmentTextFromState(state, i).strip();
            if (text.isEmpty()) {
                continue;
            }
            // whisper.cpp counts in 10 ms units and can overshoot the audio it was given
            double from = Math.min(end, offset + whisper.fullGetSegmentTimestamp0FromState(state, i) / 100.0);
            double to = Math.min(end, offset + whisper.fullGetSegmentTimestamp1FromState(state, i) / 100.0);
            double previous = into.isEmpty() ? 0 : into.getLast().start();
            from = Math.max(from, previous);
            into.add(new Segment(from, Math.max(from, to), null, text));
        }
    }

    /**
     * Where to end a full window: the start of its quietest 100 ms frame within the last 3 s, so a
     * word is rarely cut in two. Public for the benchmark, which replays the same windows.
     */
    public static int quietestCut(float[] window, int filled) {
        int searchFrom = Math.max(0, filled - (int) (QUIET_SEARCH_SECONDS * RATE));
        int best = filled;
        double bestEnergy = Double.MAX_VALUE;
        for (int frame = searchFrom; frame + QUIET_FRAME <= filled; frame += QUIET_FRAME / 2) {
            double energy = 0;
            for (int i = frame; i < frame + QUIET_FRAME; i++) {
                energy += window[i] * window[i];
            }
            if (energy < bestEnergy) {
                bestEnergy = energy;
                best = frame + QUIET_FRAME / 2;
            }
        }
        return best;
    }

    /**
     * Whether no 100 ms of the window rises above about -50 dBFS: nothing to hear, and whisper
     * tends to invent words ("Thank you.") in silence, so such a window is not sent to it.
     */
    static boolean silent(float[] window, int length) {
        double threshold = SILENCE_RMS * SILENCE_RMS * QUIET_FRAME;
        for (int frame = 0; frame < length; frame += QUIET_FRAME) {
            double energy = 0;
            int end = Math.min(length, frame + QUIET_FRAME);
            for (int i = frame; i < end; i++) {
                energy += window[i] * window[i];
            }
            if (energy > threshold) {
                return false;
            }
        }
        return true;
    }

    private WhisperFullParams params(String language) {
        WhisperFullParams params = new WhisperFullParams(WhisperSamplingStrategy.GREEDY);
        params.nThreads = settings.threads();
        params.language = language == null || language.isBlank() ? "auto" : language.strip();
        params.printProgress = false;
        params.printRealtime = false;
        params.printTimestamps = false;
        params.printSpecial = false;
        return params;
    }

    private WhisperContext context() throws TranscriptionException {
        synchronized (contextLock) {
            if (context == null) {
                if (!Files.isRegularFile(model)) {
                    throw new TranscriptionException("The speech model " + model + " does not exist.");
                }
                loadLibrary();
                WhisperJNI jni = new WhisperJNI();
                try {
                    context = jni.init(model);
                } catch (IOException | RuntimeException e) {
                    throw new TranscriptionException("The speech model " + model.getFileName()
                            + " could not be loaded; it may be damaged or not a whisper.cpp model.", e);
                }
                if (context == null) {
                    throw new TranscriptionException("The speech model " + model.getFileName()
                            + " could not be loaded; it may be damaged or not a whisper.cpp model.");
                }
                whisper = jni;
                log.info("Loaded speech model {}", model);
            }
            return context;
        }
    }

    private static void loadLibrary() throws TranscriptionException {
        synchronized (LIBRARY_LOCK) {
            if (!libraryLoaded) {
                try {
                    WhisperJNI.loadLibrary();
                    WhisperJNI.setLibraryLogger(line -> log.debug("whisper.cpp: {}", line.strip()));
                } catch (IOException | UnsatisfiedLinkError e) {
                    throw new TranscriptionException("The whisper.cpp library could not be loaded on this system.", e);
                }
                libraryLoaded = true;
            }
        }
    }

    private static Checkpoint loadCheckpoint(Checkpoints checkpoints) {
        try {
            return checkpoints.load().orElse(new Checkpoint(0, List.of()));
        } catch (IOException e) {
            log.warn("Could not read the transcription checkpoint, starting over: {}", e.toString());
            return new Checkpoint(0, List.of());
        }
    }

    private static void saveCheckpoint(Checkpoints checkpoints, Checkpoint checkpoint) {
        try {
            checkpoints.save(checkpoint);
        } catch (IOException e) {
            log.warn("Could not save the transcription checkpoint: {}", e.toString());
        }
    }

    /** Frees the model. */
    @Override
    public void close() {
        synchronized (contextLock) {
            if (context != null) {
                context.close();
                context = null;
            }
        }
    }

    /** Reads s16le PCM from the stream as floats in [-1, 1). Not thread-safe. */
    private static final class SampleReader {
        private final PcmStream pcm;
        private final byte[] bytes = new byte[64 * 1024];
        private int carry = -1;

        SampleReader(PcmStream pcm) {
            this.pcm = pcm;
        }

        void skip(long samples) throws IOException {
            float[] scratch = new float[RATE * 10];
            long left = samples;
            while (left > 0) {
                int from = scratch.length - (int) Math.min(left, scratch.length);
                int got = fill(scratch, from) - from;
                if (got <= 0) {
                    return;
                }
                left -= got;
            }
        }

        /** Fills {@code into} from {@code from}; returns the new fill level (less than full only at the end). */
        int fill(float[] into, int from) throws IOException {
            int filled = from;
            while (filled < into.length) {
                int want = Math.min(bytes.length, (into.length - filled) * 2);
                int start = 0;
                if (carry >= 0) {
                    bytes[0] = (byte) carry;
                    start = 1;
                    carry = -1;
                }
                int n = pcm.read(bytes, start, want - start);
                if (n < 0) {
                    return filled;
                }
                int available = start + n;
                int count = available / 2;
                for (int i = 0; i < count; i++) {
                    into[filled++] = (short) ((bytes[2 * i] & 0xff) | (bytes[2 * i + 1] << 8)) / 32768f;
                }
                if (available % 2 == 1) {
                    carry = bytes[available - 1] & 0xff;
                }
            }
            return filled;
        }
    }

    /** The duration ffprobe reads, or empty; for callers that want it before transcribing. */
    public OptionalDouble probe(AudioSource source) throws MediaException, InterruptedException {
        return ffmpeg.probeDuration(source);
    }
}
