package dev.hark.feed;

import dev.hark.testing.LoopbackFeedServer;
import dev.hark.testing.LoopbackFeedServer.Reply;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import static dev.hark.feed.FeedFetcherTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;

class FeedFetcherRedirectTest {

    private static final Reply FEED = Reply.ok(fixture("gp-simple-minimal-item.xml"), "application/rss+xml");

    @AutoClose
    private final LoopbackFeedServer server = LoopbackFeedServer.start();
    @AutoClose
    private final FeedFetcher fetcher = new FeedFetcher(FetchLimits.defaults().withMaxRedirects(3));

    @Test
    void a_chain_of_301s_reports_the_final_address_as_permanent() throws Exception {
        server.serve("/old", Reply.redirect(301, server.url("/older")))
                .serve("/older", Reply.redirect(301, "/feed.xml"))
                .serve("/feed.xml", FEED);

        FetchResult result = fetcher.fetch(server.url("/old"), null, null);

        assertThat(result).isInstanceOfSatisfying(FetchResult.Fetched.class, fetched -> {
            assertThat(fetched.finalUrl()).isEqualTo(server.url("/feed.xml"));
            assertThat(fetched.permanentUrl()).isEqualTo(server.url("/feed.xml"));
        });
    }

    @Test
    void a_308_is_a_permanent_move_too() throws Exception {
        server.serve("/old", Reply.redirect(308, "/feed.xml")).serve("/feed.xml", FEED);

        assertThat(fetcher.fetch(server.url("/old"), null, null)).isInstanceOfSatisfying(FetchResult.Fetched.class,
                fetched -> assertThat(fetched.permanentUrl()).isEqualTo(server.url("/feed.xml")));
    }

    @Test
    void one_temporary_redirect_in_the_chain_means_no_permanent_address() throws Exception {
        server.serve("/old", Reply.redirect(301, "/tracker"))
                .serve("/tracker", Reply.redirect(302, "/feed.xml"))
                .serve("/feed.xml", FEED);

        assertThat(fetcher.fetch(server.url("/old"), null, null)).isInstanceOfSatisfying(FetchResult.Fetched.class,
                fetched -> {
                    assertThat(fetched.finalUrl()).isEqualTo(server.url("/feed.xml"));
                    assertThat(fetched.permanentUrl()).isNull();
                });
    }

    @Test
    void redirects_303_and_307_are_followed_as_temporary() throws Exception {
        server.serve("/a", Reply.redirect(303, "/b")).serve("/b", Reply.redirect(307, "/feed.xml"))
                .serve("/feed.xml", FEED);

        assertThat(fetcher.fetch(server.url("/a"), null, null)).isInstanceOfSatisfying(FetchResult.Fetched.class,
                fetched -> assertThat(fetched.permanentUrl()).isNull());
    }

    @Test
    void a_relative_location_is_resolved_against_the_address_that_sent_it() throws Exception {
        server.serve("/shows/old/feed", Reply.redirect(301, "../new/feed.xml"))
                .serve("/shows/new/feed.xml", FEED);

        assertThat(fetcher.fetch(server.url("/shows/old/feed"), null, null)).isInstanceOfSatisfying(
                FetchResult.Fetched.class,
                fetched -> assertThat(fetched.finalUrl()).isEqualTo(server.url("/shows/new/feed.xml")));
    }

    @Test
    void not_modified_after_a_permanent_move_still_reports_the_new_address() throws Exception {
        server.serve("/old", Reply.redirect(301, "/feed.xml"))
                .serve("/feed.xml", FEED.withHeader("ETag", "\"v1\""));

        assertThat(fetcher.fetch(server.url("/old"), "\"v1\"", null))
                .isEqualTo(new FetchResult.NotModified(server.url("/feed.xml")));
    }

    @Test
    void conditional_headers_go_along_every_hop() throws Exception {
        server.serve("/old", Reply.redirect(302, "/feed.xml"))
                .serve("/feed.xml", FEED.withHeader("ETag", "\"v1\""));

        assertThat(fetcher.fetch(server.url("/old"), "\"v1\"", null)).isEqualTo(new FetchResult.NotModified(null));
        assertThat(server.lastRequestHeaders("/feed.xml").getFirst("If-None-Match")).isEqualTo("\"v1\"");
    }

    @Test
    void a_redirect_back_to_an_earlier_address_is_a_loop() throws Exception {
        server.serve("/a", Reply.redirect(302, "/b")).serve("/b", Reply.redirect(302, "/a"));

        assertThat(fetcher.fetch(server.url("/a"), null, null))
                .isEqualTo(new FetchResult.Failed(FetchError.REDIRECT_LOOP, "back to " + server.url("/a")));
        assertThat(server.requestCount("/a")).isEqualTo(1);
    }

    @Test
    void as_many_redirects_as_the_limit_are_followed() throws Exception {
        server.serve("/1", Reply.redirect(301, "/2")).serve("/2", Reply.redirect(301, "/3"))
                .serve("/3", Reply.redirect(301, "/feed.xml")).serve("/feed.xml", FEED);

        assertThat(fetcher.fetch(server.url("/1"), null, null)).isInstanceOf(FetchResult.Fetched.class);
    }

    @Test
    void one_redirect_more_than_the_limit_fails_without_requesting_it() throws Exception {
        server.serve("/1", Reply.redirect(301, "/2")).serve("/2", Reply.redirect(301, "/3"))
                .serve("/3", Reply.redirect(301, "/4")).serve("/4", Reply.redirect(301, "/feed.xml"))
                .serve("/feed.xml", FEED);

        assertThat(fetcher.fetch(server.url("/1"), null, null))
                .isEqualTo(new FetchResult.Failed(FetchError.TOO_MANY_REDIRECTS, "more than 3"));
        assertThat(server.requestCount("/feed.xml")).isZero();
    }

    @Test
    void a_redirect_to_another_scheme_is_a_bad_url() throws Exception {
        server.serve("/old", Reply.redirect(301, "ftp://example.com/feed.xml"));

        assertThat(fetcher.fetch(server.url("/old"), null, null))
                .isEqualTo(new FetchResult.Failed(FetchError.BAD_URL, "ftp://example.com/feed.xml"));
    }

    @Test
    void a_redirect_without_a_location_is_an_http_error() throws Exception {
        server.serve("/old", Reply.status(302));

        assertThat(fetcher.fetch(server.url("/old"), null, null))
                .isEqualTo(new FetchResult.Failed(FetchError.HTTP_ERROR, "redirect 302 without a Location"));
    }
}
