package dev.hark.feed;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Generates a big, realistic feed in memory: each item has the usual tags and HTML show notes
 * long enough to reach the requested size. Also a {@code main} so a child JVM with a small heap
 * can parse one (see {@link LargeFeedTest}).
 */
final class LargeFeed {

    static final int ITEMS = 5_000;
    static final int BYTES = 20_000_000;

    private LargeFeed() {
    }

    static byte[] generate(int items, int totalBytes) {
        String header = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
                     xmlns:content="http://purl.org/rss/1.0/modules/content/">
                <channel><title>Large Feed</title><link>https://example.com/</link>
                <description>A generated feed for memory and speed tests.</description>
                """;
        String footer = "</channel></rss>\n";
        int perItem = (totalBytes - header.length() - footer.length()) / items;
        Out out = new Out(totalBytes + items * 64);
        out.write(header);
        for (int i = 1; i <= items; i++) {
            String head = "<item><title>Episode " + i + ": a title of ordinary length</title>"
                    + "<guid isPermaLink=\"false\">large-feed-" + i + "</guid>"
                    + "<pubDate>Mon, 02 Jan 2006 15:04:05 +0100</pubDate><itunes:duration>01:02:03</itunes:duration>"
                    + "<enclosure url=\"https://cdn.example.com/episodes/" + i + ".mp3\" length=\"12345678\""
                    + " type=\"audio/mpeg\"/><link>https://example.com/episodes/" + i + "</link>"
                    + "<content:encoded><![CDATA[<p>In this episode we talk about item " + i + ".</p><ul>";
            String tail = "</ul>]]></content:encoded></item>\n";
            out.write(head);
            int room = perItem - head.length() - tail.length();
            String bullet = "<li>A link to <a href=\"https://example.com/x\">something</a> &amp; more</li>";
            for (int used = 0; used + bullet.length() <= room; used += bullet.length()) {
                out.write(bullet);
            }
            out.write(tail);
        }
        out.write(footer);
        return out.bytes();
    }

    /** Child-JVM entry point: prints the episode count of a parsed large feed. */
    public static void main(String[] args) throws FeedParseException {
        byte[] feed = generate(ITEMS, BYTES);
        ParsedFeed parsed = new FeedParser().parse(feed, "https://example.com/feed.xml");
        System.out.println("bytes=" + feed.length + " episodes=" + parsed.episodes().size());
    }

    /** A byte buffer that hands out its array without a copy when it is exactly full. */
    private static final class Out extends ByteArrayOutputStream {
        Out(int size) {
            super(size);
        }

        void write(String text) {
            writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }

        byte[] bytes() {
            return count == buf.length ? buf : toByteArray();
        }
    }
}
