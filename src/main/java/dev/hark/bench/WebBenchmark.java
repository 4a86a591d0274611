package dev.hark.bench;

import dev.hark.app.Config;
import dev.hark.app.Hark;
import dev.hark.transcript.Segment;
import dev.hark.transcript.StoredTranscript;
import dev.hark.transcript.Transcript;
import dev.hark.transcript.TranscriptFormat;
import dev.hark.web.WebServer;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Load on the real web server: the library page and an episode page, each hit by C clients
 * for a fixed time after a warm-up; reports requests/s and latency percentiles. The clients
 * share the machine with the server, as a load generator on this 2-core box would.
 */
public final class WebBenchmark {

    /** One page's figures. */
    public record PageResult(String page, int requests, double perSecond, double p50Ms, double p95Ms, double p99Ms) {
        String line() {
            return String.format("%-28s %7d requests  %8.1f req/s   p50 %6.2f ms   p95 %6.2f ms   p99 %6.2f ms",
                    page, requests, perSecond, p50Ms, p95Ms, p99Ms);
        }
    }

    private final int clients;
    private final Duration duration;

    public WebBenchmark(int clients, Duration duration) {
        this.clients = clients;
        this.duration = duration;
    }

    public List<PageResult> run(PrintStream log) throws Exception {
        Path data = Files.createTempDirectory("hark-bench-web");
        List<PageResult> results = new ArrayList<>();
        try (Hark hark = Hark.open(Config.defaults(data).withServer("127.0.0.1", 0));
             WebServer web = new WebServer(hark, "127.0.0.1").start(0)) {
            String base = "http://127.0.0.1:" + web.port();
            long podcast = hark.subscriptions.add(base + "/demo/feed.xml").podcast().id();
            long episode = hark.episodes.listByPodcast(podcast).getFirst().id();
            hark.transcripts.save(oneHourTranscript(episode, hark.clock.instant()));
            log.println("Episode " + episode + " carries a one-hour transcript of "
                    + hark.transcripts.find(episode).orElseThrow().transcript().text().split("\\s+").length + " words.");
            try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
                for (String page : List.of("/", "/episodes/" + episode, "/api/episodes/" + episode + "/playback")) {
                    load(client, base + page, Duration.ofSeconds(2));
                    PageResult result = measure(client, base, page);
                    log.println(result.line());
                    results.add(result);
                }
            }
        } finally {
            try (var walk = Files.walk(data)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return results;
    }

    /** About 9,000 words over an hour, two speakers taking turns: the size of a real episode's transcript. */
    static StoredTranscript oneHourTranscript(long episodeId, java.time.Instant now) {
        String[] words = ("so the thing about reliability is that you build it into the product from the start and "
                + "then you keep testing it with real failures in production every week").split(" ");
        List<Segment> segments = new ArrayList<>();
        double t = 0;
        for (int i = 0; i < 600; i++) {
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 15; w++) {
                text.append(w == 0 ? "" : " ").append(words[(i * 7 + w) % words.length]);
            }
            segments.add(new Segment(t, t + 6, i / 10 % 2 == 0 ? "Jason" : "Gustavo", text + "."));
            t += 6;
        }
        return new StoredTranscript(episodeId, StoredTranscript.PUBLISHER, TranscriptFormat.VTT, "en",
                new Transcript(segments), now);
    }

    private PageResult measure(HttpClient client, String base, String page) throws Exception {
        List<Long> latencies = load(client, base + page, duration);
        Collections.sort(latencies);
        return new PageResult(page, latencies.size(), latencies.size() / (duration.toMillis() / 1000.0),
                percentile(latencies, 0.50), percentile(latencies, 0.95), percentile(latencies, 0.99));
    }

    /** Each client sends requests back to back until the time is up; returns every latency in ns. */
    private List<Long> load(HttpClient client, String url, Duration time) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").build();
        long end = System.nanoTime() + time.toNanos();
        List<Future<List<Long>>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < clients; i++) {
                futures.add(pool.submit(() -> {
                    List<Long> mine = new ArrayList<>();
                    while (System.nanoTime() < end) {
                        long start = System.nanoTime();
                        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 200) {
                            throw new IOException(url + " answered " + response.statusCode());
                        }
                        mine.add(System.nanoTime() - start);
                    }
                    return mine;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> future : futures) {
                all.addAll(future.get());
            }
            return all;
        }
    }

    private static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
