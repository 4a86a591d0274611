package dev.hark.feed;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlSnifferTest {

    @Test
    void a_doctype_html_in_any_case_is_html() {
        assertThat(sniff("<!DOCTYPE html>\n<html>")).isTrue();
        assertThat(sniff("<!doctype HTML>")).isTrue();
        assertThat(sniff("<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\">")).isTrue();
    }

    @Test
    void an_html_element_after_a_bom_whitespace_and_comments_is_html() {
        assertThat(sniff("\uFEFF \r\n\t<!-- cached 12:00 --><html lang=\"en\">")).isTrue();
    }

    @Test
    void xhtml_behind_an_xml_declaration_is_html() {
        assertThat(sniff("<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">")).isTrue();
    }

    @Test
    void a_utf16_page_with_a_bom_is_html() {
        byte[] page = "\uFEFF<html><body></body></html>".getBytes(StandardCharsets.UTF_16LE);

        assertThat(HtmlSniffer.looksLikeHtml(page)).isTrue();
    }

    @Test
    void feeds_are_not_html() {
        assertThat(sniff("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>")).isFalse();
        assertThat(sniff("\uFEFF<feed xmlns=\"http://www.w3.org/2005/Atom\">")).isFalse();
        assertThat(sniff("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">")).isFalse();
    }

    @Test
    void a_feed_that_mentions_html_later_is_not_html() {
        assertThat(sniff("<rss><channel><description><![CDATA[<html>hi</html>]]>")).isFalse();
    }

    @Test
    void an_element_that_only_starts_with_html_is_not_html() {
        assertThat(sniff("<htmlfeed>")).isFalse();
    }

    @Test
    void empty_and_unterminated_bodies_are_not_html() {
        assertThat(sniff("")).isFalse();
        assertThat(sniff("<!-- never closed")).isFalse();
        assertThat(sniff("<html")).isTrue();
    }

    private static boolean sniff(String body) {
        return HtmlSniffer.looksLikeHtml(body.getBytes(StandardCharsets.UTF_8));
    }
}
