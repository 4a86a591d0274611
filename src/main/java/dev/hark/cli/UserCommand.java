package dev.hark.cli;

import dev.hark.app.Hark;
import dev.hark.web.security.ApiTokens;
import dev.hark.web.security.RejectedInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code hark user}: the owner's password and API tokens. The password is read twice from the
 * terminal without echo, or once (the first line) from standard input when that is not a
 * terminal, so it never appears in the shell history or the process list.
 */
@Command(name = "user", description = "Set the owner's password and manage API tokens.",
        subcommands = {UserCommand.SetPassword.class, UserCommand.Token.class})
final class UserCommand implements Callable<Integer> {

    @ParentCommand
    HarkCommand root;

    @Spec
    CommandSpec spec;

    private final InputStream stdin;
    private final Console console;

    UserCommand() {
        this(System.in, System.console());
    }

    /** With the input to read a password from; {@code console} null means "not a terminal". */
    UserCommand(InputStream stdin, Console console) {
        this.stdin = stdin;
        this.console = console;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    char[] readNewPassword() throws IOException, BadInputException {
        if (console != null) {
            char[] first = console.readPassword("New password: ");
            char[] second = console.readPassword("Type it again: ");
            if (first == null || second == null) {
                throw new BadInputException("No password given; nothing changed.");
            }
            boolean same = Arrays.equals(first, second);
            Arrays.fill(second, '\0');
            if (!same) {
                Arrays.fill(first, '\0');
                throw new BadInputException("The two passwords differ; nothing changed.");
            }
            return first;
        }
        String line = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
        if (line == null || line.isEmpty()) {
            throw new BadInputException("No password on standard input; nothing changed.");
        }
        return line.toCharArray();
    }

    /** {@code hark user set-password}. */
    @Command(name = "set-password", description = {"Set or change the owner's password; logs out every browser.",
            "Needed before Hark may listen on an address other machines can reach."})
    static final class SetPassword implements Callable<Integer> {

        @ParentCommand
        UserCommand user;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Hark hark = user.root.hark();
            char[] password = user.readNewPassword();
            try {
                hark.credentials.setPassword(password, hark.clock.instant());
            } catch (RejectedInputException e) {
                throw new BadInputException(e.getMessage());
            } finally {
                Arrays.fill(password, '\0');
            }
            int ended = hark.sessions.revokeAll();
            spec.commandLine().getOut().println("Password set." + (ended == 0 ? ""
                    : " Logged out " + ended + (ended == 1 ? " browser session." : " browser sessions.")));
            return 0;
        }
    }

    /** {@code hark user token}. */
    @Command(name = "token", description = "API tokens for scripts and apps (Authorization: Bearer hark_...).",
            subcommands = {Create.class, ListTokens.class, Revoke.class})
    static final class Token implements Callable<Integer> {

        @ParentCommand
        UserCommand user;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().usage(spec.commandLine().getOut());
            return 0;
        }
    }

    /** {@code hark user token create NAME}. */
    @Command(name = "create", description = "Make a token; it is shown only this once.")
    static final class Create implements Callable<Integer> {

        @ParentCommand
        Token token;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME", arity = "1..*", description = "What will use it, e.g. phone.")
        List<String> name;

        @Override
        public Integer call() throws BadInputException {
            Hark hark = token.user.root.hark();
            ApiTokens.CreatedToken created;
            try {
                created = hark.apiTokens.create(String.join(" ", name), hark.clock.instant());
            } catch (RejectedInputException e) {
                throw new BadInputException(e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("API token " + created.token().id() + " (" + created.token().name()
                    + ") created. Copy it now; it will not be shown again:");
            out.println(created.secret());
            out.println("Send it as the header: Authorization: Bearer " + ApiTokens.PREFIX + "...");
            return 0;
        }
    }

    /** {@code hark user token list}. */
    @Command(name = "list", description = "List tokens (never their secrets).")
    static final class ListTokens implements Callable<Integer> {

        @ParentCommand
        Token token;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            List<ApiTokens.ApiToken> tokens = token.user.root.hark().apiTokens.list();
            PrintWriter out = spec.commandLine().getOut();
            if (tokens.isEmpty()) {
                out.println("No API tokens. Make one with: hark user token create NAME");
                return 0;
            }
            out.printf("%5s  %-30s %-10s  %s%n", "ID", "NAME", "CREATED", "LAST USED");
            for (ApiTokens.ApiToken t : tokens) {
                out.printf("%5d  %-30s %-10s  %s%n", t.id(), Text.fit(t.name(), 30),
                        Text.date(t.created().getEpochSecond()),
                        t.lastUsed() == null ? "never" : Text.date(t.lastUsed().getEpochSecond()));
            }
            return 0;
        }
    }

    /** {@code hark user token revoke ID}. */
    @Command(name = "revoke", description = "Revoke a token at once.")
    static final class Revoke implements Callable<Integer> {

        @ParentCommand
        Token token;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "The token's id, from: hark user token list.")
        long id;

        @Override
        public Integer call() {
            ApiTokens.ApiToken revoked = token.user.root.hark().apiTokens.revoke(id);
            spec.commandLine().getOut().println("Revoked API token " + revoked.id() + " (" + revoked.name() + ").");
            return 0;
        }
    }
}
