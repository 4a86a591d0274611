package dev.hark.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

/** Input that is not a feed, is broken, or is hostile: one plain sentence, never content or a hang. */
class FeedParserRejectsTest {

    private static final String ENTITIES_REFUSED =
            "The feed declares its own XML entities, which Hark never expands because that is unsafe.";

    private final FeedParser parser = new FeedParser();
    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    /** A real HTTP server on loopback that counts requests, to prove the parser never calls out. */
    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "SECRET-FROM-SERVER".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private String serverUrl(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertRejected(String body) {
        return assertRejected(body.getBytes(StandardCharsets.UTF_8));
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertRejected(byte[] body) {
        return assertThatThrownBy(() -> parser.parse(body, "https://example.com/feed.xml"))
                .isInstanceOf(FeedParseException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("com.ctc")
                        .doesNotContain("Exception").endsWith("."));
    }

    @Test
    void billion_laughs_is_refused_at_once() {
        String lol = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [
                  <!ENTITY lol "lol">
                  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
                  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
                  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
                  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
                  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
                  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
                  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
                  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
                ]>
                <rss><channel><title>&lol9;</title></channel></rss>""";
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertRejected(lol).hasMessage(ENTITIES_REFUSED));
    }

    @Test
    void external_file_entity_is_refused_without_reading_the_file(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-CONTENT");
        for (String target : new String[] {secret.toUri().toString(), "file:///etc/passwd"}) {
            String xxe = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"" + target + "\">]>"
                    + "<rss><channel><title>&xxe;</title></channel></rss>";
            assertRejected(xxe).hasMessage(ENTITIES_REFUSED);
        }
    }

    @Test
    void external_http_entity_is_refused_and_never_fetched() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"" + serverUrl("/xxe") + "\">]>"
                + "<rss><channel><title>&xxe;</title></channel></rss>";
        assertRejected(xxe).hasMessage(ENTITIES_REFUSED);
        assertThat(requests).hasValue(0);
    }

    @Test
    void parameter_entity_is_refused_and_never_fetched() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY % remote SYSTEM \"" + serverUrl("/dtd")
                + "\"> %remote;]><rss><channel><title>x</title></channel></rss>";
        assertRejected(xxe).hasMessage(ENTITIES_REFUSED);
        assertThat(requests).hasValue(0);
    }

    @Test
    void an_external_dtd_is_never_fetched_and_the_feed_still_reads() throws Exception {
        String feed = "<?xml version=\"1.0\"?><!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" \""
                + serverUrl("/rss-0.91.dtd") + "\"><rss version=\"0.91\"><channel><title>Old&nbsp;feed</title>"
                + "</channel></rss>";
        assertThat(parser.parse(feed.getBytes(StandardCharsets.UTF_8), null).title()).isEqualTo("Old feed");
        assertThat(requests).hasValue(0);
    }

    @Test
    void zero_bytes_is_an_empty_feed() {
        assertRejected(new byte[0]).hasMessage("The feed is empty.");
    }

    @Test
    void only_whitespace_is_an_empty_feed() {
        assertRejected(" \n\t ").hasMessage("The feed is empty.");
    }

    @Test
    void text_that_is_not_xml_is_refused() {
        assertRejected("{\"title\": \"a JSON document\"}").hasMessage("This is not a podcast feed: the content is not XML.");
    }

    @Test
    void an_html_page_is_recognised() {
        String message = "This is a web page (HTML), not a podcast feed.";
        assertRejected("<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8><title>Hi</title></head></html>")
                .hasMessage(message);
        assertRejected("<html><body><p>Not found<br></body></html>").hasMessage(message);
        assertRejected("<?xml version=\"1.0\"?>\n<!-- generated -->\n<HTML><body>x</body></HTML>").hasMessage(message);
    }

    @Test
    void another_root_element_is_not_a_feed() {
        assertRejected("<?xml version=\"1.0\"?><opml version=\"2.0\"><body/></opml>")
                .hasMessage("This is not a podcast feed: its root element is <opml>, not <rss> or <feed>.");
    }

    @Test
    void truncated_xml_says_where_it_ends() {
        assertRejected("<?xml version=\"1.0\"?>\n<rss>\n<channel>\n<title>Cut")
                .hasMessageStartingWith("The feed is cut off: the XML ends too early at line 4");
    }

    @Test
    void mismatched_tags_name_the_line() {
        assertRejected("<rss>\n<channel>\n<item>\n</channel>\n</rss>")
                .hasMessageStartingWith("The feed is not well-formed XML at line 4")
                .hasMessageContaining("</channel>");
    }

    @Test
    void bare_ampersands_are_read_as_text() throws Exception {
        ParsedFeed feed = parser.parse(("<rss><channel><title>Tom & Jerry</title><item><title>Q&A &amp; more</title>"
                + "<enclosure url=\"https://example.com/a.mp3?x=1&y=2\"/><description><![CDATA[a && b]]></description>"
                + "</item></channel></rss>").getBytes(StandardCharsets.UTF_8), null);
        assertThat(feed.title()).isEqualTo("Tom & Jerry");
        ParsedEpisode episode = feed.episodes().getFirst();
        assertThat(episode.title()).isEqualTo("Q&A & more");
        assertThat(episode.media().url()).isEqualTo("https://example.com/a.mp3?x=1&y=2");
        assertThat(episode.description()).isEqualTo("a && b");
    }

    @Test
    void a_document_the_ampersand_repair_cannot_save_reports_its_first_problem() {
        assertRejected("<rss><channel><title>Tom & Jerry</title>\n</item></channel></rss>")
                .hasMessageStartingWith("The feed is not well-formed XML at line 1")
                .hasMessageContaining("missing name");
    }
}
