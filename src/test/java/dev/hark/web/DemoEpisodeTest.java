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
    void the_transcript_is_summarised_and_chaptered_on_this_machine() throws Exception {
        try (WebTestServer server = new WebTestServer(data)) {
            long podcast = server.hark.subscriptions.add(server.url("/demo/feed.xml")).podcast().id();
            long episode = server.hark.episodes.listByPodcast(podcast).getFirst().id();
            // chapters, publisher transcript, then (queued by the transcript) the summary job
            server.hark.runner.drain(jobs -> { });

            var json = new com.fasterxml.jackson.databind.ObjectMapper();
            var summary = json.readTree(server.get("/api/episodes/" + episode + "/summary").body());
            assertThat(summary.path("status").asText()).isEqualTo("ready");
            assertThat(summary.path("method").asText()).isEqualTo("extractive:all-minilm-l6-v2");
            assertThat(summary.path("bullets").size()).isBetween(3, 7);
            double previous = -1;
            for (var bullet : summary.path("bullets")) {
                assertThat(bullet.path("start").asDouble()).isGreaterThan(previous).isLessThan(264);
                assertThat(bullet.path("text").asText()).isNotBlank();
                previous = bullet.path("start").asDouble();
            }
            var generated = server.hark.insights.find(episode).orElseThrow().chapters().value();
            assertThat(generated).hasSizeGreaterThanOrEqualTo(2);
            assertThat(generated).extracting(dev.hark.ai.TopicChapter::start).isSorted().first().isEqualTo(0.0);

            String page = server.get("/episodes/" + episode).body();
            assertThat(page).contains("In this episode, we cover:").contains("<ul class=\"bullets\">")
                    .contains("without a language model").doesNotContain("No summary yet");
            // the publisher's chapters win over the generated ones
            assertThat(page).contains("What is VMware Tanzu?").contains("From the publisher.");
            assertThat(page).contains("<section class=\"speakers\">").contains("Jason").contains("Gustavo");

            var mentions = json.readTree(server.get("/api/episodes/" + episode + "/mentions").body());
            assertThat(mentions.path("status").asText()).isEqualTo("ready");
            java.util.List<String> names = new java.util.ArrayList<>();
            mentions.path("mentions").forEach(m -> names.add(m.path("name").asText()));
            assertThat(names).as(mentions.toString()).contains("VMware Tanzu", "Kubernetes", "Gustavo Franco")
                    .doesNotContain("Gustavo"); // said only as part of the full name
            for (var mention : mentions.path("mentions")) {
                assertThat(mention.path("moments").size()).isPositive();
            }
            assertThat(page).contains("<section class=\"mentions\">");

            var regenerate = server.send("POST", "/api/episodes/" + episode + "/insights", "");
            assertThat(regenerate.statusCode()).isEqualTo(202);
            assertThat(json.readTree(server.get("/api/episodes/" + episode + "/summary").body()).path("status").asText())
                    .isEqualTo("pending");
            server.hark.runner.drain(jobs -> { });
            assertThat(json.readTree(server.get("/api/episodes/" + episode + "/summary").body()).path("status").asText())
                    .isEqualTo("ready");
        }
    }

    @Test
    void asking_the_demo_episode_cites_moments_that_contain_the_asked_words() throws Exception {
        try (WebTestServer server = new WebTestServer(data)) {
            long podcast = server.hark.subscriptions.add(server.url("/demo/feed.xml")).podcast().id();
            long episode = server.hark.episodes.listByPodcast(podcast).getFirst().id();
            server.hark.runner.drain(jobs -> { });
            var json = new com.fasterxml.jackson.databind.ObjectMapper();
            var transcript = server.hark.transcripts.find(episode).orElseThrow().transcript();

            var reply = json.readTree(server.send("POST", "/api/episodes/" + episode + "/ask",
                    "{\"question\": \"What is Tanzu?\"}").body());

            assertThat(reply.path("method").asText()).isEqualTo("extractive:all-minilm-l6-v2");
            assertThat(reply.path("answer").asText()).startsWith("Best passages");
            assertThat(reply.path("citations").size()).isBetween(1, 3);
            var first = reply.path("citations").get(0);
            assertThat(first.path("text").asText()).containsIgnoringCase("Tanzu");
            // the cited moment is where those words are said
            String said = transcript.segments().stream()
                    .filter(s -> s.end() > first.path("start").asDouble() && s.start() < first.path("end").asDouble())
                    .map(dev.hark.transcript.Segment::text).reduce("", String::concat);
            assertThat(said).containsIgnoringCase("Tanzu");

            var streamed = server.send("POST", "/api/episodes/" + episode + "/ask", "{\"question\": \"What is Tanzu?\"}",
                    "Accept", "text/event-stream");
            assertThat(streamed.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            assertThat(streamed.body()).contains("event: citations").contains("event: text").contains("event: done");
            assertThat(streamed.body().indexOf("event: citations")).isLessThan(streamed.body().indexOf("event: done"));

            assertThat(server.send("POST", "/api/episodes/" + episode + "/ask", "{\"question\": \"  \"}").statusCode())
                    .isEqualTo(400);
            assertThat(server.send("POST", "/api/episodes/999999/ask", "{\"question\": \"x\"}").statusCode())
                    .isEqualTo(404);
            assertThat(server.get("/episodes/" + episode).body()).contains("Ask this episode");
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
