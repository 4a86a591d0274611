package dev.hark.web.security;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes feed HTML (show notes, podcast descriptions) safe to put into Hark's pages, and lists
 * its links. Kept: paragraphs, line breaks, lists, bold and italic, block quotes, code,
 * headings (moved down two levels, h1 becoming h3, so notes never outrank the page's own
 * headings), links (http, https, mailto) and images (http, https). Everything else goes:
 * scripts, iframes, forms, event handlers, style attributes and elements, javascript: and
 * data: URLs; the text inside unknown elements stays. Relative URLs are resolved against the
 * feed's URL. Links open in a new tab with {@code rel="nofollow noopener noreferrer"}, and
 * images are fetched without a Referer, so publishers do not learn Hark's address.
 * Thread-safe; pure.
 */
public final class HtmlSanitizer {

    /** A link in show notes, for the episode page's "Links" list. */
    public record Link(String url, String text) {
    }

    private static final Safelist SAFELIST = new Safelist()
            .addTags("a", "p", "br", "ul", "ol", "li", "b", "strong", "i", "em", "blockquote",
                    "h3", "h4", "h5", "h6", "img", "code", "pre")
            .addAttributes("a", "href", "title")
            .addAttributes("img", "src", "alt", "title")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addProtocols("img", "src", "http", "https")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer")
            .addEnforcedAttribute("a", "target", "_blank")
            .addEnforcedAttribute("img", "referrerpolicy", "no-referrer")
            .addEnforcedAttribute("img", "loading", "lazy")
            .preserveRelativeLinks(false);

    /**
     * Safe HTML for the fragment.
     *
     * @param baseUrl what relative links are resolved against (the feed or episode URL); null
     *                or blank drops relative links instead
     */
    public String sanitize(String html, String baseUrl) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document dirty = Jsoup.parseBodyFragment(html, baseUrl == null ? "" : baseUrl);
        for (Element heading : dirty.body().select("h1, h2, h3, h4, h5, h6")) {
            int level = heading.tagName().charAt(1) - '0';
            heading.tagName("h" + Math.min(6, level + 2));
        }
        Document clean = new Cleaner(SAFELIST).clean(dirty);
        // what lost its URL is no longer a link or an image
        clean.body().select("a:not([href])").unwrap();
        clean.body().select("img:not([src])").remove();
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }

    /**
     * The http(s) links in the fragment, absolute, in document order, each URL once: the
     * first non-empty link text for a URL wins.
     */
    public List<Link> links(String html, String baseUrl) {
        if (html == null || html.isBlank()) {
            return List.of();
        }
        Document document = Jsoup.parseBodyFragment(html, baseUrl == null ? "" : baseUrl);
        Map<String, String> byUrl = new LinkedHashMap<>();
        for (Element anchor : document.body().select("a[href]")) {
            String url = anchor.absUrl("href");
            String lower = url.toLowerCase(java.util.Locale.ROOT);
            if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
                continue;
            }
            String text = anchor.text().strip();
            String known = byUrl.get(url);
            if (known == null || known.isEmpty() && !text.isEmpty()) {
                byUrl.put(url, text);
            }
        }
        List<Link> links = new ArrayList<>(byUrl.size());
        byUrl.forEach((url, text) -> links.add(new Link(url, text)));
        return links;
    }
}
