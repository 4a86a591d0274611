package dev.hark.feed;

import java.util.List;

/** A {@code <podcast:alternateEnclosure>}: another rendition of the media with its sources. */
public record AlternateEnclosure(String type, Long length, Long bitrate, String title, boolean isDefault,
                                 List<String> sources) {

    public AlternateEnclosure {
        sources = List.copyOf(sources);
    }
}
