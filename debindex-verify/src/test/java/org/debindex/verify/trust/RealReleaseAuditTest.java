package org.debindex.verify.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.debindex.core.Finding;
import org.debindex.core.FindingCode;
import org.debindex.core.openpgp.Keyring;
import org.debindex.core.openpgp.SignatureCheck;
import org.debindex.core.openpgp.SignatureStatus;
import org.debindex.core.testdata.SharedTestData;
import org.junit.jupiter.api.Test;

/** Release audits of the real trixie files. Skipped, visibly, when the shared data is absent. */
class RealReleaseAuditTest {

    /** The day the shared data was fetched: every key involved was valid then, whatever today is. */
    static final Instant FETCHED = Instant.parse("2026-11-26T00:00:00Z");

    private static final AuditOptions OPTIONS = AuditOptions.at(FETCHED);

    static Keyring archiveKeyring() throws Exception {
        return Keyring.load(SharedTestData.file("keyrings/debian-archive-keyring.gpg"));
    }

    @Test
    void trixieInReleaseHasThreeGoodSignatures() throws Exception {
        Path file = SharedTestData.dists("trixie", "InRelease");
        TrustReport report = ReleaseAudit.inRelease(file, archiveKeyring(), OPTIONS);
        assertTrue(report.ok(), () -> report.findings().toString());
        assertEquals(List.of(SignatureStatus.GOOD, SignatureStatus.GOOD, SignatureStatus.GOOD),
                report.signatures().stream().map(SignatureCheck::status).toList());
        assertEquals(file.toString(), report.source());
        assertEquals(List.of(), report.findings().stream().filter(Finding::isError).toList());
    }

    @Test
    void trixieReleaseWithItsStaleReleaseGpgIsABadSignature() throws Exception {
        TrustReport report = ReleaseAudit.detached(SharedTestData.dists("trixie", "Release"),
                SharedTestData.dists("trixie", "Release.gpg"), archiveKeyring(), OPTIONS);
        assertFalse(report.ok());
        List<Finding> errors = report.findings().stream().filter(Finding::isError).toList();
        assertEquals(List.of(FindingCode.SIG_BAD), errors.stream().map(Finding::code).toList());
        assertEquals("Release.gpg", errors.get(0).target());
    }

    @Test
    void missingFileIsAnIOException() {
        Path absent = SharedTestData.require().resolve("debian/dists/trixie/NoSuchInRelease");
        assertThrows(IOException.class, () -> ReleaseAudit.inRelease(absent, archiveKeyring(), OPTIONS));
    }
}
