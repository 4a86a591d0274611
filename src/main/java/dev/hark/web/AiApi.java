package dev.hark.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hark.ai.Citation;
import dev.hark.ai.episode.EpisodeAsk;
import dev.hark.ai.episode.EpisodeInsights;
import dev.hark.ai.episode.InsightsJob;
import dev.hark.app.Hark;
import dev.hark.chapters.ChapterJson;
import dev.hark.library.Episode;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON API of what the AI made of an episode: summary, chapters (the publisher's first),
 * regeneration.
 */
final class AiApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Hark hark;

    AiApi(Hark hark) {
        this.hark = hark;
    }

    void register(Javalin app) {
        app.get("/api/episodes/{id}/summary", this::summary);
        app.get("/api/episodes/{id}/chapters", this::chapters);
        app.get("/api/episodes/{id}/mentions", this::mentions);
        app.post("/api/episodes/{id}/insights", this::regenerate);
        app.post("/api/episodes/{id}/ask", this::ask);
    }

    /**
     * Answers {@code {"question"}} about an episode. With {@code Accept: text/event-stream} the
     * answer streams as events {@code citations} (the moments, first), {@code text} (pieces of
     * the answer), then {@code done} (the whole reply) or {@code error}; otherwise one JSON
     * reply {@code {"question","answer","citations":[{"start","end","text","speaker"}],"method","notice"}}.
     */
    private void ask(Context ctx) throws IOException, InterruptedException {
        Episode episode = hark.episodes.get(Pages.id(ctx));
        String question;
        try {
            question = JSON.readTree(ctx.body()).path("question").asText("");
        } catch (IOException e) {
            throw new BadRequest("The body must be JSON: {\"question\": \"...\"}");
        }
        if (question.isBlank() || question.length() > EpisodeAsk.MAX_QUESTION) {
            throw new BadRequest(question.isBlank() ? "Ask a question."
                    : "The question is too long (at most " + EpisodeAsk.MAX_QUESTION + " characters).");
        }
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains("text/event-stream")) {
            ctx.json(hark.ask.ask(episode.id(), question, new EpisodeAsk.Listener() {
                @Override
                public void citations(List<Citation> citations) {
                }

                @Override
                public void text(String piece) {
                }
            }));
            return;
        }
        if (hark.transcripts.source(episode.id()).isEmpty()) {
            throw new dev.hark.library.NotFoundException("This episode has no transcript yet, so there is nothing to answer from.");
        }
        ctx.res().setContentType("text/event-stream; charset=utf-8");
        ctx.res().setHeader("Cache-Control", "no-cache");
        ctx.res().setHeader("X-Accel-Buffering", "no");
        OutputStream out = ctx.res().getOutputStream();
        EventWriter events = new EventWriter(out);
        try {
            EpisodeAsk.Reply reply = hark.ask.ask(episode.id(), question, new EpisodeAsk.Listener() {
                @Override
                public void citations(List<Citation> citations) {
                    events.send("citations", citations);
                }

                @Override
                public void text(String piece) {
                    events.send("text", Map.of("piece", piece));
                }

                @Override
                public void restart() {
                    events.send("restart", Map.of());
                }
            });
            events.send("done", reply);
        } catch (RuntimeException e) {
            events.send("error", Map.of("error", e instanceof IllegalArgumentException || e instanceof dev.hark.library.LibraryException
                    ? e.getMessage() : "Hark could not answer: something went wrong (see the server log)."));
            if (!(e instanceof IllegalArgumentException || e instanceof dev.hark.library.LibraryException)) {
                org.slf4j.LoggerFactory.getLogger(AiApi.class).warn("Ask failed for episode {}", episode.id(), e);
            }
        }
    }

    /** Server-sent events written straight to the response, flushed one by one. */
    private static final class EventWriter {
        private final OutputStream out;

        EventWriter(OutputStream out) {
            this.out = out;
        }

        synchronized void send(String event, Object data) {
            try {
                out.write(("event: " + event + "\ndata: " + JSON.writeValueAsString(data) + "\n\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("The browser went away", e);
            }
        }
    }

    /**
     * What was made for an episode (empty when it has no transcript); when its transcript has
     * nothing made from it yet, the job that makes it is queued.
     */
    static Optional<EpisodeInsights.Insights> insights(Hark hark, long episodeId) {
        if (hark.transcripts.source(episodeId).isEmpty()) {
            return Optional.empty();
        }
        Optional<EpisodeInsights.Insights> insights = hark.insights.find(episodeId);
        if (insights.isPresent() && insights.get().missing()) {
            InsightsJob.enqueue(hark.jobs, episodeId, hark.clock.instant());
            hark.runner.wake();
        }
        return insights;
    }

    /** The chapters to show and skip between for an episode: the publisher's, else Hark's own. */
    static Views.ChapterChoice chapters(Hark hark, long episodeId) {
        return Views.chapters(hark.chapters.find(episodeId),
                insights(hark, episodeId).map(EpisodeInsights.Insights::chapters).orElse(null));
    }

    /**
     * {@code [{"start","end","title","url","image"}]}: the publisher's chapters when there are
     * any, else the ones made from the transcript (with only start and title); the header
     * {@code X-Chapters-Source} says which ("publisher-json", "podlove", "id3", "show-notes",
     * "generated" or "none").
     */
    private void chapters(Context ctx) {
        Episode episode = hark.episodes.get(Pages.id(ctx));
        var stored = hark.chapters.find(episode.id());
        if (stored.isPresent() && !stored.get().tableOfContents().isEmpty()) {
            ctx.header("X-Chapters-Source", stored.get().source()).json(ChapterJson.entries(stored.get()));
            return;
        }
        Views.ChapterChoice choice = chapters(hark, episode.id());
        List<Map<String, Object>> entries = choice.list().stream().map(c -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("start", c.start());
            entry.put("end", null);
            entry.put("title", c.title());
            entry.put("url", null);
            entry.put("image", null);
            return entry;
        }).toList();
        ctx.header("X-Chapters-Source", choice.generated() ? "generated" : "none").json(entries);
    }

    /**
     * {@code {"status","bullets":[{"text","start"}],"method","notice"}}: status "ready",
     * "pending" (a job is making it) or "none" (no transcript yet).
     */
    private void summary(Context ctx) {
        Episode episode = hark.episodes.get(Pages.id(ctx));
        Map<String, Object> out = new LinkedHashMap<>();
        var insights = insights(hark, episode.id());
        var summary = insights.map(EpisodeInsights.Insights::summary).orElse(null);
        out.put("status", summary != null ? "ready" : insights.isPresent() ? "pending" : "none");
        out.put("bullets", summary == null ? List.of() : summary.value());
        out.put("method", summary == null ? null : summary.method());
        out.put("notice", summary == null ? null : summary.notice());
        ctx.json(out);
    }

    /**
     * {@code {"status","mentions":[{"name","kind","moments"}],"method"}}: names said in the
     * episode with the seconds they come up; status as for the summary.
     */
    private void mentions(Context ctx) {
        Episode episode = hark.episodes.get(Pages.id(ctx));
        var insights = insights(hark, episode.id());
        var mentions = insights.map(EpisodeInsights.Insights::mentions).orElse(null);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", mentions != null ? "ready" : insights.isPresent() ? "pending" : "none");
        out.put("mentions", mentions == null ? List.of() : mentions.value());
        out.put("method", mentions == null ? null : mentions.method());
        ctx.json(out);
    }

    /** Forgets what was made and queues it again: 202 with the job id; 409 when there is no transcript. */
    private void regenerate(Context ctx) {
        Episode episode = hark.episodes.get(Pages.id(ctx));
        if (hark.transcripts.source(episode.id()).isEmpty()) {
            ctx.status(409).json(Map.of("error", "This episode has no transcript yet; transcribe it first."));
            return;
        }
        hark.insights.forget(episode.id());
        long job = InsightsJob.enqueue(hark.jobs, episode.id(), hark.clock.instant());
        hark.runner.wake();
        ctx.status(202).json(Map.of("job", job));
    }
}
