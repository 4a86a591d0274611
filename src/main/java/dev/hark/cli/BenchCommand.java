package dev.hark.cli;

import dev.hark.bench.RefreshBenchmark;
import dev.hark.feed.FeedBenchmark;
import dev.hark.feed.FeedJson;
import dev.hark.feed.FeedParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code hark bench ...}: the performance figures. */
@Command(name = "bench", description = "Measure performance.", subcommands = {BenchCommand.Feeds.class, BenchCommand.Refresh.class, BenchCommand.Web.class, BenchCommand.Media.class,
        BenchCommand.Transcribe.class, BenchCommand.Ai.class})
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** {@code hark bench feeds DIR}. */
    @Command(name = "feeds", description = "Parse every feed in DIR repeatedly after warm-up; print feeds/s, MB/s and the slowest feed.")
    static final class Feeds implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DIR")
        Path dir;

        @Option(names = "--with-json", description = "Also write each parsed feed as the contract JSON.")
        boolean withJson;

        @Option(names = "--warmup", defaultValue = "3", paramLabel = "SECONDS", description = "Warm-up time (default 3 s).")
        int warmup;

        @Option(names = "--seconds", defaultValue = "5", paramLabel = "SECONDS", description = "Measured time (default 5 s).")
        int seconds;

        @Override
        public Integer call() throws Exception {
            if (!java.nio.file.Files.isDirectory(dir)) {
                throw new BadInputException("Not a folder: " + dir);
            }
            FeedBenchmark benchmark = new FeedBenchmark(new FeedParser(), withJson ? new FeedJson() : null,
                    Duration.ofSeconds(Math.max(0, warmup)), Duration.ofSeconds(Math.max(1, seconds)));
            spec.commandLine().getOut().println(benchmark.run(dir).report());
            return 0;
        }
    }

    /** {@code hark bench refresh N}. */
    @Command(name = "refresh", description = "Serve N generated feeds on loopback and refresh them all: first read, unchanged (304), changed.")
    static final class Refresh implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "N", defaultValue = "1000")
        int feeds;

        @Option(names = "--items", defaultValue = "100", description = "Items per feed (default 100).")
        int items;

        @Option(names = "--concurrency", defaultValue = "4", description = "Feed fetches at once (default 4).")
        int concurrency;

        @Override
        public Integer call() throws Exception {
            if (feeds < 1 || items < 1) {
                throw new BadInputException("N and --items must be at least 1");
            }
            spec.commandLine().getOut().println("Refreshing " + feeds + " generated feeds of " + items
                    + " items, " + concurrency + " at once:");
            new RefreshBenchmark(feeds, items, concurrency).run(System.out);
            return 0;
        }
    }

    /** {@code hark bench web}. */
    @Command(name = "web", description = "Load the library and episode pages of a server with the demo podcast; print requests/s and latency percentiles.")
    static final class Web implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--clients", defaultValue = "4", description = "Concurrent clients (default 4).")
        int clients;

        @Option(names = "--seconds", defaultValue = "10", description = "Measured seconds per page (default 10).")
        int seconds;

        @Override
        public Integer call() throws Exception {
            if (clients < 1 || seconds < 1) {
                throw new BadInputException("--clients and --seconds must be at least 1");
            }
            spec.commandLine().getOut().println("Loading pages with " + clients + " clients, " + seconds + " s each:");
            spec.commandLine().getOut().flush();
            new dev.hark.bench.WebBenchmark(clients, Duration.ofSeconds(seconds)).run(System.out);
            return 0;
        }
    }

    /** {@code hark bench media}. */
    @Command(name = "media", description = "Make an MP3 of N minutes with the bundled ffmpeg, then time decoding it and mapping its silences.")
    static final class Media implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--minutes", defaultValue = "60", description = "Length of the generated audio (default 60).")
        int minutes;

        @Override
        public Integer call() throws Exception {
            if (minutes < 1) {
                throw new BadInputException("--minutes must be at least 1");
            }
            spec.commandLine().getOut().println(new dev.hark.bench.MediaBenchmark(new dev.hark.media.Ffmpeg(),
                    Duration.ofMinutes(minutes)).run());
            return 0;
        }
    }

    /** {@code hark bench transcribe}. */
    @Command(name = "transcribe", description = "Real-time factor of whisper.cpp at tiny.en and base.en sizes (random-weight models with the real dimensions), Hark's overhead over a bare whisper call, peak heap.")
    static final class Transcribe implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--minutes", defaultValue = "3", description = "Minutes of generated audio (default 3).")
        int minutes;

        @Option(names = "--threads", defaultValue = "2", description = "whisper.cpp threads (default 2).")
        int threads;

        @Option(names = "--text-context", defaultValue = "64", description = "n_text_ctx written into the test models, bounding decoding (default 64; real models: 448).")
        int textContext;

        @Override
        public Integer call() throws Exception {
            if (minutes < 1 || threads < 1 || textContext < 8) {
                throw new BadInputException("--minutes and --threads must be at least 1, --text-context at least 8");
            }
            spec.commandLine().getOut().println(new dev.hark.bench.TranscribeBenchmark(new dev.hark.media.Ffmpeg())
                    .run(minutes, threads, textContext));
            return 0;
        }
    }

    /** {@code hark bench ai}. */
    @Command(name = "ai", description = "Time passages, embeddings, summary, chapters, mentions and Ask for a one-hour transcript, locally.")
    static final class Ai implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--transcript", paramLabel = "FILE",
                description = "A real transcript to time instead of the bundled demo repeated to an hour.")
        Path transcript;

        @Override
        public Integer call() throws Exception {
            var benchmark = new dev.hark.bench.AiBenchmark();
            if (transcript != null) {
                benchmark.on(dev.hark.transcript.TranscriptReaders.read(
                        dev.hark.transcript.TranscriptReaders.decode(java.nio.file.Files.readAllBytes(transcript), null),
                        transcript.getFileName().toString()));
            }
            spec.commandLine().getOut().println(benchmark.run());
            return 0;
        }
    }
}
