package dev.hark.feed;

import com.ctc.wstx.stax.WstxInputFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLResolver;
import javax.xml.stream.XMLStreamException;

import org.codehaus.stax2.XMLInputFactory2;
import org.codehaus.stax2.XMLStreamReader2;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.exc.WstxEOFException;
import com.ctc.wstx.exc.WstxLazyException;

import dev.hark.feed.internal.FeedReader;
import dev.hark.feed.internal.HtmlEntities;
import dev.hark.feed.internal.MarkupRepair;
import dev.hark.feed.internal.UrlResolver;
import dev.hark.feed.internal.XmlSource;

/**
 * Reads a podcast feed (RSS 2.0, RSS 1.0/RDF or Atom, with iTunes, Podcasting 2.0, Media RSS,
 * content and Dublin Core extensions) into a {@link ParsedFeed}, in one streaming pass.
 *
 * <p>Lenient where real feeds are sloppy: wrong or missing encoding declarations, byte order
 * marks, whitespace before the XML declaration, undeclared HTML entities such as {@code &nbsp;},
 * undeclared {@code itunes:}/{@code podcast:} prefixes, and the many broken date formats. Strict
 * where leniency would be unsafe: DTDs are never processed, and a feed that declares its own
 * entities (billion laughs, external entities) is refused. Nothing is read from the network or
 * the file system.
 *
 * <p>Items are kept in feed order. Items without a playable enclosure are left out; items that
 * share a guid are all kept (deduplication is the library's job). Every text value is capped at
 * about a million characters.
 *
 * <p>Thread-safe: one instance can parse many feeds concurrently (it shares only its configured,
 * immutable XML factory).
 */
public final class FeedParser {

    /** A single attribute value (a URL, a title) longer than this is refused as hostile. */
    private static final int MAX_ATTRIBUTE_CHARS = 1 << 20;

    private final XMLInputFactory factory = createFactory();

    /**
     * Parses a whole feed held in memory.
     *
     * @param body    the feed's bytes, in whatever encoding it came in
     * @param baseUrl the URL the feed was fetched from, to resolve relative links; null for a
     *                local file (relative links are then left as they are)
     * @throws FeedParseException when the input is not a feed we can read; the message is one
     *                            plain sentence for the user
     */
    public ParsedFeed parse(byte[] body, String baseUrl) throws FeedParseException {
        UrlResolver urls = new UrlResolver(baseUrl);
        try {
            return read(XmlSource.open(body), urls);
        } catch (XMLStreamException firstProblem) {
            // One retry on a repaired copy: costs a second parse, but only for broken feeds.
            String repaired = repairedText(body);
            if (repaired != null) {
                try {
                    return read(new StringReader(repaired), urls);
                } catch (XMLStreamException stillBroken) {
                    // report the problem as it is in the original document
                }
            }
            throw unreadable(firstProblem);
        }
    }

    /**
     * Reads the stream to its end (the caller enforces any size limit) and parses it like
     * {@link #parse(byte[], String)}. The stream is not closed.
     */
    public ParsedFeed parse(InputStream in, String baseUrl) throws FeedParseException {
        byte[] body;
        try {
            body = in.readAllBytes();
        } catch (IOException e) {
            throw new FeedParseException("The feed could not be read: " + e.getMessage(), e);
        }
        return parse(body, baseUrl);
    }

    private ParsedFeed read(Reader reader, UrlResolver urls) throws XMLStreamException, FeedParseException {
        XMLStreamReader2 xml = null;
        try {
            xml = (XMLStreamReader2) factory.createXMLStreamReader(reader);
            return FeedReader.read(xml, urls);
        } catch (WstxLazyException e) {
            // Woodstox reports some errors late, from inside a text accessor, unchecked.
            throw e.getCause() instanceof XMLStreamException cause ? cause : new XMLStreamException(e.getMessage());
        } finally {
            closeQuietly(xml);
        }
    }

    /** The document after {@link MarkupRepair}, or null when that would change nothing. */
    private static String repairedText(byte[] body) throws FeedParseException {
        StringWriter text = new StringWriter(body.length);
        try (Reader reader = XmlSource.open(body)) {
            reader.transferTo(text);
        } catch (IOException e) {
            return null; // the decoding readers read from memory and do not fail
        }
        return MarkupRepair.repair(text.toString());
    }

    private static FeedParseException unreadable(XMLStreamException e) {
        if (e instanceof WstxEOFException) {
            return new FeedParseException("The feed is cut off: the XML ends too early" + where(e) + ".", e);
        }
        return new FeedParseException("The feed is not well-formed XML" + where(e) + ": " + reason(e), e);
    }

    private static XMLInputFactory createFactory() {
        XMLInputFactory2 factory = newWoodstoxFactory();
        factory.configureForSpeed();
        // Prefixes are resolved by us: feeds use itunes: and podcast: without declaring them.
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setProperty(XMLInputFactory.IS_VALIDATING, false);
        // Never process DTDs or fetch anything: no XXE, no entity expansion bombs.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
        XMLResolver refuse = (publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("external resources are never loaded");
        };
        factory.setProperty(XMLInputFactory.RESOLVER, refuse);
        factory.setProperty(WstxInputProperties.P_DTD_RESOLVER, refuse);
        factory.setProperty(WstxInputProperties.P_ENTITY_RESOLVER, refuse);
        // HTML entities feeds use without declaring them: the common ones up front, any other on demand.
        factory.setProperty(WstxInputProperties.P_CUSTOM_INTERNAL_ENTITIES, HtmlEntities.html4());
        factory.setProperty(WstxInputProperties.P_UNDECLARED_ENTITY_RESOLVER,
                (XMLResolver) (publicId, systemId, base, name) -> new StringReader(undeclaredEntity(name)));
        factory.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, 256);
        factory.setProperty(WstxInputProperties.P_MAX_ENTITY_COUNT, 50_000_000L);
        factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, MAX_ATTRIBUTE_CHARS);
        return factory;
    }

    /** Woodstox itself, not {@code XMLInputFactory.newFactory()}, which could pick the JDK's parser. */
    private static XMLInputFactory2 newWoodstoxFactory() {
        return new WstxInputFactory();
    }


    /** Replacement markup for an entity nobody declared: its HTML meaning, or the text as written. */
    private static String undeclaredEntity(String name) {
        String value = name == null ? null : HtmlEntities.lookup(name);
        if (value == null) {
            return "&amp;" + (name == null ? "" : name) + ";";
        }
        return value.replace("&", "&amp;").replace("<", "&lt;");
    }

    private static String where(XMLStreamException e) {
        if (e.getLocation() == null || e.getLocation().getLineNumber() < 1) {
            return "";
        }
        return " at line " + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber();
    }

    /** The parser's own explanation without its location suffix. */
    private static String reason(XMLStreamException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        int at = message.indexOf("\n at [");
        String reason = (at >= 0 ? message.substring(0, at) : message).strip();
        if (reason.startsWith("[") && reason.contains("] ")) {
            reason = reason.substring(reason.indexOf("] ") + 2);
        }
        if (reason.length() > 200) {
            reason = reason.substring(0, 200) + "…";
        }
        return reason.isEmpty() ? "unreadable input." : reason.endsWith(".") ? reason : reason + ".";
    }

    private static void closeQuietly(XMLStreamReader2 xml) {
        if (xml != null) {
            try {
                xml.closeCompletely();
            } catch (XMLStreamException e) {
                // nothing useful to do: the bytes are in memory
            }
        }
    }
}
