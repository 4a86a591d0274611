package dev.hark.bench;

import dev.hark.app.Config;
import dev.hark.app.Hark;
import dev.hark.jobs.Job;
import dev.hark.refresh.RefreshJob;
import dev.hark.refresh.RefreshSummary;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Serves N generated feeds on loopback and refreshes them all through the real job queue,
 * library and fetcher, three times: first read (all new), unchanged (304), and after every
 * feed published new episodes (all changed).
 */
public final class RefreshBenchmark {

    /** One timed round. */
    public record Round(String name, double seconds, RefreshSummary summary) {
        String line() {
            return String.format("%-30s %7.2f s  %7.1f feeds/s   %s", name, seconds, summary.feeds() / seconds,
                    summary.sentence());
        }
    }

    private final int feeds;
    private final int items;
    private final int concurrency;

    public RefreshBenchmark(int feeds, int items, int concurrency) {
        this.feeds = feeds;
        this.items = items;
        this.concurrency = concurrency;
    }

    public List<Round> run(PrintStream log) throws IOException, InterruptedException {
        Path data = Files.createTempDirectory("hark-bench-refresh");
        List<Round> rounds = new ArrayList<>();
        try (GeneratedFeedServer server = new GeneratedFeedServer(feeds, items)) {
            Config defaults = Config.defaults(data);
            Config config = new Config(data, defaults.refreshInterval(), concurrency, defaults.maxFeedBytes(),
                    defaults.fetchTimeout(), defaults.host(), defaults.port(), defaults.directory(), defaults.downloadCapBytes(), defaults.speech(),
                    defaults.languageModel());
            try (Hark hark = Hark.open(config)) {
                List<Long> podcastIds = new ArrayList<>();
                for (int i = 0; i < feeds; i++) {
                    podcastIds.add(hark.podcasts.subscribe(server.url(i), hark.clock.instant()).podcast().id());
                }
                rounds.add(round(hark, podcastIds, "first read (" + items + " new items each)", log));
                rounds.add(round(hark, podcastIds, "unchanged (304)", log));
                server.publish();
                rounds.add(round(hark, podcastIds, "changed (5 new items each)", log));
            }
        } finally {
            deleteTree(data);
        }
        return rounds;
    }

    private Round round(Hark hark, List<Long> podcastIds, String name, PrintStream log) throws InterruptedException {
        long start = System.nanoTime();
        List<Long> jobIds = new ArrayList<>(podcastIds.size());
        for (long id : podcastIds) {
            jobIds.add(RefreshJob.enqueue(hark.jobs, id, hark.clock.instant()));
        }
        hark.runner.wake();
        List<Job> jobs = hark.runner.await(jobIds, j -> { });
        double seconds = (System.nanoTime() - start) / 1e9;
        RefreshSummary summary = RefreshSummary.of(jobs.stream()
                .map(job -> job.state() == Job.State.DONE ? job.result() : null).toList());
        Round round = new Round(name, seconds, summary);
        log.println(round.line());
        return round;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
