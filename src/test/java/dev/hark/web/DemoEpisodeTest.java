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
}
