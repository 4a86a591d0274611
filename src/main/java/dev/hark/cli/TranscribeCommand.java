package dev.hark.cli;

import dev.hark.app.Hark;
import dev.hark.media.AudioSource;
import dev.hark.media.Ffmpeg;
import dev.hark.media.MediaException;
import dev.hark.transcript.Transcript;
import dev.hark.transcript.TranscriptFormat;
import dev.hark.transcript.TranscriptWriters;
import dev.hark.transcript.engine.ModelException;
import dev.hark.transcript.engine.ModelStore;
import dev.hark.transcript.engine.SpeechToText;
import dev.hark.transcript.engine.WhisperEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code hark transcribe AUDIO [--engine whisper] [--model NAME|PATH] [--language en]}: prints
 * the contract JSON {@code {"segments":[{"start","end","speaker","text"}]}} for an audio file or
 * http(s) address, with a progress bar on stderr. Unreadable audio or an unknown model exits 2
 * with one {@code error:} line.
 *
 * <p>Engines: {@code whisper} (local whisper.cpp, the default). Another engine is one more case
 * in {@link #engine}, returning its {@link SpeechToText}.
 */
@Command(name = "transcribe", description = "Transcribe an audio file or address with local speech to text.")
final class TranscribeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    HarkCommand root;

    @Parameters(paramLabel = "AUDIO", description = "An audio file (MP3, M4A, Ogg/Opus, WAV, FLAC …) or an http(s) address.")
    String audio;

    @Option(names = "--engine", defaultValue = "whisper", paramLabel = "ENGINE",
            description = "Speech-to-text engine: whisper (default, local) or openai (the OpenAI-compatible endpoint in the settings).")
    String engineName;

    @Option(names = "--model", paramLabel = "NAME|PATH",
            description = "A whisper.cpp model name (tiny.en, base.en, small.en, base, large-v3-turbo …) fetched on "
                    + "first use, or a model file. Default: base.en for English, base otherwise.")
    String model;

    @Option(names = "--language", paramLabel = "LANG",
            description = "Spoken language, e.g. en or de. Default: en for .en models, else detected.")
    String language;

    @Option(names = "--threads", defaultValue = "2", paramLabel = "N", description = "whisper.cpp threads (default 2).")
    int threads;

    private final ModelStore fixedModels;
    private final Ffmpeg fixedFfmpeg;

    /** As registered under {@code hark}: models under the data folder, Hark's ffmpeg. */
    TranscribeCommand() {
        this(null, null);
    }

    /** With a given model store and ffmpeg (tests, or a caller without a library). */
    TranscribeCommand(ModelStore models, Ffmpeg ffmpeg) {
        this.fixedModels = models;
        this.fixedFfmpeg = ffmpeg;
    }

    @Override
    public Integer call() throws Exception {
        AudioSource source = source();
        PrintStream err = System.err;
        Transcript transcript;
        SpeechToText engine = engine(err);
        try {
            ProgressBar bar = new ProgressBar(err, ProgressBar.terminal(), "Transcribing");
            try {
                transcript = engine.transcribe(source, report -> bar.update((int) report.doneSeconds(),
                        (int) Math.max(report.totalSeconds(), report.doneSeconds()), report.message()));
            } finally {
                bar.finish();
                if (engine instanceof AutoCloseable closeable) {
                    closeable.close();
                }
            }
        } catch (MediaException e) {
            // the audio's fault: exit 2; a server or ffmpeg that cannot run: exit 1
            if (e.reason() == MediaException.Reason.UNREADABLE || e.reason() == MediaException.Reason.NO_AUDIO
                    || e.reason() == MediaException.Reason.NOT_FOUND) {
                throw new BadInputException(e.getMessage());
            }
            throw e;
        }
        PrintWriter out = spec.commandLine().getOut();
        String json = TranscriptWriters.write(transcript, TranscriptFormat.JSON);
        out.print(json.endsWith("\n") ? json : json + "\n");
        out.flush();
        return 0;
    }

    /** The engine asked for; the place to add {@code openai}. */
    private SpeechToText engine(PrintStream err) throws Exception {
        return switch (engineName.toLowerCase(Locale.ROOT)) {
            case "whisper" -> whisper(err);
            case "openai" -> openAi();
            default -> throw new BadInputException("Unknown engine \"" + engineName + "\": use whisper or openai");
        };
    }

    private WhisperEngine whisper(PrintStream err) throws Exception {
        String name = model != null ? model : ModelStore.defaultFor(language);
        String whisperLanguage = language != null ? language : name.endsWith(".en") ? "en" : null;
        ProgressBar fetching = new ProgressBar(err, ProgressBar.terminal(), "Fetching " + name);
        Path file;
        try {
            file = models().resolve(name, (bytes, total) -> fetching.update((int) (bytes >> 20),
                    (int) (Math.max(total, bytes) >> 20), "MB"));
        } catch (ModelException e) {
            if (e.retryable()) {
                throw e;
            }
            throw new BadInputException(e.getMessage());
        } finally {
            fetching.finish();
        }
        return new WhisperEngine(ffmpeg(), file, new WhisperEngine.Settings(threads, 120, whisperLanguage));
    }

    /** The OpenAI-compatible endpoint from the settings (openai.base_url, openai.api_key, openai.model). */
    private SpeechToText openAi() {
        return hark().openAiEngine(language);
    }

    private AudioSource source() throws BadInputException {
        String lower = audio.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            try {
                return AudioSource.of(URI.create(audio));
            } catch (IllegalArgumentException | MediaException e) {
                throw new BadInputException("Not a usable address: " + audio);
            }
        }
        return AudioSource.of(Path.of(audio));
    }

    private ModelStore models() {
        return fixedModels != null ? fixedModels : hark().models;
    }

    private Ffmpeg ffmpeg() {
        return fixedFfmpeg != null ? fixedFfmpeg : hark().ffmpeg;
    }

    private Hark hark() {
        return root.hark();
    }
}
