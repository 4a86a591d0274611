package dev.hark.feed;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedirectTrailTest {

    @Test
    void a_relative_location_on_a_host_without_a_path_gets_the_root_slash() throws Exception {
        RedirectTrail trail = new RedirectTrail(URI.create("http://example.com"), 5);

        assertThat(trail.follow(301, "feed.xml")).isEqualTo(URI.create("http://example.com/feed.xml"));
    }

    @Test
    void a_protocol_relative_location_keeps_the_scheme() throws Exception {
        RedirectTrail trail = new RedirectTrail(URI.create("https://example.com/old"), 5);

        assertThat(trail.follow(301, "//cdn.example.net/feed.xml"))
                .isEqualTo(URI.create("https://cdn.example.net/feed.xml"));
    }

    @Test
    void the_fragment_is_dropped_so_it_cannot_hide_a_loop() throws Exception {
        RedirectTrail trail = new RedirectTrail(URI.create("https://example.com/feed"), 5);

        assertThatThrownBy(() -> trail.follow(302, "/feed#again"))
                .isInstanceOfSatisfying(FetchFailure.class,
                        failure -> assertThat(failure.error()).isEqualTo(FetchError.REDIRECT_LOOP));
    }

    @Test
    void percent_escapes_survive_resolution_unchanged() throws Exception {
        RedirectTrail trail = new RedirectTrail(URI.create("https://example.com/a"), 5);

        assertThat(trail.follow(301, "/my%20show/feed.xml?x=%26#top"))
                .isEqualTo(URI.create("https://example.com/my%20show/feed.xml?x=%26"));
    }

    @Test
    void the_permanent_address_is_null_before_any_redirect() throws Exception {
        assertThat(new RedirectTrail(RedirectTrail.parse("https://example.com/feed"), 5).permanentUrl()).isNull();
    }

    @Test
    void a_location_that_is_not_a_uri_is_a_bad_url() {
        RedirectTrail trail = new RedirectTrail(URI.create("https://example.com/a"), 5);

        assertThatThrownBy(() -> trail.follow(301, "http://exa mple.com/<feed>"))
                .isInstanceOfSatisfying(FetchFailure.class,
                        failure -> assertThat(failure.toResult()).isEqualTo(
                                new FetchResult.Failed(FetchError.BAD_URL, "redirect to http://exa mple.com/<feed>")));
    }

    @Test
    void a_pasted_url_is_trimmed_and_an_upper_case_scheme_is_accepted() throws Exception {
        assertThat(RedirectTrail.parse("  HTTPS://example.com/feed.xml \n"))
                .isEqualTo(URI.create("HTTPS://example.com/feed.xml"));
    }
}
