package dev.hark.directory.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class FeedUrlsTest {

    @ParameterizedTest(name = "{0} names the same feed as {1}")
    @CsvSource({
            "https://feeds.example.com/show, https://feeds.example.com/show",
            "HTTPS://Feeds.Example.COM/show, https://feeds.example.com/show",
            "https://feeds.example.com/show/, https://feeds.example.com/show",
            "https://feeds.example.com/show//, https://feeds.example.com/show",
            "http://feeds.example.com/show, https://feeds.example.com/show",
            "https://feeds.example.com:443/show, https://feeds.example.com/show",
            "http://feeds.example.com:80/show, https://feeds.example.com/show",
            "https://feeds.example.com/show#latest, https://feeds.example.com/show",
            "' https://feeds.example.com/show ', https://feeds.example.com/show",
            "https://example.com/, https://example.com",
    })
    void addresses_spelled_differently_have_one_key(String one, String other) {
        assertThat(FeedUrls.key(one)).isEqualTo(FeedUrls.key(other));
    }

    @ParameterizedTest(name = "{0} is not the feed {1}")
    @CsvSource({
            "https://feeds.example.com/Show, https://feeds.example.com/show",
            "https://feeds.example.com/show?format=mp3, https://feeds.example.com/show?format=aac",
            "https://feeds.example.com/show?format=mp3, https://feeds.example.com/show",
            "https://feeds.example.com:8443/show, https://feeds.example.com/show",
            "https://other.example.com/show, https://feeds.example.com/show",
    })
    void addresses_of_different_feeds_have_different_keys(String one, String other) {
        assertThat(FeedUrls.key(one)).isNotEqualTo(FeedUrls.key(other));
    }

    @ParameterizedTest
    @CsvSource({"'https://exa mple.com/feed'", "'not a url'"})
    void an_address_that_does_not_parse_is_its_own_key(String url) {
        assertThat(FeedUrls.key(url)).isEqualTo(url);
    }
}
