package dev.hark.app;

import dev.hark.cli.HarkCommand;

import java.util.List;

/** The entry point: {@code java -jar hark.jar [command] [options]}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command and returns its exit status (0 ok, 1 failed, 2 bad input). */
    public static int run(String... args) {
        // the logger reads its level once, at first use: decide before anything logs
        if (List.of(args).contains("-v") || List.of(args).contains("--verbose")) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
            System.setProperty("org.slf4j.simpleLogger.log.org.flywaydb", "info");
            System.setProperty("org.slf4j.simpleLogger.log.org.jdbi", "info");
        }
        try (HarkCommand root = new HarkCommand(System.getenv())) {
            return HarkCommand.commandLine(root).execute(args);
        }
    }
}
