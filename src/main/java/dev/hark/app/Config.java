package dev.hark.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Hark's settings, immutable. Built from, in rising precedence: defaults,
 * {@code hark.properties} in the data folder, {@code HARK_*} environment variables, then
 * command-line flags. Tests build it directly.
 *
 * @param dataDir          holds hark.db and, later, index/, media/ and models/
 * @param refreshInterval  how often the server refreshes each feed
 * @param feedConcurrency  feed fetches at once
 * @param maxFeedBytes     largest feed body accepted (after decompression)
 * @param fetchTimeout     total time allowed for one feed fetch
 * @param host             the address the web server listens on (loopback by default)
 * @param port             the web server's port (0 picks a free one)
 * @param directory        where "find a podcast" searches
 * @param downloadCapBytes the most downloaded audio to keep; played episodes are evicted first
 * @param speech           speech-to-text engine and its settings
 * @param languageModel    the optional OpenAI-compatible chat endpoint for summaries, titles and answers
 */
public record Config(Path dataDir, Duration refreshInterval, int feedConcurrency, long maxFeedBytes,
                     Duration fetchTimeout, String host, int port, Directory directory, long downloadCapBytes,
                     SpeechToText speech, LanguageModel languageModel) {

    /**
     * An OpenAI-compatible chat endpoint (Ollama, llama.cpp server, vLLM, a hosted API). Off
     * when {@code baseUrl} is null: every AI feature then works locally without one.
     *
     * @param contextTokens how many tokens the model reads at once; long transcripts are cut to fit
     */
    public record LanguageModel(String baseUrl, String apiKey, String model, int contextTokens) {

        public static final LanguageModel NONE = new LanguageModel(null, null, null, 8192);

        public LanguageModel {
            if (baseUrl != null && !(baseUrl.startsWith("http://") || baseUrl.startsWith("https://"))) {
                throw new ConfigException("llm.base_url must be an http(s) address, e.g. http://localhost:11434/v1");
            }
            if (baseUrl != null && model == null) {
                throw new ConfigException("llm.model is missing (llm.base_url is set), e.g. llama3.2");
            }
            if (contextTokens < 2048) {
                throw new ConfigException("llm.context_tokens must be at least 2048");
            }
        }

        public boolean configured() {
            return baseUrl != null;
        }
    }

    /**
     * Speech-to-text: the local whisper.cpp engine (a model name fetched into models/, or a
     * path), or an OpenAI-compatible transcription endpoint.
     *
     * @param model   a whisper.cpp model name (base.en, small, ...) or a path; null = base.en
     *                for English feeds, base otherwise
     */
    public record SpeechToText(String engine, String model, int threads, String modelsUrl, String openAiBaseUrl,
                               String openAiKey, String openAiModel, int openAiMaxUploadMb) {

        public static final SpeechToText DEFAULTS = new SpeechToText("whisper", null, 2,
                "https://huggingface.co/ggerganov/whisper.cpp/resolve/main/", "https://api.openai.com", null,
                "whisper-1", 25);

        public SpeechToText {
            if (!engine.equals("whisper") && !engine.equals("openai")) {
                throw new ConfigException("transcribe.engine must be whisper or openai, not \"" + engine + "\"");
            }
            if (threads < 1 || threads > 64) {
                throw new ConfigException("transcribe.threads must be between 1 and 64");
            }
            if (openAiMaxUploadMb < 1) {
                throw new ConfigException("openai.max_upload_mb must be at least 1");
            }
        }
    }

    /**
     * The podcast directories searched by name: iTunes (on unless turned off) and Podcast Index
     * (when a key and secret are set). The base URLs are for mirrors and tests.
     */
    public record Directory(boolean itunes, String itunesUrl, String podcastIndexKey, String podcastIndexSecret,
                            String podcastIndexUrl) {

        public static final Directory DEFAULTS = new Directory(true, "https://itunes.apple.com", null, null,
                "https://api.podcastindex.org");

        public Directory {
            if ((podcastIndexKey == null) != (podcastIndexSecret == null)) {
                throw new ConfigException(podcastIndexKey == null
                        ? "directory.podcastindex.key is missing (directory.podcastindex.secret is set)"
                        : "directory.podcastindex.secret is missing (directory.podcastindex.key is set)");
            }
            for (String url : new String[] {itunesUrl, podcastIndexUrl}) {
                if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
                    throw new ConfigException("directory.itunes.url and directory.podcastindex.url must be http(s) addresses");
                }
            }
        }
    }

    public static final String FILE_NAME = "hark.properties";

    /** The settings keys, as written in hark.properties; HARK_ + upper case with _ for . and - in the environment. */
    static final List<String> KEYS = List.of("refresh.interval.minutes", "feed.concurrency", "feed.max.mb",
            "fetch.timeout.seconds", "server.host", "server.port", "directory.itunes.enabled", "directory.itunes.url",
            "directory.podcastindex.key", "directory.podcastindex.secret", "directory.podcastindex.url", "downloads.cap.gb",
            "transcribe.engine", "transcribe.model", "transcribe.threads", "models.url", "openai.base_url",
            "openai.api_key", "openai.model", "openai.max_upload_mb", "llm.base_url", "llm.api_key", "llm.model",
            "llm.context_tokens");

    public Config {
        if (refreshInterval.isNegative() || refreshInterval.isZero()) {
            throw new ConfigException("refresh.interval.minutes must be at least 1");
        }
        if (feedConcurrency < 1 || feedConcurrency > 64) {
            throw new ConfigException("feed.concurrency must be between 1 and 64");
        }
        if (maxFeedBytes < 1024) {
            throw new ConfigException("feed.max.mb must be at least 1");
        }
        if (fetchTimeout.isNegative() || fetchTimeout.isZero()) {
            throw new ConfigException("fetch.timeout.seconds must be at least 1");
        }
        if (downloadCapBytes < 0) {
            throw new ConfigException("downloads.cap.gb must be 0 or more");
        }
        if (host == null || host.isBlank()) {
            throw new ConfigException("server.host must not be empty");
        }
        if (port < 0 || port > 65535) {
            throw new ConfigException("server.port must be between 0 and 65535");
        }
    }

    /** This configuration with another web address (from command-line flags). */
    public Config withServer(String newHost, Integer newPort) {
        return new Config(dataDir, refreshInterval, feedConcurrency, maxFeedBytes, fetchTimeout,
                newHost != null ? newHost : host, newPort != null ? newPort : port, directory, downloadCapBytes, speech,
                languageModel);
    }

    /** This configuration with other directory settings. */
    public Config withDirectory(Directory newDirectory) {
        return new Config(dataDir, refreshInterval, feedConcurrency, maxFeedBytes, fetchTimeout, host, port, newDirectory,
                downloadCapBytes, speech, languageModel);
    }

    /** This configuration with other speech-to-text settings. */
    public Config withSpeech(SpeechToText newSpeech) {
        return new Config(dataDir, refreshInterval, feedConcurrency, maxFeedBytes, fetchTimeout, host, port, directory,
                downloadCapBytes, newSpeech, languageModel);
    }

    /** This configuration with another language model (or {@link LanguageModel#NONE}). */
    public Config withLanguageModel(LanguageModel newModel) {
        return new Config(dataDir, refreshInterval, feedConcurrency, maxFeedBytes, fetchTimeout, host, port, directory,
                downloadCapBytes, speech, newModel);
    }

    /** The defaults, with the data folder given. */
    public static Config defaults(Path dataDir) {
        return new Config(dataDir, Duration.ofMinutes(60), 4, 64L * 1024 * 1024, Duration.ofSeconds(30),
                "127.0.0.1", 8080, Directory.DEFAULTS, 10L * 1024 * 1024 * 1024, SpeechToText.DEFAULTS,
                LanguageModel.NONE);
    }

    /**
     * Loads the configuration.
     *
     * @param dataFlag the {@code --data} flag, or null
     * @param env      the environment (System.getenv() outside tests)
     */
    public static Config load(Path dataFlag, Map<String, String> env) {
        Path dataDir = dataFlag != null ? dataFlag : defaultDataDir(env);
        Properties merged = new Properties();
        Path file = dataDir.resolve(FILE_NAME);
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                merged.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                throw new ConfigException("Cannot read " + file + ": " + e.getMessage());
            }
            List<String> unknown = new ArrayList<>();
            for (String key : merged.stringPropertyNames()) {
                if (!KEYS.contains(key)) {
                    unknown.add(key);
                }
            }
            if (!unknown.isEmpty()) {
                throw new ConfigException("Unknown setting(s) in " + file + ": " + String.join(", ", unknown)
                        + " (known: " + String.join(", ", KEYS) + ")");
            }
        }
        for (String key : KEYS) {
            String value = env.get(envName(key));
            if (value != null && !value.isBlank()) {
                merged.setProperty(key, value.strip());
            }
        }
        Config defaults = defaults(dataDir);
        return new Config(dataDir,
                Duration.ofMinutes(number(merged, "refresh.interval.minutes", defaults.refreshInterval().toMinutes())),
                (int) number(merged, "feed.concurrency", defaults.feedConcurrency()),
                number(merged, "feed.max.mb", defaults.maxFeedBytes() / (1024 * 1024)) * 1024 * 1024,
                Duration.ofSeconds(number(merged, "fetch.timeout.seconds", defaults.fetchTimeout().toSeconds())),
                merged.getProperty("server.host", defaults.host()).strip(),
                (int) number(merged, "server.port", defaults.port()),
                new Directory(bool(merged, "directory.itunes.enabled", true),
                        merged.getProperty("directory.itunes.url", Directory.DEFAULTS.itunesUrl()).strip(),
                        blankToNull(merged.getProperty("directory.podcastindex.key")),
                        blankToNull(merged.getProperty("directory.podcastindex.secret")),
                        merged.getProperty("directory.podcastindex.url", Directory.DEFAULTS.podcastIndexUrl()).strip()),
                number(merged, "downloads.cap.gb", defaults.downloadCapBytes() / (1024L * 1024 * 1024)) * 1024L * 1024 * 1024,
                new SpeechToText(merged.getProperty("transcribe.engine", "whisper").strip(),
                        blankToNull(merged.getProperty("transcribe.model")),
                        (int) number(merged, "transcribe.threads", SpeechToText.DEFAULTS.threads()),
                        merged.getProperty("models.url", SpeechToText.DEFAULTS.modelsUrl()).strip(),
                        merged.getProperty("openai.base_url", SpeechToText.DEFAULTS.openAiBaseUrl()).strip(),
                        blankToNull(merged.getProperty("openai.api_key")),
                        merged.getProperty("openai.model", SpeechToText.DEFAULTS.openAiModel()).strip(),
                        (int) number(merged, "openai.max_upload_mb", SpeechToText.DEFAULTS.openAiMaxUploadMb())),
                new LanguageModel(blankToNull(merged.getProperty("llm.base_url")),
                        blankToNull(merged.getProperty("llm.api_key")),
                        blankToNull(merged.getProperty("llm.model")),
                        (int) number(merged, "llm.context_tokens", LanguageModel.NONE.contextTokens())));
    }

    /** {@code $HARK_DATA}, else {@code $XDG_DATA_HOME/hark}, else {@code ~/.local/share/hark}. */
    static Path defaultDataDir(Map<String, String> env) {
        String hark = env.get("HARK_DATA");
        if (hark != null && !hark.isBlank()) {
            return Path.of(hark);
        }
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "hark");
        }
        return Path.of(System.getProperty("user.home"), ".local", "share", "hark");
    }

    static String envName(String key) {
        return "HARK_" + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static long number(Properties properties, String key, long fallback) {
        String value = properties.getProperty(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new ConfigException(key + " must be a whole number, not \"" + value + "\" (or set " + envName(key) + ")");
        }
    }

    private static boolean bool(Properties properties, String key, boolean fallback) {
        String value = properties.getProperty(key);
        if (value == null) {
            return fallback;
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new ConfigException(key + " must be true or false, not \"" + value + "\"");
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** One line per setting, for the log at start-up. */
    public String summary() {
        return "data=" + dataDir.toAbsolutePath() + ", refresh every " + refreshInterval.toMinutes() + " min, "
                + feedConcurrency + " feed fetches at once, feeds up to " + maxFeedBytes / (1024 * 1024) + " MB, "
                + "fetch timeout " + fetchTimeout.toSeconds() + " s, web on " + host + ":" + port + ", directories: "
                + (directory.itunes() ? "iTunes" : "") + (directory.podcastIndexKey() != null ? " Podcast Index" : "")
                + ", speech-to-text: " + speech.engine() + ", language model: "
                + (languageModel.configured() ? languageModel.model() + " at " + languageModel.baseUrl()
                : "none (AI features work locally, extractive)");
    }
}
