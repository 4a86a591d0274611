package dev.hark.chapters;

import dev.hark.library.Episode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a chapter list written into show notes, one timestamp at the start of each line:
 * {@code 00:00 Welcome}, {@code 12:34 - Topic}, {@code [00:12:34] Topic}, {@code (1:02:03) Topic},
 * {@code 1:02:03 – Topic}, also as HTML list items, paragraphs or {@code <br>}-separated lines.
 *
 * <p>A show note that mentions a time is not a chapter list, so the timestamped lines count
 * only when all of these hold: there are at least two, they strictly increase, the first is
 * within the first ten minutes, and none lies past the episode's end (when its duration is
 * known; with a minute's leeway because feeds round durations). Otherwise there are none.
 * Timestamps inside a sentence or after the title are not read.
 *
 * <p>Pure; thread-safe.
 */
public final class ShowNoteChapters {

    /** The first timestamp may be at most this far in: chapter lists start at the start. */
    static final int MAX_FIRST_START = 600;
    /** Seconds a timestamp may lie past the stated duration. */
    static final int DURATION_LEEWAY = 60;

    private static final Pattern LINE = Pattern.compile(
            "(?:[-*•·▪►>]+\\s*|\\d{1,3}[.)]\\s+)?"              // a bullet or a list number
            + "(?<open>[\\[(])?\\s*"
            + "(?:(?<h>\\d{1,2}):)?(?<m>\\d{1,3}):(?<s>\\d{2})(?<f>\\.\\d{1,3})?(?![\\d:])"
            + "\\s*(?<close>[\\])])?"
            + "(?:\\s*[-–—:|•·]+)?\\s*"                         // a separator before the title
            + "(?<title>.*[\\p{L}\\p{N}].*)");

    private static final Pattern MAYBE_TIMESTAMP = Pattern.compile("\\d:\\d\\d");
    private static final Pattern TAG = Pattern.compile("<[a-zA-Z/!]");

    private ShowNoteChapters() {
    }

    /**
     * The chapter list in an episode's show notes: its HTML notes, or else its plain-text ones.
     */
    public static Optional<Chapters> of(Episode episode) {
        Optional<Chapters> fromHtml = find(episode.descriptionHtml(), episode.duration());
        return fromHtml.isPresent() ? fromHtml : find(episode.description(), episode.duration());
    }

    /**
     * @param notes           show notes as HTML or plain text; null is none
     * @param durationSeconds the episode's length, or null when unknown
     * @return the chapters (source {@link Chapters#SHOW_NOTES}) when the notes hold a chapter list
     */
    public static Optional<Chapters> find(String notes, Long durationSeconds) {
        if (notes == null || !MAYBE_TIMESTAMP.matcher(notes).find()) {
            return Optional.empty(); // most notes: no DOM built
        }
        List<Chapter> chapters = new ArrayList<>();
        for (String line : lines(notes)) {
            Chapter chapter = chapter(line);
            if (chapter != null) {
                chapters.add(chapter);
            }
        }
        return isChapterList(chapters, durationSeconds) ? Optional.of(new Chapters(chapters, Chapters.SHOW_NOTES))
                : Optional.empty();
    }

    static boolean isChapterList(List<Chapter> chapters, Long durationSeconds) {
        if (chapters.size() < 2 || chapters.getFirst().start() > MAX_FIRST_START) {
            return false;
        }
        for (int i = 1; i < chapters.size(); i++) {
            if (chapters.get(i).start() <= chapters.get(i - 1).start()) {
                return false;
            }
        }
        boolean durationKnown = durationSeconds != null && durationSeconds > 0;
        return !durationKnown || chapters.getLast().start() <= durationSeconds + DURATION_LEEWAY;
    }

    /** The chapter a line announces, or null when it does not start with a timestamp and a title. */
    static Chapter chapter(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.matches() || !brackets(m.group("open"), m.group("close"))) {
            return null;
        }
        int hours = m.group("h") == null ? 0 : Integer.parseInt(m.group("h"));
        int minutes = Integer.parseInt(m.group("m"));
        int seconds = Integer.parseInt(m.group("s"));
        if (seconds >= 60 || m.group("h") != null && minutes >= 60) {
            return null;
        }
        double fraction = m.group("f") == null ? 0 : Double.parseDouble("0" + m.group("f"));
        return Chapter.of(hours * 3600 + minutes * 60 + seconds + fraction, m.group("title").strip());
    }

    private static boolean brackets(String open, String close) {
        if (open == null) {
            return close == null;
        }
        return open.equals("[") ? "]".equals(close) : ")".equals(close);
    }

    /** The notes as lines of text, stripped, with odd spaces made plain. */
    static List<String> lines(String notes) {
        String text = looksLikeHtml(notes) ? htmlText(notes) : notes;
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String plain = line.replace('\u00a0', ' ').replace('\u2009', ' ').replace('\u202f', ' ').strip();
            if (!plain.isEmpty()) {
                lines.add(plain);
            }
        }
        return lines;
    }

    private static boolean looksLikeHtml(String text) {
        return TAG.matcher(text).find();
    }

    /**
     * The visible text with a line break around every block element and at every {@code <br>}.
     * Line breaks in the source are kept too: many notes are HTML with plain lines inside.
     */
    private static String htmlText(String html) {
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    out.append(text.getWholeText());
                } else if (node instanceof Element element && (element.isBlock() || element.normalName().equals("br"))) {
                    out.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && element.isBlock()) {
                    out.append('\n');
                }
            }
        }, Jsoup.parseBodyFragment(html).body());
        return out.toString();
    }
}
