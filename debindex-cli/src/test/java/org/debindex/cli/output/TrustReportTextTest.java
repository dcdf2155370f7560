package org.debindex.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.debindex.cli.Golden;
import org.debindex.verify.trust.TrustReport;
import org.junit.jupiter.api.Test;

class TrustReportTextTest {

    private static String text(TrustReport report, int perCode) {
        StringWriter out = new StringWriter();
        try (PrintWriter writer = new PrintWriter(out)) {
            new TrustReportText(perCode).write(report, writer);
        }
        return out.toString();
    }

    private static String text(TrustReport report) {
        return text(report, TrustReportText.DEFAULT_FINDINGS_PER_CODE);
    }

    @Test
    void goodInReleaseListsEachSignatureThenTheVerdict() {
        String text = text(Reports.inReleaseOk());
        Golden.assertMatches("verify-inrelease-ok.txt", text);
        List<String> lines = text.lines().toList();
        assertEquals(4, lines.size(), text);
        assertTrue(lines.get(0).startsWith("signature " + Reports.KEY_A.hex() + " \"Example Archive Automatic"), lines.get(0));
        assertTrue(lines.get(0).endsWith(" rsa4096 SHA512 2026-11-21T10:00:07Z GOOD: good signature"), lines.get(0));
        assertEquals("OK: the chain holds for dists/trixie/InRelease: 3 of 3 signatures good; 0 errors, 0 warnings",
                lines.get(3));
    }

    @Test
    void refusedReleaseNamesEveryStatusAndAnUnknownKeyByItsId() {
        String text = text(Reports.detachedBad());
        Golden.assertMatches("verify-detached-bad.txt", text);
        assertTrue(text.contains("\nsignature A1B2C3D4E5F60718 - - SHA512 2026-09-12T08:40:07Z NO_KEY: "), text);
        assertTrue(text.contains("\n  warning: rsa2048 is accepted until 2030-02-01\n"), text);
        assertTrue(text.contains("\nERROR SIG_BAD dists/trixie/Release.gpg: bad signature from "), "not named twice: " + text);
        assertTrue(text.endsWith("FAILED: the chain does not hold for dists/trixie/Release.gpg: 0 of 3 signatures good"
                + " (1 BAD, 1 NO_KEY, 1 KEY_EXPIRED); 1 error (SIG_BAD), 0 warnings\n"), text);
    }

    @Test
    void treeListsCheckedFilesAndCountsAbsentOnes() {
        String text = text(Reports.treeFailed());
        Golden.assertMatches("verify-tree-failed.txt", text);
        assertTrue(text.contains("\nfile main/source/Sources.xz VERIFIED 11003564 bytes SHA256 SHA512\n"), text);
        assertTrue(text.contains("\nfile main/Contents-amd64.gz FAILED 48271828 bytes SHA256\n"), text);
        assertTrue(text.contains("\nfile main/../../etc/passwd SKIPPED 1 bytes -\n"), text);
        assertTrue(text.contains("\n3 listed files absent from the tree\n"), text);
        assertFalse(text.contains("main/binary-arm64"), "absent files are only counted");
        assertTrue(text.contains("\nERROR INDEX_SIZE_MISMATCH main/Contents-amd64.gz: size 48271830"), text);
        assertTrue(text.contains("\nWARNING RELEASE_DIST_MISMATCH dists/trixie/InRelease: Codename"), text);
        assertTrue(text.contains("\nNOTE INDEX_MISSING dists/trixie: 3 listed"), text);
        assertTrue(text.endsWith("FAILED: the chain does not hold for /srv/mirror/debian (suite trixie): 1 of 1 signature"
                + " good; index files: 2 verified, 1 failed, 1 skipped, 3 absent; 2 errors (INDEX_SIZE_MISMATCH,"
                + " PATH_UNSAFE), 1 warning, 1 note\n"), text);
    }

    @Test
    void eachCodeIsCappedAndTheRestCounted() {
        String text = text(Reports.deepWithoutPool(25));
        Golden.assertMatches("verify-deep-capped.txt", text);
        List<String> lines = text.lines().toList();
        assertEquals(20, lines.stream().filter(l -> l.startsWith("ERROR DEB_MISSING ")).count(), text);
        assertTrue(text.contains("pkg20_1.0_amd64.deb: listed in main/binary-amd64/Packages.xz, absent from the tree\n"
                + "... and 5 more DEB_MISSING findings\nWARNING SIG_POLICY_SOON "), text);
        assertFalse(text.contains("pkg21"), text);
        assertTrue(text.contains("\npool: 0 of 25 files verified, 25 missing, 0 mismatched, 0 bytes read\n"), text);
        assertTrue(lines.get(lines.size() - 1).contains("; pool: 0 of 25 files verified, 25 missing, 0 mismatched;"
                + " 25 errors (DEB_MISSING), 1 warning"), text);
    }

    @Test
    void noCountLineWhenNothingIsLeftOut() {
        assertFalse(text(Reports.deepWithoutPool(20)).contains("more DEB_MISSING"));
        assertFalse(text(Reports.deepWithoutPool(3), 3).contains("... and"));
        String text = text(Reports.deepWithoutPool(4), 3);
        assertTrue(text.contains("... and 1 more DEB_MISSING findings\n"), text);
        assertThrows(IllegalArgumentException.class, () -> new TrustReportText(0));
    }

    @Test
    void controlCharactersFromTheArchiveCannotReachTheTerminal() {
        String text = text(Reports.hostile());
        for (char c : text.toCharArray()) {
            assertTrue(c == '\n' || (c >= 0x20 && c != 0x7f && !(c >= 0x80 && c < 0xa0) && c != '\u2028'),
                    "raw control character " + (int) c + " in " + text);
        }
        List<String> lines = text.lines().toList();
        assertEquals(5, lines.size(), "one line per item whatever the text holds: " + text);
        assertTrue(lines.get(0).contains("\"Evil \\\"Key\\\" \\u001b[2J<evil@mirror.example>\\u000d\\u000aOK: forged\""),
                lines.get(0));
        assertEquals("  warning: line one\\u000aline two", lines.get(1));
        assertTrue(lines.get(4).startsWith("FAILED: the chain does not hold for dists/x\\u001b]0;title\\u0007/InRelease (suite sid\\unstable)"),
                lines.get(4));
    }
}
