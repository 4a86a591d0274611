package dev.hark.cli;

import dev.hark.app.Config;
import dev.hark.app.Hark;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code hark}: the root command. Opens the library on first use by a subcommand. */
@Command(name = "hark", mixinStandardHelpOptions = true, versionProvider = HarkCommand.Version.class,
        description = "Hark: a self-hosted, AI-powered podcast player.",
        subcommands = {AddCommand.class, RemoveCommand.class, ImportCommand.class, ExportCommand.class, PodcastsCommand.class,
                EpisodesCommand.class, RefreshCommand.class, FeedCommand.class, JobsCommand.class,
                BenchCommand.class, ServeCommand.class, UserCommand.class, TranscriptCommand.class, TranscribeCommand.class,
                ChaptersCommand.class, SummarizeCommand.class, AskCommand.class, EvalCommand.class, CommandLine.HelpCommand.class})
public final class HarkCommand implements Callable<Integer>, AutoCloseable {

    @Option(names = "--data", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Data folder (hark.db and more). Default: $HARK_DATA, else ~/.local/share/hark.")
    Path data;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Show more log output, and stack traces on errors.")
    boolean verbose;

    @Option(names = "--demo", description = "With no command: serve, and add the bundled demo podcast (works offline).")
    boolean demo;

    @Option(names = "--host", paramLabel = "HOST", description = "With no command: the address to listen on (default 127.0.0.1).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", description = "With no command: the port (default 8080).")
    Integer port;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Map<String, String> env;
    private Hark hark;
    private String serverHost;
    private Integer serverPort;

    public HarkCommand(Map<String, String> env) {
        this.env = env;
    }

    /** The command line for this root, with Hark's error handling (one line, exit 2 for bad input). */
    public static CommandLine commandLine(HarkCommand root) {
        CommandLine cmd = new CommandLine(root);
        cmd.setExecutionExceptionHandler(new ErrorHandler());
        return cmd;
    }

    /** The components, built on first use from the flags and environment. */
    public synchronized Hark hark() {
        if (hark == null) {
            hark = Hark.open(Config.load(data, env).withServer(serverHost, serverPort));
        }
        return hark;
    }

    public boolean verbose() {
        return verbose;
    }

    /** With no command, Hark serves the web player. */
    @Override
    public Integer call() throws Exception {
        return ServeCommand.serve(this, spec.subcommands().get("serve").getCommandSpec(), host, port, demo);
    }

    /** Host and port from the serve flags; must be set before {@link #hark()} is first called. */
    synchronized void serverOverrides(String host, Integer port) {
        this.serverHost = host;
        this.serverPort = port;
    }

    @Override
    public synchronized void close() {
        if (hark != null) {
            hark.close();
            hark = null;
        }
    }

    /** Prints the version from the jar manifest, or "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = HarkCommand.class.getPackage().getImplementationVersion();
            return new String[] {"hark " + (version == null ? "dev" : version)};
        }
    }
}
