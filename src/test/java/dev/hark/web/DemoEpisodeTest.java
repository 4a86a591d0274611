package dev.hark.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled demo, served by Hark to itself: the complete episode page a newcomer sees. */
class DemoEpisodeTest {

    @TempDir
    Path data;

    @Test
    void the_demo_episode_page_has_links_chapters_and_a_speaker_labelled_transcript() throws Exception {
        try (WebTestServer server = new WebTestServer(data)) {
            long podcast = server.hark.subscriptions.add(server.url("/demo/feed.xml")).podcast().id();
            long episode = server.hark.episodes.listByPodcast(podcast).getFirst().id();
            // the refresh queued the chapters and the publisher transcript; run them here
            server.hark.runner.drain(jobs -> { });

            String page = server.get("/episodes/" + episode).body();

            assertThat(page).contains("<b class=\"speaker\">Jason</b>").contains("<b class=\"speaker\">Gustavo</b>");
            assertThat(page).contains("<section class=\"chapters\">").contains("What is VMware Tanzu?");
            assertThat(page).contains("https://www.gremlin.com/");
            assertThat(page).doesNotContain("being fetched");
            String vtt = server.get("/api/episodes/" + episode + "/transcript.vtt").body();
            assertThat(vtt).startsWith("WEBVTT").contains("<v Gustavo>");
            assertThat(server.get("/api/episodes/" + episode + "/transcript.pdf").statusCode()).isEqualTo(400);
        }
    }

    @Test
    void turning_on_trim_silence_makes_a_silence_map_from_the_audio() throws Exception {
        try (WebTestServer server = new WebTestServer(data)) {
            long podcast = server.hark.subscriptions.add(server.url("/demo/feed.xml")).podcast().id();
            long episode = server.hark.episodes.listByPodcast(podcast).getFirst().id();
            server.hark.runner.drain(jobs -> { });
            assertThat(server.get("/api/episodes/" + episode + "/silences").statusCode()).isEqualTo(404);

            server.send("PUT", "/api/podcasts/" + podcast + "/settings", "{\"trimSilence\": \"mild\"}");
            assertThat(server.get("/api/episodes/" + episode + "/silences").statusCode()).isEqualTo(404);
            server.hark.runner.drain(jobs -> { });

            var map = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(server.get("/api/episodes/" + episode + "/silences").body());
            // the demo has a two-second pause between turns at about 60.4 s
            boolean found = false;
            for (var silence : map.path("silences")) {
                found |= silence.get(0).asDouble() < 60.6 && silence.get(1).asDouble() > 62.2;
            }
            assertThat(found).as(map.toString()).isTrue();
            assertThat(map.path("levels").path("mild").path("timeSaved").asDouble()).isGreaterThan(1.0);
        }
    }
}
