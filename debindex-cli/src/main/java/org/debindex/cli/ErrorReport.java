package org.debindex.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
import org.debindex.core.DebindexException;
import org.debindex.core.VerificationException;

/**
 * Turns an exception that a command threw into its exit status and one line on stderr, as
 * {@link ExitStatus} describes; without picocli, so that a query parsed by
 * {@link QueryArguments} reports exactly as one parsed by picocli.
 *
 * <p>Not thread-safe: one instance serves one run.
 */
final class ErrorReport {

    private static final String PREFIX = "debindex: ";

    private final PrintWriter err;

    /** @param err where the line (and with {@code --debug} the stack trace) goes */
    ErrorReport(PrintWriter err) {
        this.err = err;
    }

    /** Bad data or I/O is the input's fault; anything else is ours. */
    int failure(Exception ex, boolean debug) {
        if (ex instanceof VerificationException) {
            return report(ex.getMessage(), ex, debug, ExitStatus.NO);
        }
        if (ex instanceof DebindexException) {
            return report(ex.getMessage(), ex, debug, ExitStatus.DATA);
        }
        if (ex instanceof IOException io) {
            return report(describe(io), ex, debug, ExitStatus.DATA);
        }
        if (ex instanceof UncheckedIOException unchecked) {
            return report(describe(unchecked.getCause()), ex, debug, ExitStatus.DATA);
        }
        return internalError(ex, debug);
    }

    /** A bug: says so, and how to see more. */
    int internalError(Throwable ex, boolean debug) {
        err.println(PREFIX + "internal error: " + ex + (debug ? "" : " (run with --debug for the stack trace)"));
        if (debug) {
            ex.printStackTrace(err);
        }
        return ExitStatus.INTERNAL;
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
    static String lowerFirst(String message) {
        if (message == null || message.isEmpty() || !Character.isUpperCase(message.charAt(0))
                || (message.length() > 1 && Character.isUpperCase(message.charAt(1)))) {
            return message == null ? "" : message;
        }
        return message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1);
    }
}
