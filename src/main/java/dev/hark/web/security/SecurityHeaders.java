package dev.hark.web.security;

import java.util.Map;

/**
 * Headers sent with every response. The policy allows only Hark's own scripts, styles and
 * media; images may come from anywhere over http(s) because podcast artwork and show-note
 * images are hosted by publishers. No inline scripts or styles: templates must use files
 * under /static/.
 */
public final class SecurityHeaders {

    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' https: http: data:; "
            + "media-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; frame-ancestors 'none'; "
            + "base-uri 'self'; form-action 'self'";

    /** Header name to value. */
    public static final Map<String, String> ALL = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "same-origin",
            "X-Frame-Options", "DENY");

    private SecurityHeaders() {
    }
}
