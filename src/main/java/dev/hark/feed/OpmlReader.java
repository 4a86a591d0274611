package dev.hark.feed;

import com.ctc.wstx.stax.WstxInputFactory;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.exc.WstxLazyException;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLResolver;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the subscriptions out of an OPML file as exported by Apple Podcasts, Pocket Casts,
 * AntennaPod, Overcast and others. Every {@code <outline>} with an {@code xmlUrl} (in any letter
 * case) is a subscription, however deeply it sits in folders; other outlines (folders,
 * Overcast's episodes and playlists) are skipped, and a feed listed twice is kept once, where
 * it first appears. The outline's {@code type} is not checked: most exports say "rss", some say
 * nothing, and the feed address is what matters.
 *
 * <p>DTDs are never loaded and entities never expanded, so a hostile file cannot read local
 * files (XXE) or exhaust memory (billion laughs); it is refused with a message instead.
 *
 * <p>Pure (no I/O but the given stream) and thread-safe.
 */
public final class OpmlReader {

    private final XMLInputFactory factory;

    public OpmlReader() {
        XMLInputFactory woodstox = newWoodstoxFactory();
        woodstox.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        woodstox.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        woodstox.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false); // a stray prefix is no reason to fail
        XMLResolver refuse = (publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("external resources are never loaded");
        };
        woodstox.setProperty(XMLInputFactory.RESOLVER, refuse);
        woodstox.setProperty(WstxInputProperties.P_DTD_RESOLVER, refuse);
        woodstox.setProperty(WstxInputProperties.P_ENTITY_RESOLVER, refuse);
        woodstox.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, 100);
        this.factory = woodstox;
    }

    /** Woodstox itself, not {@code XMLInputFactory.newFactory()}, which could pick the JDK's parser. */
    private static XMLInputFactory newWoodstoxFactory() {
        return new WstxInputFactory();
    }


    /** Reads from characters; any encoding in the XML declaration is ignored. */
    public List<OpmlEntry> read(Reader reader) throws OpmlException {
        try {
            return read(factory.createXMLStreamReader(reader));
        } catch (XMLStreamException e) {
            throw broken(e);
        }
    }

    /** Reads from bytes, in the encoding the file declares (UTF-8 if none). */
    public List<OpmlEntry> read(InputStream in) throws OpmlException {
        try {
            return read(factory.createXMLStreamReader(in));
        } catch (XMLStreamException e) {
            throw broken(e);
        }
    }

    private static List<OpmlEntry> read(XMLStreamReader xml) throws XMLStreamException, OpmlException {
        try {
            rootElement(xml);
            Map<String, OpmlEntry> byUrl = new LinkedHashMap<>();
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equalsIgnoreCase("outline")) {
                    OpmlEntry entry = entry(xml);
                    if (entry != null) {
                        byUrl.putIfAbsent(entry.xmlUrl(), entry);
                    }
                }
            }
            return List.copyOf(new ArrayList<>(byUrl.values()));
        } catch (WstxLazyException e) {
            if (e.getCause() instanceof XMLStreamException cause) {
                throw cause; // Woodstox defers some errors until text is asked for
            }
            throw e;
        } finally {
            xml.close();
        }
    }

    /** Moves to the root element, refusing entity declarations and anything but {@code <opml>}. */
    private static void rootElement(XMLStreamReader xml) throws XMLStreamException, OpmlException {
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD && xml.getText().contains("<!ENTITY")) {
                throw new OpmlException("The OPML file declares its own XML entities, which Hark refuses"
                        + " because they can read local files or exhaust memory.");
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (!xml.getLocalName().equalsIgnoreCase("opml")) {
                    throw new OpmlException("This is not an OPML file: it starts with <" + xml.getLocalName()
                            + "> instead of <opml>.");
                }
                return;
            }
        }
    }

    private static OpmlEntry entry(XMLStreamReader outline) {
        String xmlUrl = attribute(outline, "xmlUrl");
        if (xmlUrl == null) {
            return null;
        }
        String title = attribute(outline, "text");
        return new OpmlEntry(title != null ? title : attribute(outline, "title"), xmlUrl,
                attribute(outline, "htmlUrl"));
    }

    /** The attribute's trimmed value, its name matched in any letter case; null if absent or blank. */
    private static String attribute(XMLStreamReader element, String name) {
        for (int i = 0; i < element.getAttributeCount(); i++) {
            if (element.getAttributeLocalName(i).equalsIgnoreCase(name)) {
                String value = element.getAttributeValue(i).strip();
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    private static OpmlException broken(XMLStreamException e) {
        String reason = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("").strip();
        if (reason.startsWith("Undeclared general entity")) {
            return new OpmlException("The OPML file uses an XML entity Hark does not expand ("
                    + reason.substring("Undeclared general entity".length()).strip() + ")" + at(e.getLocation()) + ".", e);
        }
        if (reason.isEmpty()) {
            return new OpmlException("The OPML file is not well-formed XML" + at(e.getLocation()) + ".", e);
        }
        String lowered = Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
        return new OpmlException("The OPML file is not well-formed XML" + at(e.getLocation()) + ": "
                + (lowered.endsWith(".") ? lowered.substring(0, lowered.length() - 1) : lowered) + ".", e);
    }

    private static String at(Location location) {
        return location == null || location.getLineNumber() < 1 ? "" : " at line " + location.getLineNumber();
    }
}
