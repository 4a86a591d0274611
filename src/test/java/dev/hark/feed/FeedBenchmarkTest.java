package dev.hark.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedBenchmarkTest {

    @Test
    void benchmark_measures_readable_feeds_and_counts_failures_apart(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("small.xml"), FeedParserTest.rss(FeedParserTest.item(
                FeedParserTest.enclosure("https://example.com/a.mp3"))));
        Files.write(dir.resolve("big.xml"), LargeFeed.generate(50, 200_000));
        Files.writeString(dir.resolve("broken-empty.xml"), "");
        Files.writeString(dir.resolve("oops.xml"), "<html><body>not a feed</body></html>");
        Files.writeString(dir.resolve("notes.txt"), "ignored: not *.xml");

        FeedBenchmark.Result result = new FeedBenchmark(new FeedParser(), new FeedJson(), Duration.ZERO,
                Duration.ofMillis(200)).run(dir);

        assertThat(result.feeds()).isEqualTo(2);
        assertThat(result.expectedFailures()).isEqualTo(1);
        assertThat(result.otherFailures()).containsExactly("oops");
        assertThat(result.totalBytes()).isEqualTo(Files.size(dir.resolve("small.xml")) + Files.size(dir.resolve("big.xml")));
        assertThat(result.rounds()).isPositive();
        assertThat(result.megabytesPerSecond()).isPositive();
        assertThat(result.feedsPerSecond()).isPositive();
        assertThat(result.slowest().name()).isEqualTo("big");
        assertThat(result.report()).contains("MB/s", "slowest feed: big", "expected failures (broken-*): 1",
                "UNEXPECTED failures: oops", "parse + JSON");
    }
}
