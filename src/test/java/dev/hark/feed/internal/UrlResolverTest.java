package dev.hark.feed.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlResolverTest {

    private final UrlResolver resolver = new UrlResolver("https://example.com/podcast/feed.xml?x=1#top");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "ep1.mp3                  | https://example.com/podcast/ep1.mp3",
        "./ep1.mp3                | https://example.com/podcast/ep1.mp3",
        "/media/ep1.mp3           | https://example.com/media/ep1.mp3",
        "../img/a.jpg             | https://example.com/img/a.jpg",
        "../../../img/a.jpg       | https://example.com/img/a.jpg",
        "//cdn.example.net/x.mp3  | https://cdn.example.net/x.mp3",
        "?page=2                  | https://example.com/podcast/feed.xml?page=2",
        "#ep1                     | https://example.com/podcast/feed.xml?x=1#ep1",
        "ep 1.mp3?a=b#c           | https://example.com/podcast/ep 1.mp3?a=b#c",
        "http://other.org/x.mp3   | http://other.org/x.mp3",
        "HTTPS://other.org/x.mp3  | HTTPS://other.org/x.mp3",
        "mailto:me@example.com    | mailto:me@example.com",
    })
    void relative_urls_are_resolved_against_the_feed_url(String reference, String expected) {
        assertThat(resolver.resolve(reference)).isEqualTo(expected);
    }

    @Test
    void urls_are_trimmed_and_blank_ones_are_null() {
        assertThat(resolver.resolve("  \n https://example.com/a.mp3 \t")).isEqualTo("https://example.com/a.mp3");
        assertThat(resolver.resolve("   ")).isNull();
        assertThat(resolver.resolve(null)).isNull();
    }

    @Test
    void without_a_base_url_relative_urls_stay_as_written() {
        UrlResolver local = new UrlResolver(null);
        assertThat(local.resolve("media/ep1.mp3")).isEqualTo("media/ep1.mp3");
        assertThat(local.resolve("/ep1.mp3")).isEqualTo("/ep1.mp3");
    }

    @Test
    void a_host_without_a_path_gets_a_slash() {
        assertThat(new UrlResolver("https://example.com").resolve("ep1.mp3")).isEqualTo("https://example.com/ep1.mp3");
    }
}
