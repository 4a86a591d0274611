package dev.hark.transcript.engine;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to reach an OpenAI-compatible transcription endpoint.
 *
 * @param baseUrl        e.g. {@code https://api.openai.com} or {@code http://127.0.0.1:8000};
 *                       {@code /v1/audio/transcriptions} is appended (a trailing {@code /v1} is tolerated)
 * @param apiKey         sent as a bearer token; null or blank for local servers that need none
 * @param model          e.g. {@code whisper-1}
 * @param maxUploadBytes the endpoint's limit on the uploaded file (OpenAI: 25 MB)
 * @param requestTimeout how long one upload and its answer may take
 */
public record OpenAiSettings(URI baseUrl, String apiKey, String model, long maxUploadBytes, Duration requestTimeout) {

    public static final String DEFAULT_MODEL = "whisper-1";
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 25L * 1024 * 1024;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    public OpenAiSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
        model = model == null || model.isBlank() ? DEFAULT_MODEL : model.strip();
        if (maxUploadBytes < 1024) {
            throw new IllegalArgumentException("the upload limit must be at least 1 KB, was " + maxUploadBytes);
        }
        Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    /** Defaults for everything but the address and key. */
    public static OpenAiSettings of(URI baseUrl, String apiKey) {
        return new OpenAiSettings(baseUrl, apiKey, DEFAULT_MODEL, DEFAULT_MAX_UPLOAD_BYTES, DEFAULT_TIMEOUT);
    }

    public OpenAiSettings withMaxUploadBytes(long bytes) {
        return new OpenAiSettings(baseUrl, apiKey, model, bytes, requestTimeout);
    }

    /** The transcription endpoint. */
    public URI endpoint() {
        String base = baseUrl.toString().replaceAll("/+$", "");
        if (base.endsWith("/v1")) {
            base = base.substring(0, base.length() - 3);
        }
        return URI.create(base + "/v1/audio/transcriptions");
    }

    @Override
    public String toString() {
        // never log the key
        return "OpenAiSettings[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "none" : "set") + ", model=" + model
                + ", maxUploadBytes=" + maxUploadBytes + ", requestTimeout=" + requestTimeout + "]";
    }
}
