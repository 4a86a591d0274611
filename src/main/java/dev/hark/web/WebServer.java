package dev.hark.web;

import dev.hark.app.Hark;
import dev.hark.demo.DemoPodcast;
import dev.hark.library.LibraryException;
import dev.hark.library.NotFoundException;
import dev.hark.refresh.SubscribeException;
import dev.hark.web.security.CsrfProtection;
import dev.hark.web.security.LoginThrottle;
import dev.hark.web.security.Security;
import dev.hark.web.security.ServerSecrets;
import dev.hark.web.security.UnsafeBindingException;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * The HTTP server: pages, JSON API, audio. Built once by the composition root.
 * Thread-safe; requests run on virtual threads.
 */
public final class WebServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebServer.class);

    private final Hark hark;
    private final String host;
    private final Javalin app;

    /**
     * Builds the server for a bind address. Bound beyond loopback, it refuses to exist until a
     * password is set ({@link UnsafeBindingException}).
     */
    public WebServer(Hark hark, String host) {
        this.hark = hark;
        this.host = host;
        Security.requireSafeBinding(host, hark.credentials.isPasswordSet());
        Security security = new Security(host, hark.credentials, hark.sessions, hark.apiTokens,
                CsrfProtection.fromSecrets(new ServerSecrets(hark.database.jdbi())), LoginThrottle.standard(), hark.clock);
        TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
        this.app = Javalin.create(config -> {
            // the gate runs before every other handler
            security.install(config);
            config.useVirtualThreads = true;
            config.showJavalinBanner = false;
            config.http.gzipOnlyCompression();
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/static";
                files.location = Location.CLASSPATH;
                files.headers = Map.of("Cache-Control", "public, max-age=300");
            });
        });
        app.get("/healthz", ctx -> ctx.json(Map.of("status", "ok")));
        app.get("/demo/feed.xml", ctx -> ctx.contentType("application/rss+xml; charset=utf-8")
                .result(DemoPodcast.feedXml(ctx.scheme() + "://" + ctx.host())));
        app.get("/demo/{name}", ctx -> {
            DemoPodcast.DemoFile file = DemoPodcast.file(ctx.pathParam("name"))
                    .orElseThrow(() -> new NotFoundException("No such demo file"));
            ctx.header("Cache-Control", "public, max-age=86400");
            ctx.writeSeekableStream(new java.io.ByteArrayInputStream(file.bytes()), file.contentType(), file.bytes().length);
        });
        MediaHandler media = new MediaHandler(hark.episodes, hark.downloads, hark.mediaStore, hark.mediaProxy);
        app.get("/media/{episode}", media);
        app.head("/media/{episode}", media);
        new Pages(hark, templates, security).register(app);
        new Api(hark).register(app);
        new AiApi(hark).register(app);
        errors(app);
    }

    /** Starts listening on the bind address; port 0 picks a free one (see {@link #port()}). */
    public WebServer start(int port) {
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    private static void errors(Javalin app) {
        app.exception(NotFoundException.class, (e, ctx) -> fail(ctx, 404, e.getMessage()));
        app.exception(BadRequest.class, (e, ctx) -> fail(ctx, 400, e.getMessage()));
        app.exception(LibraryException.class, (e, ctx) -> fail(ctx, 400, e.getMessage()));
        app.exception(SubscribeException.class, (e, ctx) -> fail(ctx, 400, e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> {
            log.error("Unexpected error on {} {}", ctx.method(), ctx.path(), e);
            fail(ctx, 500, "Something went wrong on the server");
        });
        app.error(404, ctx -> {
            if (ctx.result() == null) {
                fail(ctx, 404, "Nothing here");
            }
        });
    }

    /** JSON for the API, a small page for a browser. */
    static void fail(Context ctx, int status, String message) {
        ctx.status(status);
        if (ctx.path().startsWith("/api/") || ctx.path().startsWith("/media/")) {
            ctx.json(Map.of("error", message));
        } else {
            ctx.html("<!doctype html><meta charset=utf-8><title>Hark</title><link rel=stylesheet href=/static/app.css>"
                    + "<main class=error><h1>" + status + "</h1><p>" + escape(message)
                    + "</p><p><a href=\"/\">Back to the library</a></p></main>");
        }
    }

    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
