package dev.hark.chapters;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An episode's chapters, sorted by start, and where they came from.
 *
 * @param source {@link #PUBLISHER_JSON}, {@link #PODLOVE}, {@link #ID3} or {@link #SHOW_NOTES}
 */
public record Chapters(List<Chapter> list, String source) {

    /** A Podcasting 2.0 JSON chapters file ({@code application/json+chapters}). */
    public static final String PUBLISHER_JSON = "publisher-json";
    /** A Podlove JSON chapters file ({@code [{"start":"hh:mm:ss.mmm","title",...}]}). */
    public static final String PODLOVE = "podlove";
    /** ID3v2 CHAP frames in the downloaded media file. */
    public static final String ID3 = "id3";
    /** A timestamp list found in the show notes. */
    public static final String SHOW_NOTES = "show-notes";

    private static final Set<String> SOURCES = Set.of(PUBLISHER_JSON, PODLOVE, ID3, SHOW_NOTES);

    public Chapters {
        list = List.copyOf(list);
        Objects.requireNonNull(source, "source");
        if (!SOURCES.contains(source)) {
            throw new IllegalArgumentException("source must be one of " + SOURCES + ", was " + source);
        }
    }

    /** The chapters to navigate by: those not marked {@code toc: false}. */
    public List<Chapter> tableOfContents() {
        return list.stream().filter(Chapter::toc).toList();
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }
}
