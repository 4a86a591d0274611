package dev.hark.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bytedeco.javacpp.Loader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hark.demo.DemoPodcast.DemoFile;
import dev.hark.feed.FeedParser;
import dev.hark.feed.ParsedEpisode;
import dev.hark.feed.ParsedFeed;
import dev.hark.feed.Person;
import dev.hark.feed.TranscriptRef;

/** The bundled demo podcast is complete, consistent with its audio, and served by allowlist only. */
class DemoPodcastTest {

    private static final String BASE = "http://127.0.0.1:8123";
    private static final Pattern CUE_TIMES = Pattern.compile(
            "^(\\d{2}):(\\d{2}):(\\d{2})\\.(\\d{3}) --> (\\d{2}):(\\d{2}):(\\d{2})\\.(\\d{3})$");
    private static final Pattern VOICE = Pattern.compile("^<v ([^>]+)>\\S");
    private static final Pattern PROGRESS_TIME = Pattern.compile("time=(\\d+):(\\d{2}):(\\d{2}(?:\\.\\d+)?)");

    private static double audioSeconds;

    /** The audio's real length, by decoding all of it with the ffmpeg the application bundles. */
    @BeforeAll
    static void decodeAudio(@TempDir Path dir) throws Exception {
        Path mp3 = dir.resolve(DemoPodcast.AUDIO);
        Files.write(mp3, DemoPodcast.file(DemoPodcast.AUDIO).orElseThrow().bytes());
        Path ffmpeg = Path.of(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class));
        ProcessBuilder decode = new ProcessBuilder(ffmpeg.toString(), "-hide_banner", "-nostdin",
                "-i", mp3.toString(), "-f", "null", "-").redirectErrorStream(true);
        decode.environment().put("LD_LIBRARY_PATH", sonameLinks(ffmpeg, dir.resolve("lib")) + ":" + ffmpeg.getParent());
        Process p = decode.start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(log).isZero();
        assertThat(log).contains("Audio: mp3").contains("mono");
        Matcher m = PROGRESS_TIME.matcher(log);
        double last = -1;
        while (m.find()) {
            last = Integer.parseInt(m.group(1)) * 3600 + Integer.parseInt(m.group(2)) * 60
                    + Double.parseDouble(m.group(3));
        }
        assertThat(last).as(log).isPositive();
        audioSeconds = last;
    }

    /**
     * The bytedeco jar ships libva as {@code libva.so} and {@code libva-drm.so}, but libavutil asks
     * for {@code libva.so.2} and {@code libva-drm.so.2}. Inside the JVM JavaCPP has loaded them by
     * path already; a separate ffmpeg process needs links under those names, made here in a folder
     * of our own rather than in JavaCPP's shared cache.
     */
    private static Path sonameLinks(Path ffmpeg, Path folder) throws IOException {
        Files.createDirectories(folder);
        for (String lib : List.of("libva.so", "libva-drm.so")) {
            Path bundled = ffmpeg.resolveSibling(lib);
            if (Files.exists(bundled) && !Files.exists(ffmpeg.resolveSibling(lib + ".2"))) {
                Files.createSymbolicLink(folder.resolve(lib + ".2"), bundled);
            }
        }
        return folder;
    }

    @Test
    void the_feed_has_one_complete_episode_pointing_at_the_server() throws Exception {
        byte[] feedBytes = DemoPodcast.feedXml(BASE + "/").getBytes(StandardCharsets.UTF_8);
        ParsedFeed feed = new FeedParser().parse(feedBytes, BASE + "/demo/feed.xml");

        assertThat(feed.title()).isEqualTo("Break Things on Purpose (Hark demo)");
        assertThat(feed.description()).contains("synthesized excerpt");
        assertThat(feed.image()).isEqualTo(BASE + "/demo/artwork.png");
        assertThat(feed.episodes()).hasSize(1);
        ParsedEpisode episode = feed.episodes().getFirst();

        assertThat(episode.media().url()).isEqualTo(BASE + "/demo/" + DemoPodcast.AUDIO);
        assertThat(episode.media().type()).isEqualTo("audio/mpeg");
        assertThat(episode.media().length())
                .isEqualTo((long) DemoPodcast.file(DemoPodcast.AUDIO).orElseThrow().bytes().length);
        assertThat(episode.duration()).isNotNull();
        assertThat((double) episode.duration()).isCloseTo(audioSeconds, offset(1.0));

        assertThat(episode.transcripts()).extracting(TranscriptRef::url, TranscriptRef::type).containsExactlyInAnyOrder(
                tuple(BASE + "/demo/transcript.json", "application/json"),
                tuple(BASE + "/demo/transcript.vtt", "text/vtt"));
        assertThat(episode.chaptersUrl()).isEqualTo(BASE + "/demo/chapters.json");
        assertThat(episode.persons()).extracting(Person::name, Person::role).containsExactlyInAnyOrder(
                tuple("Jason", "host"),
                tuple("Gustavo Franco", "guest"));
        assertThat(episode.descriptionHtml())
                .contains("https://www.gremlin.com/", "https://tanzu.vmware.com/", "https://sre.google/");
    }

    @Test
    void every_bundled_url_in_the_feed_names_a_servable_file() {
        String xml = DemoPodcast.feedXml(BASE);
        assertThat(xml).doesNotContain(DemoPodcast.BASE_PLACEHOLDER).doesNotContain(BASE + "//");
        Matcher m = Pattern.compile(Pattern.quote(BASE) + "/demo/([^\"<]+)").matcher(xml);
        Set<String> named = new LinkedHashSet<>();
        while (m.find()) {
            named.add(m.group(1));
        }
        named.remove("feed.xml"); // served by feedXml, not file
        assertThat(named).containsExactlyInAnyOrder(
                DemoPodcast.AUDIO, "transcript.json", "transcript.vtt", "chapters.json", "artwork.png");
        for (String name : named) {
            assertThat(DemoPodcast.file(name)).as(name).hasValueSatisfying(f -> assertThat(f.bytes()).isNotEmpty());
        }
    }

    @Test
    void vtt_cues_increase_stay_inside_the_audio_and_have_exactly_two_speakers() throws IOException {
        List<double[]> cues = new ArrayList<>();
        Set<String> speakers = new LinkedHashSet<>();
        String vtt = text("transcript.vtt");
        assertThat(vtt).startsWith("WEBVTT\n");
        String[] lines = vtt.split("\n");
        for (int i = 0; i < lines.length; i++) {
            Matcher t = CUE_TIMES.matcher(lines[i]);
            if (t.matches()) {
                cues.add(new double[] {seconds(t, 1), seconds(t, 5)});
                Matcher v = VOICE.matcher(lines[i + 1]);
                assertThat(v.find()).as("voice tag after " + lines[i]).isTrue();
                speakers.add(v.group(1));
            }
        }
        assertThat(cues).hasSizeGreaterThanOrEqualTo(8);
        double previousEnd = 0;
        for (double[] cue : cues) {
            assertThat(cue[0]).isGreaterThanOrEqualTo(previousEnd);
            assertThat(cue[1]).isGreaterThan(cue[0]);
            previousEnd = cue[1];
        }
        assertThat(previousEnd).isLessThanOrEqualTo(audioSeconds);
        assertThat(speakers).containsExactlyInAnyOrder("Jason", "Gustavo");
    }

    @Test
    void json_transcript_and_chapters_agree_with_the_audio() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode transcript = json.readTree(DemoPodcast.file("transcript.json").orElseThrow().bytes());
        assertThat(transcript.path("version").asText()).isEqualTo("1.0.0");
        Set<String> speakers = new LinkedHashSet<>();
        double previousEnd = 0;
        for (JsonNode s : transcript.path("segments")) {
            speakers.add(s.path("speaker").asText());
            assertThat(s.path("startTime").asDouble()).isGreaterThanOrEqualTo(previousEnd);
            assertThat(s.path("endTime").asDouble()).isGreaterThan(s.path("startTime").asDouble());
            assertThat(s.path("body").asText()).isNotBlank().doesNotContain("[unintelligible");
            previousEnd = s.path("endTime").asDouble();
        }
        assertThat(previousEnd).isLessThanOrEqualTo(audioSeconds);
        assertThat(speakers).containsExactlyInAnyOrder("Jason", "Gustavo");

        JsonNode chapters = json.readTree(DemoPodcast.file("chapters.json").orElseThrow().bytes());
        List<Double> starts = new ArrayList<>();
        chapters.path("chapters").forEach(c -> {
            assertThat(c.path("title").asText()).isNotBlank();
            starts.add(c.path("startTime").asDouble());
        });
        assertThat(starts).hasSizeBetween(2, 4).startsWith(0.0).isSorted();
        assertThat(starts.getLast()).isLessThan(audioSeconds);
    }

    @Test
    void the_files_have_the_right_types_and_stay_small() {
        assertThat(DemoPodcast.file(DemoPodcast.AUDIO).orElseThrow().contentType()).isEqualTo("audio/mpeg");
        assertThat(DemoPodcast.file(DemoPodcast.AUDIO).orElseThrow().bytes().length).isLessThan(2_000_000);
        DemoFile art = DemoPodcast.file("artwork.png").orElseThrow();
        assertThat(art.contentType()).isEqualTo("image/png");
        assertThat(art.bytes()).hasSizeLessThan(100_000).startsWith(0x89, 'P', 'N', 'G');
        assertThat(DemoPodcast.file("transcript.vtt").orElseThrow().contentType()).startsWith("text/vtt");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "feed.xml", "../pom.xml", "/demo/artwork.png", "demo/artwork.png", "ARTWORK.PNG",
        "artwork.png/", "artwork.png\0", "..", "simplelogger.properties", "../simplelogger.properties"})
    void names_outside_the_allowlist_are_not_served(String name) {
        assertThat(DemoPodcast.file(name)).isEmpty();
    }

    @Test
    void a_null_name_is_not_served() {
        assertThat(DemoPodcast.file(null)).isEmpty();
    }

    private static String text(String name) {
        return new String(DemoPodcast.file(name).orElseThrow().bytes(), StandardCharsets.UTF_8);
    }

    private static double seconds(Matcher m, int group) {
        return Integer.parseInt(m.group(group)) * 3600 + Integer.parseInt(m.group(group + 1)) * 60
                + Integer.parseInt(m.group(group + 2)) + Integer.parseInt(m.group(group + 3)) / 1000.0;
    }
}
