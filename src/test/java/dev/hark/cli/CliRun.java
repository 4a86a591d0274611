package dev.hark.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs a hark command in this JVM with its output captured, as the launcher would run it. */
final class CliRun {

    record Result(int exit, String out, String err) {
    }

    private CliRun() {
    }

    static Result run(Path data, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (data != null) {
            all.add("--data");
            all.add(data.toString());
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (HarkCommand root = new HarkCommand(Map.of())) {
            CommandLine cmd = HarkCommand.commandLine(root);
            cmd.setOut(new PrintWriter(out, true));
            cmd.setErr(new PrintWriter(err, true));
            int exit = cmd.execute(all.toArray(String[]::new));
            return new Result(exit, out.toString(), err.toString());
        }
    }
}
