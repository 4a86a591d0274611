package dev.hark.transcript;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Reads HTML transcripts. Two shapes are understood:
 * <ul>
 *   <li>the Podcasting 2.0 HTML format: {@code <cite>Name:</cite>} names the speaker and
 *       {@code <time>0:09</time>} gives the start of the {@code <p>} that follows;</li>
 *   <li>"Name: text" paragraphs ({@code <p>}, {@code <li>}, {@code <dd>}, or lines split by
 *       {@code <br>}), with time marks such as {@code [inaudible 00:05:15]} in the text, like the
 *       episode pages Hark's product is modelled on.</li>
 * </ul>
 * A {@code <cite>} or {@code <time>} inside a paragraph counts for that paragraph. A heading
 * or paragraph that says just "Transcript" ends the page furniture before it. Scripts, styles,
 * navigation, headers and footers are ignored. A page with none of these elements is read as
 * lines of text ({@link TextTranscriptReader}).
 *
 * <p>Paragraphs without a time get estimated times (see {@link TimingEstimator}) and the
 * transcript is then marked approximate. Pure and thread-safe.
 */
public final class HtmlTranscriptReader {

    private static final String PARAGRAPHS = "p, li, dd";
    private static final String BLOCKS = PARAGRAPHS + ", h1, h2, h3, h4, h5, h6";
    private static final char LINE_BREAK = '\u2028'; // survives jsoup's whitespace folding

    public ReadResult read(String content) throws TranscriptException {
        Document page = Jsoup.parse(content, "", Parser.htmlParser().setTrackPosition(true));
        page.select("script, style, noscript, nav, header, footer, template").remove();
        page.select("br").forEach(br -> br.after(new TextNode(String.valueOf(LINE_BREAK))));
        Cues cues = new Cues();
        List<String> problems = new ArrayList<>();
        Elements elements = page.body().select("cite, time, " + BLOCKS);
        List<Paragraph> paragraphs = new ArrayList<>();
        String speaker = null;
        Double start = null;
        boolean anyBlock = false;
        for (Element element : elements) {
            String tag = element.normalName();
            if ((tag.equals("cite") || tag.equals("time"))
                    && element.parent() != null && element.parent().closest(PARAGRAPHS) != null) {
                continue; // read with its paragraph
            }
            if (element.is(PARAGRAPHS) && element.select(PARAGRAPHS).size() > 1) {
                continue; // a list item holding paragraphs: its paragraphs are read instead
            }
            switch (tag) {
                case "cite" -> speaker = name(element.text());
                case "time" -> start = time(element, problems);
                default -> {
                    anyBlock = true;
                    if (isTranscriptHeading(element.text())) {
                        paragraphs.clear();
                    } else if (!tag.startsWith("h")) {
                        paragraphs.addAll(paragraph(element, speaker, start, problems));
                    }
                    speaker = null;
                    start = null;
                }
            }
        }
        problems.forEach(cues::skip);
        if (!anyBlock) {
            paragraphs = TextTranscriptReader.paragraphs(Lines.of(lines(page.body())), cues);
        }
        return TextTranscriptReader.finish(paragraphs, cues, TranscriptFormat.HTML);
    }

    /** One paragraph element: its own cite and time first, then a paragraph per line. */
    private static List<Paragraph> paragraph(Element element, String speaker, Double start, List<String> problems) {
        Element copy = element.clone();
        Element cite = copy.selectFirst("cite");
        if (cite != null) {
            speaker = name(cite.text());
            cite.remove();
        }
        Element time = copy.selectFirst("time");
        if (time != null) {
            start = time(time, problems);
            time.remove();
        }
        List<Paragraph> result = new ArrayList<>();
        int line = element.sourceRange().isTracked() ? element.sourceRange().start().lineNumber() : 0;
        for (String text : copy.text().split(String.valueOf(LINE_BREAK))) {
            if (text.isBlank()) {
                continue;
            }
            Paragraph paragraph = ParagraphParser.parse(text, line, problems);
            if (result.isEmpty()) {
                paragraph = new Paragraph(paragraph.speaker() != null ? paragraph.speaker() : speaker, paragraph.text(),
                        paragraph.start() != null ? paragraph.start() : start, paragraph.marks(), line);
            }
            result.add(paragraph);
        }
        return result;
    }

    private static String name(String cite) {
        String name = Lines.squeeze(cite);
        while (name.endsWith(":")) {
            name = name.substring(0, name.length() - 1).strip();
        }
        return name.isEmpty() ? null : name;
    }

    /** A {@code <time>}'s start: its text as a clock time, else its datetime attribute (clock or ISO duration). */
    private static Double time(Element element, List<String> problems) {
        String text = Lines.squeeze(element.text());
        OptionalLong millis = Timecodes.parse(text);
        if (millis.isEmpty() && element.hasAttr("datetime")) {
            String datetime = element.attr("datetime").strip();
            millis = Timecodes.parse(datetime);
            if (millis.isEmpty()) {
                try {
                    millis = OptionalLong.of(Duration.parse(datetime).toMillis());
                } catch (DateTimeParseException e) {
                    // not a duration either: reported below
                }
            }
        }
        if (millis.isEmpty() || millis.getAsLong() < 0) {
            problems.add("Bad time " + (text.isEmpty() ? element.attr("datetime") : text) + " in a <time> element");
            return null;
        }
        return millis.getAsLong() / 1000.0;
    }

    private static boolean isTranscriptHeading(String text) {
        String lower = Lines.squeeze(text).toLowerCase(Locale.ROOT);
        return lower.equals("transcript") || lower.equals("transcript:");
    }

    /** The text of a page without paragraph elements, a line per block or line break. */
    private static String lines(Element body) {
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    out.append(text.getWholeText().replace(LINE_BREAK, '\n'));
                } else if (node instanceof Element element && element.isBlock()) {
                    out.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && element.isBlock()) {
                    out.append('\n');
                }
            }
        }, body);
        return out.toString();
    }
}
