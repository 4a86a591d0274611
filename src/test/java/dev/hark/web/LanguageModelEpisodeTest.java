package dev.hark.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hark.ai.llm.ChatServer;
import dev.hark.app.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo episode with a language model configured: a small server on loopback speaking the
 * OpenAI chat protocol writes the summary, titles the chapters and answers, streaming; when it
 * sends nonsense, the extractive results stand in and say why.
 */
class LanguageModelEpisodeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CHAPTER = Pattern.compile("(?m)^Chapter (\\d+) ");

    @TempDir
    Path data;

    /** Replies like a model would, by what it is asked (the system prompt says which step). */
    private static String reply(JsonNode request) {
        String system = request.path("messages").get(0).path("content").asText();
        String user = request.path("messages").get(1).path("content").asText();
        if (system.startsWith("You title")) {
            Matcher chapters = CHAPTER.matcher(user);
            StringBuilder titles = new StringBuilder();
            while (chapters.find()) {
                titles.append(chapters.group(1)).append(". Model title ").append(chapters.group(1)).append('\n');
            }
            return titles.toString();
        }
        if (system.startsWith("You list the names")) {
            return "person: Megan Bigelow\norganisation: Google\nproduct: Kubernetes\nperson: Nobody Invented\n";
        }
        if (system.startsWith("You summarise")) {
            return "- Gustavo Franco joins to talk about reliability [00:07]\n"
                    + "- What VMware Tanzu is and how it runs Kubernetes [01:20]\n"
                    + "- Why a common platform helps reliability [02:20]\n";
        }
        return "Tanzu is VMware's family of products for running Kubernetes [01:20].";
    }

    private WebTestServer serverWith(ChatServer model) {
        return new WebTestServer(Config.defaults(data).withLanguageModel(
                new Config.LanguageModel(model.baseUrl(), null, ChatServer.MODEL, 8192)));
    }

    private static long demoEpisode(WebTestServer server) throws Exception {
        long podcast = server.hark.subscriptions.add(server.url("/demo/feed.xml")).podcast().id();
        long episode = server.hark.episodes.listByPodcast(podcast).getFirst().id();
        server.hark.runner.drain(jobs -> { });
        return episode;
    }

    @Test
    void the_model_writes_the_summary_titles_the_chapters_and_streams_answers() throws Exception {
        try (ChatServer model = ChatServer.start(ChatServer.streamOf(LanguageModelEpisodeTest::reply));
             WebTestServer server = serverWith(model)) {
            long episode = demoEpisode(server);

            JsonNode summary = JSON.readTree(server.get("/api/episodes/" + episode + "/summary").body());
            assertThat(summary.path("method").asText()).isEqualTo("llm:test-model");
            assertThat(summary.path("notice").isNull()).isTrue();
            assertThat(summary.path("bullets")).hasSize(3);
            assertThat(summary.path("bullets").get(1).path("text").asText()).startsWith("What VMware Tanzu is");
            assertThat(summary.path("bullets").get(1).path("start").asDouble()).isEqualTo(80.0);

            var chapters = server.hark.insights.find(episode).orElseThrow().chapters();
            assertThat(chapters.method()).isEqualTo("llm:test-model");
            assertThat(chapters.value()).hasSizeGreaterThanOrEqualTo(2)
                    .allSatisfy(c -> assertThat(c.title()).startsWith("Model title"));

            var mentions = server.hark.insights.find(episode).orElseThrow().mentions();
            assertThat(mentions.method()).isEqualTo("llm:test-model");
            assertThat(mentions.value()).extracting(dev.hark.ai.Mention::name)
                    .contains("Megan Bigelow", "Google", "Kubernetes").doesNotContain("Nobody Invented");
            assertThat(mentions.value()).filteredOn(m -> m.name().equals("Megan Bigelow")).singleElement()
                    .satisfies(m -> assertThat(m.kind()).isEqualTo(dev.hark.ai.Mention.Kind.PERSON))
                    .satisfies(m -> assertThat(m.moments()).containsExactly(44.469));

            String page = server.get("/episodes/" + episode).body();
            assertThat(page).contains("written by the language model test-model")
                    .contains("Names the language model test-model read");

            var streamed = server.send("POST", "/api/episodes/" + episode + "/ask", "{\"question\": \"What is Tanzu?\"}",
                    "Accept", "text/event-stream");
            String body = streamed.body();
            assertThat(body.indexOf("event: citations")).isLessThan(body.indexOf("event: text"));
            assertThat(body.split("event: text", -1).length - 1).as("streamed in pieces").isGreaterThan(3);
            int done = body.indexOf("event: done");
            JsonNode reply = JSON.readTree(body.substring(body.indexOf("data: ", done) + 6).strip());
            assertThat(reply.path("method").asText()).isEqualTo("llm:test-model");
            assertThat(reply.path("answer").asText()).contains("Kubernetes [01:20]");
            // the model was given the passages that match, with their moments
            String asked = model.requests().getLast().path("messages").get(1).path("content").asText();
            assertThat(asked).contains("Tanzu").containsPattern("\\[\\d\\d:\\d\\d\\]").endsWith("Question: What is Tanzu?");
        }
    }

    @Test
    void a_model_that_sends_nonsense_gives_the_extractive_results_with_a_notice() throws Exception {
        try (ChatServer model = ChatServer.start(ChatServer.json("not a reply"),
                ChatServer.raw(200, "application/json", "{\"choices\": 12}", java.util.Map.of()));
             WebTestServer server = serverWith(model)) {
            long episode = demoEpisode(server);

            JsonNode summary = JSON.readTree(server.get("/api/episodes/" + episode + "/summary").body());
            assertThat(summary.path("method").asText()).isEqualTo("extractive:all-minilm-l6-v2");
            assertThat(summary.path("notice").asText()).startsWith("The language model failed")
                    .endsWith("showing the extractive summary.");
            assertThat(summary.path("bullets").size()).isBetween(3, 7);
            assertThat(server.get("/episodes/" + episode).body()).contains("The language model failed");
            var mentions = server.hark.insights.find(episode).orElseThrow().mentions();
            assertThat(mentions.method()).isEqualTo("extractive:all-minilm-l6-v2");
            assertThat(mentions.notice()).endsWith("showing the names found locally.");

            JsonNode reply = JSON.readTree(server.send("POST", "/api/episodes/" + episode + "/ask",
                    "{\"question\": \"What is Tanzu?\"}").body());
            assertThat(reply.path("method").asText()).isEqualTo("extractive:all-minilm-l6-v2");
            assertThat(reply.path("notice").asText()).startsWith("The language model failed")
                    .endsWith("the best passages instead.");
            assertThat(reply.path("answer").asText()).startsWith("Best passages");
        }
    }
}
