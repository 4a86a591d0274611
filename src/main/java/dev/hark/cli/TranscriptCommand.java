package dev.hark.cli;

import dev.hark.transcript.ReadResult;
import dev.hark.transcript.TranscriptException;
import dev.hark.transcript.TranscriptFormat;
import dev.hark.transcript.TranscriptReaders;
import dev.hark.transcript.TranscriptWriters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code hark transcript ...}: work with transcript files. */
@Command(name = "transcript", description = "Work with transcript files.", subcommands = TranscriptCommand.Convert.class)
final class TranscriptCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /**
     * {@code hark transcript convert FILE [--to json|vtt|srt|txt]}: any supported transcript
     * (WebVTT, SRT, Podcasting 2.0 JSON, HTML, text) printed in another format; JSON is the
     * contract's {@code {"segments":[{"start","end","speaker","text"}]}}. An unreadable file
     * exits 2 with one {@code error:} line; skipped bad cues give one {@code warning:} line.
     */
    @Command(name = "convert", description = "Print a transcript file as JSON, VTT, SRT or text.")
    static final class Convert implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "A transcript: WebVTT, SRT, JSON, HTML or text.")
        Path file;

        @Option(names = "--to", paramLabel = "FORMAT", defaultValue = "json",
                description = "json, vtt, srt or txt (default: ${DEFAULT-VALUE}).")
        String to;

        @Override
        public Integer call() throws Exception {
            TranscriptFormat target = switch (to.toLowerCase(Locale.ROOT)) {
                case "json" -> TranscriptFormat.JSON;
                case "vtt" -> TranscriptFormat.VTT;
                case "srt" -> TranscriptFormat.SRT;
                case "txt", "text" -> TranscriptFormat.TEXT;
                default -> throw new BadInputException("Cannot convert to \"" + to + "\": use json, vtt, srt or txt");
            };
            String content = TranscriptReaders.decode(Files.readAllBytes(file), null);
            ReadResult result;
            try {
                result = TranscriptReaders.readWithReport(content, file.getFileName().toString());
            } catch (TranscriptException e) {
                throw new BadInputException(file.getFileName() + ": " + e.getMessage());
            }
            if (result.skippedCount() > 0) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("warning: " + result.skippedCount() + (result.skippedCount() == 1 ? " bad cue" : " bad cues")
                        + " skipped (" + result.skipped().getFirst() + ")");
                err.flush();
            }
            String output = TranscriptWriters.write(result.transcript(), target);
            PrintWriter out = spec.commandLine().getOut();
            out.print(output.endsWith("\n") ? output : output + "\n");
            out.flush();
            return 0;
        }
    }
}
