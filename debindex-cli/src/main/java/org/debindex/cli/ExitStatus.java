package org.debindex.cli;

import static org.debindex.core.MalformedInputException.quote;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Locale;
import org.debindex.core.DebindexException;
import org.debindex.core.VerificationException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The exit statuses of {@code debindex}, and the one place that turns an exception into a status
 * and a one-line message on stderr.
 *
 * <p>Commands return {@link #OK} or {@link #NO} themselves and throw for everything else: a
 * {@link ParameterException} for a usage error, a {@link DebindexException} or an
 * {@link IOException} for bad data or I/O, anything else is a bug. A
 * {@link VerificationException} that reaches here is a refusal, so a negative answer ({@link #NO}),
 * not bad data: {@code verify} turns its own into a report instead. A file that cannot be read is
 * {@code cannot read FILE: reason}. The stack trace is printed only with {@code --debug}.
 *
 * <p>Not thread-safe: one instance serves one run.
 */
final class ExitStatus implements IParameterExceptionHandler, IExecutionExceptionHandler {

    /** Success, or a positive answer. */
    static final int OK = 0;
    /** A negative answer: the relation does not hold, nothing found, verification failed. */
    static final int NO = 1;
    /** The command line is wrong. */
    static final int USAGE = 2;
    /** The input data is bad, or reading or writing it failed. */
    static final int DATA = 3;
    /** A bug in debindex (EX_SOFTWARE of sysexits.h). */
    static final int INTERNAL = 70;

    private static final String PREFIX = "debindex: ";

    private final PrintWriter err;

    ExitStatus(PrintWriter err) {
        this.err = err;
    }

    /** A usage error: one line, and where to find help, never the whole usage text. */
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine commandLine = ex.getCommandLine();
        err.println(PREFIX + usageMessage(ex));
        err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.");
        if (Main.isDebug(commandLine)) {
            ex.printStackTrace(err);
        }
        return USAGE;
    }

    /** picocli's message, except that a word where a command belongs is an unknown command. */
    private static String usageMessage(ParameterException ex) {
        if (ex instanceof UnmatchedArgumentException unmatched
                && !unmatched.getCommandLine().getSubcommands().isEmpty()
                && !unmatched.getUnmatched().isEmpty()
                && !unmatched.getUnmatched().get(0).startsWith("-")) {
            List<String> suggestions = unmatched.getSuggestions();
            return "unknown command " + quote(unmatched.getUnmatched().get(0))
                    + (suggestions.isEmpty() ? "" : "; did you mean " + quote(suggestions.get(0)) + "?");
        }
        return lowerFirst(ex.getMessage());
    }

    /** Bad data or I/O is the input's fault; anything else is ours. */
    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        boolean debug = Main.isDebug(commandLine);
        if (ex instanceof VerificationException) {
            return report(ex.getMessage(), ex, debug, NO);
        }
        if (ex instanceof DebindexException) {
            return report(ex.getMessage(), ex, debug, DATA);
        }
        if (ex instanceof IOException io) {
            return report(describe(io), ex, debug, DATA);
        }
        if (ex instanceof UncheckedIOException unchecked) {
            return report(describe(unchecked.getCause()), ex, debug, DATA);
        }
        return internalError(ex, debug);
    }

    /** A bug: says so, and how to see more. */
    int internalError(Throwable ex, boolean debug) {
        err.println(PREFIX + "internal error: " + ex + (debug ? "" : " (run with --debug for the stack trace)"));
        if (debug) {
            ex.printStackTrace(err);
        }
        return INTERNAL;
    }

    private int report(String message, Exception ex, boolean debug, int status) {
        err.println(PREFIX + message);
        if (debug) {
            ex.printStackTrace(err);
        }
        return status;
    }

    /**
     * An I/O error as {@code cannot read FILE: what}: the JDK's file exceptions carry the file
     * apart from the reason, and their message is often just the file name. Every file a command
     * opens is an input (they write only to standard output), hence "read".
     */
    static String describe(IOException ex) {
        if (ex instanceof FileSystemException fs && fs.getFile() != null) {
            return "cannot read " + fs.getFile() + ": " + reason(fs);
        }
        String message = ex.getMessage();
        return message == null || message.isEmpty() ? ex.getClass().getSimpleName() : lowerFirst(message);
    }

    /** What went wrong with the file, without the file: {@code no such file or directory}. */
    static String reason(FileSystemException ex) {
        String reason = ex.getReason();
        if (reason == null) {
            reason = ex instanceof NoSuchFileException ? "no such file or directory"
                    : ex instanceof AccessDeniedException ? "permission denied"
                    : ex.getClass().getSimpleName();
        }
        return lowerFirst(reason);
    }

    /** Messages follow the lower-case style; picocli's and the OS's start with a capital. */
    private static String lowerFirst(String message) {
        if (message == null || message.isEmpty() || !Character.isUpperCase(message.charAt(0))
                || (message.length() > 1 && Character.isUpperCase(message.charAt(1)))) {
            return message == null ? "" : message;
        }
        return message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1);
    }
}
