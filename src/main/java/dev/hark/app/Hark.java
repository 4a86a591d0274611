package dev.hark.app;

import dev.hark.ai.Embedder;
import dev.hark.ai.MiniLmEmbedder;
import dev.hark.ai.episode.EpisodeAsk;
import dev.hark.ai.episode.EpisodeInsights;
import dev.hark.ai.episode.InsightRepository;
import dev.hark.ai.episode.InsightsJob;
import dev.hark.ai.episode.LanguageModel;
import dev.hark.ai.llm.LlmSettings;
import dev.hark.ai.llm.OpenAiChat;
import dev.hark.chapters.ChapterRepository;
import dev.hark.chapters.ChaptersJob;
import dev.hark.chapters.MediaFileChapters;
import dev.hark.directory.DirectorySearch;
import dev.hark.library.Podcast;
import dev.hark.transcript.SpeakerClues;
import dev.hark.transcript.SpeakerNamer;
import dev.hark.transcript.engine.ModelStore;
import dev.hark.transcript.engine.OpenAiSettings;
import dev.hark.transcript.engine.OpenAiSpeechToText;
import dev.hark.transcript.engine.OpenAiTranscriber;
import dev.hark.transcript.engine.SpeechToText;
import dev.hark.transcript.engine.TranscribeJob;
import dev.hark.transcript.engine.TranscribeSettings;
import dev.hark.library.PodcastSettings;
import dev.hark.media.AutoDownloads;
import dev.hark.media.DownloadJob;
import dev.hark.media.DownloadLimits;
import dev.hark.media.DownloadPolicy;
import dev.hark.media.DownloadRepository;
import dev.hark.media.Ffmpeg;
import dev.hark.media.MediaDownloader;
import dev.hark.media.MediaHttp;
import dev.hark.media.MediaProxy;
import dev.hark.media.MediaStore;
import dev.hark.media.SilenceMapJob;
import dev.hark.media.SilenceMapRepository;
import dev.hark.transcript.PublisherTranscriptJob;
import dev.hark.transcript.TranscriptRepository;
import dev.hark.directory.DirectorySource;
import dev.hark.directory.ItunesSearch;
import dev.hark.directory.PodcastIndexCredentials;
import dev.hark.directory.PodcastIndexSearch;
import dev.hark.feed.FeedFetcher;
import dev.hark.feed.FeedParser;
import dev.hark.feed.FetchLimits;
import dev.hark.jobs.JobHandler;
import dev.hark.jobs.JobQueue;
import dev.hark.jobs.JobRunner;
import dev.hark.library.Database;
import dev.hark.library.Episode;
import dev.hark.library.EpisodeRepository;
import dev.hark.library.FeedSync;
import dev.hark.library.PlayStateRepository;
import dev.hark.library.PodcastSettingsRepository;
import dev.hark.library.UpNextRepository;
import dev.hark.library.PodcastRepository;
import dev.hark.refresh.FeedRefresher;
import dev.hark.refresh.RefreshJob;
import dev.hark.refresh.RefreshPolicy;
import dev.hark.refresh.RefreshScheduler;
import dev.hark.refresh.Subscriptions;
import dev.hark.web.security.ApiTokens;
import dev.hark.web.security.Credentials;
import dev.hark.web.security.PasswordHasher;
import dev.hark.web.security.SessionStore;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every long-lived component, built once from a {@link Config} and wired by hand.
 * Thread-safe once built. Close it to stop background work.
 */
public final class Hark implements AutoCloseable {

    public final Config config;
    public final Clock clock;
    public final Database database;
    public final PodcastRepository podcasts;
    public final EpisodeRepository episodes;
    public final PlayStateRepository playStates;
    public final ChapterRepository chapters;
    public final TranscriptRepository transcripts;
    public final Ffmpeg ffmpeg;
    public final MediaStore mediaStore;
    public final DownloadRepository downloads;
    public final SilenceMapRepository silenceMaps;
    public final MediaProxy mediaProxy;
    public final AutoDownloads autoDownloads;
    public final ModelStore models;
    public final Embedder embedder;
    public final EpisodeInsights insights;
    public final EpisodeAsk ask;
    private final TranscribeJob transcribeJob;
    private final Map<String, JobHandler> handlers;
    private final Map<String, Integer> limits;
    private final HttpClient mediaClient;
    public final PodcastSettingsRepository podcastSettings;
    public final UpNextRepository upNext;
    public final FeedSync feedSync;
    public final FeedFetcher fetcher;
    public final FeedParser parser;
    public final FeedRefresher refresher;
    public final JobQueue jobs;
    public final JobRunner runner;
    public final Subscriptions subscriptions;
    public final RefreshScheduler scheduler;
    public final DirectorySearch directory;
    public final Credentials credentials;
    public final SessionStore sessions;
    public final ApiTokens apiTokens;
    private final HttpClient directoryClient;

    private Hark(Config config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.database = Database.open(config.dataDir());
        this.podcasts = new PodcastRepository(database.jdbi());
        this.episodes = new EpisodeRepository(database.jdbi());
        this.playStates = new PlayStateRepository(database.jdbi());
        this.podcastSettings = new PodcastSettingsRepository(database.jdbi());
        this.upNext = new UpNextRepository(database.jdbi());
        this.feedSync = new FeedSync(database.jdbi());
        this.fetcher = new FeedFetcher(fetchLimits(config));
        this.parser = new FeedParser();
        this.chapters = new ChapterRepository(database.jdbi());
        this.transcripts = new TranscriptRepository(database.jdbi());
        this.ffmpeg = new Ffmpeg();
        this.mediaStore = new MediaStore(config.dataDir());
        this.downloads = new DownloadRepository(database.jdbi());
        this.silenceMaps = new SilenceMapRepository(database.jdbi());
        DownloadLimits downloadLimits = DownloadLimits.defaults();
        this.mediaClient = MediaHttp.newClient(downloadLimits);
        this.mediaProxy = new MediaProxy(mediaClient, downloadLimits);
        this.models = new ModelStore(config.dataDir().resolve("models"), URI.create(config.speech().modelsUrl()),
                ModelStore.OFFICIAL_SHA1);
        TranscribeSettings transcribeSettings;
        try {
            transcribeSettings = new TranscribeSettings(config.speech().model(), config.speech().threads(), 120);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("transcribe.model or transcribe.threads is not valid: " + e.getMessage());
        }
        this.transcribeJob = new TranscribeJob(episodes, podcasts, downloads, mediaStore, ffmpeg, models, transcripts,
                this::nameSpeakers, transcribeSettings, config.dataDir().resolve("transcribe"), clock);
        if (config.speech().engine().equals("openai")) {
            transcribeJob.withRemote(openAiEngine(null), "openai:" + config.speech().openAiModel());
        }
        this.embedder = new MiniLmEmbedder();
        this.insights = new EpisodeInsights(transcripts, new InsightRepository(database.jdbi()), embedder,
                this::mentionHints, languageModel(config.languageModel()), clock);
        this.ask = new EpisodeAsk(insights, embedder);
        this.refresher = new FeedRefresher(fetcher, parser, podcasts, feedSync,
                new RefreshPolicy(config.refreshInterval(), Duration.ofHours(24)), clock, this::afterUpdate);
        this.jobs = new JobQueue(database.jdbi());
        MediaFileChapters mediaFileChapters = new MediaFileChapters(chapters, clock);
        this.handlers = Map.of(RefreshJob.KIND, new RefreshJob(refresher),
                        ChaptersJob.KIND, new ChaptersJob(episodes, chapters, fetcher, clock),
                        PublisherTranscriptJob.KIND, thenInsights(
                                new PublisherTranscriptJob(episodes, podcasts, transcripts, fetcher, clock)),
                        DownloadJob.KIND, new DownloadJob(episodes, downloads, mediaStore,
                                new MediaDownloader(mediaClient, downloadLimits), clock,
                                (episode, file) -> mediaFileChapters.importFrom(episode.id(), file)),
                        SilenceMapJob.KIND, new SilenceMapJob(episodes, downloads, mediaStore, ffmpeg, silenceMaps, clock),
                        TranscribeJob.KIND, thenInsights(transcribeJob),
                        InsightsJob.KIND, new InsightsJob(insights));
        this.limits = Map.of(RefreshJob.KIND, config.feedConcurrency(),
                        ChaptersJob.KIND, 2,
                        PublisherTranscriptJob.KIND, 2,
                        DownloadJob.KIND, 2,
                        SilenceMapJob.KIND, 1,
                        TranscribeJob.KIND, 1,
                        InsightsJob.KIND, 1);
        this.runner = new JobRunner(jobs, handlers, limits);
        this.autoDownloads = new AutoDownloads(downloads, mediaStore, jobs, new DownloadPolicy(config.downloadCapBytes()),
                () -> podcasts.list().stream().map(p -> podcastSettings.get(p.id())).filter(PodcastSettings::autoDownload)
                        .map(s -> new DownloadPolicy.AutoPodcast(s.podcastId(), s.autoDownloadCount())).toList(),
                clock);
        this.subscriptions = new Subscriptions(podcasts, refresher, jobs, clock);
        this.scheduler = new RefreshScheduler(podcasts, jobs, runner, clock, Duration.ofMinutes(1));
        this.credentials = new Credentials(database.jdbi(), new PasswordHasher());
        this.sessions = new SessionStore(database.jdbi());
        this.apiTokens = new ApiTokens(database.jdbi());
        this.directoryClient = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(3)).build();
        this.directory = directorySearch(config.directory(), directoryClient, clock);
    }

    /** Opens the library in the configured data folder and builds everything. */
    public static Hark open(Config config) {
        return new Hark(config, Clock.systemUTC());
    }

    /**
     * A runner for some job kinds only, for a command that waits for its own work (such as
     * {@code hark refresh}) without starting the downloads or transcriptions that work queues.
     * The caller stops it.
     */
    public JobRunner runnerFor(String... kinds) {
        Map<String, JobHandler> some = new java.util.HashMap<>();
        for (String kind : kinds) {
            some.put(kind, handlers.get(kind));
        }
        return new JobRunner(jobs, some, limits);
    }

    /**
     * After a feed was read: queue what its episodes still need. Publisher transcripts are
     * fetched for the newest {@value #TRANSCRIPTS_PER_REFRESH} episodes without one, so a
     * large back catalogue is not fetched at once (older ones: on opening the episode).
     */
    private void afterUpdate(long podcastId) {
        List<Episode> all = episodes.listByPodcast(podcastId);
        int queued = ChaptersJob.enqueueFor(jobs, chapters, all, clock.instant()).size();
        List<Episode> newest = all.stream().filter(e -> e.transcriptSource() == null)
                .limit(TRANSCRIPTS_PER_REFRESH).toList();
        queued += PublisherTranscriptJob.enqueueFor(jobs, newest);
        queued += autoDownloads.run().queued();
        if (podcastSettings.get(podcastId).autoTranscribe()) {
            // episodes the publisher gives no transcript for; the newest few, not the back catalogue
            for (Episode e : all.stream().filter(e -> e.transcriptSource() == null
                    && PublisherTranscriptJob.links(e).isEmpty()).limit(AUTO_TRANSCRIBE_NEWEST).toList()) {
                TranscribeJob.enqueue(jobs, e.id(), clock.instant());
                queued++;
            }
        }
        if (queued > 0) {
            runner.wake();
        }
    }

    /** A job that saves a transcript, followed by the job that makes the episode's summary and chapters. */
    private JobHandler thenInsights(JobHandler makesTranscript) {
        return (job, context) -> {
            String done = makesTranscript.run(job, context);
            long episodeId = Long.parseLong(job.subject());
            if (transcripts.source(episodeId).isPresent()) {
                InsightsJob.enqueue(jobs, episodeId, clock.instant());
                runner.wake();
            }
            return done;
        };
    }

    static final int TRANSCRIPTS_PER_REFRESH = 20;
    static final int AUTO_TRANSCRIBE_NEWEST = 3;

    /** The OpenAI-compatible transcription endpoint from the settings (openai.base_url, .api_key, .model). */
    public SpeechToText openAiEngine(String language) {
        var speech = config.speech();
        OpenAiSettings settings = new OpenAiSettings(URI.create(speech.openAiBaseUrl()), speech.openAiKey(),
                speech.openAiModel(), speech.openAiMaxUploadMb() * 1024L * 1024, OpenAiSettings.DEFAULT_TIMEOUT);
        return new OpenAiSpeechToText(new OpenAiTranscriber(settings, ffmpeg), ffmpeg, language);
    }

    /** The chat endpoint from the settings (llm.base_url, .api_key, .model, .context_tokens), or null when unset. */
    static LanguageModel languageModel(Config.LanguageModel settings) {
        if (!settings.configured()) {
            return null;
        }
        LlmSettings llm;
        try {
            llm = LlmSettings.of(URI.create(settings.baseUrl()), settings.apiKey(), settings.model())
                    .withContextTokens(settings.contextTokens());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("llm.base_url, llm.model or llm.context_tokens is not valid: " + e.getMessage());
        }
        return new LanguageModel(new OpenAiChat(llm), llm);
    }

    /** Speaker turns and names for a transcript Hark made, from the feed's evidence only. */
    private dev.hark.transcript.Transcript nameSpeakers(Episode episode, dev.hark.media.AudioSource audio,
                                                      dev.hark.transcript.Transcript transcript) {
        Podcast podcast = podcasts.get(episode.podcastId());
        List<dev.hark.feed.Person> persons = new ArrayList<>(SpeakerClues.personsFromExtras(episode.extrasJson()));
        persons.addAll(SpeakerClues.personsFromExtras(podcastExtras(podcast.id())));
        return SpeakerNamer.labelAndName(transcript,
                new SpeakerClues(podcast.author(), persons, episode.title(), episode.description())).transcript();
    }

    /** The names the feed gives for an episode: its and its podcast's persons, and the show notes' link texts. */
    private dev.hark.ai.MentionHints mentionHints(long episodeId) {
        Episode episode = episodes.get(episodeId);
        List<String> persons = new ArrayList<>();
        SpeakerClues.personsFromExtras(episode.extrasJson()).forEach(p -> persons.add(p.name()));
        SpeakerClues.personsFromExtras(podcastExtras(episode.podcastId())).forEach(p -> persons.add(p.name()));
        List<String> linkTexts = episode.descriptionHtml() == null ? List.of()
                : new dev.hark.web.security.HtmlSanitizer().links(episode.descriptionHtml(), episode.link()).stream()
                        .map(dev.hark.web.security.HtmlSanitizer.Link::text).toList();
        return new dev.hark.ai.MentionHints(persons, List.of(), linkTexts);
    }

    private String podcastExtras(long podcastId) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT extras FROM podcasts WHERE id = ?")
                .bind(0, podcastId).mapTo(String.class).findOne().orElse(null));
    }

    /** Podcast Index first (when it has a key), then iTunes (unless turned off). */
    static DirectorySearch directorySearch(Config.Directory settings, HttpClient client, Clock clock) {
        List<DirectorySource> sources = new ArrayList<>();
        if (settings.podcastIndexKey() != null) {
            PodcastIndexCredentials credentials;
            try {
                credentials = new PodcastIndexCredentials(settings.podcastIndexKey(), settings.podcastIndexSecret());
            } catch (IllegalArgumentException e) {
                throw new ConfigException("directory.podcastindex.key or .secret is not valid: " + e.getMessage());
            }
            sources.add(new PodcastIndexSearch(client, URI.create(settings.podcastIndexUrl()), credentials,
                    FetchLimits.USER_AGENT, clock));
        }
        if (settings.itunes()) {
            sources.add(new ItunesSearch(client, URI.create(settings.itunesUrl()), FetchLimits.USER_AGENT));
        }
        return new DirectorySearch(sources, DirectorySearch.DEFAULT_TIMEOUT);
    }

    /** The fetcher's limits from the configuration. */
    static FetchLimits fetchLimits(Config config) {
        return FetchLimits.defaults()
                .withMaxBodyBytes(config.maxFeedBytes())
                .withTotalTimeout(config.fetchTimeout());
    }

    @Override
    public void close() {
        scheduler.close();
        runner.close();
        transcribeJob.close();
        fetcher.close();
        directoryClient.close();
        mediaClient.close();
        database.close();
    }
}
