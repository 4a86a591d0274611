package dev.hark.feed;

import dev.hark.testing.LoopbackFeedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpmlReaderTest {

    private final OpmlReader reader = new OpmlReader();

    @Test
    void an_apple_podcasts_export_gives_its_flat_list() throws Exception {
        assertThat(readResource("apple-podcasts.opml")).containsExactly(
                new OpmlEntry("Accidental Tech Podcast", "https://atp.fm/rss", null),
                new OpmlEntry("Planet Money", "https://feeds.npr.org/510289/podcast.xml", null),
                new OpmlEntry("Welcome to Night Vale",
                        "https://feeds.nightvalepresents.com/welcometonightvalepodcast", null));
    }

    @Test
    void a_pocket_casts_export_gives_the_podcasts_inside_its_feeds_folder() throws Exception {
        assertThat(readResource("pocket-casts.opml")).containsExactly(
                new OpmlEntry("Syntax - Tasty Web Development Treats", "https://feed.syntax.fm/rss", null),
                new OpmlEntry("Darknet Diaries", "https://feeds.megaphone.fm/darknetdiaries", null),
                new OpmlEntry("Hard Fork", "https://feeds.simplecast.com/l2i9YnTd", null));
    }

    @Test
    void an_antennapod_export_gives_titles_feeds_and_web_pages() throws Exception {
        assertThat(readResource("antennapod.opml")).containsExactly(
                new OpmlEntry("Linux Unplugged", "https://feeds.jupiterbroadcasting.com/lup", "https://linuxunplugged.com"),
                new OpmlEntry("Logbuch:Netzpolitik", "https://logbuch-netzpolitik.de/feed/m4a",
                        "https://logbuch-netzpolitik.de"),
                new OpmlEntry("Ça peut pas faire de mal", "https://radiofrance-podcast.net/podcast09/rss_13950.xml",
                        "https://www.radiofrance.fr/franceinter/podcasts/ca-peut-pas-faire-de-mal"));
    }

    @Test
    void an_overcast_export_gives_the_podcasts_and_skips_playlists_and_episodes() throws Exception {
        assertThat(readResource("overcast.opml")).containsExactly(
                new OpmlEntry("Hello Internet", "https://www.hellointernet.fm/podcast?format=rss",
                        "https://www.hellointernet.fm/"),
                new OpmlEntry("Rock & Roll <Archive> \"Live\"", "https://example.com/feed.xml?show=rock&format=rss",
                        "https://example.com/rock"));
    }

    @Test
    void the_feed_address_attribute_is_found_in_any_letter_case() throws Exception {
        assertThat(read("""
                <opml version="1.0"><body>
                  <outline text="a" xmlurl="https://a.example/feed"/>
                  <outline text="b" xmlURL="https://b.example/feed"/>
                  <outline TEXT="c" XMLURL="https://c.example/feed" HTMLURL="https://c.example/"/>
                </body></opml>
                """)).containsExactly(
                new OpmlEntry("a", "https://a.example/feed", null),
                new OpmlEntry("b", "https://b.example/feed", null),
                new OpmlEntry("c", "https://c.example/feed", "https://c.example/"));
    }

    @Test
    void text_names_the_podcast_and_title_stands_in_when_text_is_missing_or_blank() throws Exception {
        assertThat(read("""
                <opml version="2.0"><body>
                  <outline text="My name for it" title="Feed title" xmlUrl="https://a.example/feed"/>
                  <outline title="Only a title" xmlUrl="https://b.example/feed"/>
                  <outline text="  " title="Blank text" xmlUrl="https://c.example/feed"/>
                  <outline xmlUrl="https://d.example/feed"/>
                </body></opml>
                """)).containsExactly(
                new OpmlEntry("My name for it", "https://a.example/feed", null),
                new OpmlEntry("Only a title", "https://b.example/feed", null),
                new OpmlEntry("Blank text", "https://c.example/feed", null),
                new OpmlEntry(null, "https://d.example/feed", null));
    }

    @Test
    void folders_nest_to_any_depth_and_a_feed_listed_twice_is_kept_once_where_it_first_appears() throws Exception {
        assertThat(read("""
                <opml version="2.0"><head><title>Folders</title></head><body>
                  <outline text="Tech">
                    <outline text="Deep">
                      <outline type="rss" text="First" xmlUrl="https://a.example/feed"/>
                    </outline>
                  </outline>
                  <outline text="Favourites">
                    <outline type="rss" text="Again" xmlUrl="https://a.example/feed"/>
                    <outline text="No feed here" htmlUrl="https://blog.example/"/>
                    <outline type="rss" text="  Second  " xmlUrl="  https://b.example/feed  "/>
                  </outline>
                </body></opml>
                """)).containsExactly(
                new OpmlEntry("First", "https://a.example/feed", null),
                new OpmlEntry("Second", "https://b.example/feed", null));
    }

    @Test
    void a_file_with_only_folders_gives_no_entries() throws Exception {
        assertThat(read("<opml version=\"2.0\"><head/><body><outline text=\"feeds\"/></body></opml>")).isEmpty();
    }

    @Test
    void bytes_are_decoded_in_the_encoding_the_file_declares() throws Exception {
        byte[] latin1 = """
                <?xml version="1.0" encoding="ISO-8859-1"?>
                <opml version="1.0"><body><outline text="Café Müller" xmlUrl="https://a.example/feed"/></body></opml>
                """.getBytes(StandardCharsets.ISO_8859_1);

        assertThat(reader.read(new ByteArrayInputStream(latin1)))
                .containsExactly(new OpmlEntry("Café Müller", "https://a.example/feed", null));
    }

    @Test
    void a_broken_file_is_refused_with_the_line_of_the_problem() {
        assertThatThrownBy(() -> read("""
                <opml version="2.0">
                <body>
                  <outline text="a" xmlUrl="https://a.example/feed">
                </body>
                </opml>
                """))
                .isInstanceOf(OpmlException.class)
                .hasMessage("The OPML file is not well-formed XML at line 4: "
                        + "unexpected close tag </body>; expected </outline>.");
    }

    @Test
    void an_empty_file_is_refused() {
        assertThatThrownBy(() -> read(""))
                .isInstanceOf(OpmlException.class)
                .hasMessageStartingWith("The OPML file is not well-formed XML");
    }

    @Test
    void a_feed_is_not_an_opml_file() {
        assertThatThrownBy(() -> read("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel/></rss>"))
                .isInstanceOf(OpmlException.class)
                .hasMessage("This is not an OPML file: it starts with <rss> instead of <opml>.");
    }

    @Test
    void an_undeclared_html_entity_is_refused_by_name() {
        assertThatThrownBy(() -> read("<opml><body><outline text=\"A&nbsp;B\" xmlUrl=\"https://a.example/\"/></body></opml>"))
                .isInstanceOf(OpmlException.class)
                .hasMessage("The OPML file uses an XML entity Hark does not expand (\"nbsp\") at line 1.");
    }

    @Test
    void an_entity_reading_a_local_file_is_refused_without_leaking_the_file(@TempDir Path folder) throws Exception {
        Path secret = Files.writeString(folder.resolve("secret.txt"), "hunter2-top-secret");
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE opml [ <!ENTITY xxe SYSTEM "%s"> ]>
                <opml version="2.0"><body><outline text="&xxe;" xmlUrl="https://a.example/&xxe;"/></body></opml>
                """.formatted(secret.toUri());

        assertThatThrownBy(() -> read(xxe))
                .isInstanceOf(OpmlException.class)
                .hasMessage("The OPML file declares its own XML entities, which Hark refuses"
                        + " because they can read local files or exhaust memory.")
                .satisfies(e -> assertThat(stackOfMessages(e)).doesNotContain("hunter2"));
    }

    @Test
    void an_external_dtd_is_never_fetched() {
        try (LoopbackFeedServer server = LoopbackFeedServer.start()) {
            String external = """
                    <?xml version="1.0"?>
                    <!DOCTYPE opml SYSTEM "%s">
                    <opml version="2.0"><body><outline text="&remote;" xmlUrl="https://a.example/"/></body></opml>
                    """.formatted(server.url("/evil.dtd"));

            assertThatThrownBy(() -> read(external))
                    .isInstanceOf(OpmlException.class)
                    .hasMessage("The OPML file uses an XML entity Hark does not expand (\"remote\") at line 3.");
            assertThat(server.requestCount("/evil.dtd")).isZero();
        }
    }

    @Test
    void a_billion_laughs_file_is_refused_at_once() {
        StringBuilder entities = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            entities.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE opml [" + entities + "]>"
                + "<opml version=\"2.0\"><body><outline text=\"&lol9;\" xmlUrl=\"https://a.example/\"/></body></opml>";

        assertThatThrownBy(() -> read(bomb))
                .isInstanceOf(OpmlException.class)
                .hasMessageContaining("declares its own XML entities");
    }

    @Test
    void a_doctype_without_entities_is_harmless_and_allowed() throws Exception {
        assertThat(read("<?xml version=\"1.0\"?><!DOCTYPE opml><opml><body>"
                + "<outline text=\"a\" xmlUrl=\"https://a.example/feed\"/></body></opml>"))
                .containsExactly(new OpmlEntry("a", "https://a.example/feed", null));
    }

    private List<OpmlEntry> read(String opml) throws OpmlException {
        return reader.read(new StringReader(opml));
    }

    private List<OpmlEntry> readResource(String name) throws Exception {
        try (InputStream in = OpmlReaderTest.class.getResourceAsStream("/opml/" + name)) {
            assertThat(in).as(name).isNotNull();
            return reader.read(in);
        }
    }

    private static String stackOfMessages(Throwable e) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t).append('\n');
        }
        return messages.toString();
    }
}
