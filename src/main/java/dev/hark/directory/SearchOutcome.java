package dev.hark.directory;

import java.util.List;

/**
 * What a directory search found.
 *
 * @param results podcasts, best first, each feed once
 * @param notices one plain sentence per directory that could not answer, e.g. "Podcast Index
 *                rejected the API key"; empty when every directory answered
 */
public record SearchOutcome(List<DirectoryResult> results, List<String> notices) {

    public SearchOutcome {
        results = List.copyOf(results);
        notices = List.copyOf(notices);
    }
}
