package org.debindex.cli;

import static org.debindex.core.MalformedInputException.quote;

import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.debindex.core.MalformedInputException;
import org.debindex.core.version.DebianVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code debindex compare-versions A OP B}: exit status 0 when the relation holds, 1 when not, as
 * {@code dpkg --compare-versions} does; nothing is printed.
 *
 * <p>Same operators and meaning as dpkg (dpkg(1)), including its empty version, with two
 * deliberate differences: dpkg's obsolete {@code <} and {@code >} (which mean {@code <=} and
 * {@code >=}) are refused, and a version dpkg only warns about (a character outside Debian's
 * syntax) is a usage error, because the answer would rest on a guess.
 *
 * <p>Not thread-safe: picocli fills one instance per run.
 */
@Command(
        name = "compare-versions",
        sortOptions = false,
        descriptionHeading = "%n",
        parameterListHeading = "%nParameters:%n",
        optionListHeading = "%nOptions:%n",
        description = "Compare two Debian versions as dpkg --compare-versions does: exit status 0 if"
                + " 'A OP B' holds, 1 if not. Nothing is printed.",
        footerHeading = "%nOperators:%n",
        footer = {
            "  lt le eq ne ge gt        less, less or equal, equal, not equal, greater or",
            "                           equal, greater; an empty version (\"\") is earlier",
            "                           than any version",
            "  << <= = >= >>            the same as lt le eq ge gt (control-file syntax)",
            "  lt-nl le-nl ge-nl gt-nl  as lt le ge gt, but an empty version is later than",
            "                           any version",
            "",
            "dpkg's obsolete < and > (meaning <= and >=) are refused. A version with a",
            "character outside Debian's syntax, which dpkg only warns about, is a usage",
            "error (exit status 2).",
        })
final class CompareVersionsCommand implements Callable<Integer> {

    /**
     * dpkg's relations: whether each holds when A is lesser, equal, greater, and when A, both or B
     * is the empty version (dpkg's {@code relationinfos} table).
     */
    enum Operator {
        LT("lt", true, false, false, true, false, false),
        LE("le", true, true, false, true, true, false),
        EQ("eq", false, true, false, false, true, false),
        NE("ne", true, false, true, true, false, true),
        GE("ge", false, true, true, false, true, true),
        GT("gt", false, false, true, false, false, true),
        LT_NL("lt-nl", true, false, false, false, false, true),
        LE_NL("le-nl", true, true, false, false, true, true),
        GE_NL("ge-nl", false, true, true, true, true, false),
        GT_NL("gt-nl", false, false, true, true, false, false),
        LT_CONTROL("<<", LT),
        LE_CONTROL("<=", LE),
        EQ_CONTROL("=", EQ),
        GE_CONTROL(">=", GE),
        GT_CONTROL(">>", GT);

        final String symbol;
        private final boolean ifLesser;
        private final boolean ifEqual;
        private final boolean ifGreater;
        private final boolean ifNoA;
        private final boolean ifNoBoth;
        private final boolean ifNoB;

        Operator(String symbol, boolean ifLesser, boolean ifEqual, boolean ifGreater,
                boolean ifNoA, boolean ifNoBoth, boolean ifNoB) {
            this.symbol = symbol;
            this.ifLesser = ifLesser;
            this.ifEqual = ifEqual;
            this.ifGreater = ifGreater;
            this.ifNoA = ifNoA;
            this.ifNoBoth = ifNoBoth;
            this.ifNoB = ifNoB;
        }

        Operator(String symbol, Operator same) {
            this(symbol, same.ifLesser, same.ifEqual, same.ifGreater, same.ifNoA, same.ifNoBoth, same.ifNoB);
        }

        static Optional<Operator> of(String symbol) {
            return Arrays.stream(values()).filter(op -> op.symbol.equals(symbol)).findFirst();
        }

        /** Whether {@code a OP b} holds; an empty optional is dpkg's empty version. */
        boolean holds(Optional<DebianVersion> a, Optional<DebianVersion> b) {
            if (a.isEmpty()) {
                return b.isEmpty() ? ifNoBoth : ifNoA;
            }
            if (b.isEmpty()) {
                return ifNoB;
            }
            int c = a.get().compareTo(b.get());
            return c < 0 ? ifLesser : c == 0 ? ifEqual : ifGreater;
        }
    }

    @Parameters(index = "0", paramLabel = "A", description = "A version, [epoch:]upstream[-revision], or \"\" for none.")
    private String a;

    @Parameters(index = "1", paramLabel = "OP", description = "An operator, see below.")
    private String op;

    @Parameters(index = "2", paramLabel = "B", description = "A version, [epoch:]upstream[-revision], or \"\" for none.")
    private String b;

    @Mixin
    private HelpOption help;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        Operator operator = Operator.of(op).orElseThrow(() -> new ParameterException(spec.commandLine(),
                op.equals("<") || op.equals(">")
                        ? "obsolete operator " + quote(op) + " is refused: dpkg reads it as " + quote(op + "=")
                                + "; use " + quote(op + op) + " or " + quote(op + "=")
                        : "unknown operator " + quote(op) + "; expected one of "
                                + Arrays.stream(Operator.values()).map(o -> o.symbol).collect(Collectors.joining(" "))));
        return operator.holds(version(a), version(b)) ? ExitStatus.OK : ExitStatus.NO;
    }

    /** The version, or empty for dpkg's empty version ""; an invalid one is a usage error. */
    private Optional<DebianVersion> version(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(DebianVersion.parse(text));
        } catch (MalformedInputException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e, null, text);
        }
    }
}
