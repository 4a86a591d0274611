package dev.hark.refresh;

import dev.hark.app.Config;
import dev.hark.app.Hark;
import dev.hark.feed.FeedParser;
import dev.hark.library.Database;
import dev.hark.library.Podcast;
import dev.hark.testing.LoopbackFeedServer;
import dev.hark.testing.LoopbackFeedServer.Reply;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refresh stopped at any point, by an interrupt or by killing the process, leaves every
 * podcast exactly as it was before or exactly as the new feed says: never half of each.
 */
@Tag("slow")
class RefreshInterruptionTest {

    private static final String LARGE = "large-1583items-nrk-radioresepsjonen.xml";

    @TempDir
    Path data;

    private static byte[] large() throws Exception {
        return Files.readAllBytes(LoopbackFeedServer.sharedFixture("fixtures/feeds/" + LARGE));
    }

    private static int largeEpisodes() throws Exception {
        return new FeedParser().parse(large(), null).episodes().size();
    }

    /**
     * Each podcast is in its old state (1 episode, old title) or its new one: the large feed's
     * episodes plus the old one, kept (out of the feed) for its user state.
     */
    private static void assertConsistent(Hark hark, int newCount) {
        for (Podcast podcast : hark.podcasts.list()) {
            int count = hark.episodes.countByPodcast(podcast.id());
            if ("Small".equals(podcast.title())) {
                assertThat(count).as("episodes of a podcast still in its old state").isEqualTo(1);
            } else {
                assertThat(count).as("episodes of %s after the new feed", podcast.title()).isEqualTo(newCount + 1);
            }
        }
        String check = hark.database.jdbi().withHandle(h -> h.createQuery("PRAGMA integrity_check").mapTo(String.class).one());
        assertThat(check).isEqualTo("ok");
    }

    @Test
    void a_refresh_interrupted_at_any_moment_leaves_the_old_or_the_new_state() throws Exception {
        int newCount = largeEpisodes();
        try (LoopbackFeedServer server = LoopbackFeedServer.start(); Hark hark = Hark.open(Config.defaults(data))) {
            for (int delayMs : new int[] {0, 1, 2, 4, 8, 15, 25, 40, 60, 90, 130, 200}) {
                String path = "/show-" + delayMs + ".xml";
                server.serve(path, Reply.ok(FeedRefresherTest.feed("Small", "", "only"), "application/rss+xml"));
                long id = hark.subscriptions.add(server.url(path)).podcast().id();
                server.serve(path, Reply.ok(large(), "application/rss+xml"));

                Thread refresh = Thread.ofVirtual().start(() -> {
                    try {
                        hark.refresher.refresh(id);
                    } catch (InterruptedException | RuntimeException e) {
                        // stopped midway: what matters is the state it leaves
                    }
                });
                Thread.sleep(delayMs);
                refresh.interrupt();
                refresh.join(30_000);
                assertThat(refresh.isAlive()).isFalse();

                assertConsistent(hark, newCount);
            }
        }
    }

    /** The large feed, after a delay: spreads a refresh of many feeds over seconds. */
    private static void serveSlowly(LoopbackFeedServer server, String path, long delayMs) throws Exception {
        byte[] body = large();
        server.handle(path, exchange -> {
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
    }

    @Test
    void killing_the_process_mid_refresh_never_corrupts_the_library() throws Exception {
        int newCount = largeEpisodes();
        int feeds = 12;
        try (LoopbackFeedServer server = LoopbackFeedServer.start()) {
            for (long killAfterMs : new long[] {900, 1600, 2400}) {
                Path dir = Files.createDirectories(data.resolve("kill-" + killAfterMs));
                try (Hark hark = Hark.open(Config.defaults(dir))) {
                    for (int i = 0; i < feeds; i++) {
                        String path = "/k" + killAfterMs + "-" + i + ".xml";
                        server.serve(path, Reply.ok(FeedRefresherTest.feed("Small", "", "only"), "application/rss+xml"));
                        hark.subscriptions.add(server.url(path));
                        serveSlowly(server, path, 300 + 150 * i);
                    }
                }
                Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"), "dev.hark.app.Main", "--data", dir.toString(), "refresh")
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("child.log").toFile())
                        .start();
                boolean finished = child.waitFor(killAfterMs, TimeUnit.MILLISECONDS);
                assertThat(finished).as("the refresh was still running when killed").isFalse();
                child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

                // a fresh open sees a sound file with every podcast old or new, and can carry on
                for (int i = 0; i < feeds; i++) {
                    server.serve("/k" + killAfterMs + "-" + i + ".xml", Reply.ok(large(), "application/rss+xml"));
                }
                try (Hark hark = Hark.open(Config.defaults(dir))) {
                    assertConsistent(hark, newCount);
                    List<Long> ids = new ArrayList<>();
                    hark.podcasts.list().forEach(p -> ids.add(p.id()));
                    for (long id : ids) {
                        hark.refresher.refresh(id);
                    }
                    assertThat(hark.podcasts.list()).allMatch(p -> !"Small".equals(p.title()));
                    assertConsistent(hark, newCount);
                }
                assertThat(Files.exists(dir.resolve(Database.FILE_NAME))).isTrue();
            }
        }
    }
}
