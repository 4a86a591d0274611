package dev.hark.feed.internal;

import java.util.ArrayList;
import java.util.List;

import dev.hark.feed.AlternateEnclosure;
import dev.hark.feed.Enclosure;
import dev.hark.feed.Funding;
import dev.hark.feed.Person;
import dev.hark.feed.Soundbite;
import dev.hark.feed.TranscriptRef;

/**
 * What was collected for the channel or for one item: text fields (first non-blank value wins)
 * and the repeatable parts. URLs in here are already resolved.
 *
 * <p>Not thread-safe: one per channel or item during a parse.
 */
final class RawValues {

    private static final Field[] FIELDS = Field.values();

    private final String[] values = new String[FIELDS.length];
    List<Enclosure> enclosures;
    List<Enclosure> mediaContents;
    List<TranscriptRef> transcripts;
    List<Person> persons;
    List<Soundbite> soundbites;
    List<Funding> funding;
    List<AlternateEnclosure> alternates;

    /** Keeps the value unless the field already has one; blank values are ignored. */
    void set(Field field, String value) {
        if (value != null && values[field.ordinal()] == null && !value.isBlank()) {
            values[field.ordinal()] = value;
        }
    }

    String get(Field field) {
        return values[field.ordinal()];
    }

    /** The first of the fields that has a value. */
    String first(Field... fields) {
        for (Field field : fields) {
            String value = values[field.ordinal()];
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    static <T> List<T> add(List<T> list, T item) {
        List<T> target = list == null ? new ArrayList<>(2) : list;
        target.add(item);
        return target;
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
