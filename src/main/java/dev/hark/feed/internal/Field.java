package dev.hark.feed.internal;

/**
 * A text value collected from the channel or an item, before normalisation. Several elements
 * can say the same thing (pubDate, dc:date, atom:published); each gets its own field and the
 * assemblers decide which one wins.
 */
enum Field {
    TITLE, ITUNES_TITLE, LINK, ATOM_LINK, GUID, GUID_NOT_PERMALINK,
    PUB_DATE, DC_DATE, ATOM_PUBLISHED, ATOM_UPDATED,
    DURATION, MEDIA_DURATION,
    DESCRIPTION(true), CONTENT_ENCODED(true), ITUNES_SUMMARY(true), ITUNES_SUBTITLE,
    MEDIA_DESCRIPTION(true), ATOM_CONTENT(true), ATOM_SUMMARY(true), ATOM_SUBTITLE(true),
    ITUNES_AUTHOR, DC_CREATOR, ATOM_AUTHOR, MANAGING_EDITOR, OWNER_NAME,
    ITUNES_IMAGE, IMAGE_URL, ATOM_LOGO, ATOM_ICON, MEDIA_THUMBNAIL, MEDIA_IMAGE,
    LANGUAGE, DC_LANGUAGE, XML_LANG,
    NEW_FEED_URL, REDIRECT, LOCKED, ITUNES_TYPE, EXPLICIT, BLOCK, PODCAST_GUID,
    SEASON, PODCAST_SEASON, EPISODE, PODCAST_EPISODE, EPISODE_TYPE,
    CHAPTERS_URL, CHAPTERS_TYPE,
    /** Text of a podcast:person, podcast:funding or podcast:soundbite: completes its attributes. */
    PERSON_NAME, FUNDING_TEXT, SOUNDBITE_TITLE;

    /** True when nested elements are kept as markup (show notes written as inline XHTML). */
    final boolean keepsMarkup;

    Field() {
        this(false);
    }

    Field(boolean keepsMarkup) {
        this.keepsMarkup = keepsMarkup;
    }
}
