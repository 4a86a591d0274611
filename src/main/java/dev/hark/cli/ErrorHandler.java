package dev.hark.cli;

import dev.hark.app.ConfigException;
import dev.hark.feed.FeedParseException;
import dev.hark.feed.OpmlException;
import dev.hark.library.LibraryException;
import dev.hark.library.NotFoundException;
import dev.hark.refresh.SubscribeException;
import dev.hark.transcript.TranscriptException;
import dev.hark.web.security.RejectedInputException;
import dev.hark.web.security.UnsafeBindingException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/**
 * Turns any failure into one line on stderr and an exit code: 2 for bad input, 1 for
 * anything else. A stack trace only with {@code --verbose}.
 */
public final class ErrorHandler implements IExecutionExceptionHandler {

    public static final int BAD_INPUT = 2;
    public static final int FAILED = 1;
    public static final int INTERRUPTED = 130;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        HarkCommand root = root(cmd);
        if (root != null && root.verbose()) {
            ex.printStackTrace(cmd.getErr());
        }
        cmd.getErr().println("error: " + message(ex));
        cmd.getErr().flush();
        return exitCode(ex);
    }

    static int exitCode(Exception ex) {
        return switch (ex) {
            case SubscribeException e -> BAD_INPUT;
            case FeedParseException e -> BAD_INPUT;
            case OpmlException e -> BAD_INPUT;
            case NotFoundException e -> BAD_INPUT;
            case ConfigException e -> BAD_INPUT;
            case NoSuchFileException e -> BAD_INPUT;
            case AccessDeniedException e -> BAD_INPUT;
            case BadInputException e -> BAD_INPUT;
            case UnsafeBindingException e -> BAD_INPUT;
            case TranscriptException e -> BAD_INPUT;
            case RejectedInputException e -> BAD_INPUT;
            case InterruptedException e -> INTERRUPTED;
            default -> FAILED;
        };
    }

    static String message(Exception ex) {
        return switch (ex) {
            case NoSuchFileException e -> "No such file: " + e.getFile();
            case AccessDeniedException e -> "Cannot read " + e.getFile() + ": permission denied";
            case InterruptedException e -> "interrupted";
            case LibraryException e -> e.getMessage();
            case IOException e -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            default -> ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        };
    }

    private static HarkCommand root(CommandLine cmd) {
        CommandLine top = cmd;
        while (top.getParent() != null) {
            top = top.getParent();
        }
        return top.getCommand() instanceof HarkCommand hark ? hark : null;
    }
}
