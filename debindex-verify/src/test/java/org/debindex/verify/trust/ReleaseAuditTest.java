package org.debindex.verify.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.debindex.core.Finding;
import org.debindex.core.FindingCode;
import org.debindex.core.Severity;
import org.debindex.core.openpgp.Keyring;
import org.debindex.core.openpgp.ReleaseSignatures;
import org.debindex.core.openpgp.SignatureCheck;
import org.debindex.core.openpgp.SignatureStatus;
import org.debindex.core.openpgp.TestKeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Audits of a signed Release given as files, on generated keys and texts. */
class ReleaseAuditTest {

    static TestKeys.TestKey key;
    static Keyring keyring;

    static final String RELEASE = """
            Origin: Test
            Suite: stable
            Codename: trixie
            Date: Sun, 01 Jun 2025 00:00:00 UTC
            SHA256:
             0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef 1234 main/binary-amd64/Packages
            """;

    @TempDir
    Path dir;

    @BeforeAll
    static void generateKey() throws Exception {
        key = TestKeys.key(TestKeys.Kind.ED25519).build();
        keyring = key.keyring();
    }

    private static AuditOptions options() {
        return AuditOptions.at(TestKeys.VERIFY_AT);
    }

    private Path inRelease(String text) throws Exception {
        return Files.write(dir.resolve("InRelease"), TestKeys.clearsign(text, "SHA512", TestKeys.by(key)));
    }

    private static List<FindingCode> codes(TrustReport report) {
        return report.findings().stream().map(Finding::code).toList();
    }

    @Test
    void goodInRelease() throws Exception {
        Path file = inRelease(RELEASE);
        TrustReport report = ReleaseAudit.inRelease(file, keyring, options());
        assertTrue(report.ok(), () -> report.findings().toString());
        assertEquals(List.of(), report.findings());
        assertEquals(file.toString(), report.source());
        assertEquals(Optional.empty(), report.suite());
        assertEquals(List.of(), report.files());
        assertEquals(Optional.empty(), report.pool());
        assertEquals(List.of(SignatureStatus.GOOD), report.signatures().stream().map(SignatureCheck::status).toList());
    }

    @Test
    void changedInReleaseIsABadSignatureNamedByTheFile() throws Exception {
        Path file = inRelease(RELEASE);
        Files.writeString(file, Files.readString(file).replace("Origin: Test", "Origin: Tost"));
        TrustReport report = ReleaseAudit.inRelease(file, keyring, options());
        assertFalse(report.ok());
        Finding f = report.findings().get(0);
        assertEquals(List.of(FindingCode.SIG_BAD), codes(report));
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("InRelease", f.target());
        assertEquals(report.verification().get().message(), "InRelease: " + f.message(),
                "the finding's message is the verifier's, without the file name its target already gives");
    }

    @Test
    void releaseChecksApplyToAnAcceptedInRelease() throws Exception {
        Path file = inRelease(RELEASE.replace("SHA256:", "Valid-Until: Sun, 01 Jun 2025 06:00:00 UTC\nSHA256:"));
        TrustReport report = ReleaseAudit.inRelease(file, keyring, options());
        assertFalse(report.ok());
        assertEquals(List.of(FindingCode.RELEASE_EXPIRED), codes(report));
        assertEquals("InRelease", report.findings().get(0).target());
    }

    @Test
    void noSuiteIsExpectedOfASingleFile() throws Exception {
        TrustReport report = ReleaseAudit.inRelease(inRelease(RELEASE.replace("Suite: stable", "Suite: whatever")),
                keyring, options());
        assertTrue(report.ok());
        assertEquals(List.of(), report.findings());
    }

    @Test
    void signedTextThatIsNotAReleaseIsAParseError() throws Exception {
        TrustReport report = ReleaseAudit.inRelease(inRelease("Origin: Test\nSHA256:\n nonsense\n"), keyring, options());
        assertFalse(report.ok());
        assertEquals(List.of(FindingCode.RELEASE_PARSE), codes(report));
        assertTrue(report.verification().get().isAccepted());
    }

    @Test
    void signatureWarningsBecomeWarningFindings() throws Exception {
        TestKeys.TestKey stranger = TestKeys.key(TestKeys.Kind.ED25519).build();
        Path file = Files.write(dir.resolve("InRelease"),
                TestKeys.clearsign(RELEASE, "SHA512", TestKeys.by(key), TestKeys.by(stranger)));
        TrustReport report = ReleaseAudit.inRelease(file, keyring, options());
        assertTrue(report.ok());
        assertEquals(1, report.findings().size(), report.findings().toString());
        Finding f = report.findings().get(0);
        assertEquals(Severity.WARNING, f.severity());
        assertEquals(FindingCode.SIG_UNTRUSTED_KEY, f.code());
        assertEquals("InRelease", f.target());
    }

    @Test
    void goodDetachedSignature() throws Exception {
        byte[] text = RELEASE.getBytes(StandardCharsets.UTF_8);
        Path release = Files.write(dir.resolve("Release"), text);
        Path gpg = Files.write(dir.resolve("Release.gpg"), TestKeys.detach(text, TestKeys.by(key)));
        TrustReport report = ReleaseAudit.detached(release, gpg, keyring, options());
        assertTrue(report.ok(), () -> report.findings().toString());
        assertEquals(release.toString(), report.source());
        assertEquals(1, report.signatures().size());
    }

    @Test
    void detachedSignatureOverAnotherTextIsBadAndNamedByReleaseGpg() throws Exception {
        Path release = Files.writeString(dir.resolve("Release"), RELEASE);
        Path gpg = Files.write(dir.resolve("Release.gpg"), TestKeys.detach(
                RELEASE.replace("2025", "2024").getBytes(StandardCharsets.UTF_8), TestKeys.by(key)));
        TrustReport report = ReleaseAudit.detached(release, gpg, keyring, options());
        assertFalse(report.ok());
        assertEquals(List.of(FindingCode.SIG_BAD), codes(report));
        assertEquals("Release.gpg", report.findings().get(0).target());
    }

    @Test
    void detachedReleaseChecksNameTheReleaseFile() throws Exception {
        byte[] text = RELEASE.replace("Date: Sun, 01 Jun 2025 00:00:00 UTC\n", "").getBytes(StandardCharsets.UTF_8);
        Path release = Files.write(dir.resolve("Release"), text);
        Path gpg = Files.write(dir.resolve("Release.gpg"), TestKeys.detach(text, TestKeys.by(key)));
        TrustReport report = ReleaseAudit.detached(release, gpg, keyring, options());
        assertEquals(List.of(FindingCode.RELEASE_PARSE), codes(report), "no Date");
        assertEquals("Release", report.findings().get(0).target());
    }

    @Test
    void emptySignatureFileIsNoData() throws Exception {
        Path release = Files.writeString(dir.resolve("Release"), RELEASE);
        Path gpg = Files.write(dir.resolve("Release.gpg"), new byte[0]);
        assertEquals(List.of(FindingCode.SIG_NODATA), codes(ReleaseAudit.detached(release, gpg, keyring, options())));
    }

    @Test
    void hugeInReleaseIsRefusedWithoutBeingReadWhole() throws Exception {
        // a sparse 3 GiB file: reading it whole would fail for want of an array that large
        Path file = dir.resolve("InRelease");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(3L << 30);
        }
        TrustReport report = ReleaseAudit.inRelease(file, keyring, options());
        assertFalse(report.ok());
        assertEquals(List.of(FindingCode.LIMIT_EXCEEDED), codes(report));
        assertEquals("larger than the " + ReleaseSignatures.MAX_RELEASE_SIZE + "-byte limit for Release files ("
                + (ReleaseSignatures.MAX_RELEASE_SIZE + 1) + " bytes read)", report.findings().get(0).message(),
                "only one byte more than the limit was read");
    }

    @Test
    void hugeDetachedReleaseIsRefused() throws Exception {
        Path release = dir.resolve("Release");
        try (RandomAccessFile raf = new RandomAccessFile(release.toFile(), "rw")) {
            raf.setLength(ReleaseSignatures.MAX_RELEASE_SIZE + 100L);
        }
        Path gpg = Files.write(dir.resolve("Release.gpg"), TestKeys.detach(new byte[1], TestKeys.by(key)));
        assertEquals(List.of(FindingCode.LIMIT_EXCEEDED), codes(ReleaseAudit.detached(release, gpg, keyring, options())));
    }

    @Test
    void unreadableFilesAreIOExceptions() throws Exception {
        assertThrows(NoSuchFileException.class, () -> ReleaseAudit.inRelease(dir.resolve("absent"), keyring, options()));
        assertThrows(IOException.class, () -> ReleaseAudit.inRelease(dir, keyring, options()));
        Path release = Files.writeString(dir.resolve("Release"), RELEASE);
        assertThrows(NoSuchFileException.class,
                () -> ReleaseAudit.detached(release, dir.resolve("Release.gpg"), keyring, options()));
        assertThrows(NoSuchFileException.class,
                () -> ReleaseAudit.detached(dir.resolve("absent"), release, keyring, options()));
    }

    @Test
    void nullArgumentsAreRejected() throws Exception {
        Path file = inRelease(RELEASE);
        assertThrows(NullPointerException.class, () -> ReleaseAudit.inRelease(null, keyring, options()));
        assertThrows(NullPointerException.class, () -> ReleaseAudit.inRelease(file, null, options()));
        assertThrows(NullPointerException.class, () -> ReleaseAudit.inRelease(file, keyring, null));
        assertThrows(NullPointerException.class, () -> ReleaseAudit.detached(file, null, keyring, options()));
    }
}
