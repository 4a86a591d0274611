package dev.hark.web.security;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlSanitizerTest {

    private static final String BASE = "https://podcast.example/episodes/12";

    private final HtmlSanitizer sanitizer = new HtmlSanitizer();

    /** Show notes as an attacker (or a careless CMS) might write them. */
    private static final String HOSTILE_NOTES = """
            <h1>Episode 12: Hostile notes</h1>
            <p style="color:red" onclick="steal()">Welcome to <b>episode 12</b>!<script>alert('x')</script></p>
            <img src="https://cdn.example/cover.jpg" onerror="alert(1)" alt="Cover" style="width:9999px">
            <img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+" alt="tracker">
            <img src="javascript:alert(1)">
            <p>Links: <a href="javascript:alert(1)">click me</a>, <a href="JaVaScRiPt:alert(2)">and me</a>,
            <a href=" &#106;avascript:alert(3)">me too</a>, <a href="data:text/html,&lt;script&gt;alert(4)&lt;/script&gt;">data</a>,
            <a href="/sponsors" onmouseover="steal()">Our sponsors</a> and <a href="https://example.com/book" target="_self">the book</a>.</p>
            <iframe src="https://evil.example/frame"></iframe>
            <style>body { display: none }</style>
            <div style="position:fixed;top:0">Chapter <i>list</i></div>
            <svg onload="alert(5)"><text>svg text</text></svg>
            <form action="https://evil.example/phish"><input name="password"><button>Send</button></form>
            <object data="https://evil.example/x.swf"></object><embed src="https://evil.example/y.swf">
            <ul><li>One</li><li><em>Two</em></li></ul>
            <blockquote>Quoted</blockquote><pre><code>code()</code></pre>
            <a href="mailto:host@podcast.example">Write to us</a>
            """;

    @Test
    void hostile_show_notes_come_out_inert_with_text_links_and_images_kept() {
        String safe = sanitizer.sanitize(HOSTILE_NOTES, BASE);

        assertThat(safe.toLowerCase())
                .doesNotContain("<script", "alert(", "onerror", "onclick", "onmouseover", "onload", "javascript:",
                        "data:", "<iframe", "<style", "style=", "<svg", "<form", "<input", "<object", "<embed",
                        "evil.example", "<h1", "<div");
        Document parsed = Jsoup.parseBodyFragment(safe);
        assertThat(parsed.text()).contains("Episode 12: Hostile notes", "Welcome to episode 12!", "click me",
                "Our sponsors", "the book", "Chapter list", "svg text", "Send", "One", "Two", "Quoted", "code()");
        assertThat(safe).contains("<h3>Episode 12: Hostile notes</h3>")
                .contains("<p>Welcome to <b>episode 12</b>!</p>")
                .contains("<ul><li>One</li><li><em>Two</em></li></ul>")
                .contains("<blockquote>Quoted</blockquote><pre><code>code()</code></pre>");

        List<Element> images = parsed.select("img");
        assertThat(images).hasSize(1);
        assertThat(images.getFirst().attributes().asList()).extracting(a -> a.getKey() + "=" + a.getValue())
                .containsExactly("src=https://cdn.example/cover.jpg", "alt=Cover", "referrerpolicy=no-referrer",
                        "loading=lazy");

        List<Element> anchors = parsed.select("a");
        assertThat(anchors).extracting(a -> a.attr("href")).containsExactly(
                "https://podcast.example/sponsors", "https://example.com/book", "mailto:host@podcast.example");
        assertThat(anchors).allSatisfy(a -> {
            assertThat(a.attr("rel")).isEqualTo("nofollow noopener noreferrer");
            assertThat(a.attr("target")).isEqualTo("_blank");
        });
    }

    @Test
    void relative_urls_resolve_against_the_base_or_are_dropped_without_one() {
        String html = "<p><a href=\"../about\">About</a> <img src=\"art/cover.png\" alt=\"\"></p>";

        assertThat(sanitizer.sanitize(html, BASE)).isEqualTo("<p><a href=\"https://podcast.example/about\" "
                + "rel=\"nofollow noopener noreferrer\" target=\"_blank\">About</a> "
                + "<img src=\"https://podcast.example/episodes/art/cover.png\" alt=\"\" referrerpolicy=\"no-referrer\" "
                + "loading=\"lazy\"></p>");
        assertThat(sanitizer.sanitize(html, null)).isEqualTo("<p>About </p>");
    }

    @Test
    void headings_move_down_two_levels() {
        assertThat(sanitizer.sanitize("<h1>a</h1><h2>b</h2><h3>c</h3><h4>d</h4><h6>f</h6>", BASE))
                .isEqualTo("<h3>a</h3><h4>b</h4><h5>c</h5><h6>d</h6><h6>f</h6>");
    }

    @Test
    void empty_notes_give_empty_html() {
        assertThat(sanitizer.sanitize(null, BASE)).isEmpty();
        assertThat(sanitizer.sanitize("  ", BASE)).isEmpty();
        assertThat(sanitizer.links(null, BASE)).isEmpty();
    }

    @Test
    void links_are_absolute_in_document_order_each_url_once_with_the_first_non_empty_text() {
        String html = """
                <p><a href="https://example.com/book"><img src="https://example.com/b.jpg"></a>
                <a href="/sponsors">Sponsors</a>
                <a href="https://example.com/book">The  <b>book</b></a>
                <a href="https://example.com/book">Buy the book</a>
                <a href="javascript:alert(1)">bad</a> <a href="mailto:a@b.example">mail</a> <a>no href</a>
                <a href="https://podcast.example/sponsors">Sponsors again</a>
                <a href="https://other.example/">   </a></p>
                """;

        assertThat(sanitizer.links(html, BASE)).containsExactly(
                new HtmlSanitizer.Link("https://example.com/book", "The book"),
                new HtmlSanitizer.Link("https://podcast.example/sponsors", "Sponsors"),
                new HtmlSanitizer.Link("https://other.example/", ""));
    }
}
