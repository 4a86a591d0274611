package dev.hark.cli;

import dev.hark.web.WebServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code hark serve}: the web player, the refresh schedule and the background workers, until
 * stopped. {@code hark} with no command does the same.
 */
@Command(name = "serve", description = "Run the web player, scheduled refresh and background jobs.")
final class ServeCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    @ParentCommand
    HarkCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--host", paramLabel = "HOST", description = "Address to listen on (default 127.0.0.1; also server.host, HARK_SERVER_HOST).")
    String host;

    @Option(names = "--demo", description = "Also subscribe to the bundled demo podcast, served by Hark itself (works offline).")
    boolean demo;

    @Option(names = "--port", paramLabel = "PORT", description = "Port (default 8080; 0 picks a free one; also server.port, HARK_SERVER_PORT).")
    Integer port;

    @Override
    public Integer call() throws Exception {
        return serve(root, spec, host, port, demo);
    }

    static int serve(HarkCommand root, CommandSpec spec, String host, Integer port, boolean demo) throws Exception {
        root.serverOverrides(host, port);
        var hark = root.hark();
        String bind = hark.config.host();
        log.info("Starting with {}", hark.config.summary());
        WebServer web = new WebServer(hark, bind).start(hark.config.port());
        hark.runner.start();
        hark.scheduler.start();
        var out = spec.commandLine().getOut();
        out.printf("Hark is running at http://%s:%d/ (ready %d ms after the JVM started). Press Ctrl-C to stop.%n",
                bind.contains(":") ? "[" + bind + "]" : bind, web.port(),
                java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
        out.flush();
        if (demo) {
            subscribeToDemo(hark, "http://127.0.0.1:" + web.port() + "/demo/feed.xml", out);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            web.close();
            root.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }

    /** Subscribes to the demo feed that this server itself serves. */
    private static void subscribeToDemo(dev.hark.app.Hark hark, String url, java.io.PrintWriter out) {
        try {
            var added = hark.subscriptions.add(url);
            out.println((added.alreadySubscribed() ? "The demo podcast is in the library: " : "Added the demo podcast: ")
                    + added.podcast().displayTitle());
        } catch (Exception e) {
            out.println("Could not add the demo podcast: " + e.getMessage());
        }
        out.flush();
    }

}
