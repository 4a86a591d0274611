package dev.hark.directory;

/**
 * A Podcast Index API key and its secret, from https://api.podcastindex.org/signup.
 * Surrounding spaces (easy to paste by mistake) are removed. {@link #toString()} hides the secret.
 */
public record PodcastIndexCredentials(String key, String secret) {

    public PodcastIndexCredentials {
        key = check("key", key);
        secret = check("secret", secret);
    }

    private static String check(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The Podcast Index " + name + " is empty");
        }
        String stripped = value.strip();
        // Both go into HTTP headers (the key as it is, the secret hashed): one line of text only.
        if (stripped.chars().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))) {
            throw new IllegalArgumentException("The Podcast Index " + name + " contains spaces or control characters");
        }
        return stripped;
    }

    @Override
    public String toString() {
        return "PodcastIndexCredentials[key=" + key + ", secret=***]";
    }
}
