package dev.hark.feed;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OpmlWriterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-13T10:00:00Z"), ZoneOffset.UTC);

    private final OpmlWriter writer = new OpmlWriter(CLOCK);
    private final OpmlReader reader = new OpmlReader();

    @Test
    void the_file_is_opml_2_with_an_rfc_822_date_and_one_rss_outline_per_feed() throws Exception {
        String opml = write("Hark Subscriptions", List.of(
                new OpmlEntry("Planet Money", "https://feeds.npr.org/510289/podcast.xml", "https://www.npr.org/planetmoney"),
                new OpmlEntry("Accidental Tech Podcast", "https://atp.fm/rss", null)));

        assertThat(opml).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="2.0">
                  <head>
                    <title>Hark Subscriptions</title>
                    <dateCreated>Wed, 13 Mar 2024 10:00:00 GMT</dateCreated>
                  </head>
                  <body>
                    <outline type="rss" text="Planet Money" title="Planet Money" \
                xmlUrl="https://feeds.npr.org/510289/podcast.xml" htmlUrl="https://www.npr.org/planetmoney"/>
                    <outline type="rss" text="Accidental Tech Podcast" title="Accidental Tech Podcast" \
                xmlUrl="https://atp.fm/rss"/>
                  </body>
                </opml>
                """);
    }

    @Test
    void what_is_written_reads_back_as_the_same_entries() throws Exception {
        List<OpmlEntry> entries = List.of(
                new OpmlEntry("Linux Unplugged", "https://feeds.jupiterbroadcasting.com/lup", "https://linuxunplugged.com"),
                new OpmlEntry("Darknet Diaries", "https://feeds.megaphone.fm/darknetdiaries", null),
                new OpmlEntry("Logbuch:Netzpolitik", "https://logbuch-netzpolitik.de/feed/m4a", "https://logbuch-netzpolitik.de"));

        assertThat(reader.read(new StringReader(write("Export", entries)))).isEqualTo(entries);
    }

    @Test
    void every_app_shaped_fixture_survives_a_round_trip() throws Exception {
        for (String name : List.of("apple-podcasts.opml", "pocket-casts.opml", "antennapod.opml", "overcast.opml")) {
            List<OpmlEntry> original;
            try (InputStream in = OpmlWriterTest.class.getResourceAsStream("/opml/" + name)) {
                original = reader.read(in);
            }

            assertThat(reader.read(new StringReader(write("Export", original)))).as(name).isEqualTo(original);
        }
    }

    @Test
    void ampersands_angle_brackets_quotes_and_non_ascii_are_escaped_and_survive() throws Exception {
        OpmlEntry tricky = new OpmlEntry("Rock & Roll <Live> \"Archive\" 'Ümlaut' 日本語 🎧",
                "https://example.com/feed?show=1&format=rss", "https://example.com/?a=<b>");

        String opml = write("Tom & Jerry's <Podcasts>", List.of(tricky));

        assertThat(opml)
                .contains("<title>Tom &amp; Jerry's &lt;Podcasts></title>")
                .contains("text=\"Rock &amp; Roll &lt;Live> &quot;Archive&quot; 'Ümlaut' 日本語 🎧\"")
                .contains("xmlUrl=\"https://example.com/feed?show=1&amp;format=rss\"")
                .contains("htmlUrl=\"https://example.com/?a=&lt;b>\"");
        assertThat(reader.read(new StringReader(opml))).containsExactly(tricky);
    }

    @Test
    void an_untitled_feed_gets_its_address_as_text_because_opml_requires_text() throws Exception {
        String opml = write("Export", List.of(new OpmlEntry(null, "https://a.example/feed", null)));

        assertThat(opml).contains("<outline type=\"rss\" text=\"https://a.example/feed\" xmlUrl=\"https://a.example/feed\"/>");
    }

    @Test
    void control_characters_and_line_breaks_in_titles_cannot_break_the_file() throws Exception {
        String opml = write("Export", List.of(new OpmlEntry("Bell\u0007 and\nnew line", "https://a.example/feed", null)));

        assertThat(reader.read(new StringReader(opml)))
                .containsExactly(new OpmlEntry("Bell\uFFFD and new line", "https://a.example/feed", null));
    }

    @Test
    void writing_to_a_byte_stream_produces_utf_8() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        writer.write("Export", List.of(new OpmlEntry("Ça peut pas faire de mal", "https://a.example/feed", null)), bytes);

        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("text=\"Ça peut pas faire de mal\"");
        assertThat(reader.read(new ByteArrayInputStream(bytes.toByteArray())))
                .containsExactly(new OpmlEntry("Ça peut pas faire de mal", "https://a.example/feed", null));
    }

    private String write(String title, List<OpmlEntry> entries) throws Exception {
        StringWriter out = new StringWriter();
        writer.write(title, entries, out);
        return out.toString();
    }
}
