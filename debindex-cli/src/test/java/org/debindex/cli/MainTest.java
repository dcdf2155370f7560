package org.debindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void helpMatchesGolden() {
        Cli result = Cli.run("--help");
        assertEquals(0, result.status());
        assertEquals("", result.err());
        Golden.assertMatches("help-main.txt", result.out());
    }

    @Test
    void shortHelpOptionAndHelpCommandPrintTheSameHelp() {
        assertEquals(Cli.run("--help").out(), Cli.run("-h").out());
        assertEquals(Cli.run("compare-versions", "--help").out(), Cli.run("help", "compare-versions").out());
    }

    @Test
    void versionNamesTheProjectVersionFilteredByTheBuildAndJava() {
        Cli result = Cli.run("--version");
        assertEquals(0, result.status());
        List<String> lines = result.out().lines().toList();
        assertEquals(2, lines.size(), result.out());
        assertTrue(lines.get(0).matches("debindex \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), lines.get(0));
        assertTrue(lines.get(1).startsWith("Java " + System.getProperty("java.version") + " ("), lines.get(1));
        assertEquals(result.out(), Cli.run("-V").out());
    }

    @Test
    void noCommandIsAUsageError() {
        Cli result = Cli.run();
        assertEquals(2, result.status());
        assertEquals("", result.out());
        assertEquals("debindex: missing command; expected one of: update, search, show, versions, depends, rdepends, check, sources,"
                + " verify, compare-versions, sort-versions, help\n"
                + "Try 'debindex --help' for more information.\n", result.err());
    }

    @Test
    void unknownOptionIsOneLineAndAHint() {
        Cli result = Cli.run("--bogus", "sort-versions");
        assertEquals(2, result.status());
        assertEquals("debindex: unknown option: '--bogus'\nTry 'debindex --help' for more information.\n", result.err());
    }

    @Test
    void helpAskedBeforeACommandStillListsEveryCommand() {
        // only the named subcommand is registered for a run, unless help comes first
        Cli help = Cli.run("--cache-dir", "/nonexistent", "-h", "search");
        assertEquals(0, help.status(), help.err());
        assertEquals(Cli.run("--help").out(), help.out());
        Cli helpCommand = Cli.run("help", "rdepends");
        assertEquals(0, helpCommand.status(), helpCommand.err());
        assertEquals(Cli.run("rdepends", "--help").out(), helpCommand.out());
    }

    @Test
    void unknownCommandSuggestsTheNearestOne() {
        Cli result = Cli.run("sort-version");
        assertEquals(2, result.status());
        assertEquals("debindex: unknown command \"sort-version\"; did you mean \"sort-versions\"?\n"
                + "Try 'debindex --help' for more information.\n", result.err());
    }

    @Test
    void unknownCommandWithoutANearOne() {
        Cli result = Cli.run("xyzzy");
        assertEquals(2, result.status());
        assertEquals("debindex: unknown command \"xyzzy\"\nTry 'debindex --help' for more information.\n", result.err());
    }

    @Test
    void globalOptionsAreAcceptedBeforeTheCommand() {
        Cli result = Cli.run("--cache-dir", "/nonexistent", "--sources", "a.list", "--sources=b.sources",
                "--repo", "deb file:/srv/mirror trixie main", "--json", "-q", "compare-versions", "1", "eq", "1");
        assertEquals(new Cli(0, "", ""), result);
    }

    @Test
    void anIoErrorIsBadDataWithoutAStackTrace() {
        Cli result = Cli.runWithInput(failing(new IOException("Input/output error")), "sort-versions");
        assertEquals(new Cli(3, "", "debindex: cannot read <stdin>: input/output error\n"), result);
    }

    @Test
    void aBugIsAnInternalErrorThatPointsToDebug() {
        Cli result = Cli.runWithInput(failing(new IllegalStateException("boom")), "sort-versions");
        assertEquals(new Cli(70, "",
                "debindex: internal error: java.lang.IllegalStateException: boom (run with --debug for the stack trace)\n"),
                result);
    }

    @Test
    void debugPrintsTheStackTrace() {
        Cli result = Cli.runWithInput(failing(new IllegalStateException("boom")), "--debug", "sort-versions");
        assertEquals(70, result.status());
        List<String> lines = result.err().lines().toList();
        assertEquals("debindex: internal error: java.lang.IllegalStateException: boom", lines.get(0));
        assertEquals("java.lang.IllegalStateException: boom", lines.get(1));
        assertTrue(lines.get(2).startsWith("\tat org.debindex.cli.MainTest.debugPrintsTheStackTrace("), lines.get(2));
    }

    @Test
    void anErrorIsAnInternalErrorNotTheJvmStatus1() {
        Cli result = Cli.runWithInput(failing(new StackOverflowError()), "sort-versions");
        assertEquals(new Cli(70, "",
                "debindex: internal error: java.lang.StackOverflowError (run with --debug for the stack trace)\n"), result);
    }

    /** Standard input whose every read throws {@code failure}. */
    private static InputStream failing(Throwable failure) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                return read(new byte[1], 0, 1);
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (failure instanceof IOException io) {
                    throw io;
                }
                if (failure instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw (Error) failure;
            }
        };
    }
}
