package dev.hark.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hark.app.Hark;
import dev.hark.directory.InvalidQueryException;
import dev.hark.media.DownloadJob;
import dev.hark.transcript.engine.TranscribeJob;
import dev.hark.media.SilenceMapJob;
import dev.hark.media.SilenceMapJson;
import dev.hark.transcript.StoredTranscript;
import dev.hark.transcript.TranscriptFormat;
import dev.hark.transcript.TranscriptJson;
import dev.hark.transcript.TranscriptWriters;
import dev.hark.feed.OpmlException;
import dev.hark.feed.OpmlReader;
import dev.hark.feed.OpmlWriter;
import dev.hark.jobs.Job;
import dev.hark.library.Episode;
import dev.hark.library.PlayState;
import dev.hark.library.Podcast;
import dev.hark.library.PodcastSettings;
import dev.hark.refresh.RefreshJob;
import dev.hark.refresh.Subscriptions;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON API under /api. Bodies are JSON; errors are {"error": "..."} with a 4xx status. */
final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Hark hark;

    Api(Hark hark) {
        this.hark = hark;
    }

    void register(Javalin app) {
        app.get("/api/podcasts", ctx -> ctx.json(hark.podcasts.list().stream().map(Api::podcast).toList()));
        app.post("/api/podcasts", this::subscribe);
        app.get("/api/podcasts/{id}", ctx -> ctx.json(podcast(hark.podcasts.get(Pages.id(ctx)))));
        app.delete("/api/podcasts/{id}", ctx -> {
            hark.podcasts.delete(Pages.id(ctx));
            ctx.status(204);
        });
        app.get("/api/podcasts/{id}/episodes", ctx -> ctx.json(hark.episodes.listByPodcast(hark.podcasts.get(Pages.id(ctx)).id())
                .stream().map(Api::episode).toList()));
        app.get("/api/podcasts/{id}/settings", ctx -> ctx.json(hark.podcastSettings.get(hark.podcasts.get(Pages.id(ctx)).id())));
        app.put("/api/podcasts/{id}/settings", this::saveSettings);
        app.get("/api/episodes/{id}", ctx -> ctx.json(episode(hark.episodes.get(Pages.id(ctx)))));
        app.get("/api/episodes/{id}/playback", this::playback);
        app.get("/api/episodes/{id}/position", this::position);
        app.get("/api/episodes/{id}/silences", this::silences);
        app.post("/api/episodes/{id}/download", ctx -> {
            long id = hark.episodes.get(Pages.id(ctx)).id();
            long job = DownloadJob.enqueue(hark.jobs, id, hark.clock.instant());
            hark.runner.wake();
            ctx.status(202).json(Map.of("job", job));
        });
        app.delete("/api/episodes/{id}/download", this::deleteDownload);
        app.post("/api/episodes/{id}/transcribe", ctx -> {
            long id = hark.episodes.get(Pages.id(ctx)).id();
            long job = TranscribeJob.enqueue(hark.jobs, id, hark.clock.instant());
            hark.runner.wake();
            ctx.status(202).json(Map.of("job", job));
        });
        app.get("/api/episodes/{id}/transcript", ctx -> ctx.json(TranscriptJson.toMap(storedTranscript(ctx))));
        app.get("/api/episodes/{id}/transcript.{format}", this::exportTranscript);
        app.put("/api/episodes/{id}/position", this::savePosition);
        app.post("/api/refresh", this::refresh);
        app.get("/api/jobs", ctx -> ctx.json(hark.jobs.live().stream().map(Api::job).toList()));
        app.get("/api/jobs/{id}", ctx -> ctx.json(job(hark.jobs.find(Pages.id(ctx))
                .orElseThrow(() -> new dev.hark.library.NotFoundException("No job with id " + ctx.pathParam("id"))))));
        app.sse("/api/jobs/events", new JobEvents(hark.jobs)::stream);
        app.get("/api/queue", ctx -> ctx.json(hark.upNext.list()));
        app.put("/api/queue", this::reorder);
        app.post("/api/queue/{id}", this::enqueue);
        app.delete("/api/queue/{id}", ctx -> {
            hark.upNext.remove(Pages.id(ctx));
            ctx.json(hark.upNext.list());
        });
        app.post("/api/queue/advance/{id}", ctx -> {
            var next = hark.upNext.advance(Pages.id(ctx));
            ctx.json(next.<Object>map(id -> Map.of("next", id)).orElse(Map.of()));
        });
        app.get("/api/history", ctx -> ctx.json(hark.playStates.history(100)));
        app.get("/api/directory", ctx -> {
            String query = ctx.queryParam("q") == null ? "" : ctx.queryParam("q");
            try {
                ctx.json(hark.directory.search(query, 20));
            } catch (InvalidQueryException e) {
                throw new BadRequest(e.getMessage());
            }
        });
        app.post("/api/import", this::importOpml);
        app.get("/api/export.opml", this::exportOpml);
    }

    private void subscribe(Context ctx) throws Exception {
        String url = body(ctx).path("url").asText("");
        Subscriptions.Added added = hark.subscriptions.add(url);
        ctx.status(added.alreadySubscribed() ? 200 : 201).json(Map.of(
                "podcast", podcast(added.podcast()),
                "alreadySubscribed", added.alreadySubscribed()));
    }

    private void saveSettings(Context ctx) {
        long id = hark.podcasts.get(Pages.id(ctx)).id();
        PodcastSettings current = hark.podcastSettings.get(id);
        JsonNode body = body(ctx);
        PodcastSettings next = new PodcastSettings(id,
                body.path("speed").asDouble(current.speed()),
                body.path("trimSilence").asText(current.trimSilence()),
                body.path("voiceBoost").asBoolean(current.voiceBoost()),
                body.path("skipIntroSeconds").asInt(current.skipIntroSeconds()),
                body.path("skipOutroSeconds").asInt(current.skipOutroSeconds()),
                body.path("autoDownload").asBoolean(current.autoDownload()),
                body.path("autoDownloadCount").asInt(current.autoDownloadCount()),
                body.path("autoTranscribe").asBoolean(current.autoTranscribe()));
        hark.podcastSettings.save(next);
        ctx.json(next);
    }

    /** Everything the player needs to start an episode. */
    private void playback(Context ctx) {
        Episode episode = hark.episodes.get(Pages.id(ctx));
        Podcast podcast = hark.podcasts.get(episode.podcastId());
        PlayState state = hark.playStates.find(episode.id()).orElse(null);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", episode.id());
        out.put("title", episode.title());
        out.put("podcastId", podcast.id());
        out.put("podcastTitle", podcast.displayTitle());
        out.put("image", episode.image() != null ? episode.image() : podcast.image());
        out.put("media", "/media/" + episode.id());
        out.put("duration", episode.duration());
        out.put("position", state == null || state.played() ? 0 : state.position());
        out.put("played", state != null && state.played());
        out.put("settings", hark.podcastSettings.get(podcast.id()));
        out.put("chapters", AiApi.chapters(hark, episode.id()).list());
        ctx.json(out);
    }

    /**
     * The episode's silence map for trimming; when there is none yet and the podcast trims
     * silence, one is queued (404 until it is ready).
     */
    private void silences(Context ctx) {
        Episode episode = hark.episodes.get(Pages.id(ctx));
        var map = hark.silenceMaps.find(episode.id());
        if (map.isPresent()) {
            ctx.contentType("application/json").result(SilenceMapJson.write(map.get()));
            return;
        }
        if (!"off".equals(hark.podcastSettings.get(episode.podcastId()).trimSilence())) {
            SilenceMapJob.enqueue(hark.jobs, episode.id(), hark.clock.instant());
            hark.runner.wake();
        }
        throw new dev.hark.library.NotFoundException("No silence map for episode " + episode.id() + " yet");
    }

    private void deleteDownload(Context ctx) throws IOException {
        long id = hark.episodes.get(Pages.id(ctx)).id();
        var download = hark.downloads.find(id);
        if (download.isPresent()) {
            hark.mediaStore.delete(download.get().path());
            hark.downloads.delete(id);
        }
        ctx.status(204);
    }

    private StoredTranscript storedTranscript(Context ctx) {
        long id = hark.episodes.get(Pages.id(ctx)).id();
        return hark.transcripts.find(id).orElseThrow(() ->
                new dev.hark.library.NotFoundException("Episode " + id + " has no transcript yet"));
    }

    /** The transcript as a VTT, SRT, TXT or JSON download. */
    private void exportTranscript(Context ctx) {
        String name = ctx.pathParam("format");
        TranscriptFormat format = switch (name) {
            case "vtt" -> TranscriptFormat.VTT;
            case "srt" -> TranscriptFormat.SRT;
            case "txt" -> TranscriptFormat.TEXT;
            case "json" -> TranscriptFormat.JSON;
            default -> throw new BadRequest("Transcripts export as vtt, srt, txt or json");
        };
        StoredTranscript stored = storedTranscript(ctx);
        ctx.header("Content-Disposition", "attachment; filename=\"episode-" + stored.episodeId() + "." + format.extension() + "\"");
        ctx.contentType(format.mimeType() + "; charset=utf-8").result(TranscriptWriters.write(stored.transcript(), format));
    }

    private void position(Context ctx) {
        long id = hark.episodes.get(Pages.id(ctx)).id();
        PlayState state = hark.playStates.find(id).orElse(null);
        ctx.json(Map.of("position", state == null ? 0 : state.position(), "played", state != null && state.played(),
                "timeSaved", state == null ? 0 : state.timeSaved()));
    }

    private void savePosition(Context ctx) {
        long id = hark.episodes.get(Pages.id(ctx)).id();
        JsonNode body = body(ctx);
        if (!body.path("position").isNumber()) {
            throw new BadRequest("position must be a number of seconds");
        }
        double position = body.path("position").asDouble();
        boolean played = body.path("played").asBoolean(false);
        double saved = body.path("timeSavedDelta").asDouble(0);
        hark.playStates.save(id, position, played, saved, hark.clock.instant());
        ctx.json(Map.of("position", position, "played", played));
    }

    private void refresh(Context ctx) {
        List<Long> ids = new ArrayList<>();
        for (Podcast p : hark.podcasts.list()) {
            if (p.status() == Podcast.Status.ACTIVE) {
                ids.add(RefreshJob.enqueue(hark.jobs, p.id(), hark.clock.instant()));
            }
        }
        hark.runner.wake();
        ctx.status(202).json(Map.of("jobs", ids));
    }

    private void reorder(Context ctx) {
        JsonNode body = body(ctx);
        if (!body.isArray()) {
            throw new BadRequest("Send the queue as a JSON array of episode ids");
        }
        List<Long> ids = new ArrayList<>();
        body.forEach(node -> ids.add(node.asLong()));
        hark.upNext.reorder(ids);
        ctx.json(hark.upNext.list());
    }

    private void enqueue(Context ctx) {
        long id = Pages.id(ctx);
        String where = ctx.queryParam("where");
        if ("next".equals(where)) {
            hark.upNext.playNext(id);
        } else {
            hark.upNext.playLast(id);
        }
        ctx.json(hark.upNext.list());
    }

    private void importOpml(Context ctx) throws IOException {
        UploadedFile file = ctx.uploadedFile("opml");
        Subscriptions.Imported imported;
        try (InputStream in = file != null ? file.content() : ctx.bodyInputStream()) {
            imported = hark.subscriptions.importOpml(new OpmlReader().read(in));
        } catch (OpmlException e) {
            throw new BadRequest(e.getMessage());
        }
        hark.runner.wake();
        ctx.json(Map.of("added", imported.added().size(), "alreadySubscribed", imported.alreadySubscribed(),
                "skipped", imported.skipped(), "jobs", imported.jobIds()));
    }

    private void exportOpml(Context ctx) throws IOException {
        StringWriter out = new StringWriter();
        new OpmlWriter().write("Hark subscriptions", hark.subscriptions.exportEntries(), out);
        ctx.header("Content-Disposition", "attachment; filename=\"hark-subscriptions.opml\"");
        ctx.contentType("text/x-opml; charset=utf-8").result(out.toString());
    }

    private static JsonNode body(Context ctx) {
        try {
            String text = ctx.body();
            return text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
        } catch (IOException e) {
            throw new BadRequest("The request body is not valid JSON");
        }
    }

    static Map<String, Object> podcast(Podcast p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", p.id());
        out.put("title", p.title());
        out.put("url", p.feedUrl());
        out.put("author", p.author());
        out.put("image", p.image());
        out.put("link", p.link());
        out.put("description", p.description());
        out.put("status", p.status().name().toLowerCase(java.util.Locale.ROOT));
        out.put("lastError", p.lastError());
        return out;
    }

    static Map<String, Object> episode(Episode e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", e.id());
        out.put("podcastId", e.podcastId());
        out.put("title", e.title());
        out.put("published", e.published());
        out.put("duration", e.duration());
        out.put("media", e.mediaUrl());
        out.put("mediaType", e.mediaType());
        out.put("link", e.link());
        out.put("image", e.image());
        out.put("description", e.description());
        out.put("transcript", e.transcriptSource());
        return out;
    }

    static Map<String, Object> job(Job job) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", job.id());
        out.put("kind", job.kind());
        out.put("subject", job.subject());
        out.put("state", job.state().name().toLowerCase(java.util.Locale.ROOT));
        out.put("progress", job.progress());
        out.put("message", job.message());
        out.put("result", job.result());
        out.put("error", job.error());
        return out;
    }
}
