package org.debindex.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * picocli's side of {@link Main}: parses a command line with picocli and runs the command. Kept
 * apart from {@code Main} so that a query that {@link QueryArguments} recognises loads no
 * picocli class: the JVM's verifier loads the classes a method throws or passes where it checks
 * their types, so a picocli reference in {@code Main}'s own code would load picocli on every run.
 *
 * <p>Static only; stateless and thread-safe.
 */
final class CommandLines {

    private CommandLines() {
    }

    /**
     * The subcommands, in the order the help lists them; each made only when a run needs it.
     * Lambdas, not constructor references: linking {@code VerifyCommand::new} loads and verifies
     * that class (and what it names) in every run, ~0.1 s for update; a lambda's body loads its
     * class only when it runs.
     */
    private static final List<Map.Entry<String, Supplier<Object>>> COMMANDS = List.of(
            Map.entry("update", () -> new UpdateCommand()),
            Map.entry("search", () -> new SearchCommand()),
            Map.entry("show", () -> new ShowCommand()),
            Map.entry("versions", () -> new VersionsCommand()),
            Map.entry("depends", () -> new DependsCommand()),
            Map.entry("rdepends", () -> new RdependsCommand()),
            Map.entry("check", () -> new CheckCommand()),
            Map.entry("sources", () -> new SourcesCommand()),
            Map.entry("verify", () -> new VerifyCommand()),
            Map.entry("compare-versions", () -> new CompareVersionsCommand()),
            Map.entry("sort-versions", () -> new SortVersionsCommand()),
            Map.entry("help", () -> new HelpCommand()));

    /**
     * Parses {@code args} into {@code main} and runs the command they name, reporting errors on
     * {@code err} as {@link ExitStatus} does; returns the exit status.
     */
    static int execute(Main main, String[] args, PrintWriter out, PrintWriter err) {
        ExitStatus status = new ExitStatus(err);
        CommandLine commandLine = new CommandLine(main);
        // before the settings below, which apply to the subcommands present when they are set
        addSubcommands(commandLine, args);
        commandLine.setOut(out)
                .setErr(err)
                .setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF))
                .setParameterExceptionHandler(status)
                .setExecutionExceptionHandler(status);
        try {
            return commandLine.execute(args);
        } catch (Error e) {
            // picocli hands only Exceptions to the handler; an Error (a class missing from lib/,
            // no memory left) must not end as the JVM's status 1, which means "no" here
            return status.internalError(e, Main.isDebug(commandLine));
        }
    }

    /**
     * Throws the usage error of a command line without a command; declared to return so that
     * {@link Main#call} need not name picocli's exception.
     *
     * @throws ParameterException always
     */
    static Integer missingCommand(CommandSpec spec) {
        throw new ParameterException(spec.commandLine(), "missing command; expected one of: "
                + String.join(", ", spec.subcommands().keySet()));
    }

    /**
     * Registers the subcommand the arguments name, or all of them when they name none, ask for
     * help or the version first, or name an unknown one (whose error suggests the others).
     * picocli reads each subcommand's annotations by reflection when it is registered, so
     * registering one instead of eleven shortens the start of every command (measured in the
     * commit that added this).
     */
    private static void addSubcommands(CommandLine commandLine, String[] args) {
        Optional<String> word = commandWord(args);
        boolean one = word.isPresent() && !word.get().equals("help")
                && COMMANDS.stream().anyMatch(c -> c.getKey().equals(word.get()));
        for (Map.Entry<String, Supplier<Object>> command : COMMANDS) {
            if (!one || command.getKey().equals(word.get())) {
                commandLine.addSubcommand(command.getKey(), command.getValue().get());
            }
        }
    }

    /** The first argument that is neither a global option nor its value; none after a help or version flag. */
    private static Optional<String> commandWord(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--cache-dir") || arg.equals("--sources") || arg.equals("--repo")) {
                i++; // its value
            } else if (arg.equals("-h") || arg.equals("--help") || arg.equals("-V") || arg.equals("--version")
                    || arg.equals("--")) {
                return Optional.empty();
            } else if (!arg.startsWith("-")) {
                return Optional.of(arg);
            }
        }
        return Optional.empty();
    }
}
