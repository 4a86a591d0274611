package dev.hark.feed.internal;

import javax.xml.stream.XMLStreamReader;

import dev.hark.feed.Enclosure;

/**
 * Which elements mean what, for the channel and for items, across RSS 2.0, RSS 1.0, Atom, iTunes,
 * Media RSS, content and Dublin Core (Podcasting 2.0 is in {@link PodcastElements}). For each
 * element start it either records attribute values at once or names the {@link Field} its text
 * goes to.
 *
 * <p>Not thread-safe: one per parse.
 */
final class ElementRules {

    private final XMLStreamReader xml;
    private final UrlResolver urls;
    private final PodcastElements podcast;

    ElementRules(XMLStreamReader xml, UrlResolver urls) {
        this.xml = xml;
        this.urls = urls;
        this.podcast = new PodcastElements(xml, urls);
    }

    /** An element outside any item. Returns the field its text goes to, or null. */
    Field channelStart(Name name, Name parent, RawValues channel) {
        String local = name.local();
        switch (name.ns()) {
            case NONE -> {
                if (parent.local().equals("image")) {
                    return local.equals("url") ? Field.IMAGE_URL : null;
                }
                if (!parent.local().equals("channel")) {
                    return local.equals("newLocation") ? Field.REDIRECT : null;
                }
                return switch (local) {
                    case "title" -> Field.TITLE;
                    case "link" -> Field.LINK;
                    case "description" -> Field.DESCRIPTION;
                    case "language" -> Field.LANGUAGE;
                    case "managingEditor" -> Field.MANAGING_EDITOR;
                    default -> null;
                };
            }
            case ATOM -> {
                if (local.equals("name") && parent.is(Ns.ATOM, "author")) {
                    return Field.ATOM_AUTHOR;
                }
                if (!parent.local().equals("feed") && !parent.local().equals("channel")) {
                    return null;
                }
                return switch (local) {
                    case "title" -> Field.TITLE;
                    case "subtitle", "tagline" -> Field.ATOM_SUBTITLE;
                    case "logo" -> Field.ATOM_LOGO;
                    case "icon" -> Field.ATOM_ICON;
                    case "link" -> {
                        atomLink(channel, false);
                        yield null;
                    }
                    default -> null;
                };
            }
            case ITUNES -> {
                return switch (local) {
                    case "author" -> Field.ITUNES_AUTHOR;
                    case "summary" -> Field.ITUNES_SUMMARY;
                    case "subtitle" -> Field.ITUNES_SUBTITLE;
                    case "image" -> image(channel);
                    case "new-feed-url" -> Field.NEW_FEED_URL;
                    case "type" -> Field.ITUNES_TYPE;
                    case "explicit" -> Field.EXPLICIT;
                    case "block" -> Field.BLOCK;
                    case "name" -> parent.is(Ns.ITUNES, "owner") ? Field.OWNER_NAME : null;
                    default -> null;
                };
            }
            case PODCAST -> {
                return podcast.channelElement(local);
            }
            case CONTENT -> {
                return local.equals("encoded") ? Field.CONTENT_ENCODED : null;
            }
            case MEDIA -> {
                if (local.equals("thumbnail")) {
                    channel.set(Field.MEDIA_THUMBNAIL, urls.resolve(attr("url")));
                }
                return null;
            }
            case DC -> {
                return switch (local) {
                    case "creator" -> Field.DC_CREATOR;
                    case "language" -> Field.DC_LANGUAGE;
                    default -> null;
                };
            }
            default -> {
                return null;
            }
        }
    }

    /** An element inside an item (at any depth). Returns the field its text goes to, or null. */
    Field itemStart(Name name, Name parent, RawValues item) {
        String local = name.local();
        switch (name.ns()) {
            case NONE -> {
                if (!isItem(parent)) {
                    return null;
                }
                return switch (local) {
                    case "title" -> Field.TITLE;
                    case "link" -> Field.LINK;
                    case "description" -> Field.DESCRIPTION;
                    case "guid" -> {
                        if ("false".equalsIgnoreCase(TextValues.clean(attr("isPermaLink")))) {
                            item.set(Field.GUID_NOT_PERMALINK, "true");
                        }
                        yield Field.GUID;
                    }
                    case "pubDate" -> Field.PUB_DATE;
                    case "enclosure" -> {
                        enclosure(item, attr("url"), attr("type"), attr("length"), false);
                        yield null;
                    }
                    default -> null;
                };
            }
            case ATOM -> {
                if (!isItem(parent)) {
                    return null;
                }
                return switch (local) {
                    case "title" -> Field.TITLE;
                    case "id" -> Field.GUID;
                    case "link" -> {
                        atomLink(item, true);
                        yield null;
                    }
                    case "published", "issued" -> Field.ATOM_PUBLISHED;
                    case "updated", "modified" -> Field.ATOM_UPDATED;
                    case "content" -> Field.ATOM_CONTENT;
                    case "summary" -> Field.ATOM_SUMMARY;
                    default -> null;
                };
            }
            case ITUNES -> {
                return switch (local) {
                    case "title" -> Field.ITUNES_TITLE;
                    case "duration" -> Field.DURATION;
                    case "summary" -> Field.ITUNES_SUMMARY;
                    case "subtitle" -> Field.ITUNES_SUBTITLE;
                    case "image" -> image(item);
                    case "season" -> Field.SEASON;
                    case "episode" -> Field.EPISODE;
                    case "episodeType" -> Field.EPISODE_TYPE;
                    case "explicit" -> Field.EXPLICIT;
                    case "block" -> Field.BLOCK;
                    default -> null;
                };
            }
            case PODCAST -> {
                return podcast.itemElement(local, parent, item);
            }
            case CONTENT -> {
                return local.equals("encoded") ? Field.CONTENT_ENCODED : null;
            }
            case MEDIA -> {
                return mediaItemElement(local, item);
            }
            case DC -> {
                return local.equals("date") ? Field.DC_DATE : null;
            }
            default -> {
                return null;
            }
        }
    }

    private Field mediaItemElement(String local, RawValues item) {
        switch (local) {
            case "content" -> {
                String medium = TextValues.lower(attr("medium"));
                String type = attr("type");
                boolean image = "image".equals(medium)
                        || (type != null && type.strip().regionMatches(true, 0, "image/", 0, 6));
                if (image) {
                    item.set(Field.MEDIA_IMAGE, urls.resolve(attr("url")));
                } else {
                    enclosure(item, attr("url"), type, attr("fileSize"), true);
                    item.set(Field.MEDIA_DURATION, attr("duration"));
                }
                return null;
            }
            case "thumbnail" -> {
                item.set(Field.MEDIA_THUMBNAIL, urls.resolve(attr("url")));
                return null;
            }
            case "description" -> {
                return Field.MEDIA_DESCRIPTION;
            }
            default -> {
                return null;
            }
        }
    }

    /** The text of a captured element, now complete. */
    void text(Field field, String text, RawValues target) {
        if (!podcast.text(field, text, target)) {
            target.set(field, text);
        }
    }

    /** True while a podcast:alternateEnclosure is open (its own text is a legacy source URL). */
    boolean inAlternate() {
        return podcast.inAlternate();
    }

    /** Closes the open podcast:alternateEnclosure; {@code text} is its direct text. */
    void endAlternate(String text, RawValues item) {
        podcast.endAlternate(text, item);
    }

    /** itunes:image: the href attribute, or (some hosts) the URL as text. */
    private Field image(RawValues target) {
        String href = attr("href");
        if (href == null) {
            return Field.ITUNES_IMAGE;
        }
        target.set(Field.ITUNES_IMAGE, urls.resolve(href));
        return null;
    }

    private void atomLink(RawValues target, boolean inItem) {
        String rel = TextValues.lower(attr("rel"));
        String href = attr("href");
        if (rel == null || rel.equals("alternate")) {
            String type = TextValues.lower(attr("type"));
            if (type == null || type.contains("html")) {
                target.set(Field.ATOM_LINK, urls.resolve(href));
            }
        } else if (rel.equals("enclosure") && inItem) {
            enclosure(target, href, attr("type"), attr("length"), false);
        }
    }

    private void enclosure(RawValues item, String rawUrl, String type, String length, boolean media) {
        String url = urls.resolve(rawUrl);
        if (url == null) {
            return;
        }
        Enclosure enclosure = new Enclosure(url, MimeTypes.canonical(type), TextValues.positiveLong(length));
        if (media) {
            item.mediaContents = RawValues.add(item.mediaContents, enclosure);
        } else {
            item.enclosures = RawValues.add(item.enclosures, enclosure);
        }
    }

    private String attr(String name) {
        return xml.getAttributeValue(null, name);
    }

    static boolean isItem(Name name) {
        return (name.ns() == Ns.NONE && name.local().equals("item"))
                || (name.ns() == Ns.ATOM && name.local().equals("entry"));
    }
}
