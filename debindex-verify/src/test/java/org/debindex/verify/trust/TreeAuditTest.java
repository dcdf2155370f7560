package org.debindex.verify.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.debindex.core.Finding;
import org.debindex.core.FindingCode;
import org.debindex.core.Severity;
import org.debindex.core.openpgp.Keyring;
import org.debindex.core.openpgp.SignatureStatus;
import org.debindex.core.openpgp.TestKeys;
import org.debindex.core.trust.FileCheck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shallow tree audits of generated mirrors: the signature, the Release and the index files. */
class TreeAuditTest {

    static TestKeys.TestKey key;
    static Keyring keyring;

    @TempDir
    Path dir;

    @BeforeAll
    static void generateKey() throws Exception {
        key = TestKeys.key(TestKeys.Kind.ED25519).build();
        keyring = key.keyring();
    }

    static TrustReport audit(Path root, String suite, AuditOptions options) throws IOException {
        return TreeAudit.run(root, suite, keyring, options, AuditProgress.NONE);
    }

    static TrustReport audit(TestMirror mirror) throws IOException {
        return audit(mirror.root, mirror.suite, AuditOptions.at(TestMirror.AT));
    }

    static Map<String, FileCheck.Outcome> outcomes(TrustReport report) {
        return report.files().stream().collect(Collectors.toMap(FileCheck::path, FileCheck::outcome));
    }

    static List<FindingCode> codes(TrustReport report, Severity severity) {
        return report.findings().stream().filter(f -> f.severity() == severity).map(Finding::code).toList();
    }

    static Finding only(TrustReport report, FindingCode code) {
        List<Finding> found = report.findings().stream().filter(f -> f.code() == code).toList();
        assertEquals(1, found.size(), () -> code + " in " + report.findings());
        return found.get(0);
    }

    static void assertNoIndexFindings(TrustReport report) {
        assertTrue(report.findings().stream().noneMatch(f -> f.code().name().startsWith("INDEX_")),
                () -> report.findings().toString());
    }

    private TestMirror mirror() throws IOException {
        return TestMirror.stable(dir.resolve("mirror"), key);
    }

    @Test
    void goodTreeVerifiesEveryPresentFileAndCountsTheAbsentOnes() throws Exception {
        TestMirror m = mirror();
        m.write();
        TrustReport report = audit(m);

        assertTrue(report.ok(), () -> report.findings().toString());
        assertEquals(List.of(), report.findings());
        assertEquals(List.of(SignatureStatus.GOOD), report.signatures().stream().map(s -> s.status()).toList());
        assertEquals(m.root.toString(), report.source());
        assertEquals(Optional.of("stable"), report.suite());
        assertEquals(TestMirror.AT, report.at());
        assertEquals(Optional.empty(), report.pool());
        assertEquals(List.of(TestMirror.AMD64, TestMirror.AMD64 + ".xz", TestMirror.ARM64, TestMirror.ARM64 + ".gz",
                        TestMirror.SOURCES, TestMirror.SOURCES + ".gz", "main/i18n/Translation-en.xz"),
                report.files().stream().map(FileCheck::path).toList(), "Release order");
        Map<String, FileCheck.Outcome> outcomes = outcomes(report);
        assertEquals(FileCheck.Outcome.VERIFIED, outcomes.get(TestMirror.AMD64));
        assertEquals(FileCheck.Outcome.VERIFIED, outcomes.get(TestMirror.AMD64 + ".xz"));
        assertEquals(FileCheck.Outcome.VERIFIED, outcomes.get(TestMirror.ARM64 + ".gz"));
        assertEquals(FileCheck.Outcome.VERIFIED, outcomes.get(TestMirror.SOURCES + ".gz"));
        assertEquals(4, report.count(FileCheck.Outcome.VERIFIED));
        assertEquals(3, report.count(FileCheck.Outcome.ABSENT), "listed but absent: counted, not an error");
    }

    @Test
    void packagesXzWithOneByteChangedIsAHashMismatch() throws Exception {
        TestMirror m = mirror();
        m.write();
        Path xz = m.dists().resolve(TestMirror.AMD64 + ".xz");
        byte[] data = Files.readAllBytes(xz);
        data[data.length / 2] ^= 0x01;
        Files.write(xz, data);

        TrustReport report = audit(m);

        assertFalse(report.ok());
        assertEquals(List.of(FindingCode.INDEX_HASH_MISMATCH, FindingCode.INDEX_HASH_MISMATCH),
                codes(report, Severity.ERROR), "SHA-256 and SHA-512");
        for (Finding f : report.findings()) {
            assertEquals("dists/stable/main/binary-amd64/Packages.xz", f.target());
        }
        assertTrue(report.findings().get(0).message().startsWith("SHA-256 mismatch: expected "));
        assertTrue(report.findings().get(1).message().startsWith("SHA-512 mismatch: expected "));
        assertEquals(FileCheck.Outcome.FAILED, outcomes(report).get(TestMirror.AMD64 + ".xz"));
        assertEquals(FileCheck.Outcome.VERIFIED, outcomes(report).get(TestMirror.AMD64), "the other files still checked");
        assertEquals(report.findings(), report.files().stream().flatMap(c -> c.findings().stream()).toList(),
                "the report's findings are those of the file checks, with the same targets");
    }

    @Test
    void packagesXzOneByteLongerIsASizeMismatch() throws Exception {
        TestMirror m = mirror();
        m.write();
        Path xz = m.dists().resolve(TestMirror.AMD64 + ".xz");
        byte[] data = Files.readAllBytes(xz);
        Files.write(xz, Arrays.copyOf(data, data.length + 1));

        TrustReport report = audit(m);

        assertFalse(report.ok());
        Finding f = only(report, FindingCode.INDEX_SIZE_MISMATCH);
        assertEquals("dists/stable/main/binary-amd64/Packages.xz", f.target());
        assertTrue(f.message().contains((data.length + 1) + " bytes"), f.message());
    }

    @Test
    void badInReleaseSignatureRefusesTheSuiteAndNoIndexFileIsRead() throws Exception {
        TestMirror m = mirror();
        m.write();
        Path inRelease = m.dists().resolve("InRelease");
        Files.writeString(inRelease, Files.readString(inRelease).replace("Label: Test", "Label: Tost"));
        // were an index read, this corrupt file would give an INDEX_HASH_MISMATCH
        Files.write(m.dists().resolve(TestMirror.AMD64 + ".xz"), "not the listed file".getBytes(StandardCharsets.UTF_8));

        TrustReport report = audit(m);

        assertFalse(report.ok());
        Finding f = only(report, FindingCode.SIG_BAD);
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("dists/stable/InRelease", f.target());
        assertTrue(report.verification().isPresent());
        assertFalse(report.verification().get().isAccepted());
        assertEquals(List.of(), report.files(), "fail-closed: nothing is read on the word of a refused Release");
        assertNoIndexFindings(report);
    }

    @Test
    void deepAuditOfARefusedReleaseReadsNoPool() throws Exception {
        TestMirror m = mirror();
        m.write();
        Path inRelease = m.dists().resolve("InRelease");
        Files.writeString(inRelease, Files.readString(inRelease).replace("Label: Test", "Label: Tost"));
        TrustReport report = audit(m.root, m.suite, AuditOptions.at(TestMirror.AT).withDeep(true));
        assertEquals(Optional.empty(), report.pool());
        assertEquals(List.of(FindingCode.SIG_BAD), codes(report, Severity.ERROR));
    }

    @Test
    void untrustedKeyIsRefused() throws Exception {
        TestMirror m = new TestMirror(dir.resolve("mirror"), "stable", TestKeys.key(TestKeys.Kind.ED25519).build());
        m.write();
        TrustReport report = audit(m);
        assertFalse(report.ok());
        assertEquals(List.of(FindingCode.SIG_UNTRUSTED_KEY), codes(report, Severity.ERROR));
        assertEquals(List.of(), report.files());
    }

    @Test
    void noReleaseAtAllIsReleaseMissing() throws Exception {
        TestMirror m = mirror().withoutInRelease();
        m.write();
        TrustReport report = audit(m);
        assertFalse(report.ok());
        Finding f = only(report, FindingCode.RELEASE_MISSING);
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("dists/stable", f.target());
        assertEquals(Optional.empty(), report.verification());
        assertEquals(List.of(), report.files());
    }

    @Test
    void missingSuiteDirectoryIsReleaseMissing() throws Exception {
        Files.createDirectories(dir.resolve("mirror/dists"));
        TrustReport report = audit(dir.resolve("mirror"), "sid", AuditOptions.at(TestMirror.AT));
        assertEquals(List.of(FindingCode.RELEASE_MISSING), codes(report, Severity.ERROR));
    }

    @Test
    void releaseWithoutReleaseGpgIsUnsigned() throws Exception {
        TestMirror m = mirror().withoutInRelease().withDetached();
        m.write();
        Files.delete(m.dists().resolve("Release.gpg"));
        TrustReport report = audit(m);
        assertFalse(report.ok());
        Finding f = only(report, FindingCode.RELEASE_UNSIGNED);
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("dists/stable/Release", f.target());
        assertEquals(Optional.empty(), report.verification());
        assertEquals(List.of(), report.files());
    }

    @Test
    void releaseGpgWithoutReleaseIsReleaseMissing() throws Exception {
        TestMirror m = mirror().withoutInRelease().withDetached();
        m.write();
        Files.delete(m.dists().resolve("Release"));
        assertEquals(List.of(FindingCode.RELEASE_MISSING), codes(audit(m), Severity.ERROR));
    }

    @Test
    void releaseAndReleaseGpgAloneAreVerifiedLikeInRelease() throws Exception {
        TestMirror m = mirror().withoutInRelease().withDetached();
        m.write();
        TrustReport report = audit(m);
        assertTrue(report.ok(), () -> report.findings().toString());
        assertEquals(4, report.count(FileCheck.Outcome.VERIFIED));
    }

    @Test
    void badDetachedSignatureAloneIsNamedByReleaseGpg() throws Exception {
        TestMirror m = mirror().withoutInRelease().withDetached();
        m.write();
        Path release = m.dists().resolve("Release");
        Files.writeString(release, Files.readString(release).replace("Label: Test", "Label: Tost"));
        TrustReport report = audit(m);
        assertFalse(report.ok());
        assertEquals("dists/stable/Release.gpg", only(report, FindingCode.SIG_BAD).target());
        assertEquals(List.of(), report.files());
    }

    @Test
    void consistentInReleaseAndReleaseGpgGiveNoWarning() throws Exception {
        TestMirror m = mirror().withDetached();
        m.write();
        TrustReport report = audit(m);
        assertTrue(report.ok());
        assertEquals(List.of(), report.findings());
    }

    @Test
    void staleReleaseGpgBesideAGoodInReleaseIsAWarning() throws Exception {
        TestMirror m = mirror().withDetached();
        String text = m.write();
        // Release.gpg signed an older Release, the current Release is unchanged: as the real trixie tree
        String older = text.replace("Date: Sun, 01 Jun 2025 00:00:00 UTC", "Date: Sat, 31 May 2025 00:00:00 UTC");
        Files.write(m.dists().resolve("Release.gpg"), m.signDetached(older.getBytes(StandardCharsets.UTF_8)));

        TrustReport report = audit(m);

        assertTrue(report.ok(), "the verdict comes from InRelease: " + report.findings());
        Finding f = only(report, FindingCode.SIG_BAD);
        assertEquals(Severity.WARNING, f.severity());
        assertEquals("dists/stable/Release.gpg", f.target());
        assertTrue(f.message().contains("fall back to Release + Release.gpg would refuse this suite"), f.message());
        assertFalse(f.message().contains("differs"), "Release itself is the signed text: " + f.message());
        assertEquals(4, report.count(FileCheck.Outcome.VERIFIED));
    }

    @Test
    void validlySignedReleaseThatDiffersFromInReleaseIsAWarning() throws Exception {
        TestMirror m = mirror().withDetached();
        String text = m.write();
        String older = text.replace("Date: Sun, 01 Jun 2025 00:00:00 UTC", "Date: Sat, 31 May 2025 00:00:00 UTC");
        byte[] olderBytes = older.getBytes(StandardCharsets.UTF_8);
        Files.write(m.dists().resolve("Release"), olderBytes);
        Files.write(m.dists().resolve("Release.gpg"), m.signDetached(olderBytes));

        TrustReport report = audit(m);

        assertTrue(report.ok());
        Finding f = only(report, FindingCode.RELEASE_ROLLBACK);
        assertEquals(Severity.WARNING, f.severity());
        assertEquals("dists/stable/Release", f.target());
        assertTrue(f.message().contains("Release dated 2025-05-31T00:00:00Z, InRelease dated 2025-06-01T00:00:00Z"),
                f.message());
    }

    @Test
    void refusedReleaseGpgAndDifferentReleaseAreOneWarning() throws Exception {
        TestMirror m = mirror().withDetached();
        m.write();
        Path release = m.dists().resolve("Release");
        Files.writeString(release, Files.readString(release).replace("Label: Test", "Label: Tost"));
        TrustReport report = audit(m);
        assertTrue(report.ok());
        Finding f = only(report, FindingCode.SIG_BAD);
        assertEquals(Severity.WARNING, f.severity());
        assertTrue(f.message().contains("Release differs from the text signed in InRelease"), f.message());
    }

    @Test
    void releaseWithTrailingWhitespaceAndCrlfIsTheSameSignedText() {
        byte[] signed = "Origin: Test\nLabel: Test\n".getBytes(StandardCharsets.US_ASCII);
        assertTrue(TreeAudit.sameText("Origin: Test \r\nLabel: Test".getBytes(StandardCharsets.US_ASCII), signed));
        assertTrue(TreeAudit.sameText(signed, signed));
        assertFalse(TreeAudit.sameText("Origin: Test\nLabel: Tost\n".getBytes(StandardCharsets.US_ASCII), signed));
        assertFalse(TreeAudit.sameText("Origin: Test\n\nLabel: Test\n".getBytes(StandardCharsets.US_ASCII), signed));
    }

    @Test
    void suiteAskedForThatTheReleaseDoesNotNameIsADistMismatchWarning() throws Exception {
        TestMirror m = new TestMirror(dir.resolve("mirror"), "testing", key);
        m.write();
        TrustReport report = audit(m);
        assertTrue(report.ok(), "apt only warns");
        Finding f = only(report, FindingCode.RELEASE_DIST_MISMATCH);
        assertEquals(Severity.WARNING, f.severity());
        assertEquals("dists/testing/InRelease", f.target());

        TestMirror byCodename = new TestMirror(dir.resolve("other"), "trixie", key);
        byCodename.write();
        assertEquals(List.of(), audit(byCodename).findings(), "the Codename may match instead of the Suite");
    }

    @Test
    void expiredReleaseIsAnErrorButIndexesAreStillReported() throws Exception {
        TestMirror m = mirror().releaseField("Valid-Until: Sun, 01 Jun 2025 12:00:00 UTC");
        m.write();
        TrustReport report = audit(m);
        assertFalse(report.ok());
        assertEquals(List.of(FindingCode.RELEASE_EXPIRED), codes(report, Severity.ERROR));
        assertEquals("dists/stable/InRelease", only(report, FindingCode.RELEASE_EXPIRED).target());
        assertEquals(4, report.count(FileCheck.Outcome.VERIFIED));
    }

    @Test
    void unparsableSignedReleaseIsAParseErrorAndNoIndexIsRead() throws Exception {
        TestMirror m = mirror();
        m.write();
        String broken = "Origin: Test\nDate: Sun, 01 Jun 2025 00:00:00 UTC\nSHA256:\n abc 12 main/x\n";
        Files.write(m.dists().resolve("InRelease"), m.signInline(broken));
        TrustReport report = audit(m);
        assertFalse(report.ok());
        assertEquals(List.of(FindingCode.RELEASE_PARSE), codes(report, Severity.ERROR));
        assertTrue(report.verification().get().isAccepted());
        assertEquals(List.of(), report.files());
    }

    @Test
    void findingsListErrorsBeforeWarnings() throws Exception {
        TestMirror m = new TestMirror(dir.resolve("mirror"), "testing", key);
        m.write();
        Files.write(m.dists().resolve(TestMirror.AMD64), "changed".getBytes(StandardCharsets.UTF_8));
        TrustReport report = audit(m);
        List<Severity> severities = report.findings().stream().map(Finding::severity).toList();
        assertEquals(List.of(Severity.ERROR, Severity.WARNING), severities, report.findings().toString());
        assertEquals("dists/testing/main/binary-amd64/Packages", report.findings().get(0).target());
    }

    @Test
    void rootThatIsNotAReadableDirectoryIsAnIOException() throws Exception {
        assertThrows(IOException.class, () -> audit(dir.resolve("absent"), "stable", AuditOptions.at(TestMirror.AT)));
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertThrows(IOException.class, () -> audit(file, "stable", AuditOptions.at(TestMirror.AT)));
    }

    @Test
    void unsafeSuiteIsRejected() {
        for (String suite : List.of("../etc", "/stable", "a\\b", "", "st\nable")) {
            assertThrows(IllegalArgumentException.class, () -> audit(dir, suite, AuditOptions.at(TestMirror.AT)), suite);
        }
    }

    @Test
    void inReleaseThatIsADirectoryIsAnIOException() throws Exception {
        Files.createDirectories(dir.resolve("mirror/dists/stable/InRelease"));
        assertThrows(IOException.class, () -> audit(dir.resolve("mirror"), "stable", AuditOptions.at(TestMirror.AT)));
    }

    @Test
    void nullArgumentsAreRejected() {
        AuditOptions options = AuditOptions.at(TestMirror.AT);
        assertThrows(NullPointerException.class, () -> TreeAudit.run(null, "s", keyring, options, AuditProgress.NONE));
        assertThrows(NullPointerException.class, () -> TreeAudit.run(dir, null, keyring, options, AuditProgress.NONE));
        assertThrows(NullPointerException.class, () -> TreeAudit.run(dir, "s", null, options, AuditProgress.NONE));
        assertThrows(NullPointerException.class, () -> TreeAudit.run(dir, "s", keyring, null, AuditProgress.NONE));
        assertThrows(NullPointerException.class, () -> TreeAudit.run(dir, "s", keyring, options, null));
    }
}
