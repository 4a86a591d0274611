package dev.hark.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hark.app.Config;
import dev.hark.app.Hark;
import dev.hark.testing.LoopbackFeedServer;
import dev.hark.testing.LoopbackFeedServer.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** "Find a podcast" through the web API, against a loopback stand-in for the iTunes Search API. */
class DirectoryApiTest {

    @TempDir
    Path data;

    @Test
    void a_search_returns_directory_results_with_feed_urls() throws Exception {
        try (LoopbackFeedServer itunes = LoopbackFeedServer.start()) {
            itunes.serve("/search", Reply.ok("{\"resultCount\":1,\"results\":[{\"collectionName\":\"Night Vale\","
                    + "\"artistName\":\"Night Vale Presents\",\"feedUrl\":\"https://feeds.example/nightvale\","
                    + "\"artworkUrl600\":\"https://img.example/nv.jpg\",\"trackCount\":250}]}", "application/json"));
            Config config = Config.defaults(data).withServer("127.0.0.1", 0)
                    .withDirectory(new Config.Directory(true, itunes.url(""), null, null, Config.Directory.DEFAULTS.podcastIndexUrl()));
            try (Hark hark = Hark.open(config); WebServer web = new WebServer(hark, "127.0.0.1").start(0)) {
                HttpClient client = HttpClient.newHttpClient();
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + web.port() + "/api/directory?q=night%20vale")).build(),
                        HttpResponse.BodyHandlers.ofString());
                HttpResponse<String> blank = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + web.port() + "/api/directory?q=%20")).build(),
                        HttpResponse.BodyHandlers.ofString());

                JsonNode body = new ObjectMapper().readTree(response.body());
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(body.path("results").get(0).path("feedUrl").asText()).isEqualTo("https://feeds.example/nightvale");
                assertThat(body.path("notices")).isEmpty();
                assertThat(itunes.lastRequestHeaders("/search")).isNotNull();
                assertThat(blank.statusCode()).isEqualTo(400);
            }
        }
    }
}
