package org.debindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.debindex.cli.output.Reports;
import org.debindex.cli.output.TestJson;
import org.debindex.core.Finding;
import org.debindex.core.FindingCode;
import org.debindex.verify.trust.TrustReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class VerifyCommandTest {

    private static final String HINT = "Try 'debindex verify --help' for more information.\n";

    @TempDir
    Path dir;

    @Test
    void helpMatchesGolden() {
        Cli result = Cli.run("verify", "--help");
        assertEquals(0, result.status());
        assertEquals("", result.err());
        Golden.assertMatches("help-verify.txt", result.out());
        assertEquals(result.out(), Cli.run("help", "verify").out());
    }

    /** Paths in these argument lists do not exist: a usage error must be found before any file is read. */
    static Stream<Arguments> wrongArguments() {
        return Stream.of(
                Arguments.of(List.of("--keyring", "k.gpg", "--sample", "3", "--tree", "/srv/mirror/debian", "--suite",
                        "trixie"), "--sample needs --deep: it samples the pool files"),
                Arguments.of(List.of("--keyring", "k.gpg", "--markdown", "audit.md", "InRelease"),
                        "--markdown, --with-sources, --with-contents and --arch are for configured sources,"
                                + " not for FILE arguments or --tree"),
                Arguments.of(List.of("--keyring", "k.gpg", "--suite", "trixie"),
                        "--suite needs --tree DIR: for configured sources, name the source instead"),
                Arguments.of(List.of("--keyring", "k.gpg", "--tree", "/srv/mirror/debian"),
                        "--tree needs --suite SUITE (a directory name under DIR/dists)"),
                Arguments.of(List.of("--keyring", "k.gpg", "Release", "Release.gpg", "InRelease"),
                        "too many files: 3; expected an InRelease file, or a Release file and its Release.gpg"),
                Arguments.of(List.of("--keyring", "k.gpg", "--deep", "InRelease"),
                        "--deep needs --tree DIR --suite SUITE: only a mirror tree has a pool to check"),
                Arguments.of(List.of("--keyring", "k.gpg", "--suite", "trixie", "InRelease"),
                        "--suite needs --tree DIR: it names a suite of a mirror tree"),
                Arguments.of(List.of("--keyring", "k.gpg", "--tree", "/srv/mirror/debian", "--suite", "trixie", "InRelease"),
                        "--tree and FILE arguments exclude each other; got 1 file besides --tree"),
                Arguments.of(List.of("--keyring", "k.gpg", "--tree", "/srv/mirror/debian", "--suite", "trixie", "--jobs", "2"),
                        "--jobs needs --deep: only the pool check runs in parallel"),
                Arguments.of(List.of("--keyring", "k.gpg", "--tree", "/srv/mirror/debian", "--suite", "trixie", "--deep",
                        "--jobs", "0"), "--jobs must be at least 1: 0"),
                Arguments.of(List.of("--keyring", "k.gpg", "--at", "tomorrow", "InRelease"),
                        "invalid value for option '--at': \"tomorrow\"; expected an instant (2026-11-26T00:00:00Z),"
                                + " a date (2026-11-26, meaning 00:00 UTC) or a Release date"
                                + " (\"Sat, 21 Nov 2026 10:00:00 UTC\")"),
                Arguments.of(List.of("--keyring", "k.gpg", "--bogus", "InRelease"), "unknown option: '--bogus'"));
    }

    @ParameterizedTest
    @MethodSource("wrongArguments")
    void aWrongCombinationIsAUsageErrorInOneLine(List<String> args, String message) {
        String[] all = Stream.concat(Stream.of("verify"), args.stream()).toArray(String[]::new);
        assertEquals(new Cli(2, "", "debindex: " + message + "\n" + HINT), Cli.run(all));
    }

    @Test
    void anArgumentNamesSourcesUnlessItIsOrLooksLikeAFile() {
        assertTrue(VerifyCommand.isSourceSelector("trixie"));
        assertTrue(VerifyCommand.isSourceSelector("http://mirror.example/debian"));
        assertTrue(VerifyCommand.isSourceSelector("file:/srv/mirror/debian/"));
        assertTrue(VerifyCommand.isSourceSelector("http://mirror.example/debian/ trixie"));
        assertFalse(VerifyCommand.isSourceSelector("InRelease"));
        assertFalse(VerifyCommand.isSourceSelector("Release.gpg"));
        assertFalse(VerifyCommand.isSourceSelector("dists/trixie/InRelease"));
        assertFalse(VerifyCommand.isSourceSelector("pom.xml"), "an existing file is a file");
    }

    @Test
    void theTimeFormsAreAnInstantADateAndAReleaseDate() {
        Instant midnight = Instant.parse("2026-11-26T00:00:00Z");
        assertEquals(midnight, VerifyCommand.parseTime("2026-11-26T00:00:00Z"));
        assertEquals(midnight, VerifyCommand.parseTime("2026-11-26"));
        assertEquals(midnight, VerifyCommand.parseTime(" 2026-11-26T01:00:00+01:00 "));
        assertEquals(midnight, VerifyCommand.parseTime("2026-11-26T00:00Z"));
        assertEquals(Instant.parse("2026-11-26T00:00:00.250Z"), VerifyCommand.parseTime("2026-11-26T00:00:00.25Z"));
        assertEquals(Instant.parse("2026-11-21T10:00:00Z"), VerifyCommand.parseTime("Sat, 21 Nov 2026 10:00:00 UTC"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "now", "2026-11-26T00:00:00", "2026-11-26 00:00:00Z", "26/11/2026", "2026-13-01",
        "2026-02-30", "Sat, 21 Nov 2026 10:00:00 +0100", "1764115200"})
    void anythingElseIsRefusedNamingTheForms(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VerifyCommand.parseTime(text));
        assertTrue(e.getMessage().startsWith("invalid value for option '--at': "), e.getMessage());
        assertTrue(e.getMessage().endsWith("or a Release date (\"Sat, 21 Nov 2026 10:00:00 UTC\")"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void aMissingFileCannotBeRead() throws IOException {
        Path keyring = Files.writeString(dir.resolve("k.gpg"), "x");
        Path missing = dir.resolve("InRelease");
        assertEquals(new Cli(3, "", "debindex: cannot read " + missing + ": no such file or directory\n"),
                Cli.run("verify", "--keyring", keyring.toString(), missing.toString()));
        Path release = Files.writeString(dir.resolve("Release"), "Origin: Example\n");
        assertEquals(new Cli(3, "", "debindex: cannot read " + missing + ": no such file or directory\n"),
                Cli.run("verify", "--keyring", keyring.toString(), release.toString(), missing.toString()));
    }

    @Test
    void aDirectoryForAFileAndAFileForATreeCannotBeRead() throws IOException {
        Path keyring = Files.writeString(dir.resolve("k.gpg"), "x");
        assertEquals(new Cli(3, "", "debindex: cannot read " + dir + ": is a directory; expected a file"
                        + " (for a mirror tree, use --tree DIR --suite SUITE)\n"),
                Cli.run("verify", "--keyring", keyring.toString(), dir.toString()));
        assertEquals(new Cli(3, "", "debindex: cannot read " + keyring + ": not a directory; expected a mirror tree\n"),
                Cli.run("verify", "--keyring", keyring.toString(), "--tree", keyring.toString(), "--suite", "trixie"));
        Path missing = dir.resolve("mirror");
        assertEquals(new Cli(3, "", "debindex: cannot read " + missing + ": no such file or directory\n"),
                Cli.run("verify", "--keyring", keyring.toString(), "--tree", missing.toString(), "--suite", "trixie"));
    }

    @Test
    void aMissingKeyringCannotBeRead() throws IOException {
        Path inRelease = Files.writeString(dir.resolve("InRelease"), "not checked");
        Path missing = dir.resolve("missing.gpg");
        assertEquals(new Cli(3, "", "debindex: cannot read " + missing + ": no such file or directory\n"),
                Cli.run("verify", "--keyring", missing.toString(), inRelease.toString()));
        assertEquals(new Cli(3, "", "debindex: cannot read " + missing + ": no such file or directory\n"),
                Cli.run("--json", "verify", "--keyring", missing.toString(), inRelease.toString()));
    }

    @Test
    void aKeyringWithoutUsableKeysIsAFailedChainWithTheReason() throws IOException {
        Path inRelease = Files.writeString(dir.resolve("InRelease"), "not checked");
        Path keyring = Files.writeString(dir.resolve("keys.gpg"), "-----BEGIN PGP PUBLIC KEY BLOCK-----\n");
        Cli result = Cli.run("verify", "--keyring", keyring.toString(), "--at", "2026-11-26", inRelease.toString());
        assertEquals(new Cli(1, "ERROR KEYRING_UNUSABLE " + keyring + ": no usable OpenPGP key: " + keyring
                + ": skipped: not a binary OpenPGP keyring; expected a public-key packet first"
                + " (it looks ASCII-armored; name it .asc)\n"
                + "FAILED: the chain does not hold for " + inRelease + ": no signature checked;"
                + " 1 error (KEYRING_UNUSABLE), 0 warnings\n", ""), result);

        Cli quiet = Cli.run("-q", "verify", "--keyring", keyring.toString(), inRelease.toString());
        assertEquals(new Cli(1, "FAILED: the chain does not hold for " + inRelease + ": no signature checked;"
                + " 1 error (KEYRING_UNUSABLE), 0 warnings\n", ""), quiet);
    }

    @Test
    void anUnusableKeyringIsStillOneJsonDocument() throws IOException {
        Path inRelease = Files.writeString(dir.resolve("InRelease"), "not checked");
        Path keys = Files.createDirectory(dir.resolve("trusted.gpg.d"));
        Files.writeString(keys.resolve("empty.asc"), "");
        Cli result = Cli.run("--json", "verify", "--keyring", keys.toString(), "--at", "2026-11-26T12:00:00Z",
                inRelease.toString());
        assertEquals(1, result.status());
        assertEquals("", result.err());
        Map<String, Object> doc = TestJson.object(result.out());
        assertEquals(false, doc.get("ok"));
        assertEquals(inRelease.toString(), doc.get("source"));
        assertEquals(TestJson.NULL, doc.get("suite"));
        assertEquals("2026-11-26T12:00:00Z", doc.get("at"));
        assertEquals(TestJson.NULL, doc.get("verification"));
        assertEquals(List.of(), doc.get("signatures"));
        assertEquals(List.of(Map.of("severity", "ERROR", "code", "KEYRING_UNUSABLE", "target", keys.toString(),
                "message", "no usable OpenPGP key: " + keys.resolve("empty.asc") + ": skipped: empty file")),
                doc.get("findings"));
    }

    @Test
    void aTreeWithAnUnusableKeyringNamesTheTreeAndSuite() throws IOException {
        Path keyring = Files.writeString(dir.resolve("keys.gpg"), "x");
        Cli result = Cli.run("-q", "verify", "--keyring", keyring.toString(), "--tree", dir.toString(), "--suite", "sid");
        assertEquals(new Cli(1, "FAILED: the chain does not hold for " + dir + " (suite sid): no signature checked;"
                + " 1 error (KEYRING_UNUSABLE), 0 warnings\n", ""), result);
    }

    @Test
    void skippedKeyringFilesAreWarningsAfterTheErrors() {
        TrustReport report = Reports.treeFailed();
        assertSame(report, VerifyCommand.withKeyringWarnings(report, List.of()));
        TrustReport warned = VerifyCommand.withKeyringWarnings(report,
                List.of("/keys/x.gpg: skipped: empty file", "something without a file"));
        List<Finding> findings = warned.findings();
        assertEquals(report.findings().subList(0, 2), findings.subList(0, 2));
        assertEquals(Finding.warning(FindingCode.KEYRING_UNUSABLE, "/keys/x.gpg", "skipped: empty file"), findings.get(2));
        assertEquals(Finding.warning(FindingCode.KEYRING_UNUSABLE, "keyring", "something without a file"), findings.get(3));
        assertEquals(report.findings().subList(2, 4), findings.subList(4, 6));
        assertEquals(new TrustReport(report.source(), report.suite(), report.at(), report.verification(), report.files(),
                report.pool(), findings), warned);
    }
}
