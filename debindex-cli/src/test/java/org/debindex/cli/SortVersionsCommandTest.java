package org.debindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.debindex.core.version.DebianVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SortVersionsCommandTest {

    @TempDir
    Path dir;

    @Test
    void sortsInDebianOrder() {
        assertEquals(new Cli(0, "1.0~rc1\n1.0\n2:0\n", ""), Cli.runWithInput("1.0\n1.0~rc1\n2:0\n", "sort-versions"));
        assertEquals(new Cli(0, "0.9\n1.0~~\n1.0~\n1.0\n1.0-1~bpo12+1\n1.0-1\n1.0-1+b1\n1.2a\n1.2+\n1:0.1\n", ""),
                Cli.runWithInput("1:0.1\n1.2+\n1.0-1+b1\n1.0\n1.0~\n1.0-1\n1.2a\n1.0~~\n0.9\n1.0-1~bpo12+1\n",
                        "sort-versions"));
    }

    @Test
    void equalVersionsWrittenDifferentlyKeepTheirInputOrder() {
        String input = "1.0-0\n2.0\n0:1.0\n0.9\n1.0\n01.0\n";
        assertEquals(new Cli(0, "0.9\n1.0-0\n0:1.0\n1.0\n01.0\n2.0\n", ""), Cli.runWithInput(input, "sort-versions"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--reverse", "-r"})
    void reverseSortsDescendingAndStaysStable(String option) {
        String input = "1.0-0\n2.0\n0:1.0\n0.9\n1.0\n01.0\n";
        assertEquals(new Cli(0, "2.0\n1.0-0\n0:1.0\n1.0\n01.0\n0.9\n", ""), Cli.runWithInput(input, "sort-versions", option));
    }

    @Test
    void skipsBlankLinesAndStripsSurroundingWhitespace() {
        assertEquals(new Cli(0, "1.0\n2.0\n", ""), Cli.runWithInput("\n  2.0 \n\n\t\n \t1.0\t\n\n", "sort-versions"));
    }

    @Test
    void readsCrlfLines() {
        assertEquals(new Cli(0, "1.0\n2.0\n1:0\n", ""), Cli.runWithInput("1:0\r\n2.0\r\n\r\n1.0\r\n", "sort-versions"));
    }

    @Test
    void readsALastLineWithoutNewline() {
        assertEquals(new Cli(0, "1.0\n2.0\n", ""), Cli.runWithInput("2.0\n1.0", "sort-versions"));
    }

    @Test
    void emptyInputGivesEmptyOutput() {
        assertEquals(new Cli(0, "", ""), Cli.runWithInput("", "sort-versions"));
    }

    @Test
    void anInvalidLineIsBadDataNamingTheLine() {
        assertEquals(new Cli(3, "", "debindex: <stdin>:4: invalid version \"1.0 x\": version string has embedded spaces\n"),
                Cli.runWithInput("1.0\n\n2.0\n1.0 x\n3.0\n", "sort-versions"));
        assertEquals(new Cli(3, "", "debindex: <stdin>:1: invalid version \"1.0\u00e9\": invalid character \"\u00e9\" in version number\n"),
                Cli.runWithInput("1.0\u00e9\n", "sort-versions"));
    }

    @Test
    void aLoneCarriageReturnIsNotALineBreak() {
        assertEquals(new Cli(3, "", "debindex: <stdin>:1: invalid version \"1.0\\r2.0\": invalid character \"\\r\" in version number\n"),
                Cli.runWithInput("1.0\r2.0\n", "sort-versions"));
    }

    @Test
    void readsFilesAndStandardInputInTheOrderGiven() throws IOException {
        Path a = Files.writeString(dir.resolve("a"), "1.0\n0:2.0\n");
        Path b = Files.writeString(dir.resolve("b"), "2.0-0\n0.5\n");
        assertEquals(new Cli(0, "0.5\n1.0\n0:2.0\n2.0\n2.0-0\n", ""),
                Cli.runWithInput("2.0\n", "sort-versions", a.toString(), "-", b.toString()));
    }

    @Test
    void anInvalidLineInAFileNamesTheFile() throws IOException {
        Path a = Files.writeString(dir.resolve("a"), "1.0\n1.0-\n");
        assertEquals(new Cli(3, "", "debindex: " + a + ":2: invalid version \"1.0-\": revision number is empty\n"),
                Cli.run("sort-versions", a.toString()));
    }

    @Test
    void aMissingFileOrADirectoryIsAnIoError() {
        Path missing = dir.resolve("missing");
        assertEquals(new Cli(3, "", "debindex: cannot read " + missing + ": no such file or directory\n"),
                Cli.run("sort-versions", missing.toString()));
        assertEquals(new Cli(3, "", "debindex: cannot read " + dir + ": is a directory\n"), Cli.run("sort-versions", dir.toString()));
    }

    @Test
    void manyLinesAcrossBufferBoundaries() {
        // 300,000 lines of mixed endings cross the 64 KiB read buffer many times; one line is far longer
        Random random = new Random(7);
        String[] pool = {"1.0", "1.0~rc1", "0:1.0", "1.0-0", "2:0.1", "10.3-2+b1", "1.0a", "1.0+dfsg-1", "009ab5"};
        StringBuilder input = new StringBuilder();
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 300_000; i++) {
            String version = i == 150_000 ? "1." + "0".repeat(200_000) + "1" : pool[random.nextInt(pool.length)];
            written.add(version);
            input.append(random.nextInt(10) == 0 ? " " : "").append(version).append(random.nextBoolean() ? "\r\n" : "\n");
        }
        List<String> expected = written.stream().map(DebianVersion::of).sorted(DebianVersion.ORDER)
                .map(DebianVersion::toString).toList();
        Cli result = Cli.runWithInput(input.toString(), "sort-versions");
        assertEquals(0, result.status(), result.err());
        assertEquals(String.join("\n", expected) + "\n", result.out());
    }

    @Test
    void anInvalidLineFarIntoTheInputNamesItsLine() {
        StringBuilder input = new StringBuilder();
        for (int i = 1; i < 250_000; i++) {
            input.append("1.").append(i).append("-1\n");
        }
        input.append("1.0-1_1\n");
        Cli result = Cli.runWithInput(input.toString(), "sort-versions");
        assertEquals(new Cli(3, "", "debindex: <stdin>:250000: invalid version \"1.0-1_1\": invalid character \"_\" in revision number\n"),
                result);
    }

    @Test
    void helpMatchesGolden() {
        Cli result = Cli.run("sort-versions", "--help");
        assertEquals(0, result.status());
        assertEquals("", result.err());
        Golden.assertMatches("help-sort-versions.txt", result.out());
    }
}
