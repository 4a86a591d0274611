package dev.hark.chapters;

import java.util.Objects;

/**
 * One chapter.
 *
 * @param start seconds from the beginning, with fractions
 * @param end   seconds, or null when the publisher did not say (the next chapter's start is the end)
 * @param title never blank: untitled chapters are called "Chapter N"
 * @param url   an absolute http(s) link about the chapter, or null
 * @param image an absolute http(s) image for the chapter, or null
 * @param toc   false for chapters the publisher marked as not for the table of contents
 *              (they carry an image or link for a stretch of time but are no navigation point)
 */
public record Chapter(double start, Double end, String title, String url, String image, boolean toc) {

    public Chapter {
        if (!(start >= 0) || Double.isInfinite(start)) {
            throw new IllegalArgumentException("start must be a finite number of seconds >= 0, was " + start);
        }
        if (end != null && !(end > start && !end.isInfinite())) {
            throw new IllegalArgumentException("end must be after start " + start + ", was " + end);
        }
        Objects.requireNonNull(title, "title");
        if (title.isBlank()) {
            throw new IllegalArgumentException("title must not be blank");
        }
    }

    /** A table-of-contents chapter with only a start and a title. */
    public static Chapter of(double start, String title) {
        return new Chapter(start, null, title, null, null, true);
    }
}
