package dev.hark.web;

import dev.hark.feed.Enclosure;
import dev.hark.feed.ParsedEpisode;
import dev.hark.library.Database;
import dev.hark.library.Episode;
import dev.hark.library.EpisodeRepository;
import dev.hark.library.FeedSync;
import dev.hark.library.PodcastRepository;
import dev.hark.media.DownloadLimits;
import dev.hark.media.DownloadRepository;
import dev.hark.media.MediaHttp;
import dev.hark.media.MediaProxy;
import dev.hark.media.MediaStore;
import dev.hark.testing.LoopbackFeedServer;
import dev.hark.testing.TestFeeds;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class MediaHandlerTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    private static final byte[] AUDIO = bytes(100_000);

    @TempDir
    Path data;

    private Database database;
    private EpisodeRepository episodes;
    private DownloadRepository downloads;
    private MediaStore store;
    private HttpClient upstreamClient;
    private HttpClient client;
    private LoopbackFeedServer publisher;
    private Javalin app;
    private long podcastId;

    @BeforeEach
    void start() {
        database = Database.open(data);
        episodes = new EpisodeRepository(database.jdbi());
        downloads = new DownloadRepository(database.jdbi());
        store = new MediaStore(data);
        podcastId = new PodcastRepository(database.jdbi()).subscribe("https://show.example/feed.xml", NOW).podcast().id();
        publisher = LoopbackFeedServer.start();
        upstreamClient = MediaHttp.newClient(DownloadLimits.defaults());
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        MediaHandler handler = new MediaHandler(episodes, downloads, store,
                new MediaProxy(upstreamClient, DownloadLimits.defaults()));
        // configured as the web server is: virtual threads and gzip for compressible results
        app = Javalin.create(config -> {
                    config.showJavalinBanner = false;
                    config.useVirtualThreads = true;
                    config.http.gzipOnlyCompression();
                })
                .get("/media/{episode}", handler)
                .head("/media/{episode}", handler)
                .start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        app.stop();
        client.close();
        upstreamClient.close();
        publisher.close();
        database.close();
    }

    private static byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        new Random(11).nextBytes(bytes);
        return bytes;
    }

    private Episode episode(String mediaUrl, String mediaType) {
        ParsedEpisode base = TestFeeds.episode("g1", "One", mediaUrl, 1_700_000_000L);
        ParsedEpisode item = new ParsedEpisode(base.guid(), base.title(), base.published(), base.duration(),
                List.of(new Enclosure(mediaUrl, mediaType, null)), base.link(), base.description(), base.descriptionHtml(),
                base.image(), base.season(), base.episode(), base.episodeType(), base.explicit(), base.block(),
                base.transcripts(), base.chaptersUrl(), base.chaptersType(), base.persons(), base.soundbites(),
                base.funding(), base.alternateEnclosures());
        new FeedSync(database.jdbi()).apply(podcastId, TestFeeds.feed("Show", List.of(item)),
                new FeedSync.Validators(null, null, null), NOW, NOW.plusSeconds(60));
        return episodes.listByPodcast(podcastId).getFirst();
    }

    private Episode downloadedEpisode() throws IOException {
        Episode episode = episode("http://127.0.0.1:9/never.mp3", "audio/mpeg");
        String relative = MediaStore.relativePath(podcastId, episode.id(), "mp3");
        Files.createDirectories(store.target(relative).getParent());
        Files.write(store.target(relative), AUDIO);
        downloads.saveProgress(episode.id(), relative, 0, null, "audio/mpeg", null, null, NOW);
        downloads.complete(episode.id(), AUDIO.length, NOW);
        return episode;
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void a_downloaded_file_is_served_whole_with_its_validators() throws Exception {
        Episode episode = downloadedEpisode();

        HttpResponse<byte[]> response = get("/media/" + episode.id());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(AUDIO);
        assertThat(response.headers().firstValue("Content-Type")).contains("audio/mpeg");
        assertThat(response.headers().firstValue("Content-Length")).contains("100000");
        assertThat(response.headers().firstValue("Accept-Ranges")).contains("bytes");
        assertThat(response.headers().firstValue("ETag")).hasValueSatisfying(etag -> assertThat(etag).startsWith("\"186a0-"));
        assertThat(response.headers().firstValue("Last-Modified")).hasValueSatisfying(date -> assertThat(date).endsWith(" GMT"));
    }

    @Test
    void audio_is_sent_as_is_to_a_client_that_accepts_gzip() throws Exception {
        Episode episode = downloadedEpisode();

        HttpResponse<byte[]> response = get("/media/" + episode.id(), "Accept-Encoding", "gzip");

        assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(response.body()).isEqualTo(AUDIO);
    }

    @Test
    void a_range_gets_exactly_those_bytes_with_206() throws Exception {
        Episode episode = downloadedEpisode();

        HttpResponse<byte[]> response = get("/media/" + episode.id(), "Range", "bytes=1000-1999");

        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(response.body()).isEqualTo(Arrays.copyOfRange(AUDIO, 1000, 2000));
        assertThat(response.headers().firstValue("Content-Range")).contains("bytes 1000-1999/100000");
        assertThat(response.headers().firstValue("Content-Length")).contains("1000");
    }

    @Test
    void a_suffix_range_gets_the_last_bytes() throws Exception {
        Episode episode = downloadedEpisode();

        HttpResponse<byte[]> response = get("/media/" + episode.id(), "Range", "bytes=-500");

        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(response.body()).isEqualTo(Arrays.copyOfRange(AUDIO, 99_500, 100_000));
        assertThat(response.headers().firstValue("Content-Range")).contains("bytes 99500-99999/100000");
    }

    @Test
    void an_open_range_runs_to_the_end() throws Exception {
        Episode episode = downloadedEpisode();

        HttpResponse<byte[]> response = get("/media/" + episode.id(), "Range", "bytes=99000-");

        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(response.body()).isEqualTo(Arrays.copyOfRange(AUDIO, 99_000, 100_000));
    }

    @Test
    void a_range_past_the_end_is_416_with_the_length() throws Exception {
        Episode episode = downloadedEpisode();

        HttpResponse<byte[]> response = get("/media/" + episode.id(), "Range", "bytes=100000-");

        assertThat(response.statusCode()).isEqualTo(416);
        assertThat(response.headers().firstValue("Content-Range")).contains("bytes */100000");
        assertThat(response.body()).isEmpty();
    }

    @Test
    void if_range_with_a_stale_etag_gets_the_whole_file() throws Exception {
        Episode episode = downloadedEpisode();

        HttpResponse<byte[]> response = get("/media/" + episode.id(), "Range", "bytes=0-9", "If-Range", "\"stale\"");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(AUDIO);
    }

    @Test
    void if_range_with_the_current_etag_gets_the_range() throws Exception {
        Episode episode = downloadedEpisode();
        String etag = get("/media/" + episode.id()).headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> response = get("/media/" + episode.id(), "Range", "bytes=0-9", "If-Range", etag);

        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(response.body()).isEqualTo(Arrays.copyOfRange(AUDIO, 0, 10));
    }

    @Test
    void if_none_match_with_the_current_etag_is_304() throws Exception {
        Episode episode = downloadedEpisode();
        String etag = get("/media/" + episode.id()).headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> response = get("/media/" + episode.id(), "If-None-Match", etag);

        assertThat(response.statusCode()).isEqualTo(304);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void head_gives_the_headers_without_a_body() throws Exception {
        Episode episode = downloadedEpisode();

        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + app.port() + "/media/" + episode.id()))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Length")).contains("100000");
        assertThat(response.body()).isEmpty();
    }

    @Test
    void without_a_download_the_publisher_is_proxied_with_the_listeners_range() throws Exception {
        publisher.handle("/ep.mp3", new dev.hark.media.RangeFileHandler(AUDIO, "audio/mpeg"));
        Episode episode = episode(publisher.url("/ep.mp3"), "audio/mpeg");

        HttpResponse<byte[]> response = get("/media/" + episode.id(), "Range", "bytes=500-1499");

        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(response.body()).isEqualTo(Arrays.copyOfRange(AUDIO, 500, 1500));
        assertThat(response.headers().firstValue("Content-Range")).contains("bytes 500-1499/100000");
        assertThat(response.headers().firstValue("Content-Type")).contains("audio/mpeg");
        assertThat(publisher.lastRequestHeaders("/ep.mp3").getFirst("Range")).isEqualTo("bytes=500-1499");
    }

    @Test
    void the_proxy_relays_a_whole_file_and_a_416() throws Exception {
        publisher.handle("/ep.mp3", new dev.hark.media.RangeFileHandler(AUDIO, "audio/mpeg"));
        Episode episode = episode(publisher.url("/ep.mp3"), "audio/mpeg");

        HttpResponse<byte[]> whole = get("/media/" + episode.id());
        HttpResponse<byte[]> past = get("/media/" + episode.id(), "Range", "bytes=200000-");

        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(AUDIO);
        assertThat(whole.headers().firstValue("Content-Length")).contains("100000");
        assertThat(past.statusCode()).isEqualTo(416);
        assertThat(past.headers().firstValue("Content-Range")).contains("bytes */100000");
    }

    @Test
    void the_proxy_replaces_a_generic_content_type_with_the_episodes() throws Exception {
        publisher.handle("/ep.mp3", new dev.hark.media.RangeFileHandler(AUDIO, "binary/octet-stream"));
        Episode episode = episode(publisher.url("/ep.mp3"), "audio/mpeg");

        HttpResponse<byte[]> response = get("/media/" + episode.id(), "Range", "bytes=0-9");

        assertThat(response.headers().firstValue("Content-Type")).contains("audio/mpeg");
    }

    @Test
    void the_proxy_follows_the_publishers_redirects() throws Exception {
        publisher.serve("/tracker/ep.mp3", LoopbackFeedServer.Reply.redirect(302, "/ep.mp3"));
        publisher.handle("/ep.mp3", new dev.hark.media.RangeFileHandler(AUDIO, "audio/mpeg"));
        Episode episode = episode(publisher.url("/tracker/ep.mp3"), "audio/mpeg");

        HttpResponse<byte[]> response = get("/media/" + episode.id(), "Range", "bytes=0-99");

        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(response.body()).isEqualTo(Arrays.copyOfRange(AUDIO, 0, 100));
    }

    @Test
    void the_proxy_streams_bytes_as_they_come_without_waiting_for_the_whole_file() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        publisher.handle("/ep.mp3", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "audio/mpeg");
            exchange.sendResponseHeaders(200, AUDIO.length);
            exchange.getResponseBody().write(AUDIO, 0, 1000);
            exchange.getResponseBody().flush();
            try {
                release.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.getResponseBody().write(AUDIO, 1000, AUDIO.length - 1000);
        });
        Episode episode = episode(publisher.url("/ep.mp3"), "audio/mpeg");

        HttpResponse<java.io.InputStream> response = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + app.port() + "/media/" + episode.id())).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (java.io.InputStream body = response.body()) {
            byte[] first = body.readNBytes(1000); // arrives while the publisher still holds the rest

            assertThat(first).isEqualTo(Arrays.copyOfRange(AUDIO, 0, 1000));
            release.countDown();
            assertThat(body.readAllBytes()).isEqualTo(Arrays.copyOfRange(AUDIO, 1000, AUDIO.length));
        }
    }

    @Test
    void a_listener_who_leaves_closes_the_connection_to_the_publisher() throws Exception {
        java.util.concurrent.CountDownLatch publisherStopped = new java.util.concurrent.CountDownLatch(1);
        publisher.handle("/live.mp3", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try {
                for (int i = 0; i < 10_000; i++) {
                    exchange.getResponseBody().write(AUDIO);
                    exchange.getResponseBody().flush();
                }
            } catch (IOException e) {
                publisherStopped.countDown();
            }
        });
        Episode episode = episode(publisher.url("/live.mp3"), "audio/mpeg");

        HttpResponse<java.io.InputStream> response = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + app.port() + "/media/" + episode.id())).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (java.io.InputStream body = response.body()) {
            assertThat(body.readNBytes(300_000)).hasSize(300_000);
        }

        assertThat(publisherStopped.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void a_failing_publisher_is_a_502_with_a_reason() throws Exception {
        publisher.serve("/ep.mp3", LoopbackFeedServer.Reply.status(404));
        Episode episode = episode(publisher.url("/ep.mp3"), "audio/mpeg");

        HttpResponse<byte[]> response = get("/media/" + episode.id());

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(new String(response.body())).isEqualTo("{\"error\":\"The publisher's server answered 404 for this episode's audio.\"}");
    }

    @Test
    void an_unreachable_publisher_is_a_502_with_a_reason() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Episode episode = episode("http://127.0.0.1:" + closedPort + "/ep.mp3", "audio/mpeg");

        HttpResponse<byte[]> response = get("/media/" + episode.id());

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(new String(response.body())).isEqualTo("{\"error\":\"The publisher's server could not be reached.\"}");
    }

    @Test
    void an_unknown_episode_is_a_404_in_json() throws Exception {
        HttpResponse<byte[]> response = get("/media/424242");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(new String(response.body())).isEqualTo("{\"error\":\"No episode with id 424242.\"}");
    }

    @Test
    void a_non_numeric_id_is_a_400_in_json() throws Exception {
        HttpResponse<byte[]> response = get("/media/abc");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(new String(response.body())).isEqualTo("{\"error\":\"An episode id is a whole number, not \\\"abc\\\".\"}");
    }

    @Test
    void a_path_in_place_of_the_id_reads_no_file() throws Exception {
        HttpResponse<byte[]> response = get("/media/..%2F..%2Fhark.db");

        assertThat(response.statusCode()).isEqualTo(400); // Jetty refuses the encoded slashes before we see them
        assertThat(new String(response.body(), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("SQLite format");
    }

    @Test
    void a_stored_path_that_leaves_the_media_folder_is_never_served() throws Exception {
        Episode episode = episode("http://127.0.0.1:9/never.mp3", "audio/mpeg");
        Files.writeString(data.resolve("secret.txt"), "secret");
        downloads.saveProgress(episode.id(), "../secret.txt", 0, null, null, null, null, NOW);
        downloads.complete(episode.id(), 6, NOW);

        HttpResponse<byte[]> response = get("/media/" + episode.id());

        assertThat(new String(response.body())).doesNotContain("secret\"").isNotEqualTo("secret");
        assertThat(response.statusCode()).isEqualTo(502); // falls back to the (unreachable) enclosure
    }
}
