package dev.hark.feed;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The addresses one fetch has visited, and the decision whether to follow the next redirect.
 * Pure: it never opens a connection. Not thread-safe; one per fetch.
 */
final class RedirectTrail {

    private final int maxRedirects;
    private final Set<URI> visited = new HashSet<>();
    private URI current;
    private int redirects;
    private boolean allPermanent = true;

    RedirectTrail(URI start, int maxRedirects) {
        this.current = start;
        this.maxRedirects = maxRedirects;
        visited.add(start);
    }

    /** Checks a URL typed by a user or stored in the library: absolute http(s) with a host. */
    static URI parse(String url) throws FetchFailure {
        if (url == null || url.isBlank()) {
            throw new FetchFailure(FetchError.BAD_URL, "no address given");
        }
        try {
            return checked(new URI(url.strip()), url.strip());
        } catch (URISyntaxException e) {
            throw new FetchFailure(FetchError.BAD_URL, url.strip());
        }
    }

    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    URI current() {
        return current;
    }

    /**
     * Moves to where a redirect from {@link #current()} points.
     *
     * @return the next address to request
     */
    URI follow(int status, String location) throws FetchFailure {
        if (location == null || location.isBlank()) {
            throw new FetchFailure(FetchError.HTTP_ERROR, "redirect " + status + " without a Location");
        }
        URI next;
        try {
            next = checked(resolve(current, new URI(location.strip())), location.strip());
        } catch (URISyntaxException e) {
            throw new FetchFailure(FetchError.BAD_URL, "redirect to " + location.strip());
        }
        if (!visited.add(next)) {
            throw new FetchFailure(FetchError.REDIRECT_LOOP, "back to " + next);
        }
        if (++redirects > maxRedirects) {
            throw new FetchFailure(FetchError.TOO_MANY_REDIRECTS, "more than " + maxRedirects);
        }
        allPermanent &= status == 301 || status == 308;
        current = next;
        return next;
    }

    /** The address to subscribe to from now on, or null unless every redirect so far was permanent. */
    String permanentUrl() {
        return redirects > 0 && allPermanent ? current.toString() : null;
    }

    private static URI resolve(URI base, URI location) throws URISyntaxException {
        // URI.resolve glues a relative path onto an empty base path ("http://a.com" + "b" gives
        // "http://a.comb"), so give the base its implied "/" first.
        if (!location.isAbsolute() && base.getRawPath() != null && base.getRawPath().isEmpty()) {
            base = new URI(base.getScheme() + "://" + base.getRawAuthority() + "/"
                    + (base.getRawQuery() == null ? "" : "?" + base.getRawQuery()));
        }
        return base.resolve(location);
    }

    private static URI checked(URI uri, String original) throws FetchFailure, URISyntaxException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new FetchFailure(FetchError.BAD_URL, original);
        }
        // The fragment never goes to the server; dropping it keeps loop detection honest.
        if (uri.getRawFragment() != null) {
            String text = uri.toString();
            uri = new URI(text.substring(0, text.length() - uri.getRawFragment().length() - 1));
        }
        return uri.normalize();
    }
}
