package dev.hark.directory;

import com.sun.net.httpserver.HttpExchange;
import dev.hark.testing.LoopbackFeedServer;
import dev.hark.testing.LoopbackFeedServer.Reply;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.hark.directory.StandIns.INDEX_PATH;
import static dev.hark.directory.StandIns.ITUNES_PATH;
import static dev.hark.directory.StandIns.KEY;
import static dev.hark.directory.StandIns.SECRET;
import static dev.hark.directory.StandIns.indexJson;
import static dev.hark.directory.StandIns.itunesJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Both directories at once, each a loopback stand-in on its own server, as in production. */
class DirectorySearchTest {

    private static final Duration LIMIT = Duration.ofMillis(1500);

    @AutoClose
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    @AutoClose
    private final LoopbackFeedServer itunesServer = LoopbackFeedServer.start();
    @AutoClose
    private final LoopbackFeedServer indexServer = LoopbackFeedServer.start();

    private final ItunesSearch itunes = new ItunesSearch(CLIENT, URI.create(itunesServer.url("")), "Hark-test/1");
    private final PodcastIndexSearch index = new PodcastIndexSearch(CLIENT, URI.create(indexServer.url("")),
            new PodcastIndexCredentials(KEY, SECRET), "Hark-test/1", Clock.systemUTC());
    private final DirectorySearch search = new DirectorySearch(List.of(index, itunes), LIMIT);

    @Test
    void results_from_both_directories_are_interleaved_in_each_ones_order() {
        indexServer.handle(INDEX_PATH, StandIns.podcastIndex(indexJson("P1|https://p.example/1", "P2|https://p.example/2")));
        itunesServer.handle(ITUNES_PATH, StandIns.itunes(itunesJson("I1|https://i.example/1", "I2|https://i.example/2",
                "I3|https://i.example/3")));

        SearchOutcome outcome = search.search("rome", 10);

        assertThat(outcome.notices()).isEmpty();
        assertThat(outcome.results()).extracting(DirectoryResult::title, DirectoryResult::source).containsExactly(
                tuple("P1", "podcastindex"), tuple("I1", "itunes"),
                tuple("P2", "podcastindex"), tuple("I2", "itunes"),
                tuple("I3", "itunes"));
    }

    @Test
    void a_feed_listed_by_both_directories_appears_once() {
        indexServer.handle(INDEX_PATH, StandIns.podcastIndex(indexJson("Rome (index)|https://Feeds.Example.com/rome/")));
        itunesServer.handle(ITUNES_PATH, StandIns.itunes(itunesJson("Other|https://i.example/other",
                "Rome (iTunes)|http://feeds.example.com/rome")));

        SearchOutcome outcome = search.search("rome", 10);

        assertThat(outcome.results()).containsExactly(
                new DirectoryResult("Rome (index)", "Index author", "https://Feeds.Example.com/rome/",
                        "https://art.example/index.jpg", DirectoryResult.PODCAST_INDEX, 20, "From the index"),
                new DirectoryResult("Other", "iTunes artist", "https://i.example/other", "https://art.example/600.jpg",
                        DirectoryResult.ITUNES, 10, null));
    }

    @Test
    void the_merged_list_is_cut_to_the_limit_and_each_directory_asked_for_that_many() {
        indexServer.handle(INDEX_PATH, StandIns.podcastIndex(indexJson("P1|https://p.example/1", "P2|https://p.example/2")));
        itunesServer.handle(ITUNES_PATH, exchange -> {
            assertThat(StandIns.params(exchange)).containsEntry("limit", "2");
            StandIns.sendJson(exchange, 200, itunesJson("I1|https://i.example/1", "I2|https://i.example/2"));
        });

        assertThat(search.search("rome", 2).results()).extracting(DirectoryResult::title).containsExactly("P1", "I1");
    }

    @Test
    void when_itunes_is_down_the_podcast_index_results_come_with_a_notice() {
        indexServer.handle(INDEX_PATH, StandIns.podcastIndex(indexJson("P1|https://p.example/1")));
        itunesServer.serve(ITUNES_PATH, Reply.status(503));

        SearchOutcome outcome = search.search("rome", 10);

        assertThat(outcome.results()).extracting(DirectoryResult::title).containsExactly("P1");
        assertThat(outcome.notices()).containsExactly("iTunes had a server error (HTTP 503)");
    }

    @Test
    void a_rejected_podcast_index_key_leaves_the_itunes_results_and_says_so() {
        PodcastIndexSearch badKey = new PodcastIndexSearch(CLIENT, URI.create(indexServer.url("")),
                new PodcastIndexCredentials(KEY, "revoked-secret"), "Hark-test/1", Clock.systemUTC());
        indexServer.handle(INDEX_PATH, StandIns.podcastIndex(indexJson("P1|https://p.example/1")));
        itunesServer.handle(ITUNES_PATH, StandIns.itunes(itunesJson("I1|https://i.example/1")));

        SearchOutcome outcome = new DirectorySearch(List.of(badKey, itunes), LIMIT).search("rome", 10);

        assertThat(outcome.results()).extracting(DirectoryResult::title).containsExactly("I1");
        assertThat(outcome.notices()).containsExactly("Podcast Index rejected the API key");
    }

    @Test
    void malformed_json_from_one_directory_is_a_notice_and_not_an_error() {
        indexServer.serve(INDEX_PATH, Reply.ok("{\"status\":\"true\",\"feeds\":[{\"title\":\"P1\",", "application/json"));
        itunesServer.handle(ITUNES_PATH, StandIns.itunes(itunesJson("I1|https://i.example/1")));

        SearchOutcome outcome = search.search("rome", 10);

        assertThat(outcome.results()).extracting(DirectoryResult::title).containsExactly("I1");
        assertThat(outcome.notices()).containsExactly("Podcast Index sent an answer Hark could not read (not JSON)");
    }

    @Test
    void when_both_directories_fail_there_are_no_results_and_a_notice_for_each_in_order() {
        indexServer.serve(INDEX_PATH, Reply.status(500));
        itunesServer.serve(ITUNES_PATH, Reply.status(429).withHeader("Retry-After", "60"));

        SearchOutcome outcome = search.search("rome", 10);

        assertThat(outcome.results()).isEmpty();
        assertThat(outcome.notices()).containsExactly("Podcast Index had a server error (HTTP 500)",
                "iTunes is limiting how often Hark may search; try again later (retry after 60 s)");
    }

    @Test
    void a_stalled_directory_times_out_at_the_limit_while_the_other_answers() {
        Duration limit = Duration.ofMillis(500);
        indexServer.handle(INDEX_PATH, exchange -> StandIns.pause(30_000)); // no headers, ever
        itunesServer.handle(ITUNES_PATH, StandIns.itunes(itunesJson("I1|https://i.example/1")));

        long started = System.nanoTime();
        SearchOutcome outcome = new DirectorySearch(List.of(index, itunes), limit).search("rome", 10);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(outcome.results()).extracting(DirectoryResult::title).containsExactly("I1");
        assertThat(outcome.notices()).containsExactly("Podcast Index did not answer in time (limit 500 ms)");
        assertThat(took).isBetween(limit.minusMillis(50), limit.plusMillis(800));
    }

    @Test
    void both_directories_are_asked_at_once() {
        // Each stand-in answers only once both requests have arrived: asked one after the other,
        // the first would wait out its whole limit and the search would report a timeout.
        CountDownLatch bothArrived = new CountDownLatch(2);
        indexServer.handle(INDEX_PATH, exchange -> {
            awaitOther(bothArrived);
            StandIns.podcastIndex(indexJson("P1|https://p.example/1")).handle(exchange);
        });
        itunesServer.handle(ITUNES_PATH, exchange -> {
            awaitOther(bothArrived);
            StandIns.sendJson(exchange, 200, itunesJson("I1|https://i.example/1"));
        });

        SearchOutcome outcome = search.search("rome", 10);

        assertThat(outcome.notices()).isEmpty();
        assertThat(outcome.results()).extracting(DirectoryResult::title).containsExactly("P1", "I1");
    }

    @Test
    void concurrent_searches_each_get_their_own_results() throws Exception {
        indexServer.handle(INDEX_PATH, exchange -> echo(exchange, "q", true));
        itunesServer.handle(ITUNES_PATH, exchange -> echo(exchange, "term", false));

        List<Future<SearchOutcome>> outcomes = new ArrayList<>();
        try (ExecutorService callers = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 16; i++) {
                String query = "query " + i;
                outcomes.add(callers.submit(() -> search.search(query, 10)));
            }
        }

        for (int i = 0; i < outcomes.size(); i++) {
            SearchOutcome outcome = outcomes.get(i).get();
            assertThat(outcome.notices()).isEmpty();
            assertThat(outcome.results()).extracting(DirectoryResult::title)
                    .containsExactly("index: query " + i, "itunes: query " + i);
        }
    }

    @Test
    void a_blank_query_is_refused_before_any_directory_is_asked() {
        for (String blank : new String[]{null, "", "   ", "\n\t"}) {
            assertThatThrownBy(() -> search.search(blank, 10)).isInstanceOf(InvalidQueryException.class)
                    .hasMessage("Type a podcast name or topic to search for");
        }
        assertThat(indexServer.requestCount(INDEX_PATH) + itunesServer.requestCount(ITUNES_PATH)).isZero();
    }

    @Test
    void a_query_over_two_hundred_characters_is_refused() {
        assertThatThrownBy(() -> search.search("a".repeat(201), 10)).isInstanceOf(InvalidQueryException.class)
                .hasMessage("The search is too long; use at most 200 characters");
    }

    @Test
    void line_breaks_and_runs_of_spaces_in_the_query_are_sent_as_single_spaces() {
        itunesServer.handle(ITUNES_PATH, exchange -> echo(exchange, "term", false));

        SearchOutcome outcome = new DirectorySearch(List.of(itunes), LIMIT).search("  history \n of\t\trome ", 10);

        assertThat(outcome.results()).extracting(DirectoryResult::title).containsExactly("itunes: history of rome");
    }

    @Test
    void a_limit_outside_one_to_two_hundred_is_a_programming_error() {
        assertThatThrownBy(() -> search.search("rome", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> search.search("rome", 201)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void with_no_directory_enabled_the_search_says_so() {
        SearchOutcome outcome = new DirectorySearch(List.of(), LIMIT).search("rome", 10);

        assertThat(outcome).isEqualTo(new SearchOutcome(List.of(), List.of("No podcast directory is enabled")));
    }

    @Test
    void an_interrupted_caller_gets_back_at_once_with_the_flag_still_set() {
        indexServer.handle(INDEX_PATH, exchange -> StandIns.pause(30_000));
        itunesServer.handle(ITUNES_PATH, exchange -> StandIns.pause(30_000));

        Thread.currentThread().interrupt();
        long started = System.nanoTime();
        SearchOutcome outcome = search.search("rome", 10);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        boolean stillInterrupted = Thread.interrupted(); // clears it for the next test

        assertThat(stillInterrupted).isTrue();
        assertThat(outcome).isEqualTo(new SearchOutcome(List.of(), List.of("The search was cancelled")));
        assertThat(took).isLessThan(Duration.ofMillis(500));
    }

    /** Answers with one result whose title repeats the query parameter {@code name}. */
    private static void echo(HttpExchange exchange, String name, boolean index) throws IOException {
        String query = StandIns.params(exchange).get(name);
        if (index) {
            StandIns.podcastIndex(indexJson("index: " + query + "|https://p.example/" + query.replace(' ', '-')))
                    .handle(exchange);
        } else {
            StandIns.sendJson(exchange, 200, itunesJson("itunes: " + query + "|https://i.example/" + query.replace(' ', '-')));
        }
    }

    private static void awaitOther(CountDownLatch bothArrived) {
        bothArrived.countDown();
        try {
            bothArrived.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
