package dev.hark.web;

import dev.hark.ai.episode.EpisodeInsights;
import dev.hark.app.Hark;
import dev.hark.library.Episode;
import dev.hark.library.PlayState;
import dev.hark.library.Podcast;
import dev.hark.transcript.PublisherTranscriptJob;
import dev.hark.web.security.HtmlSanitizer;
import dev.hark.web.security.Security;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The HTML pages. Each route gathers values and hands them to a precompiled jte template. */
final class Pages {

    private final Hark hark;
    private final TemplateEngine templates;
    private final Security security;
    private final HtmlSanitizer sanitizer = new HtmlSanitizer();

    Pages(Hark hark, TemplateEngine templates, Security security) {
        this.hark = hark;
        this.templates = templates;
        this.security = security;
    }

    void register(Javalin app) {
        app.get("/", this::library);
        app.get("/podcasts/{id}", this::podcast);
        app.get("/episodes/{id}", this::episode);
        app.get("/queue", this::queue);
        app.get("/history", this::history);
        app.get("/settings", this::settings);
    }

    private void library(Context ctx) {
        Map<Long, Integer> counts = hark.episodes.countsByPodcast();
        List<Podcast> podcasts = hark.podcasts.list();
        List<Views.PodcastCard> cards = podcasts.stream().map(p -> new Views.PodcastCard(p.id(), p.displayTitle(),
                p.author(), p.image(), counts.getOrDefault(p.id(), 0),
                p.status() == Podcast.Status.GONE ? "The publisher removed this feed" : p.lastError())).toList();
        List<Views.EpisodeRow> newest = rows(hark.episodes.newest(12));
        render(ctx, "library.jte", new Views.LibraryPage(cards, newest, Views.saved(hark.playStates.totalTimeSaved())));
    }

    private void podcast(Context ctx) {
        Podcast podcast = hark.podcasts.get(id(ctx));
        String filter = ctx.queryParam("filter") == null ? "all" : ctx.queryParam("filter");
        List<Views.EpisodeRow> rows = rows(hark.episodes.listByPodcast(podcast.id()));
        if ("unplayed".equals(filter)) {
            rows = rows.stream().filter(r -> !r.state().equals("played")).toList();
        } else if ("in-progress".equals(filter)) {
            rows = rows.stream().filter(r -> r.state().equals("in-progress")).toList();
        } else if ("downloaded".equals(filter)) {
            rows = rows.stream().filter(Views.EpisodeRow::downloaded).toList();
        } else {
            filter = "all";
        }
        String description = notes(podcast.descriptionHtml(), podcast.description(), podcast.feedUrl());
        render(ctx, "podcast.jte", new Views.PodcastPage(podcast, hark.podcastSettings.get(podcast.id()), description,
                rows, filter));
    }

    private void episode(Context ctx) {
        Episode episode = hark.episodes.get(id(ctx));
        Podcast podcast = hark.podcasts.get(episode.podcastId());
        PlayState state = hark.playStates.find(episode.id()).orElse(null);
        String base = episode.link() != null ? episode.link() : podcast.feedUrl();
        String notes = notes(episode.descriptionHtml(), episode.description(), base);
        List<Views.Link> links = episode.descriptionHtml() == null ? List.of()
                : sanitizer.links(episode.descriptionHtml(), base).stream().map(l -> new Views.Link(l.url(), l.text())).toList();
        boolean downloaded = hark.downloads.find(episode.id()).map(d -> d.complete()).orElse(false);
        var stored = hark.transcripts.find(episode.id());
        var insights = AiApi.insights(hark, episode.id());
        Views.ChapterChoice chapters = Views.chapters(hark.chapters.find(episode.id()),
                insights.map(EpisodeInsights.Insights::chapters).orElse(null));
        render(ctx, "episode.jte", new Views.EpisodePage(podcast, episode, Views.row(episode, podcast, state, downloaded), notes,
                links, chapters, summary(episode, insights),
                Views.mentions(insights.map(EpisodeInsights.Insights::mentions).orElse(null), links),
                stored.map(t -> Views.speakers(t.transcript())).orElse(List.of()),
                state == null ? 0 : state.position(), transcript(episode, stored),
                state == null || state.timeSaved() < 1 ? null : Views.saved(state.timeSaved())));
    }

    /** The summary section; when the episode has a transcript but nothing was made from it yet, a job is queued. */
    private Views.SummaryView summary(Episode episode, Optional<EpisodeInsights.Insights> insights) {
        if (insights.isEmpty()) {
            return new Views.SummaryView("none", List.of(), null, null);
        }
        var summary = insights.get().summary();
        if (summary == null) {
            return new Views.SummaryView("pending", List.of(), null, null);
        }
        return new Views.SummaryView("ready", summary.value().stream().map(b -> new Views.Moment(b.start(), b.text())).toList(),
                Views.madeBy(summary.method()), summary.notice());
    }

    /** The stored transcript; else, when the feed links one, a fetch is queued and the page says so. */
    private Views.TranscriptView transcript(Episode episode, Optional<dev.hark.transcript.StoredTranscript> stored) {
        if (stored.isPresent()) {
            return Views.transcript(stored.get());
        }
        boolean transcribing = hark.jobs.live().stream()
                .anyMatch(job -> job.kind().equals(TRANSCRIBE) && job.subject().equals(Long.toString(episode.id())));
        if (transcribing) {
            return new Views.TranscriptView("transcribing");
        }
        if (!PublisherTranscriptJob.links(episode).isEmpty()) {
            if (PublisherTranscriptJob.enqueueFor(hark.jobs, List.of(episode)) > 0) {
                hark.runner.wake();
            }
            return new Views.TranscriptView("fetching");
        }
        String failed = hark.jobs.recent(200).stream()
                .filter(job -> job.kind().equals(TRANSCRIBE) && job.subject().equals(Long.toString(episode.id()))
                        && job.state() == dev.hark.jobs.Job.State.FAILED)
                .map(dev.hark.jobs.Job::error).findFirst().orElse(null);
        return new Views.TranscriptView("none", null, false, List.of(), failed);
    }

    /** The job kind that makes a transcript from the audio. */
    static final String TRANSCRIBE = dev.hark.transcript.engine.TranscribeJob.KIND;

    private void queue(Context ctx) {
        render(ctx, "list.jte", new Views.ListPage("Up Next", "Nothing queued. Use “Play next” or “Play last” on an episode.",
                rows(hark.episodes.findAll(hark.upNext.list())), true));
    }

    private void history(Context ctx) {
        List<Long> ids = hark.playStates.history(100).stream().map(PlayState::episodeId).toList();
        render(ctx, "list.jte", new Views.ListPage("History", "Nothing played yet.", rows(hark.episodes.findAll(ids)), false));
    }

    private void settings(Context ctx) {
        render(ctx, "settings.jte", new Views.SettingsPage(15, 30, Views.saved(hark.playStates.totalTimeSaved()),
                hark.config.dataDir().toAbsolutePath().toString(), security.loginRequired()));
    }

    /** Rows for these episodes, with their podcasts and play states, in the order given. */
    private List<Views.EpisodeRow> rows(List<Episode> episodes) {
        Map<Long, Podcast> podcasts = new HashMap<>();
        for (Episode e : episodes) {
            podcasts.computeIfAbsent(e.podcastId(), hark.podcasts::get);
        }
        Map<Long, PlayState> states = hark.playStates.findAll(episodes.stream().map(Episode::id)
                .collect(Collectors.toCollection(ArrayList::new)));
        java.util.Set<Long> downloaded = new java.util.HashSet<>();
        hark.downloads.completed().forEach(d -> downloaded.add(d.episodeId()));
        return episodes.stream().map(e -> Views.row(e, podcasts.get(e.podcastId()), states.get(e.id()),
                downloaded.contains(e.id()))).toList();
    }

    private void render(Context ctx, String template, Object page) {
        StringOutput output = new StringOutput();
        String csrf = security.csrfToken(ctx);
        templates.render(template, Map.of("page", page, "csrf", csrf == null ? "" : csrf), output);
        ctx.html(output.toString());
    }

    /** Safe HTML for feed-supplied notes; plain text becomes escaped paragraphs. */
    private String notes(String html, String plainText, String baseUrl) {
        if (html != null && !html.isBlank()) {
            return sanitizer.sanitize(html, baseUrl);
        }
        if (plainText == null || plainText.isBlank()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String paragraph : plainText.split("\\n\\s*\\n")) {
            out.append("<p>").append(WebServer.escape(paragraph.strip()).replace("\n", "<br>")).append("</p>");
        }
        return out.toString();
    }

    static long id(Context ctx) {
        String raw = ctx.pathParam("id");
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new dev.hark.library.NotFoundException("No such id: " + raw);
        }
    }

}
