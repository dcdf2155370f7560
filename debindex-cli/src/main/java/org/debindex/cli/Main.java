package org.debindex.cli;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.debindex.cli.output.Utf8Writer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code debindex} command: global options, subcommands, and the entry point.
 *
 * <p>Global options come before the command, as in {@code debindex --debug sort-versions}. Exit
 * statuses are those of {@link ExitStatus}.
 *
 * <p>A well-formed query ({@code search}, {@code show}, {@code versions}, {@code depends},
 * {@code rdepends}) is recognised by {@link QueryArguments} and run without picocli, whose class
 * loading and reflection cost more than the query; every other command line, and every usage
 * error, goes through picocli ({@link CommandLines}). Both paths print the same.
 *
 * <p>An instance holds the parsed options of one run and is not thread-safe; {@link #run} makes a
 * new one each time and may be called from several threads.
 */
@Command(
        name = "debindex",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        synopsisSubcommandLabel = "COMMAND",
        sortOptions = false,
        descriptionHeading = "%n",
        description = "Search and verify Debian package archives.",
        optionListHeading = "%nOptions:%n",
        commandListHeading = "%nCommands:%n",
        footerHeading = "%nExit status:%n",
        footer = {
            "  0   success",
            "  1   a negative answer (nothing found, the relation does not hold,",
            "      verification failed)",
            "  2   usage error",
            "  3   bad input data or an I/O error",
            "  70  internal error (a bug)",
        })
public final class Main implements Callable<Integer> {

    // The data-source options are read by 'update' and 'sources' (cacheDir(), sources(), repos()); --json and
    // -q by the commands that print reports (json(), quiet()).

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Cache directory (default $XDG_CACHE_HOME/debindex, else ~/.cache/debindex)"
                    + " (update, sources, and the queries).")
    private Path cacheDir;

    @Option(names = "--sources", paramLabel = "FILE",
            description = "apt sources file (one-line .list or deb822 .sources) to use instead of the"
                    + " host's apt configuration; repeatable (update, sources).")
    private List<Path> sources = new ArrayList<>();

    @Option(names = "--repo", paramLabel = "LINE",
            description = "One-line apt source ('deb [OPTIONS] URI SUITE COMPONENT...') to use instead of the"
                    + " host's apt configuration; repeatable (update, sources).")
    private List<String> repos = new ArrayList<>();

    @Option(names = "--json", description = "Print the result as one JSON document on stdout (verify, update, and the"
                    + " queries: search, show, versions, depends, rdepends).")
    private boolean json;

    @Option(names = {"-q", "--quiet"},
            description = "Print only the verdict: no details, no progress (verify, update), no notes"
                    + " (queries); errors still go to stderr.")
    private boolean quiet;

    @Option(names = "--debug", description = "Print the stack trace of an error.")
    private boolean debug;

    @Spec
    private CommandSpec spec;

    private final InputStream in;
    private final boolean terminal;
    private final OptionalInt outputWidth;

    private Main(InputStream in, boolean terminal, OptionalInt outputWidth) {
        this.in = in;
        this.terminal = terminal;
        this.outputWidth = outputWidth;
    }

    /**
     * Runs {@code debindex} with these arguments and streams, and exits the JVM with its status.
     *
     * @param args the command-line arguments
     */
    public static void main(String[] args) {
        // only update and verify draw a progress line; a query need not ask about stderr
        boolean query = QueryArguments.parse(args).isPresent();
        System.exit(run(args, System.in, System.out, System.err, !query && isTerminal(2), stdoutWidth()));
    }

    /**
     * The width to fit table rows to: {@code $COLUMNS} (which shells set but seldom export), else
     * 80, when standard output is a terminal; none when it is a pipe or file, so that scripts
     * get whole lines.
     */
    private static OptionalInt stdoutWidth() {
        if (!isTerminal(1)) {
            return OptionalInt.empty();
        }
        String columns = System.getenv("COLUMNS");
        try {
            int width = columns == null ? 80 : Integer.parseInt(columns.strip());
            return OptionalInt.of(width > 0 ? width : 80);
        } catch (NumberFormatException e) {
            return OptionalInt.of(80);
        }
    }

    /**
     * Whether a person watches this run's standard output ({@code fd} 1) or error (2):
     * {@link System#console()} is null when standard input or output is redirected (from Java 22
     * it may not be, and {@code Console.isTerminal()} says), and on Linux {@code /proc/self/fd/N}
     * tells whether that stream itself goes to a terminal rather than to a file.
     */
    private static boolean isTerminal(int fd) {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            if (!(Boolean) Console.class.getMethod("isTerminal").invoke(console)) {
                return false;
            }
        } catch (NoSuchMethodException e) {
            // before Java 22 a console is a terminal
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | RuntimeException e) {
            return true; // no /proc to ask: the console is all there is to go by
        }
    }

    /**
     * Runs {@code debindex} with these arguments and streams, as {@link #main} does but without
     * exiting: the entry point for tests and for embedding.
     *
     * <p>Both output streams are flushed, not closed, before this returns. Safe to call from
     * several threads with different streams.
     *
     * @param args the command-line arguments
     * @param in   standard input, read by commands that read versions or data from it
     * @param out  standard output: answers and help
     * @param err  standard error: one line per error, prefixed {@code debindex: }
     * @return the exit status: 0 success, 1 a negative answer, 2 usage error, 3 bad data or I/O
     *     error, 70 internal error
     * @throws NullPointerException if any argument is null
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return run(args, in, out, err, false, OptionalInt.empty());
    }

    /** As the six-argument form, for a standard output that is not a terminal. */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err, boolean terminal) {
        return run(args, in, out, err, terminal, OptionalInt.empty());
    }

    /**
     * As {@link #run(String[], InputStream, PrintStream, PrintStream)}; {@code terminal} says
     * whether a person watches {@code err}, so that a long command may show a progress line there;
     * {@code outputWidth} is the terminal width that {@code out} goes to, empty when it is not a
     * terminal.
     */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err, boolean terminal,
            OptionalInt outputWidth) {
        return run(args, in, out, err, terminal, outputWidth, true);
    }

    /**
     * As the six-argument form; {@code fast} false parses every command line with picocli, so
     * that tests can compare the two paths.
     */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err, boolean terminal,
            OptionalInt outputWidth, boolean fast) {
        Objects.requireNonNull(args, "args");
        Objects.requireNonNull(in, "in");
        PrintWriter outWriter = writer(Objects.requireNonNull(out, "out"));
        PrintWriter errWriter = writer(Objects.requireNonNull(err, "err"));
        try {
            if (fast) {
                Optional<QueryArguments> query = QueryArguments.parse(args);
                if (query.isPresent()) {
                    OptionalInt status = query(query.get(), outWriter, errWriter, outputWidth);
                    if (status.isPresent()) {
                        return status.getAsInt();
                    }
                }
            }
            return CommandLines.execute(new Main(in, terminal, outputWidth), args, outWriter, errWriter);
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }

    /**
     * Runs a query that {@link QueryArguments} recognised, with the statuses and messages that
     * picocli's path gives it; empty, having printed nothing, when the query finds a usage error
     * in its arguments, which picocli's path is to report.
     */
    private static OptionalInt query(QueryArguments query, PrintWriter out, PrintWriter err, OptionalInt outputWidth) {
        QueryContext context = new QueryContext(query.cacheDir(), query.json(), query.quiet(), outputWidth, out, err);
        ErrorReport report = new ErrorReport(err);
        try {
            return OptionalInt.of(query.request().run(context));
        } catch (UsageException e) {
            return OptionalInt.empty();
        } catch (Exception e) {
            return OptionalInt.of(report.failure(e, query.debug()));
        } catch (Error e) {
            // as on picocli's path: an Error must not end as the JVM's status 1, which means "no" here
            return OptionalInt.of(report.internalError(e, query.debug()));
        }
    }

    /**
     * UTF-8 whatever the locale, as always; encoded by {@link Utf8Writer} rather than an
     * OutputStreamWriter, whose encoder stack a cold JVM ran slowly for a long answer.
     */
    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(new Utf8Writer(stream));
    }

    /** Whether {@code --debug} was given to the run that {@code commandLine} belongs to. */
    static boolean isDebug(CommandLine commandLine) {
        Object root = commandLine.getCommandSpec().root().userObject();
        return root instanceof Main main && main.debug;
    }

    /** Standard input of this run. */
    InputStream in() {
        return in;
    }

    /** {@code --cache-dir}; empty for the default. */
    Optional<Path> cacheDir() {
        return Optional.ofNullable(cacheDir);
    }

    /** The {@code --sources} files, in order; empty when none was given. */
    List<Path> sources() {
        return List.copyOf(sources);
    }

    /** The {@code --repo} lines, in order; empty when none was given. */
    List<String> repos() {
        return List.copyOf(repos);
    }

    /** Whether {@code --json} was given: print one JSON document instead of text. */
    boolean json() {
        return json;
    }

    /** Whether {@code -q} was given: print only the verdict, no progress. */
    boolean quiet() {
        return quiet;
    }

    /** Whether a person watches standard error, so that a progress line may be drawn there. */
    boolean terminal() {
        return terminal;
    }

    /** The width of the terminal standard output goes to; empty when it is not a terminal. */
    OptionalInt outputWidth() {
        return outputWidth;
    }

    /** Without a command there is nothing to do: a usage error, not the whole help. */
    @Override
    public Integer call() {
        return CommandLines.missingCommand(spec);
    }

    /** This run's global options and streams, for a query command. */
    QueryContext queryContext(PrintWriter out, PrintWriter err) {
        return new QueryContext(cacheDir(), json, quiet, outputWidth, out, err);
    }

    /** {@code debindex --version}: the project version, from a resource filtered by the build. */
    static final class Version implements IVersionProvider {

        @Override
        public String[] getVersion() {
            Properties properties = new Properties();
            try (InputStream resource = Main.class.getResourceAsStream("version.properties")) {
                if (resource == null) {
                    throw new IllegalStateException("version.properties missing from the debindex-cli jar");
                }
                properties.load(resource);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new String[] {
                "debindex " + properties.getProperty("version", "unknown"),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", "
                        + System.getProperty("java.vendor") + ")",
            };
        }
    }
}
