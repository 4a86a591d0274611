package dev.hark.media;

import java.net.http.HttpClient;

/** The HTTP client for media: downloads and the web player's proxy share one. */
public final class MediaHttp {

    private MediaHttp() {
    }

    /**
     * A client that follows every redirect: podcast media usually goes through one or two
     * analytics redirects, some of them from https to plain http, and the bytes are public.
     * HTTP/1.1: one large body per connection gains nothing from HTTP/2, and plain-http servers
     * would otherwise get an h2c upgrade request. Close it on shutdown.
     */
    public static HttpClient newClient(DownloadLimits limits) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.ALWAYS)
                .connectTimeout(limits.connectTimeout())
                .build();
    }
}
