package dev.hark.web.security;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Collection;
import java.util.Locale;

/**
 * CSRF defence for requests that change state. Two checks, both pure:
 * <ul>
 *   <li>a synchronizer token: HMAC-SHA256 of what identifies the browser (its session id)
 *       under a server key, so it needs no storage, changes with every login and cannot be
 *       made without the key;</li>
 *   <li>the Origin (else Referer) header, when the browser sends one, must name this host.</li>
 * </ul>
 * Thread-safe.
 */
public final class CsrfProtection {

    public static final String HEADER = "X-CSRF-Token";
    public static final String FORM_FIELD = "_csrf";
    /** The {@link ServerSecrets} name of the HMAC key. */
    public static final String KEY_NAME = "csrf";

    private final SecretKeySpec key;

    public CsrfProtection(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("A CSRF key needs at least 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /** With the key kept in the database, made on first use. */
    public static CsrfProtection fromSecrets(ServerSecrets secrets) {
        return new CsrfProtection(secrets.key(KEY_NAME));
    }

    /** Whether a request with this method must pass the checks: anything but GET, HEAD and OPTIONS. */
    public static boolean changesState(String method) {
        return switch (method.toUpperCase(Locale.ROOT)) {
            case "GET", "HEAD", "OPTIONS" -> false;
            default -> true;
        };
    }

    /** The token for pages served to the browser identified by {@code binding}. */
    public String tokenFor(String binding) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] tag = mac.doFinal(("csrf:" + binding).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JDK has HmacSHA256", e);
        }
    }

    /** Whether {@code presented} is the token for {@code binding}, compared in constant time. */
    public boolean verify(String binding, String presented) {
        if (presented == null || presented.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(tokenFor(binding).getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Whether the Origin header, or the Referer when there is no Origin, names one of the
     * hosts this request was addressed to ({@code Host}, or {@code X-Forwarded-Host} from a
     * proxy), in {@code Host} header form ("name" or "name:port"). True when neither is sent:
     * then the token alone decides. An Origin of "null" (sandboxed or privacy-redirected) fails.
     */
    public static boolean originAllowed(String origin, String referer, Collection<String> hosts) {
        String source = origin != null && !origin.isBlank() ? origin : referer;
        if (source == null || source.isBlank()) {
            return true;
        }
        String authority = authority(source.strip());
        if (authority == null) {
            return false;
        }
        for (String host : hosts) {
            if (host != null && authority.equals(normalHost(host))) {
                return true;
            }
        }
        return false;
    }

    /** "host" or "host:port" of an http(s) URL, the port left out when it is the scheme's default; null if not one. */
    static String authority(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            return null;
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return defaultPort ? host : host + ":" + port;
    }

    private static String normalHost(String hostHeader) {
        String host = hostHeader.strip().toLowerCase(Locale.ROOT);
        // the Host header has no scheme: a default port could belong to either
        if (host.endsWith(":80")) {
            return host.substring(0, host.length() - 3);
        }
        if (host.endsWith(":443")) {
            return host.substring(0, host.length() - 4);
        }
        return host;
    }
}
