package org.debindex.core.relation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.debindex.core.version.DebianVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Operator symbols and dpkg's satisfaction semantics. */
class OperatorTest {

    /**
     * candidate, bound, then whether {@code <<, <=, =, >=, >>} hold, spelled out (1 = holds); the
     * pairs are those of the version-order table in docs/debian-repository-format.md §5.
     */
    private static final String[][] TABLE = {
        {"1.0~rc1", "1.0", "11000"},
        {"1.0", "1.0~rc1", "00011"},
        {"1.0~~", "1.0~", "11000"},
        {"1.0", "1.0-0", "01110"},
        {"1.0", "1.0-0~", "00011"},
        {"1.0-1~bpo12+1", "1.0-1", "11000"},
        {"1.0-1", "1.0-1+b1", "11000"},
        {"1:0.4", "10.3", "00011"},
        {"0:1.2.3", "1.2.3", "01110"},
        {"009ab5", "9ab5", "01110"},
        {"5.10.0", "5.005", "00011"},
        {"1.3.2", "1.3.2a", "11000"},
        {"1.2a", "1.2+", "11000"},
        {"2a", "21", "11000"},
        {"3a9.8", "3~10", "00011"},
        {"1.2-5", "1.2-3-5", "11000"},
        {"1:2:123", "1:12:3", "11000"},
        {"0.5.0~git", "0.5.0~git2", "11000"},
        {"2.36-9+deb12u4", "2.36-9+deb12u4", "01110"},
    };

    private static final Operator[] ORDER = {
        Operator.STRICTLY_EARLIER, Operator.EARLIER_OR_EQUAL, Operator.EXACTLY_EQUAL,
        Operator.LATER_OR_EQUAL, Operator.STRICTLY_LATER,
    };

    @Test
    void semantics_follow_the_table() {
        for (String[] row : TABLE) {
            DebianVersion candidate = DebianVersion.of(row[0]);
            DebianVersion bound = DebianVersion.of(row[1]);
            for (int i = 0; i < ORDER.length; i++) {
                boolean expected = row[2].charAt(i) == '1';
                assertEquals(expected, ORDER[i].isSatisfiedBy(candidate, bound),
                        () -> row[0] + " " + row[1] + " " + row[2]);
                assertEquals(expected, new VersionConstraint(ORDER[i], bound).isSatisfiedBy(candidate));
            }
        }
    }

    @Test
    void semantics_agree_with_dpkg() throws IOException, InterruptedException {
        Path dpkg = Path.of("/usr/bin/dpkg");
        assumeTrue(Files.isExecutable(dpkg),
                "dpkg not installed: differential check against dpkg --compare-versions skipped");
        List<String> disagreements = new ArrayList<>();
        for (String[] row : TABLE) {
            for (Operator op : ORDER) {
                Process p = new ProcessBuilder(dpkg.toString(), "--compare-versions", row[0], op.symbol(), row[1])
                        .redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                assumeTrue(p.waitFor(30, TimeUnit.SECONDS), "dpkg did not answer in time");
                boolean dpkgSays = p.exitValue() == 0;
                if (dpkgSays != op.isSatisfiedBy(DebianVersion.of(row[0]), DebianVersion.of(row[1]))) {
                    disagreements.add(row[0] + " " + op + " " + row[1] + ": dpkg says " + dpkgSays);
                }
            }
        }
        assertEquals(List.of(), disagreements);
    }

    @ParameterizedTest
    @CsvSource({"<<, STRICTLY_EARLIER", "<=, EARLIER_OR_EQUAL", "=, EXACTLY_EQUAL", ">=, LATER_OR_EQUAL",
        ">>, STRICTLY_LATER"})
    void symbols(String symbol, Operator op) {
        assertEquals(symbol, op.symbol());
        assertEquals(symbol, op.toString());
        assertEquals(Optional.of(op), Operator.bySymbol(symbol));
    }

    @Test
    void by_symbol_rejects_legacy_and_unknown_symbols() {
        for (String s : new String[] {"<", ">", "==", "!=", "", " <<", "lt"}) {
            assertEquals(Optional.empty(), Operator.bySymbol(s), s);
        }
        assertThrows(NullPointerException.class, () -> Operator.bySymbol(null));
    }

    @Test
    void null_versions_are_programming_errors() {
        DebianVersion v = DebianVersion.of("1");
        assertThrows(NullPointerException.class, () -> Operator.EXACTLY_EQUAL.isSatisfiedBy(null, v));
        assertThrows(NullPointerException.class, () -> Operator.EXACTLY_EQUAL.isSatisfiedBy(v, null));
    }
}
