package dev.hark.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The bytes real feeds arrive in: wrong declarations, BOMs, stray bytes. */
class FeedParserEncodingTest {

    private static final String TITLE = "Café Ünïcödé – “quoted” €";

    private final FeedParser parser = new FeedParser();

    private static String feed(String declaration) {
        return declaration + "<rss version=\"2.0\"><channel><title>" + TITLE + "</title></channel></rss>";
    }

    private String title(byte[] body) throws FeedParseException {
        return parser.parse(body, null).title();
    }

    @Test
    void utf8_with_a_byte_order_mark_is_read() throws Exception {
        byte[] feed = feed("<?xml version=\"1.0\" encoding=\"UTF-8\"?>").getBytes(StandardCharsets.UTF_8);
        assertThat(title(concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, feed))).isEqualTo(TITLE);
    }

    @Test
    void whitespace_before_the_xml_declaration_is_ignored() throws Exception {
        byte[] feed = feed("\n\n   \t<?xml version=\"1.0\" encoding=\"UTF-8\"?>").getBytes(StandardCharsets.UTF_8);
        assertThat(title(feed)).isEqualTo(TITLE);
    }

    @Test
    void bom_and_whitespace_before_the_declaration_together_are_ignored() throws Exception {
        byte[] feed = feed("\r\n<?xml version=\"1.0\"?>").getBytes(StandardCharsets.UTF_8);
        assertThat(title(concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, feed))).isEqualTo(TITLE);
    }

    @Test
    void windows_1252_bytes_declared_as_utf8_are_read_as_windows_1252() throws Exception {
        byte[] feed = feed("<?xml version=\"1.0\" encoding=\"UTF-8\"?>").getBytes(Charset.forName("windows-1252"));
        assertThat(title(feed)).isEqualTo(TITLE);
    }

    @Test
    void latin1_bytes_without_any_declaration_are_read() throws Exception {
        String latin = "Caf\u00e9 \u00fcber";
        byte[] feed = ("<rss><channel><title>" + latin + "</title></channel></rss>").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(title(feed)).isEqualTo(latin);
    }

    @Test
    void mixed_utf8_and_windows_1252_bytes_are_each_read_correctly() throws Exception {
        byte[] head = "<rss><channel><title>Caf".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = " – Zürich</title></channel></rss>".getBytes(StandardCharsets.UTF_8);
        assertThat(title(concat(head, new byte[] {(byte) 0xe9}, tail))).isEqualTo("Café – Zürich");
    }

    @Test
    void iso_8859_1_declared_and_used_is_read() throws Exception {
        byte[] feed = feed("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>").getBytes(Charset.forName("windows-1252"));
        assertThat(title(feed)).isEqualTo(TITLE);
    }

    @Test
    void utf8_bytes_declared_as_iso_8859_1_are_read_as_utf8() throws Exception {
        byte[] feed = feed("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>").getBytes(StandardCharsets.UTF_8);
        assertThat(title(feed)).isEqualTo(TITLE);
    }

    @Test
    void utf16_with_a_byte_order_mark_is_read() throws Exception {
        byte[] feed = feed("<?xml version=\"1.0\" encoding=\"UTF-16\"?>").getBytes(StandardCharsets.UTF_16);
        assertThat(title(feed)).isEqualTo(TITLE);
    }

    @Test
    void other_declared_charsets_are_decoded() throws Exception {
        String cyrillic = "Привет";
        byte[] feed = ("<?xml version=\"1.0\" encoding=\"KOI8-R\"?><rss><channel><title>" + cyrillic
                + "</title></channel></rss>").getBytes(Charset.forName("KOI8-R"));
        assertThat(title(feed)).isEqualTo(cyrillic);
    }

    @Test
    void unknown_declared_charset_is_read_as_utf8() throws Exception {
        byte[] feed = feed("<?xml version=\"1.0\" encoding=\"x-no-such-charset\"?>").getBytes(StandardCharsets.UTF_8);
        assertThat(title(feed)).isEqualTo(TITLE);
    }

    @Test
    void control_characters_xml_forbids_are_dropped() throws Exception {
        byte[] feed = "<rss><channel><title>A\u0001B\u000bC\u001f</title></channel></rss>".getBytes(StandardCharsets.UTF_8);
        assertThat(title(feed)).isEqualTo("ABC");
    }

    @Test
    void a_stream_is_read_like_bytes() throws Exception {
        byte[] feed = feed("<?xml version=\"1.0\"?>").getBytes(StandardCharsets.UTF_8);
        assertThat(parser.parse(new ByteArrayInputStream(feed), null).title()).isEqualTo(TITLE);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
