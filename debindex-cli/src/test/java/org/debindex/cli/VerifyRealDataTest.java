package org.debindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.debindex.cli.output.TestJson;
import org.debindex.core.testdata.SharedTestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code debindex verify} end to end on Debian's real trixie and bookworm data (see the shared
 * test data's README); each test skips, with the reason, when the data is absent.
 */
class VerifyRealDataTest {

    private static final String AT = "2026-11-26T00:00:00Z";

    private static String keyring() {
        return SharedTestData.file("keyrings/debian-archive-keyring.gpg").toString();
    }

    private static List<String> lines(Cli result, String prefix) {
        return result.out().lines().filter(l -> l.startsWith(prefix)).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @Test
    void trixieInReleaseHoldsWithThreeGoodSignatures() {
        Path inRelease = SharedTestData.dists("trixie", "InRelease");
        Cli result = Cli.run("verify", "--keyring", keyring(), "--at", AT, inRelease.toString());
        assertEquals(0, result.status(), result.out() + result.err());
        assertEquals("", result.err());
        List<String> signatures = lines(result, "signature ");
        assertEquals(3, signatures.size(), result.out());
        assertTrue(signatures.stream().allMatch(l -> l.contains(" GOOD: ")), result.out());
        // the fingerprints gpgv reports (shared test data README)
        for (String end : List.of("2643E131", "47EF2265", "B2C39DE4")) {
            assertTrue(signatures.stream().anyMatch(l -> l.startsWith("signature ") && l.split(" ")[1].endsWith(end)),
                    end + " in " + result.out());
        }
        List<String> all = result.out().lines().toList();
        assertEquals("OK: the chain holds for " + inRelease + ": 3 of 3 signatures good; 0 errors, 0 warnings",
                all.get(all.size() - 1));
    }

    @Test
    void trixieStaleReleaseGpgIsBad() {
        Path release = SharedTestData.dists("trixie", "Release");
        Path releaseGpg = SharedTestData.dists("trixie", "Release.gpg");
        Cli result = Cli.run("verify", "--keyring", keyring(), "--at", AT, release.toString(), releaseGpg.toString());
        assertEquals(1, result.status(), result.out() + result.err());
        assertEquals("", result.err());
        assertTrue(lines(result, "signature ").stream().anyMatch(l -> l.contains(" BAD: ")), result.out());
        assertTrue(result.out().contains("\nERROR SIG_BAD "), result.out());
        String verdict = result.out().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(verdict.startsWith("FAILED: the chain does not hold for "), verdict);
        assertTrue(verdict.contains("SIG_BAD"), verdict);
    }

    @Test
    void trixieTreeFailsOnTheMismatchedContentsFile() {
        Path root = SharedTestData.require().resolve("debian");
        Cli result = Cli.run("verify", "--keyring", keyring(), "--at", AT, "--tree", root.toString(), "--suite", "trixie");
        assertEquals(1, result.status(), result.out() + result.err());
        assertEquals("", result.err());
        assertTrue(result.out().contains("\nfile main/Contents-amd64.gz FAILED "), result.out());
        assertTrue(result.out().contains("\nfile main/binary-amd64/Packages.xz VERIFIED "), result.out());
        assertTrue(result.out().lines().anyMatch(l -> l.startsWith("ERROR ") && l.contains("main/Contents-amd64.gz")),
                result.out());
        assertTrue(result.out().lines().anyMatch(l -> l.matches("\\d+ listed files absent from the tree")), result.out());
        String verdict = result.out().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(verdict.startsWith("FAILED: the chain does not hold for " + root + " (suite trixie): 3 of 3 signatures good"),
                verdict);
    }

    @Test
    void bookwormTreeHolds() {
        Path root = SharedTestData.require().resolve("debian");
        Cli result = Cli.run("verify", "--keyring", keyring(), "--at", AT, "--tree", root.toString(), "--suite", "bookworm");
        assertEquals(0, result.status(), result.out() + result.err());
        assertEquals(3, lines(result, "signature ").stream().filter(l -> l.contains(" GOOD: ")).count(), result.out());
        assertTrue(result.out().contains("\nfile main/Contents-all.gz VERIFIED "), result.out());
        Cli quiet = Cli.run("-q", "verify", "--keyring", keyring(), "--at", AT, "--tree", root.toString(), "--suite",
                "bookworm");
        assertEquals(0, quiet.status());
        assertEquals(1, quiet.out().lines().count(), quiet.out());
        assertTrue(quiet.out().startsWith("OK: the chain holds for " + root + " (suite bookworm): 3 of 3 signatures good"),
                quiet.out());
    }

    @Test
    void aMissingReleaseGpgCannotBeRead() {
        Path release = SharedTestData.dists("trixie", "Release");
        Path missing = release.resolveSibling("Release.gpg.missing");
        assertEquals(new Cli(3, "", "debindex: cannot read " + missing + ": no such file or directory\n"),
                Cli.run("verify", "--keyring", keyring(), release.toString(), missing.toString()));
    }

    @Test
    void jsonSaysOkOrNotAndParses() {
        Path root = SharedTestData.require().resolve("debian");
        Cli trixie = Cli.run("--json", "verify", "--keyring", keyring(), "--at", AT, "--tree", root.toString(),
                "--suite", "trixie");
        assertEquals(1, trixie.status(), trixie.err());
        Map<String, Object> doc = TestJson.object(trixie.out());
        assertEquals(false, doc.get("ok"));
        assertEquals("trixie", doc.get("suite"));
        assertEquals(AT, doc.get("at"));
        assertEquals(List.of("GOOD", "GOOD", "GOOD"), list(doc.get("signatures")).stream().map(s -> s.get("status")).toList());
        assertTrue(list(doc.get("findings")).stream().anyMatch(f -> f.get("severity").equals("ERROR")
                && f.get("target").toString().contains("main/Contents-amd64.gz")), trixie.out());
        assertTrue(list(doc.get("files")).stream().anyMatch(f -> f.get("path").equals("main/Contents-amd64.gz")
                && f.get("outcome").equals("FAILED")), trixie.out());

        Cli inRelease = Cli.run("--json", "verify", "--keyring", keyring(), "--at", AT,
                SharedTestData.dists("trixie", "InRelease").toString());
        assertEquals(0, inRelease.status(), inRelease.err());
        Map<String, Object> good = TestJson.object(inRelease.out());
        assertEquals(true, good.get("ok"));
        assertEquals(TestJson.NULL, good.get("suite"));
        for (Map<String, Object> signature : list(good.get("signatures"))) {
            assertTrue(signature.get("fingerprint").toString().matches("[0-9A-F]{40}"), signature.toString());
            assertTrue(signature.get("created").toString().startsWith("2026-11-21T"), signature.toString());
        }
    }

    @Test
    void aSkippedKeyringFileIsAWarningWhenAnotherGivesTheKeys(@TempDir Path dir) throws IOException {
        Path keys = Files.createDirectory(dir.resolve("trusted.gpg.d"));
        Files.copy(Path.of(keyring()), keys.resolve("debian-archive-keyring.gpg"));
        Files.writeString(keys.resolve("broken.gpg"), "-----BEGIN PGP PUBLIC KEY BLOCK-----\n");
        Cli result = Cli.run("verify", "--keyring", keys.toString(), "--at", AT,
                SharedTestData.dists("trixie", "InRelease").toString());
        assertEquals(0, result.status(), result.out() + result.err());
        assertTrue(result.out().contains("\nWARNING KEYRING_UNUSABLE " + keys.resolve("broken.gpg")
                + ": skipped: not a binary OpenPGP keyring"), result.out());
        assertTrue(result.out().lines().reduce((a, b) -> b).orElseThrow().endsWith("; 0 errors, 1 warning"), result.out());
    }

    @Test
    void aDeepAuditOfATreeWithoutItsPoolCapsTheMissingFilesInText() {
        Path root = SharedTestData.require().resolve("debian");
        Cli result = Cli.run("verify", "--keyring", keyring(), "--at", AT, "--tree", root.toString(), "--suite", "bookworm",
                "--deep", "--jobs", "2");
        assertEquals(1, result.status(), result.err());
        assertEquals("", result.err(), "no progress line without a terminal");
        List<String> missing = lines(result, "ERROR DEB_MISSING ");
        assertEquals(20, missing.size(), result.out());
        String more = result.out().lines().filter(l -> l.startsWith("... and ")).findFirst().orElseThrow();
        assertTrue(more.matches("\\.\\.\\. and \\d+ more DEB_MISSING findings"), more);
        String verdict = result.out().lines().reduce((a, b) -> b).orElseThrow();
        long listed = Long.parseLong(more.split(" ")[2]) + 20;
        assertTrue(verdict.contains("; pool: 0 of " + listed + " files verified, " + listed + " missing, 0 mismatched; "
                + listed + " errors (DEB_MISSING)"), verdict);
    }
}
