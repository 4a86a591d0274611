package dev.hark.web.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Whether a host names this machine only: "localhost", 127.0.0.0/8 or ::1. Only literals are
 * judged, never resolved, so no DNS answer can make a name count as loopback. Pure.
 */
public final class LoopbackAddress {

    private LoopbackAddress() {
    }

    /** For a bind address or a host name without port; null, blank and wildcard addresses are not loopback. */
    public static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String name = host.strip().toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return true; // RFC 6761: *.localhost always resolves to loopback
        }
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        if (name.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            String[] parts = name.split("\\.");
            for (String part : parts) {
                if (Integer.parseInt(part) > 255) {
                    return false;
                }
            }
            return parts[0].equals("127");
        }
        if (name.contains(":") && name.matches("[0-9a-f:.]+")) {
            try {
                // a literal with a colon is parsed, never looked up
                return InetAddress.getByName(name).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }

    /** For a {@code Host} header ("name", "name:port", "[::1]:port"). */
    public static boolean isLoopbackHostHeader(String hostHeader) {
        if (hostHeader == null) {
            return false;
        }
        String host = hostHeader.strip();
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end > 0 && isLoopback(host.substring(0, end + 1));
        }
        int colon = host.indexOf(':');
        return isLoopback(colon < 0 ? host : host.substring(0, colon));
    }

    /**
     * Refuses a server that other machines could reach while no password is set.
     *
     * @throws UnsafeBindingException when {@code host} is not loopback and {@code passwordSet} is false
     */
    public static void requireSafeBinding(String host, boolean passwordSet) {
        if (!passwordSet && !isLoopback(host)) {
            throw new UnsafeBindingException(host == null || host.isBlank() ? "all network interfaces" : host);
        }
    }
}
