package dev.hark.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

class FeedParserConcurrencyTest {

    @Test
    void one_parser_gives_the_same_results_on_many_threads_at_once() throws Exception {
        FeedParser parser = new FeedParser();
        List<Path> feeds = FeedFixturesTest.readableFeeds().toList();
        List<ParsedFeed> expected = new ArrayList<>();
        for (Path feed : feeds) {
            expected.add(parser.parse(Fixtures.read(feed), "https://example.com/feed.xml"));
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<List<ParsedFeed>>> runs = new ArrayList<>();
            for (int run = 0; run < 4; run++) {
                runs.add(pool.submit(() -> {
                    List<ParsedFeed> results = new ArrayList<>();
                    for (Path feed : feeds) {
                        results.add(parser.parse(Fixtures.read(feed), "https://example.com/feed.xml"));
                    }
                    return results;
                }));
            }
            for (Future<List<ParsedFeed>> run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
        }
    }
}
