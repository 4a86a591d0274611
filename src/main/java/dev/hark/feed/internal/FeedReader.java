package dev.hark.feed.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

import org.codehaus.stax2.DTDInfo;
import org.codehaus.stax2.XMLStreamReader2;

import dev.hark.feed.FeedParseException;
import dev.hark.feed.ParsedEpisode;
import dev.hark.feed.ParsedFeed;

/**
 * One pass over a feed's XML events: tracks depth, namespaces and the open item, collects the
 * text of the elements {@link ElementRules} asks for, and hands each finished item to
 * {@link EpisodeAssembler} at once, so only the parsed episodes stay in memory.
 *
 * <p>Not thread-safe: one per parse.
 */
public final class FeedReader {

    /** No single text value may grow beyond this many characters; the rest is dropped. */
    static final int MAX_FIELD_CHARS = 1 << 20;

    private static final String ENTITY_DECLARATION =
            "The feed declares its own XML entities, which Hark never expands because that is unsafe.";

    private enum Format { RSS, RDF, ATOM }

    private final XMLStreamReader2 xml;
    private final NamespaceScopes scopes = new NamespaceScopes();
    private final ElementRules rules;
    private final EpisodeAssembler episodeAssembler;
    private final FeedAssembler feedAssembler;
    private final StringBuilder text = new StringBuilder(1024);
    private final StringBuilder alternateText = new StringBuilder();
    private final Map<String, Name> atomNames = new HashMap<>();
    private final RawValues channel = new RawValues();
    private final List<ParsedEpisode> episodes = new ArrayList<>();

    private Name[] path = new Name[16];
    private int depth;
    private Format format;
    private RawValues item;
    private int itemDepth = -1;
    private Field captureField;
    private int captureDepth = -1;
    private int alternateDepth = -1;

    private FeedReader(XMLStreamReader2 xml, UrlResolver urls) {
        this.xml = xml;
        this.rules = new ElementRules(xml, urls);
        this.episodeAssembler = new EpisodeAssembler(urls);
        this.feedAssembler = new FeedAssembler(urls);
    }

    /** Reads the whole document. */
    public static ParsedFeed read(XMLStreamReader2 xml, UrlResolver urls)
            throws XMLStreamException, FeedParseException {
        return new FeedReader(xml, urls).run();
    }

    private ParsedFeed run() throws XMLStreamException, FeedParseException {
        while (xml.hasNext()) {
            switch (xml.next()) {
                case XMLStreamConstants.START_ELEMENT -> start();
                case XMLStreamConstants.END_ELEMENT -> {
                    end();
                    if (depth == 0) {
                        // Done: whatever follows the root (a second root, junk, NULs) is not our business.
                        return feedAssembler.build(channel, episodes);
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> characters();
                case XMLStreamConstants.DTD -> doctype();
                default -> {
                    // comments, processing instructions, end of document
                }
            }
        }
        if (format == null) {
            throw new FeedParseException("The feed is empty: it contains no XML elements.");
        }
        return feedAssembler.build(channel, episodes);
    }

    private void start() throws FeedParseException {
        depth++;
        if (depth == path.length) {
            path = Arrays.copyOf(path, path.length * 2);
        }
        int attributes = xml.getAttributeCount();
        if (attributes > 0) {
            declareNamespaces(attributes);
        }
        if (captureDepth >= 0) {
            if (captureField.keepsMarkup) {
                appendStartTag(attributes);
            }
            return;
        }
        Name name = scopes.resolve(xml.getLocalName());
        if (format == Format.ATOM && name.ns() == Ns.NONE) {
            name = atomNames.computeIfAbsent(name.local(), local -> new Name(Ns.ATOM, local));
        }
        path[depth] = name;
        if (depth == 1) {
            root(name);
            channel.set(Field.XML_LANG, xml.getAttributeValue(null, "xml:lang"));
            return;
        }
        Name parent = path[depth - 1];
        Field field;
        if (item != null) {
            field = rules.itemStart(name, parent, item);
            if (alternateDepth < 0 && rules.inAlternate()) {
                alternateDepth = depth;
                alternateText.setLength(0);
            }
        } else if (ElementRules.isItem(name)) {
            item = new RawValues();
            itemDepth = depth;
            return;
        } else {
            field = rules.channelStart(name, parent, channel);
        }
        if (field != null) {
            captureField = field;
            captureDepth = depth;
            text.setLength(0);
        }
    }

    private void end() {
        if (depth == captureDepth) {
            rules.text(captureField, text.toString(), item != null ? item : channel);
            captureDepth = -1;
        } else if (captureDepth >= 0) {
            if (captureField.keepsMarkup && text.length() < MAX_FIELD_CHARS) {
                text.append("</").append(xml.getLocalName()).append('>');
            }
        } else if (depth == alternateDepth) {
            rules.endAlternate(alternateText.toString(), item);
            alternateDepth = -1;
        } else if (depth == itemDepth) {
            ParsedEpisode episode = episodeAssembler.build(item);
            if (episode != null) {
                episodes.add(episode);
            }
            item = null;
            itemDepth = -1;
        }
        scopes.leave(depth);
        depth--;
    }

    private void characters() {
        if (captureDepth >= 0) {
            append(text);
        } else if (depth == alternateDepth) {
            append(alternateText);
        }
    }

    private void append(StringBuilder target) {
        int room = MAX_FIELD_CHARS - target.length();
        if (room > 0) {
            target.append(xml.getTextCharacters(), xml.getTextStart(), Math.min(room, xml.getTextLength()));
        }
    }

    private void root(Name name) throws FeedParseException {
        switch (name.local()) {
            case "rss" -> format = Format.RSS;
            case "RDF" -> format = Format.RDF;
            case "feed" -> format = Format.ATOM;
            case "html", "HTML" -> throw XmlSource.htmlPage();
            default -> {
                String root = xml.getLocalName();
                throw new FeedParseException("This is not a podcast feed: its root element is <"
                        + (root.length() > 40 ? root.substring(0, 40) + "…" : root) + ">, not <rss> or <feed>.");
            }
        }
    }

    /** A DOCTYPE: harmless unless it declares entities (billion laughs, external entities). */
    private void doctype() throws FeedParseException, XMLStreamException {
        String internalSubset = xml.getText();
        if (internalSubset != null && internalSubset.contains("<!ENTITY")) {
            throw new FeedParseException(ENTITY_DECLARATION);
        }
        DTDInfo info = xml.getDTDInfo();
        if (info != null && "html".equalsIgnoreCase(info.getDTDRootName())) {
            throw XmlSource.htmlPage();
        }
    }

    private void declareNamespaces(int attributes) {
        for (int i = 0; i < attributes; i++) {
            String attribute = xml.getAttributeLocalName(i);
            if (attribute.startsWith("xmlns")) {
                if (attribute.length() == 5) {
                    scopes.declare(depth, "", xml.getAttributeValue(i));
                } else if (attribute.charAt(5) == ':') {
                    scopes.declare(depth, attribute.substring(6), xml.getAttributeValue(i));
                }
            }
        }
    }

    /** Inline XHTML inside show notes: written back as markup so the notes keep their HTML. */
    private void appendStartTag(int attributes) {
        if (text.length() >= MAX_FIELD_CHARS) {
            return;
        }
        text.append('<').append(xml.getLocalName());
        for (int i = 0; i < attributes; i++) {
            String attribute = xml.getAttributeLocalName(i);
            if (!attribute.startsWith("xmlns")) {
                text.append(' ').append(attribute).append("=\"")
                        .append(xml.getAttributeValue(i).replace("&", "&amp;").replace("\"", "&quot;")).append('"');
            }
        }
        text.append('>');
    }
}
