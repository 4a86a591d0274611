package dev.hark.feed;

import com.ctc.wstx.stax.WstxOutputFactory;

import com.ctc.wstx.api.InvalidCharHandler;
import com.ctc.wstx.api.WstxOutputProperties;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes subscriptions as OPML 2.0 in the shape Apple Podcasts, Pocket Casts, AntennaPod and
 * Overcast import: one flat list of {@code <outline type="rss" text title xmlUrl htmlUrl/>}
 * (no folders, which some importers ignore or choke on). All escaping is left to the XML
 * writer; characters XML cannot carry at all (most control characters) become U+FFFD, and
 * line breaks in titles become spaces (an XML reader would turn them into spaces anyway).
 *
 * <p>Pure (writes only to the given stream) and thread-safe.
 */
public final class OpmlWriter {

    private final Clock clock;
    private final XMLOutputFactory factory;

    /** Stamps files with the current time. */
    public OpmlWriter() {
        this(Clock.systemUTC());
    }

    /** Stamps {@code <dateCreated>} from {@code clock}, so tests get the same bytes each run. */
    public OpmlWriter(Clock clock) {
        this.clock = clock;
        this.factory = newWoodstoxFactory();
        factory.setProperty(WstxOutputProperties.P_OUTPUT_INVALID_CHAR_HANDLER,
                new InvalidCharHandler.ReplacingHandler('\uFFFD'));
        // <?xml version="1.0"?> as every exporting app writes it, for importers that match it literally
        factory.setProperty(WstxOutputProperties.P_USE_DOUBLE_QUOTES_IN_XML_DECL, true);
    }

    /**
     * Writes the file as UTF-8 (the declaration says so, so {@code out} must encode UTF-8).
     * An entry with no title gets its feed address as {@code text}, which OPML requires.
     */
    public void write(String title, List<OpmlEntry> entries, Writer out) throws IOException {
        try {
            XMLStreamWriter xml = factory.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("opml");
            xml.writeAttribute("version", "2.0");
            xml.writeCharacters("\n  ");
            xml.writeStartElement("head");
            element(xml, "title", oneLine(title));
            element(xml, "dateCreated", DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(clock)));
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            xml.writeCharacters("\n  ");
            xml.writeStartElement("body");
            for (OpmlEntry entry : entries) {
                outline(xml, entry);
            }
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close(); // flushes, but leaves out open: it belongs to the caller
            out.flush();
        } catch (XMLStreamException e) {
            throw new IOException("Could not write the OPML file: " + e.getMessage(), e);
        }
    }

    /** Writes the file as UTF-8 bytes. */
    public void write(String title, List<OpmlEntry> entries, OutputStream out) throws IOException {
        write(title, entries, new OutputStreamWriter(out, StandardCharsets.UTF_8));
    }

    private static void outline(XMLStreamWriter xml, OpmlEntry entry) throws XMLStreamException {
        String title = oneLine(entry.title());
        xml.writeCharacters("\n    ");
        xml.writeEmptyElement("outline");
        xml.writeAttribute("type", "rss");
        xml.writeAttribute("text", title == null || title.isBlank() ? entry.xmlUrl() : title);
        if (title != null && !title.isBlank()) {
            xml.writeAttribute("title", title);
        }
        xml.writeAttribute("xmlUrl", entry.xmlUrl());
        if (entry.htmlUrl() != null && !entry.htmlUrl().isBlank()) {
            xml.writeAttribute("htmlUrl", entry.htmlUrl());
        }
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement(name);
        xml.writeCharacters(text == null ? "" : text);
        xml.writeEndElement();
    }

    private static String oneLine(String text) {
        return text == null ? null : text.replaceAll("[\\r\\n\\t]+", " ").strip();
    }

    /** Woodstox itself, not {@code XMLOutputFactory.newFactory()}, which could pick the JDK's writer. */
    private static XMLOutputFactory newWoodstoxFactory() {
        return new WstxOutputFactory();
    }
}
