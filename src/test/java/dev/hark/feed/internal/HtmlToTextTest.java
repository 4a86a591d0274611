package dev.hark.feed.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HtmlToTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "<p>One</p><p>Two</p>                     | One\\n\\nTwo",
        "Line<br>next<br/><br />para              | Line\\nnext\\n\\npara",
        "<ul><li>a</li><li>b</li></ul>after       | a\\nb\\n\\nafter",
        "<h1>Title</h1>Text                       | Title\\n\\nText",
        "<div>a</div><div>b</div>                 | a\\n\\nb",
        "<p>  lots \\n  of   space </p>           | lots of space",
        "<b>bold</b> and <i>italic</i>            | bold and italic",
        "<a href=\"x>y\">link</a> text            | link text",
        "<script>bad()</script>ok<style>p{}</style>| ok",
        "<!-- comment -->visible                  | visible",
        "<p>Caf&eacute; &amp; &#8217; &#x2019;</p> | Café & ’ ’",
        "<p>a&nbsp;&nbsp;b</p>                    | a b",
        "<p>AT&T &unknown; &#146;</p>             | AT&T &unknown; ’",
        "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table> | a b\\nc",
    })
    void html_becomes_plain_text_with_line_breaks_for_blocks(String html, String expected) {
        assertThat(HtmlToText.toPlainText(html.replace("\\n", "\n"))).isEqualTo(expected.replace("\\n", "\n"));
    }

    @Test
    void plain_text_keeps_its_paragraphs_but_loses_extra_space() {
        assertThat(HtmlToText.toPlainText("  First   line\nsecond line\n\n\n\nThird  \r\n")).isEqualTo(
                "First line\nsecond line\n\nThird");
    }

    @Test
    void text_with_angle_brackets_is_not_mistaken_for_html() {
        assertThat(HtmlToText.looksLikeHtml("a < b and c > d")).isFalse();
        assertThat(HtmlToText.toPlainText("a < b and c > d")).isEqualTo("a < b and c > d");
    }

    @Test
    void tags_and_comments_are_recognised_as_html() {
        assertThat(HtmlToText.looksLikeHtml("x <p>y")).isTrue();
        assertThat(HtmlToText.looksLikeHtml("x </p>")).isTrue();
        assertThat(HtmlToText.looksLikeHtml("<!-- c -->")).isTrue();
        assertThat(HtmlToText.looksLikeHtml("x <")).isFalse();
    }

    @Test
    void escaped_entities_in_plain_text_are_decoded() {
        assertThat(HtmlToText.toPlainText("Q&amp;A &hellip;")).isEqualTo("Q&A …");
    }

    @Test
    void html_escaped_twice_is_still_converted() {
        assertThat(HtmlToText.toPlainText("&lt;p&gt;One &amp;amp; two&lt;/p&gt;&lt;p&gt;Three&lt;/p&gt;"))
                .isEqualTo("One & two\n\nThree");
    }

    @Test
    void cdata_inside_html_is_text() {
        assertThat(HtmlToText.toPlainText("<p><![CDATA[a < b]]></p>")).isEqualTo("a < b");
    }

    @Test
    void unclosed_tag_at_the_end_is_kept_as_text() {
        assertThat(HtmlToText.toPlainText("<p>ok</p> <b")).isEqualTo("ok\n\n<b");
    }
}
