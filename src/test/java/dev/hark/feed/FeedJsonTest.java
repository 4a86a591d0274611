package dev.hark.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class FeedJsonTest {

    private static final List<String> FEED_KEYS =
            List.of("title", "link", "description", "author", "image", "language", "episodes");
    private static final List<String> EPISODE_KEYS = List.of("guid", "title", "published", "duration", "enclosures",
            "link", "description", "image", "season", "episode", "episodeType", "transcripts", "chaptersUrl", "persons");

    private final FeedJson json = new FeedJson();

    private static ParsedEpisode episode(String guid, List<TranscriptRef> transcripts, List<Person> persons) {
        return new ParsedEpisode(guid, "Ep \"1\"", 1_700_000_000L, 3723L,
                List.of(new Enclosure("https://cdn.example.com/1.mp3", "audio/mpeg", 123L),
                        new Enclosure("https://cdn.example.com/1.ogg", null, null)),
                "https://example.com/1", "Line one\nLine two", "<p>Line one</p>", null, 1, 2, "full", null, false,
                transcripts, "https://example.com/1.json", "application/json+chapters", persons, List.of(), List.of(),
                List.of());
    }

    @Test
    void feed_is_written_with_exactly_the_contract_keys_in_order() throws Exception {
        ParsedFeed feed = new ParsedFeed("Show", "https://example.com/", "About", "<p>About</p>", "Jane", null, "en",
                null, false, null, null, false, null, List.of(), List.of(), List.of(episode("g1",
                List.of(new TranscriptRef("https://example.com/1.vtt", "text/vtt", "en", "captions")),
                List.of(new Person("Jane", "host", "cast", "https://example.com/jane", null)))));

        JsonNode root = new ObjectMapper().readTree(json.toJson(feed));

        assertThat(fieldNames(root)).isEqualTo(FEED_KEYS);
        JsonNode episode = root.get("episodes").get(0);
        assertThat(fieldNames(episode)).isEqualTo(EPISODE_KEYS);
        assertThat(fieldNames(episode.get("enclosures").get(0))).containsExactly("url", "type", "length");
        assertThat(fieldNames(episode.get("transcripts").get(0))).containsExactly("url", "type", "language", "rel");
        assertThat(fieldNames(episode.get("persons").get(0))).containsExactly("name", "role", "href");
        assertThat(root.get("image").isNull()).isTrue();
        assertThat(episode.get("title").asText()).isEqualTo("Ep \"1\"");
        assertThat(episode.get("published").isIntegralNumber()).isTrue();
        assertThat(episode.get("published").asLong()).isEqualTo(1_700_000_000L);
        assertThat(episode.get("duration").asLong()).isEqualTo(3723L);
        assertThat(episode.get("description").asText()).isEqualTo("Line one\nLine two");
        assertThat(episode.get("enclosures").get(1).get("type").isNull()).isTrue();
        assertThat(episode.get("enclosures").get(1).get("length").isNull()).isTrue();
        assertThat(episode.get("season").asInt()).isEqualTo(1);
    }

    @Test
    void unknown_values_are_written_as_null_not_left_out() throws Exception {
        ParsedEpisode bare = new ParsedEpisode(null, null, null, null,
                List.of(new Enclosure("a.mp3", null, null)), null, null, null, null, null, null, null, null, false,
                List.of(), null, null, List.of(), List.of(), List.of(), List.of());
        ParsedFeed feed = new ParsedFeed(null, null, null, null, null, null, null, null, false, null, null, false,
                null, List.of(), List.of(), List.of(bare));

        String text = json.toJson(feed);

        assertThat(text).isEqualTo("{\"title\":null,\"link\":null,\"description\":null,\"author\":null,\"image\":null,"
                + "\"language\":null,\"episodes\":[{\"guid\":null,\"title\":null,\"published\":null,\"duration\":null,"
                + "\"enclosures\":[{\"url\":\"a.mp3\",\"type\":null,\"length\":null}],\"link\":null,"
                + "\"description\":null,\"image\":null,\"season\":null,\"episode\":null,\"episodeType\":null,"
                + "\"transcripts\":[],\"chaptersUrl\":null,\"persons\":[]}]}");
    }

    @Test
    void write_leaves_the_writer_open() throws Exception {
        StringWriter out = new StringWriter();
        ParsedFeed feed = new ParsedFeed("T", null, null, null, null, null, null, null, false, null, null, false,
                null, List.of(), List.of(), List.of());
        json.write(feed, out);
        out.write("\n");
        assertThat(out.toString()).endsWith("\"episodes\":[]}\n");
    }

    @Test
    void every_fixture_feed_gives_contract_json() throws Exception {
        FeedParser parser = new FeedParser();
        ObjectMapper mapper = new ObjectMapper();
        for (var file : FeedFixturesTest.readableFeeds().toList()) {
            JsonNode root = mapper.readTree(json.toJson(parser.parse(Fixtures.read(file), null)));
            assertThat(fieldNames(root)).as(file.toString()).isEqualTo(FEED_KEYS);
            root.get("episodes").forEach(e -> assertThat(fieldNames(e)).as(file.toString()).isEqualTo(EPISODE_KEYS));
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
