package org.debindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.debindex.core.testdata.HostPrograms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CompareVersionsCommandTest {

    /** A versus B for each column of {@link #OPERATORS}: lesser, equal, greater, no A, none, no B. */
    private static final String[][] CASES = {
        {"1.0~rc1", "1.0"}, {"1.0", "0:1.0-0"}, {"1:0.1", "2.0"}, {"", "1.0"}, {"", ""}, {"1.0", ""},
    };

    /** dpkg's exit status for each operator and case of {@link #CASES} (dpkg(1), relationinfos). */
    private static final String[] OPERATORS = {
        "lt    0 1 1 0 1 1",
        "le    0 0 1 0 0 1",
        "eq    1 0 1 1 0 1",
        "ne    0 1 0 0 1 0",
        "ge    1 0 0 1 0 0",
        "gt    1 1 0 1 1 0",
        "lt-nl 0 1 1 1 1 0",
        "le-nl 0 0 1 1 0 0",
        "ge-nl 1 0 0 0 0 1",
        "gt-nl 1 1 0 0 1 1",
        "<<    0 1 1 0 1 1",
        "<=    0 0 1 0 0 1",
        "=     1 0 1 1 0 1",
        ">=    1 0 0 1 0 0",
        ">>    1 1 0 1 1 0",
    };

    @Test
    void everyOperatorAnswersLikeDpkgsTableSilently() {
        for (String row : OPERATORS) {
            String[] fields = row.split(" +");
            for (int c = 0; c < CASES.length; c++) {
                Cli result = Cli.run("compare-versions", CASES[c][0], fields[0], CASES[c][1]);
                String what = "'" + CASES[c][0] + "' " + fields[0] + " '" + CASES[c][1] + "'";
                assertEquals(new Cli(Integer.parseInt(fields[c + 1]), "", ""), result, what);
            }
        }
    }

    @Test
    void dpkgGivesTheSameStatusForEveryOperatorAndCase() throws IOException, InterruptedException {
        Path dpkg = HostPrograms.require("dpkg", "the comparison of operators with dpkg --compare-versions");
        List<String> differences = new ArrayList<>();
        for (String row : OPERATORS) {
            String op = row.split(" +")[0];
            for (String[] pair : CASES) {
                Process process = new ProcessBuilder(dpkg.toString(), "--compare-versions", pair[0], op, pair[1])
                        .redirectErrorStream(true).start();
                process.getInputStream().readAllBytes();
                process.waitFor(30, TimeUnit.SECONDS);
                int ours = Cli.run("compare-versions", pair[0], op, pair[1]).status();
                if (process.exitValue() != ours) {
                    differences.add("'" + pair[0] + "' " + op + " '" + pair[1] + "': dpkg " + process.exitValue() + ", debindex " + ours);
                }
            }
        }
        assertEquals(List.of(), differences);
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
        "1.0~rc1, lt, 1.0, 0",
        "1.0, lt, 1.0~rc1, 1",
        "1.0-1, <<, 1.0-1+b1, 0",
        "1:0.4, >>, 10.3, 0",
        "009ab5, eq, 9ab5, 0",
        "1.0, eq, 1.0-0, 0",
        "1.0, ne, 1.0-0, 1",
        "1.2-5, ge, 1.2-3-5, 1",
        "' 1.0 ', eq, 1.0, 0",
    })
    void comparesByDebianRules(String a, String op, String b, int status) {
        assertEquals(new Cli(status, "", ""), Cli.run("compare-versions", a, op, b));
    }

    @Test
    void anInvalidVersionIsAUsageErrorNamingItAndWhy() {
        assertEquals(new Cli(2, "", "debindex: invalid version \"1.0 x\": version string has embedded spaces\n"
                + "Try 'debindex compare-versions --help' for more information.\n"),
                Cli.run("compare-versions", "1.0 x", "lt", "1.0"));
        assertEquals(new Cli(2, "", "debindex: invalid version \"1:\": nothing after colon in version number\n"
                + "Try 'debindex compare-versions --help' for more information.\n"),
                Cli.run("compare-versions", "1.0", "lt", "1:"));
        assertEquals(new Cli(2, "", "debindex: invalid version \"1.0_1\": invalid character \"_\" in version number\n"
                + "Try 'debindex compare-versions --help' for more information.\n"),
                Cli.run("compare-versions", "1.0_1", "lt", "1:"));
    }

    @Test
    void aVersionThatLooksLikeAnOptionIsStillJudgedAsAVersion() {
        assertEquals(new Cli(2, "", "debindex: invalid version \"-1\": version number is empty\n"
                + "Try 'debindex compare-versions --help' for more information.\n"),
                Cli.run("compare-versions", "--", "-1", "lt", "1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"<", ">"})
    void refusesDpkgsObsoleteOperators(String op) {
        assertEquals(new Cli(2, "", "debindex: obsolete operator \"" + op + "\" is refused: dpkg reads it as \""
                + op + "=\"; use \"" + op + op + "\" or \"" + op + "=\"\n"
                + "Try 'debindex compare-versions --help' for more information.\n"),
                Cli.run("compare-versions", "1.0", op, "1.0"));
    }

    @Test
    void anUnknownOperatorListsTheKnownOnes() {
        assertEquals(new Cli(2, "", "debindex: unknown operator \"!=\"; expected one of"
                + " lt le eq ne ge gt lt-nl le-nl ge-nl gt-nl << <= = >= >>\n"
                + "Try 'debindex compare-versions --help' for more information.\n"),
                Cli.run("compare-versions", "1.0", "!=", "1.0"));
    }

    @Test
    void wrongNumberOfArgumentsIsAUsageError() {
        assertEquals(new Cli(2, "", "debindex: missing required parameter: 'B'\n"
                + "Try 'debindex compare-versions --help' for more information.\n"),
                Cli.run("compare-versions", "1.0", "lt"));
        assertEquals(new Cli(2, "", "debindex: unmatched argument at index 4: '2.0'\n"
                + "Try 'debindex compare-versions --help' for more information.\n"),
                Cli.run("compare-versions", "1.0", "lt", "1.1", "2.0"));
    }

    @Test
    void helpMatchesGolden() {
        Cli result = Cli.run("compare-versions", "--help");
        assertEquals(0, result.status());
        assertEquals("", result.err());
        Golden.assertMatches("help-compare-versions.txt", result.out());
    }
}
