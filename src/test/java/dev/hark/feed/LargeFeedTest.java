package dev.hark.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** A 20 MB feed with 5,000 items: parsed correctly, quickly and within a small heap. */
class LargeFeedTest {

    @Test
    void a_20_mb_feed_with_5000_items_is_parsed_completely() throws Exception {
        byte[] feed = LargeFeed.generate(LargeFeed.ITEMS, LargeFeed.BYTES);
        assertThat(feed.length).isBetween(19_000_000, 21_000_000);

        ParsedFeed parsed = new FeedParser().parse(feed, "https://example.com/feed.xml");

        assertThat(parsed.episodes()).hasSize(LargeFeed.ITEMS);
        ParsedEpisode last = parsed.episodes().getLast();
        assertThat(last.guid()).isEqualTo("large-feed-5000");
        assertThat(last.duration()).isEqualTo(3723L);
        assertThat(last.media().url()).isEqualTo("https://cdn.example.com/episodes/5000.mp3");
        assertThat(last.description()).startsWith("In this episode we talk about item 5000.\n\nA link to something & more\n");
    }

    /**
     * Run in a child JVM so the heap limit is real: 20 MB of input, its parsed result (show notes
     * kept both as HTML and as plain text) and all parsing garbage must fit in 5x the input (about 3x is enough today).
     */
    @Test
    void a_20_mb_feed_parses_within_a_heap_of_five_times_its_size() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Xmx100m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), LargeFeed.class.getName())
                .redirectErrorStream(true)
                .start();
        boolean finished = process.waitFor(60, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished).as("finished in time").isTrue();
        assertThat(output).as("child output").contains("episodes=5000");
        assertThat(process.exitValue()).as(output).isZero();
    }
}
