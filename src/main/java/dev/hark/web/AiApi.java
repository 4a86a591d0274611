package dev.hark.web;

import dev.hark.ai.episode.EpisodeInsights;
import dev.hark.ai.episode.InsightsJob;
import dev.hark.app.Hark;
import dev.hark.chapters.ChapterJson;
import dev.hark.library.Episode;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON API of what the AI made of an episode: summary, chapters (the publisher's first),
 * regeneration.
 */
final class AiApi {

    private final Hark hark;

    AiApi(Hark hark) {
        this.hark = hark;
    }

    void register(Javalin app) {
        app.get("/api/episodes/{id}/summary", this::summary);
        app.get("/api/episodes/{id}/chapters", this::chapters);
        app.post("/api/episodes/{id}/insights", this::regenerate);
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
