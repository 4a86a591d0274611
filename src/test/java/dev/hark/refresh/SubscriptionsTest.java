package dev.hark.refresh;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubscriptionsTest {

    @ParameterizedTest
    @CsvSource({
            "https://example.org/feed.xml, https://example.org/feed.xml",
            "'  http://example.org/rss  ', http://example.org/rss",
            "feed://example.org/feed, https://example.org/feed",
            "feed:https://example.org/feed, https://example.org/feed",
            "pcast://example.org/feed, https://example.org/feed",
            "itpc://example.org/feed, https://example.org/feed",
            "example.org/feed.xml, https://example.org/feed.xml"})
    void pasted_addresses_become_feed_urls(String pasted, String expected) throws Exception {
        assertThat(Subscriptions.normalise(pasted)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "ftp://example.org/feed", "file:///etc/passwd", "https://", "http://exa mple.org/"})
    void other_addresses_are_refused_with_a_reason(String pasted) {
        assertThatThrownBy(() -> Subscriptions.normalise(pasted)).isInstanceOf(SubscribeException.class)
                .hasMessageNotContaining("Exception");
    }
}
