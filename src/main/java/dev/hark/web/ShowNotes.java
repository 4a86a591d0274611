package dev.hark.web;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Feed-supplied HTML made safe to show, and the links in it. Uses jsoup's sanitiser: only
 * harmless tags and http(s) URLs survive. Pure; thread-safe.
 */
final class ShowNotes {

    private static final Safelist SAFE = Safelist.basicWithImages()
            .addTags("h1", "h2", "h3", "h4", "h5", "h6")
            .removeProtocols("img", "src", "data")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer")
            .addEnforcedAttribute("a", "target", "_blank");

    private ShowNotes() {
    }

    /** Safe HTML for a page; plain text becomes paragraphs. */
    static String sanitise(String html, String plainText, String baseUrl) {
        if (html == null || html.isBlank()) {
            if (plainText == null || plainText.isBlank()) {
                return "";
            }
            StringBuilder out = new StringBuilder();
            for (String paragraph : plainText.split("\\n\\s*\\n")) {
                out.append("<p>").append(WebServer.escape(paragraph.strip()).replace("\n", "<br>")).append("</p>");
            }
            return out.toString();
        }
        return Jsoup.clean(html, baseUrl == null ? "" : baseUrl, SAFE);
    }

    /** Every http(s) link in the notes, once each, with the first non-empty text it had. */
    static List<Views.Link> links(String html, String baseUrl) {
        if (html == null || html.isBlank()) {
            return List.of();
        }
        Document doc = Jsoup.parseBodyFragment(html, baseUrl == null ? "" : baseUrl);
        Map<String, String> links = new LinkedHashMap<>();
        for (Element a : doc.select("a[href]")) {
            String url = a.absUrl("href");
            if (url.isEmpty()) {
                url = a.attr("href");
            }
            if (!url.startsWith("http://") && !url.startsWith("https://")) {
                continue;
            }
            String text = a.text().strip();
            String known = links.get(url);
            if (known == null || (known.isEmpty() && !text.isEmpty())) {
                links.put(url, text);
            }
        }
        List<Views.Link> result = new ArrayList<>();
        links.forEach((url, text) -> result.add(new Views.Link(url, text.isEmpty() ? url : text)));
        return result;
    }
}
