package org.debindex.verify.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.debindex.core.Finding;
import org.debindex.core.FindingCode;
import org.debindex.core.Severity;
import org.debindex.core.openpgp.Keyring;
import org.debindex.core.openpgp.SignatureCheck;
import org.debindex.core.openpgp.SignatureStatus;
import org.debindex.core.testdata.SharedTestData;
import org.debindex.core.trust.FileCheck;
import org.junit.jupiter.api.Test;
import org.tukaani.xz.XZInputStream;

/**
 * Tree audits of the real Debian data in {@code ../shared/testdata/debian}: a partial mirror with a
 * stale {@code Release.gpg} and a {@code Contents-amd64.gz} that does not match (trixie), and a
 * consistent one without a pool (bookworm). Skipped, visibly, when the data is absent.
 */
class RealTreeAuditTest {

    private static final Instant FETCHED = RealReleaseAuditTest.FETCHED;

    private static Keyring archiveKeyring() throws Exception {
        return RealReleaseAuditTest.archiveKeyring();
    }

    static Path mirror() {
        return SharedTestData.require().resolve("debian");
    }

    private static Map<String, FileCheck> byPath(TrustReport report) {
        return report.files().stream().collect(Collectors.toMap(FileCheck::path, c -> c));
    }

    private static List<SignatureStatus> statuses(TrustReport report) {
        return report.signatures().stream().map(SignatureCheck::status).toList();
    }

    @Test
    void trixieRefusesTheMismatchedContentsAndWarnsAboutTheStaleReleaseGpg() throws Exception {
        TrustReport report = TreeAudit.run(mirror(), "trixie", archiveKeyring(), AuditOptions.at(FETCHED),
                AuditProgress.NONE);

        assertFalse(report.ok());
        assertEquals(List.of(SignatureStatus.GOOD, SignatureStatus.GOOD, SignatureStatus.GOOD), statuses(report));
        Map<String, FileCheck> files = byPath(report);
        for (String path : List.of("main/binary-amd64/Packages.xz", "main/source/Sources.xz",
                "main/i18n/Translation-en.xz")) {
            assertEquals(FileCheck.Outcome.VERIFIED, files.get(path).outcome(), path);
        }
        FileCheck contents = files.get("main/Contents-amd64.gz");
        assertEquals(FileCheck.Outcome.FAILED, contents.outcome());
        assertEquals(List.of(FindingCode.INDEX_SIZE_MISMATCH),
                contents.findings().stream().map(Finding::code).toList(), "the size differs, so no hash is computed");
        assertEquals("size 12698511 bytes, but 12699567 are listed (mirror sync in progress?)",
                contents.findings().get(0).message());
        assertEquals(3, report.count(FileCheck.Outcome.VERIFIED));
        assertEquals(1, report.count(FileCheck.Outcome.FAILED));
        assertEquals(report.files().size() - 4, report.count(FileCheck.Outcome.ABSENT));

        List<Finding> errors = report.findings().stream().filter(Finding::isError).toList();
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(FindingCode.INDEX_SIZE_MISMATCH, errors.get(0).code());
        assertEquals("dists/trixie/main/Contents-amd64.gz", errors.get(0).target());

        List<Finding> stale = report.findings().stream()
                .filter(f -> f.target().equals("dists/trixie/Release.gpg")).toList();
        assertEquals(1, stale.size(), report.findings().toString());
        assertEquals(Severity.WARNING, stale.get(0).severity());
        assertEquals(FindingCode.SIG_BAD, stale.get(0).code());
        assertTrue(stale.get(0).message().startsWith("apt clients that fall back to Release + Release.gpg would"
                + " refuse this suite: bad signature from 4CB50190207B4758A3F73A796ED0E7B82643E131"), stale.get(0).message());
        assertFalse(stale.get(0).message().contains("differs"), "Release is the text InRelease signed");
        System.out.println("RealTreeAuditTest: trixie findings: " + report.findings());
    }

    @Test
    void bookwormVerifiesItsThreeFilesAndCountsTheRestAbsent() throws Exception {
        TrustReport report = TreeAudit.run(mirror(), "bookworm", archiveKeyring(), AuditOptions.at(FETCHED),
                AuditProgress.NONE);

        assertTrue(report.ok(), () -> report.findings().toString());
        assertEquals(List.of(SignatureStatus.GOOD, SignatureStatus.GOOD, SignatureStatus.GOOD), statuses(report));
        Set<String> verified = report.files().stream().filter(FileCheck::isVerified).map(FileCheck::path)
                .collect(Collectors.toSet());
        assertEquals(Set.of("main/binary-amd64/Packages.xz", "main/Contents-all.gz", "main/Contents-amd64.gz"),
                verified);
        assertEquals(report.files().size() - 3, report.count(FileCheck.Outcome.ABSENT));
        assertEquals(List.of(), report.findings().stream().filter(Finding::isError).toList());
        System.out.println("RealTreeAuditTest: bookworm lists " + report.files().size() + " files; findings: "
                + report.findings());
    }

    @Test
    void deepBookwormReportsEveryPoolFileMissing() throws Exception {
        Path mirror = mirror();
        Set<String> filenames = new HashSet<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new XZInputStream(Files.newInputStream(
                mirror.resolve("dists/bookworm/main/binary-amd64/Packages.xz"))), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("Filename: ")) {
                    filenames.add(line.substring("Filename: ".length()).strip());
                }
            }
        }
        AtomicLong lastDone = new AtomicLong(-1);
        AtomicLong lastTotal = new AtomicLong(-1);
        long start = System.nanoTime();
        TrustReport report = TreeAudit.run(mirror, "bookworm", archiveKeyring(),
                AuditOptions.at(FETCHED).withDeep(true), (phase, done, total) -> {
                    lastDone.set(done);
                    lastTotal.set(total);
                });
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertFalse(report.ok());
        TrustReport.PoolSummary pool = report.pool().orElseThrow();
        assertEquals(filenames.size(), pool.listed());
        assertEquals(new TrustReport.PoolSummary(filenames.size(), 0, filenames.size(), 0, 0), pool);
        List<Finding> missing = report.findings().stream().filter(f -> f.code() == FindingCode.DEB_MISSING).toList();
        assertEquals(filenames.size(), missing.size());
        assertEquals(filenames, missing.stream().map(Finding::target).collect(Collectors.toSet()));
        assertEquals(missing.size(), report.findings().stream().filter(Finding::isError).count(),
                "nothing else is wrong");
        assertEquals(filenames.size(), lastDone.get());
        assertEquals(filenames.size(), lastTotal.get());
        System.out.printf("RealTreeAuditTest: deep bookworm: %,d pool files listed, %,d missing, in %.1f s%n",
                pool.listed(), pool.missing(), millis / 1000.0);
    }
}
