package dev.hark.directory;

import java.util.List;
import java.util.Objects;

/** What asking one directory came to. */
public sealed interface SourceResult {

    /** The directory answered; {@code results} are in its order of relevance and may be empty. */
    record Found(List<DirectoryResult> results) implements SourceResult {

        public Found {
            results = List.copyOf(results);
        }
    }

    /**
     * The directory could not answer.
     *
     * @param sourceName the directory's name for people, e.g. "iTunes"
     * @param detail     specifics (status code, limit) added to the sentence, or null
     */
    record Failed(String sourceName, SourceError error, String detail) implements SourceResult {

        public Failed {
            Objects.requireNonNull(sourceName, "sourceName");
            Objects.requireNonNull(error, "error");
        }

        /** One plain sentence for the user, e.g. "iTunes had a server error (HTTP 503)". */
        public String notice() {
            String sentence = error.sentence(sourceName);
            return detail == null || detail.isBlank() ? sentence : sentence + " (" + detail + ")";
        }
    }
}
