package dev.hark.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hark.testing.LoopbackFeedServer;
import dev.hark.testing.LoopbackFeedServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class WebServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    private WebTestServer server;
    private LoopbackFeedServer feeds;

    @BeforeEach
    void start() {
        server = new WebTestServer(data);
        feeds = LoopbackFeedServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
        feeds.close();
    }

    private long subscribe(String path) throws Exception {
        HttpResponse<String> response = server.send("POST", "/api/podcasts", "{\"url\":\"" + feeds.url(path) + "\"}");
        assertThat(response.statusCode()).isEqualTo(201);
        return JSON.readTree(response.body()).path("podcast").path("id").asLong();
    }

    private long firstEpisode(long podcastId) throws Exception {
        return JSON.readTree(server.get("/api/podcasts/" + podcastId + "/episodes").body()).get(0).path("id").asLong();
    }

    @Test
    void health_and_the_empty_library_answer() throws Exception {
        assertThat(server.get("/healthz").body()).isEqualTo("{\"status\":\"ok\"}");
        HttpResponse<String> library = server.get("/");
        assertThat(library.statusCode()).isEqualTo(200);
        assertThat(library.body()).contains("No podcasts yet").contains("id=\"player\"");
    }

    @Test
    void subscribing_fills_the_library_podcast_and_episode_pages() throws Exception {
        feeds.serveFeed("/libsyn.xml", "real-libsyn-example.xml");
        long podcast = subscribe("/libsyn.xml");
        long episode = firstEpisode(podcast);

        assertThat(server.get("/").body()).contains("Frank and Erik Internet Famous").contains("New episodes");
        assertThat(server.get("/podcasts/" + podcast).body()).contains("Playback settings").contains("data-play=\"" + episode + "\"");
        String page = server.get("/episodes/" + episode).body();
        assertThat(page).contains("In this episode, we cover:").contains("Links:").contains("Transcript")
                .contains("No summary yet");
    }

    @Test
    void a_show_note_with_a_script_is_made_harmless_and_its_links_listed() throws Exception {
        String evil = "<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">"
                + "<channel><title>Evil</title><item><title>XSS</title><guid>x</guid>"
                + "<enclosure url=\"https://media.example/x.mp3\" type=\"audio/mpeg\" length=\"1\"/>"
                + "<content:encoded><![CDATA[<p onclick=\"steal()\">Hello <script>alert(1)</script>"
                + "<a href=\"javascript:alert(2)\">bad</a> <a href=\"https://good.example/page\">Good link</a>"
                + "<img src=\"x\" onerror=\"alert(3)\"><iframe src=\"https://evil.example\"></iframe>"
                + "<a href=\"https://good.example/page\">again</a></p>]]></content:encoded></item></channel></rss>";
        feeds.serve("/evil.xml", Reply.ok(evil, "application/rss+xml"));
        long episode = firstEpisode(subscribe("/evil.xml"));

        String page = server.get("/episodes/" + episode).body();

        String notes = page.substring(page.indexOf("<section class=\"shownotes\">"));
        assertThat(notes).doesNotContain("<script").doesNotContain("onclick").doesNotContain("onerror")
                .doesNotContain("javascript:").doesNotContain("<iframe").contains("Hello");
        String links = page.substring(page.indexOf("<section class=\"links\">"), page.indexOf("<section class=\"shownotes\">"));
        assertThat(links).contains("https://good.example/page").contains("Good link").doesNotContain("javascript");
        assertThat(links.split("<li>", -1)).as("one entry for the link given twice").hasSize(2);
    }

    @Test
    void the_position_is_saved_and_read_back() throws Exception {
        feeds.serveFeed("/libsyn.xml", "real-libsyn-example.xml");
        long episode = firstEpisode(subscribe("/libsyn.xml"));

        HttpResponse<String> saved = server.send("PUT", "/api/episodes/" + episode + "/position",
                "{\"position\": 123.4, \"timeSavedDelta\": 2.5}");

        assertThat(saved.statusCode()).isEqualTo(200);
        JsonNode position = JSON.readTree(server.get("/api/episodes/" + episode + "/position").body());
        assertThat(position.path("position").asDouble()).isEqualTo(123.4);
        assertThat(position.path("timeSaved").asDouble()).isEqualTo(2.5);
        assertThat(JSON.readTree(server.get("/api/episodes/" + episode + "/playback").body()).path("position").asDouble())
                .isEqualTo(123.4);
    }

    @Test
    void bad_requests_get_one_sentence_and_a_4xx() throws Exception {
        HttpResponse<String> missing = server.get("/api/episodes/999");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("{\"error\":\"No episode with id 999\"}");

        assertThat(server.get("/episodes/999").statusCode()).isEqualTo(404);
        assertThat(server.get("/episodes/999").body()).contains("No episode with id 999").doesNotContain("Exception");
        assertThat(server.get("/episodes/abc").statusCode()).isEqualTo(404);
        assertThat(server.get("/nothing/here").statusCode()).isEqualTo(404);

        HttpResponse<String> notJson = server.send("PUT", "/api/episodes/1/position", "{oops");
        assertThat(notJson.statusCode()).isIn(400, 404);

        HttpResponse<String> badFeed = server.send("POST", "/api/podcasts", "{\"url\":\"" + feeds.url("/gone") + "\"}");
        assertThat(badFeed.statusCode()).isEqualTo(400);
        assertThat(badFeed.body()).isEqualTo("{\"error\":\"The feed was not found (404)\"}");
    }

    @Test
    void settings_are_validated_and_remembered_per_podcast() throws Exception {
        feeds.serveFeed("/libsyn.xml", "real-libsyn-example.xml");
        long podcast = subscribe("/libsyn.xml");

        HttpResponse<String> tooFast = server.send("PUT", "/api/podcasts/" + podcast + "/settings", "{\"speed\": 9}");
        assertThat(tooFast.statusCode()).isEqualTo(400);
        assertThat(tooFast.body()).isEqualTo("{\"error\":\"Speed must be between 0.5 and 3.0\"}");

        server.send("PUT", "/api/podcasts/" + podcast + "/settings", "{\"speed\": 1.73, \"trimSilence\": \"strong\"}");

        JsonNode settings = JSON.readTree(server.get("/api/podcasts/" + podcast + "/settings").body());
        assertThat(settings.path("speed").asDouble()).isEqualTo(1.7);
        assertThat(settings.path("trimSilence").asText()).isEqualTo("strong");
    }

    @Test
    void up_next_plays_next_last_reorders_and_advances() throws Exception {
        feeds.serveFeed("/libsyn.xml", "real-libsyn-example.xml");
        long podcast = subscribe("/libsyn.xml");
        JsonNode episodes = JSON.readTree(server.get("/api/podcasts/" + podcast + "/episodes").body());
        long a = episodes.get(0).path("id").asLong();
        long b = episodes.get(1).path("id").asLong();
        long c = episodes.get(2).path("id").asLong();

        server.send("POST", "/api/queue/" + a + "?where=last", null);
        server.send("POST", "/api/queue/" + b + "?where=last", null);
        server.send("POST", "/api/queue/" + c + "?where=next", null);
        assertThat(server.get("/api/queue").body()).isEqualTo("[" + c + "," + a + "," + b + "]");

        server.send("PUT", "/api/queue", "[" + b + "," + c + "]");
        assertThat(server.get("/api/queue").body()).isEqualTo("[" + b + "," + c + "," + a + "]");

        assertThat(server.send("POST", "/api/queue/advance/" + b, null).body()).isEqualTo("{\"next\":" + c + "}");
        assertThat(server.get("/queue").body()).contains("data-unqueue=\"" + c + "\"");
    }

    @Test
    void the_demo_feed_and_audio_are_served_with_ranges() throws Exception {
        String feed = server.get("/demo/feed.xml").body();
        assertThat(feed).contains(server.url("/demo/episode-1.mp3")).doesNotContain("{{BASE}}");

        HttpResponse<byte[]> part = server.getBytes("/demo/episode-1.mp3", "Range", "bytes=100-199");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).hasSize(100);
        // an encoded path never reaches the file system: Jetty refuses it, or the allowlist does
        assertThat(server.get("/demo/..%2F..%2Fhark.db").statusCode()).isIn(400, 404);
        assertThat(server.get("/demo/hark.db").statusCode()).isEqualTo(404);
    }

    @Test
    void a_change_without_the_page_token_is_refused_and_pages_send_security_headers() throws Exception {
        HttpResponse<String> forged = server.sendWithoutToken("POST", "/api/refresh", null);
        assertThat(forged.statusCode()).isEqualTo(403);

        HttpResponse<String> page = server.get("/");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'self'").contains("object-src 'none'"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.body()).doesNotContain(" style=\"").doesNotContain("<script>");
    }

    @Test
    void static_assets_are_served() throws Exception {
        assertThat(server.get("/static/app.js").statusCode()).isEqualTo(200);
        assertThat(server.get("/static/player.js").body()).contains("export async function playEpisode");
        assertThat(server.get("/static/app.css").statusCode()).isEqualTo(200);
    }
}
