package dev.hark.directory;

/** Why one directory gave no results, each a plain sentence about the directory ({@code %s}). */
public enum SourceError {
    REJECTED_KEY("%s rejected the API key"),
    RATE_LIMITED("%s is limiting how often Hark may search; try again later"),
    REFUSED("%s refused the search"),
    SERVER_ERROR("%s had a server error"),
    TIMEOUT("%s did not answer in time"),
    CONNECTION_FAILED("Could not connect to %s"),
    BAD_RESPONSE("%s sent an answer Hark could not read"),
    UNEXPECTED("%s failed unexpectedly");

    private final String template;

    SourceError(String template) {
        this.template = template;
    }

    /** The sentence for directory {@code sourceName}, e.g. "iTunes had a server error". */
    public String sentence(String sourceName) {
        return template.formatted(sourceName);
    }
}
