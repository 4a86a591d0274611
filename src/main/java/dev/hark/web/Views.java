package dev.hark.web;

import dev.hark.library.Episode;
import dev.hark.library.PlayState;
import dev.hark.library.Podcast;
import dev.hark.library.PodcastSettings;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** What the pages show, as values the templates read. Pure. */
public final class Views {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private Views() {
    }

    /** A podcast in the library grid. */
    public record PodcastCard(long id, String title, String author, String image, int episodes, String problem) {
    }

    /** One episode in a list, with its listening state. */
    public record EpisodeRow(long id, long podcastId, String podcastTitle, String title, String date, String duration,
                             String image, String state, int percent, boolean transcript, boolean downloaded) {

        /** "new", "in-progress", "played". */
        public String stateLabel() {
            return switch (state) {
                case "played" -> "Played";
                case "in-progress" -> percent + "% listened";
                default -> "New";
            };
        }
    }

    /** A link from the show notes. */
    public record Link(String url, String text) {
    }

    /** A chapter: start second and title. */
    public record Chapter(double start, String title) {
        public String time() {
            return clock(start);
        }
    }

    public record LibraryPage(List<PodcastCard> podcasts, List<EpisodeRow> newEpisodes, String timeSaved) {
    }

    public record PodcastPage(Podcast podcast, PodcastSettings settings, String descriptionHtml, List<EpisodeRow> episodes,
                              String filter) {
    }

    public record EpisodePage(Podcast podcast, Episode episode, EpisodeRow row, String notesHtml, List<Link> links,
                              ChapterChoice chapters, SummaryView summary, MentionsView mentions,
                              List<Speaker> speakers, double position,
                              TranscriptView transcript, String timeSaved) {
    }

    /** A moment of the episode and what happens there: a summary bullet, a mention. */
    public record Moment(double start, String text) {
        public String time() {
            return clock(start);
        }
    }

    /**
     * "In this episode, we cover:": {@code status} "ready" (with bullets), "pending" (being
     * made), or "none" (no transcript to make it from).
     */
    public record SummaryView(String status, List<Moment> bullets, String madeBy, String notice) {
    }

    /**
     * A name said in the episode, with where it is said.
     *
     * @param kind "person", "organisation", "product", "book" or "" when unknown
     * @param url  the show notes' link with the same text, or null
     */
    public record MentionView(String name, String kind, String url, List<Moment> moments) {
    }

    /** The names mentioned and how they were found (a sentence for the page). */
    public record MentionsView(List<MentionView> list, String madeBy, String notice) {
        public boolean isEmpty() {
            return list.isEmpty();
        }
    }

    static MentionsView mentions(dev.hark.ai.episode.EpisodeInsights.Result<List<dev.hark.ai.Mention>> result,
                                 List<Link> links) {
        if (result == null) {
            return new MentionsView(List.of(), null, null);
        }
        String madeBy = result.method().startsWith("llm:")
                ? "Names the language model " + result.method().substring(4) + " read in the transcript, each found "
                        + "where the transcript says it."
                : "Names said more than once in the transcript, and the people and links the feed names, with the "
                        + "moments they come up; found on this machine, so some may be missing or odd.";
        return new MentionsView(mentions(result.value(), links), madeBy, result.notice());
    }

    /** Mentions for the page; names that are also a show-notes link text link there. */
    static List<MentionView> mentions(List<dev.hark.ai.Mention> mentions, List<Link> links) {
        java.util.Map<String, String> urls = new java.util.HashMap<>();
        for (Link link : links) {
            urls.putIfAbsent(link.text().strip().toLowerCase(Locale.ROOT), link.url());
        }
        return mentions.stream().map(m -> new MentionView(m.name(),
                m.kind() == dev.hark.ai.Mention.Kind.OTHER ? "" : m.kind().name().toLowerCase(Locale.ROOT),
                urls.get(m.name().toLowerCase(Locale.ROOT)),
                m.moments().stream().map(t -> new Moment(t, m.name())).toList())).toList();
    }

    /** A speaker and their share of the talking. */
    public record Speaker(String name, String talk, int percent) {
    }

    /** The chapters shown and where they came from ({@code from} is a sentence for the page, or null). */
    public record ChapterChoice(List<Chapter> list, String from, boolean generated) {
        public boolean isEmpty() {
            return list.isEmpty();
        }
    }

    /** The publisher's chapters when there are any, else the ones Hark made from the transcript. */
    static ChapterChoice chapters(java.util.Optional<dev.hark.chapters.Chapters> stored,
                                  dev.hark.ai.episode.EpisodeInsights.Result<List<dev.hark.ai.TopicChapter>> generated) {
        List<Chapter> publisher = chapters(stored);
        if (!publisher.isEmpty()) {
            return new ChapterChoice(publisher, switch (stored.get().source()) {
                case "show-notes" -> "From the timestamps in the show notes.";
                case "id3" -> "From the chapter marks in the audio file.";
                default -> "From the publisher.";
            }, false);
        }
        if (generated == null || generated.value().size() < 2) {
            return new ChapterChoice(List.of(), null, false);
        }
        return new ChapterChoice(generated.value().stream().map(c -> new Chapter(c.start(), c.title())).toList(),
                "The publisher gives no chapters; " + madeBy(generated.method()) + ".", true);
    }

    /** How an AI result was made, for the reader: "picked from the transcript on this machine (…)". */
    static String madeBy(String method) {
        if (method.startsWith("llm:")) {
            return "written by the language model " + method.substring(4) + " from the transcript";
        }
        if (method.startsWith("extractive:")) {
            return "made from the transcript on this machine, without a language model (" + method.substring(11) + ")";
        }
        return "made by " + method;
    }

    static List<Speaker> speakers(dev.hark.transcript.Transcript transcript) {
        return dev.hark.transcript.TalkTime.of(transcript).stream()
                .map(s -> new Speaker(s.speaker(), saved(s.seconds()), (int) Math.round(100 * s.fraction()))).toList();
    }

    /** A transcript line: where it starts, who speaks (shown when the speaker changes), what is said. */
    public record Line(double start, double end, String time, String speaker, boolean newSpeaker, String text) {
    }

    /**
     * The transcript section: the lines, or why there are none ({@code status}: "ready",
     * "fetching", "none").
     */
    public record TranscriptView(String status, String source, boolean approximate, List<Line> lines, String lastError) {
        TranscriptView(String status) {
            this(status, null, false, List.of(), null);
        }
    }

    static TranscriptView transcript(dev.hark.transcript.StoredTranscript stored) {
        List<Line> lines = new java.util.ArrayList<>();
        String previous = null;
        for (var segment : stored.transcript().segments()) {
            String speaker = segment.speaker();
            boolean changed = speaker != null && !speaker.equals(previous);
            lines.add(new Line(segment.start(), segment.end(), clock(segment.start()), speaker, changed, segment.text()));
            if (speaker != null) {
                previous = speaker;
            }
        }
        return new TranscriptView("ready", stored.source(), stored.transcript().approximate(), lines, null);
    }

    public record ListPage(String heading, String empty, List<EpisodeRow> episodes, boolean queue) {
    }

    public record SettingsPage(int skipBack, int skipForward, String timeSaved, String dataDir, boolean loginRequired) {
    }

    /** The chapters a listener skips between (table-of-contents ones), or none. */
    static List<Chapter> chapters(java.util.Optional<dev.hark.chapters.Chapters> stored) {
        return stored.map(c -> c.tableOfContents().stream().map(ch -> new Chapter(ch.start(), ch.title())).toList())
                .orElse(List.of());
    }

    static EpisodeRow row(Episode episode, Podcast podcast, PlayState state, boolean downloaded) {
        String status = "new";
        int percent = 0;
        if (state != null) {
            if (state.played()) {
                status = "played";
                percent = 100;
            } else if (state.position() > 0) {
                status = "in-progress";
                Long duration = episode.duration();
                percent = duration == null || duration <= 0 ? 1
                        : (int) Math.max(1, Math.min(99, Math.round(100 * state.position() / duration)));
            }
        }
        String image = episode.image() != null ? episode.image() : podcast.image();
        return new EpisodeRow(episode.id(), podcast.id(), podcast.displayTitle(),
                episode.title() == null ? "(untitled)" : episode.title(), date(episode.published()),
                episode.duration() == null ? "" : clock(episode.duration()), image, status, percent,
                episode.transcriptSource() != null, downloaded);
    }

    static String date(Long unixSeconds) {
        return unixSeconds == null ? "" : DATE.format(Instant.ofEpochSecond(unixSeconds));
    }

    /** 3725 → "1:02:05", 125 → "2:05". */
    public static String clock(double seconds) {
        long total = (long) Math.floor(seconds);
        long h = total / 3600;
        long m = total / 60 % 60;
        long s = total % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%d:%02d", m, s);
    }

    /** "1 h 4 min", "12 min", "40 s". */
    static String saved(double seconds) {
        long total = Math.round(seconds);
        if (total >= 3600) {
            return total / 3600 + " h " + total / 60 % 60 + " min";
        }
        return total >= 60 ? total / 60 + " min" : total + " s";
    }
}
