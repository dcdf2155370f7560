package org.debindex.cli;

import static org.debindex.core.MalformedInputException.quote;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.util.List;
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
 * {@code cannot read FILE: reason}. The stack trace is printed only with {@code --debug}. The
 * picocli-free part is {@link ErrorReport}, which a query parsed without picocli uses directly.
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
    private final ErrorReport report;

    ExitStatus(PrintWriter err) {
        this.err = err;
        this.report = new ErrorReport(err);
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
        return ErrorReport.lowerFirst(ex.getMessage());
    }

    /** Bad data or I/O is the input's fault; anything else is ours: as {@link ErrorReport#failure}. */
    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        return report.failure(ex, Main.isDebug(commandLine));
    }

    /** A bug: says so, and how to see more. */
    int internalError(Throwable ex, boolean debug) {
        return report.internalError(ex, debug);
    }

    /** As {@link ErrorReport#describe}. */
    static String describe(IOException ex) {
        return ErrorReport.describe(ex);
    }

    /** As {@link ErrorReport#reason}. */
    static String reason(FileSystemException ex) {
        return ErrorReport.reason(ex);
    }

    /** A query's own usage error as picocli's, so that both are reported alike. */
    static ParameterException usage(CommandLine commandLine, UsageException ex) {
        return ex.getCause() == null ? new ParameterException(commandLine, ex.getMessage())
                : new ParameterException(commandLine, ex.getMessage(), ex.getCause());
    }
}
