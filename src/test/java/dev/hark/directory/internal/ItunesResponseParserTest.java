package dev.hark.directory.internal;

import dev.hark.directory.DirectoryResult;
import dev.hark.directory.SourceError;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ItunesResponseParserTest {

    @Test
    void a_podcast_becomes_a_result_with_the_largest_artwork() throws Exception {
        String body = """
                {"resultCount":1,"results":[{"wrapperType":"track","kind":"podcast","collectionId":1,
                 "artistName":"Mike Duncan","collectionName":"The History of Rome",
                 "trackName":"The History of Rome (track)","feedUrl":"https://feeds.example.com/rome",
                 "artworkUrl30":"https://art.example/30.jpg","artworkUrl100":"https://art.example/100.jpg",
                 "artworkUrl600":"https://art.example/600.jpg","trackCount":189,"primaryGenreName":"History"}]}
                """;

        assertThat(ItunesResponseParser.parse(bytes(body))).containsExactly(new DirectoryResult(
                "The History of Rome", "Mike Duncan", "https://feeds.example.com/rome", "https://art.example/600.jpg",
                DirectoryResult.ITUNES, 189, null));
    }

    @Test
    void missing_values_fall_back_or_stay_unknown() throws Exception {
        String body = """
                {"resultCount":2,"results":[
                 {"trackName":"Only a track name","feedUrl":"https://a.example/feed","artworkUrl100":"https://art.example/100.jpg"},
                 {"collectionName":"  ","feedUrl":"https://b.example/feed","trackCount":"12","artistName":""}]}
                """;

        assertThat(ItunesResponseParser.parse(bytes(body))).containsExactly(
                new DirectoryResult("Only a track name", null, "https://a.example/feed", "https://art.example/100.jpg",
                        DirectoryResult.ITUNES, null, null),
                new DirectoryResult("https://b.example/feed", null, "https://b.example/feed", null,
                        DirectoryResult.ITUNES, 12, null));
    }

    @Test
    void podcasts_without_a_usable_feed_url_are_left_out() throws Exception {
        String body = """
                {"resultCount":5,"results":[
                 {"collectionName":"No feed"},
                 {"collectionName":"Blank feed","feedUrl":" "},
                 {"collectionName":"Not http","feedUrl":"itpc://feeds.example.com/x"},
                 {"collectionName":"Relative","feedUrl":"/feed.xml"},
                 {"collectionName":"Kept","feedUrl":"http://feeds.example.com/kept"},
                 "not an object"]}
                """;

        assertThat(ItunesResponseParser.parse(bytes(body))).extracting(DirectoryResult::title).containsExactly("Kept");
    }

    @Test
    void no_results_is_an_empty_list() throws Exception {
        assertThat(ItunesResponseParser.parse(bytes("{\"resultCount\":0,\"results\":[]}"))).isEmpty();
    }

    @Test
    void an_answer_that_is_not_json_is_a_bad_response() {
        assertBadResponse("<html><body>Service Unavailable</body></html>", "not JSON");
        assertBadResponse("{\"resultCount\":1,\"results\":[{\"feedUrl\":", "not JSON");
        assertBadResponse("", "not a JSON object");
        assertBadResponse("[1,2]", "not a JSON object");
        assertBadResponse("{\"errorMessage\":\"Invalid value(s) for key(s): [limit]\"}", "no results list");
    }

    private static void assertBadResponse(String body, String detail) {
        assertThatThrownBy(() -> ItunesResponseParser.parse(bytes(body)))
                .isInstanceOfSatisfying(SourceFailure.class, failure -> {
                    assertThat(failure.error()).isEqualTo(SourceError.BAD_RESPONSE);
                    assertThat(failure.detail()).isEqualTo(detail);
                });
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
