package dev.hark.feed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Measures {@link FeedParser} throughput on a folder of feeds: every {@code *.xml} is loaded into
 * memory, parsed for a warm-up period, then parsed round after round for a measured period.
 * Each parse produces everything the {@code feed parse} contract outputs (the whole
 * {@link ParsedFeed}, plain-text descriptions included) and, if asked, the JSON too.
 *
 * <p>Feeds that fail to parse are left out of the figures: those named {@code broken-*} are
 * expected to fail and counted apart from any other failure.
 *
 * <p>Not thread-safe: run one benchmark at a time (it measures a single thread).
 */
public final class FeedBenchmark {

    /** Mean time of one parse of one feed. */
    public record FeedTiming(String name, long bytes, double meanMillis) {
    }

    /**
     * What a run measured. Throughput counts only feeds that parse; MB are 10^6 bytes.
     *
     * @param feeds            feeds that parsed and were measured
     * @param expectedFailures {@code broken-*} feeds that failed, as they should
     * @param otherFailures    names of any other feeds that failed
     * @param totalBytes       size of the measured feeds together (one copy each)
     * @param rounds           how many times every measured feed was parsed
     */
    public record Result(int feeds, int expectedFailures, List<String> otherFailures, long totalBytes,
                         int rounds, double seconds, double feedsPerSecond, double megabytesPerSecond,
                         boolean withJson, FeedTiming slowest) {

        public Result {
            otherFailures = List.copyOf(otherFailures);
        }

        /** Human-readable lines, for a CLI or a test log. */
        public String report() {
            List<String> lines = new ArrayList<>();
            lines.add(String.format(Locale.ROOT, "feeds measured: %d (%,d bytes)%s", feeds, totalBytes,
                    withJson ? ", parse + JSON" : ", parse only"));
            lines.add(String.format(Locale.ROOT, "throughput: %.1f MB/s, %.1f feeds/s (%d rounds in %.1f s)",
                    megabytesPerSecond, feedsPerSecond, rounds, seconds));
            if (slowest != null) {
                lines.add(String.format(Locale.ROOT, "slowest feed: %s (%,d bytes), %.2f ms per parse",
                        slowest.name(), slowest.bytes(), slowest.meanMillis()));
            }
            lines.add("expected failures (broken-*): " + expectedFailures);
            if (!otherFailures.isEmpty()) {
                lines.add("UNEXPECTED failures: " + String.join(", ", otherFailures));
            }
            return String.join("\n", lines);
        }
    }

    private record Feed(String name, byte[] body) {
    }

    private final FeedParser parser;
    private final FeedJson json;
    private final Duration warmUp;
    private final Duration measure;
    private long sink;

    /**
     * @param json null to measure parsing alone, else also writing each result as JSON
     */
    public FeedBenchmark(FeedParser parser, FeedJson json, Duration warmUp, Duration measure) {
        this.parser = parser;
        this.json = json;
        this.warmUp = warmUp;
        this.measure = measure;
    }

    /** Loads every {@code *.xml} in {@code directory} (not recursively) and measures it. */
    public Result run(Path directory) throws IOException {
        List<Feed> feeds = new ArrayList<>();
        int expectedFailures = 0;
        List<String> otherFailures = new ArrayList<>();
        for (Feed feed : load(directory)) {
            if (parsesOnce(feed)) {
                feeds.add(feed);
            } else if (feed.name().startsWith("broken-")) {
                expectedFailures++;
            } else {
                otherFailures.add(feed.name());
            }
        }
        long totalBytes = feeds.stream().mapToLong(feed -> feed.body().length).sum();
        long warmUpEnd = System.nanoTime() + warmUp.toNanos();
        while (System.nanoTime() < warmUpEnd && !feeds.isEmpty()) {
            for (Feed feed : feeds) {
                parseQuietly(feed);
            }
        }
        long[] nanos = new long[feeds.size()];
        int rounds = 0;
        long start = System.nanoTime();
        long end = start + measure.toNanos();
        do {
            for (int i = 0; i < feeds.size(); i++) {
                long before = System.nanoTime();
                parseQuietly(feeds.get(i));
                nanos[i] += System.nanoTime() - before;
            }
            rounds++;
        } while (System.nanoTime() < end && !feeds.isEmpty());
        return result(feeds, nanos, rounds, expectedFailures, otherFailures, totalBytes);
    }

    private Result result(List<Feed> feeds, long[] nanos, int rounds, int expectedFailures,
                          List<String> otherFailures, long totalBytes) {
        long parsingNanos = 0;
        FeedTiming slowest = null;
        for (int i = 0; i < feeds.size(); i++) {
            parsingNanos += nanos[i];
            double mean = nanos[i] / 1e6 / rounds;
            if (slowest == null || mean > slowest.meanMillis()) {
                slowest = new FeedTiming(feeds.get(i).name(), feeds.get(i).body().length, mean);
            }
        }
        double seconds = parsingNanos / 1e9;
        double feedsPerSecond = seconds == 0 ? 0 : (double) feeds.size() * rounds / seconds;
        double megabytesPerSecond = seconds == 0 ? 0 : (double) totalBytes * rounds / 1e6 / seconds;
        return new Result(feeds.size(), expectedFailures, otherFailures, totalBytes, rounds, seconds,
                feedsPerSecond, megabytesPerSecond, json != null, slowest);
    }

    private static List<Feed> load(Path directory) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(path -> path.getFileName().toString().endsWith(".xml")).sorted().toList();
        }
        List<Feed> feeds = new ArrayList<>(files.size());
        for (Path file : files) {
            String name = file.getFileName().toString();
            feeds.add(new Feed(name.substring(0, name.length() - 4), Files.readAllBytes(file)));
        }
        return feeds;
    }

    private boolean parsesOnce(Feed feed) {
        try {
            parser.parse(feed.body(), null);
            return true;
        } catch (FeedParseException e) {
            return false;
        }
    }

    private void parseQuietly(Feed feed) {
        try {
            ParsedFeed parsed = parser.parse(feed.body(), "https://example.com/feed.xml");
            sink += parsed.episodes().size();
            if (json != null) {
                sink += json.toJson(parsed).length();
            }
        } catch (FeedParseException e) {
            throw new IllegalStateException("feed " + feed.name() + " parsed once, then failed", e);
        }
    }

    /** Keeps the JIT from discarding the parses; meaningless otherwise. */
    long sink() {
        return sink;
    }
}
