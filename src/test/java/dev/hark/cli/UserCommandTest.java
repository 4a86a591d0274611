package dev.hark.cli;

import dev.hark.library.Database;
import dev.hark.web.security.Credentials;
import dev.hark.web.security.PasswordHasher;
import dev.hark.web.security.SessionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UserCommandTest {

    @TempDir
    Path data;

    /** Runs {@code hark user ...} with {@code stdin} as standard input (not a terminal). */
    private CliRun.Result run(String stdin, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--data");
        all.add(data.toString());
        UserCommand user = new UserCommand(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), null);
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == UserCommand.class ? type.cast(user) : CommandLine.defaultFactory().create(type);
            }
        };
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (HarkCommand root = new HarkCommand(Map.of())) {
            CommandLine cmd = new CommandLine(root, factory);
            cmd.setExecutionExceptionHandler(new ErrorHandler());
            if (!cmd.getSubcommands().containsKey("user")) {
                cmd.addSubcommand("user", new CommandLine(user, factory));
            }
            cmd.setOut(new PrintWriter(out, true));
            cmd.setErr(new PrintWriter(err, true));
            int exit = cmd.execute(all.toArray(String[]::new));
            return new CliRun.Result(exit, out.toString(), err.toString());
        }
    }

    @Test
    void set_password_reads_standard_input_and_logs_out_every_browser() {
        try (Database database = Database.open(data)) {
            new SessionStore(database.jdbi()).create("Firefox", Instant.now());
        }

        CliRun.Result result = run("a long passphrase\n", "user", "set-password");

        assertThat(result.err()).isEmpty();
        assertThat(result.exit()).isZero();
        assertThat(result.out()).isEqualTo("Password set. Logged out 1 browser session.\n");
        try (Database database = Database.open(data)) {
            Credentials credentials = new Credentials(database.jdbi(), new PasswordHasher(4));
            assertThat(credentials.verify("a long passphrase".toCharArray())).isTrue();
            assertThat(new SessionStore(database.jdbi()).countLive(Instant.now())).isZero();
        }
    }

    @Test
    void a_short_or_missing_password_is_bad_input() {
        CliRun.Result tooShort = run("seven77\n", "user", "set-password");
        assertThat(tooShort.exit()).isEqualTo(2);
        assertThat(tooShort.err()).isEqualTo("error: A password needs at least 8 characters.\n");

        CliRun.Result none = run("", "user", "set-password");
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).isEqualTo("error: No password on standard input; nothing changed.\n");
    }

    @Test
    void tokens_are_created_once_listed_without_secrets_and_revoked() {
        CliRun.Result created = run("", "user", "token", "create", "backup", "script");

        assertThat(created.exit()).isZero();
        List<String> lines = created.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("API token 1 (backup script) created. Copy it now; it will not be shown again:");
        assertThat(lines.get(1)).matches("hark_[A-Za-z0-9_-]{43}");

        CliRun.Result listed = run("", "user", "token", "list");
        assertThat(listed.out()).contains("backup script").contains("never").doesNotContain(lines.get(1));

        CliRun.Result revoked = run("", "user", "token", "revoke", "1");
        assertThat(revoked.out()).isEqualTo("Revoked API token 1 (backup script).\n");
        assertThat(run("", "user", "token", "list").out())
                .isEqualTo("No API tokens. Make one with: hark user token create NAME\n");

        CliRun.Result again = run("", "user", "token", "revoke", "1");
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).isEqualTo("error: No API token with id 1; see them with: hark user token list\n");
    }
}
