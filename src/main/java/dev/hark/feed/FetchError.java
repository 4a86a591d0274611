package dev.hark.feed;

/** Why a fetch failed, each with one plain sentence for the user. */
public enum FetchError {
    BAD_URL("The address is not a valid http(s) URL"),
    CONNECTION_FAILED("Could not connect to the server"),
    TIMEOUT("The server took too long to answer"),
    NOT_FOUND("The feed was not found (404)"),
    HTTP_ERROR("The server refused the request"),
    SERVER_ERROR("The server had an error"),
    TOO_MANY_REDIRECTS("Too many redirects"),
    REDIRECT_LOOP("The server redirects in a loop"),
    TOO_LARGE("The feed is larger than the size limit"),
    NOT_A_FEED("The address serves a web page, not a podcast feed"),
    BAD_ENCODING("The server sent a compressed body that could not be decoded"),
    CONNECTION_LOST("The connection broke before the whole feed arrived");

    private final String label;

    FetchError(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
