package dev.hark.directory.internal;

import dev.hark.directory.DirectoryResult;
import dev.hark.directory.SourceError;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PodcastIndexResponseParserTest {

    @Test
    void a_feed_becomes_a_result_preferring_artwork_over_image() throws Exception {
        String body = """
                {"status":"true","feeds":[{"id":75075,"title":"Batman University","url":"https://feeds.example.com/batman",
                 "originalUrl":"https://old.example.com/batman","link":"https://example.com","description":"Batman University is a show.",
                 "author":"Tony Kanaan","ownerName":"Owner","image":"https://art.example/image.jpg",
                 "artwork":"https://art.example/artwork.jpg","episodeCount":19,"language":"en"}],
                 "count":1,"query":"batman university","description":"Found matching feeds."}
                """;

        assertThat(PodcastIndexResponseParser.parse(bytes(body))).containsExactly(new DirectoryResult(
                "Batman University", "Tony Kanaan", "https://feeds.example.com/batman", "https://art.example/artwork.jpg",
                DirectoryResult.PODCAST_INDEX, 19, "Batman University is a show."));
    }

    @Test
    void missing_values_fall_back_or_stay_unknown() throws Exception {
        String body = """
                {"status":true,"feeds":[
                 {"title":"Image only","url":"https://a.example/feed","image":"https://art.example/i.jpg","artwork":"",
                  "ownerName":"The Owner","episodeCount":null},
                 {"url":"https://b.example/feed","episodeCount":-3,"description":"  "}]}
                """;

        assertThat(PodcastIndexResponseParser.parse(bytes(body))).containsExactly(
                new DirectoryResult("Image only", "The Owner", "https://a.example/feed", "https://art.example/i.jpg",
                        DirectoryResult.PODCAST_INDEX, null, null),
                new DirectoryResult("https://b.example/feed", null, "https://b.example/feed", null,
                        DirectoryResult.PODCAST_INDEX, null, null));
    }

    @Test
    void feeds_without_a_usable_url_are_left_out() throws Exception {
        String body = """
                {"status":"true","feeds":[{"title":"No url"},{"title":"Blank","url":""},
                 {"title":"Kept","url":"https://feeds.example.com/kept"}]}
                """;

        assertThat(PodcastIndexResponseParser.parse(bytes(body))).extracting(DirectoryResult::title).containsExactly("Kept");
    }

    @Test
    void a_status_other_than_true_is_a_refusal_with_the_index_description() {
        assertThatThrownBy(() -> PodcastIndexResponseParser.parse(bytes(
                "{\"status\":\"false\",\"description\":\"Missing search terms\"}")))
                .isInstanceOfSatisfying(SourceFailure.class, failure -> {
                    assertThat(failure.error()).isEqualTo(SourceError.REFUSED);
                    assertThat(failure.detail()).isEqualTo("Missing search terms");
                });
    }

    @Test
    void an_answer_without_feeds_is_a_bad_response() {
        assertThatThrownBy(() -> PodcastIndexResponseParser.parse(bytes("{\"status\":\"true\",\"count\":0}")))
                .isInstanceOfSatisfying(SourceFailure.class, failure -> {
                    assertThat(failure.error()).isEqualTo(SourceError.BAD_RESPONSE);
                    assertThat(failure.detail()).isEqualTo("no feeds list");
                });
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
