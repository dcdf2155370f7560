package org.debindex.verify.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.debindex.core.Finding;
import org.debindex.core.FindingCode;
import org.debindex.core.openpgp.Keyring;
import org.debindex.core.openpgp.TestKeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sampled deep audits of a local tree, and the options and summary that carry the sample. */
class LocalPoolSampleTest {

    static TestKeys.TestKey key;
    static Keyring keyring;

    @TempDir
    Path dir;

    @BeforeAll
    static void generateKey() throws Exception {
        key = TestKeys.key(TestKeys.Kind.ED25519).build();
        keyring = key.keyring();
    }

    private static TrustReport audit(TestMirror m, AuditOptions options) throws IOException {
        return TreeAudit.run(m.root, m.suite, keyring, options, AuditProgress.NONE);
    }

    private static AuditOptions deep() {
        return AuditOptions.at(TestMirror.AT).withDeep(true).withParallelism(2);
    }

    @Test
    void sampleOfTwoChecksTwoAndOnlyThoseFilesFindings() throws Exception {
        TestMirror m = TestMirror.stable(dir.resolve("mirror"), key);
        m.write();
        List<String> chosen = PoolAudit.sample(RemotePoolAuditTest.POOL, 2, 7);
        List<String> others = new ArrayList<>(RemotePoolAuditTest.POOL);
        others.removeAll(chosen);
        for (String path : others) {
            Files.delete(m.root.resolve(path)); // outside the sample: never looked at
        }

        TrustReport report = audit(m, deep().withSample(2).withSeed(7));

        assertTrue(report.ok(), () -> report.findings().toString());
        TrustReport.PoolSummary pool = report.pool().orElseThrow();
        assertEquals(5, pool.listed());
        assertEquals(2, pool.sampled());
        assertEquals(2, pool.verified());
        assertTrue(pool.isSampled());
        long bytes = 0;
        for (String path : chosen) {
            bytes += Files.size(m.root.resolve(path));
        }
        assertEquals(bytes, pool.bytes());
    }

    @Test
    void sampleThatMeetsADamagedFileReportsIt() throws Exception {
        TestMirror m = TestMirror.stable(dir.resolve("mirror"), key);
        m.write();
        String victim = PoolAudit.sample(RemotePoolAuditTest.POOL, 1, 3).get(0);
        Files.delete(m.root.resolve(victim));

        TrustReport report = audit(m, deep().withSample(1).withSeed(3));

        List<Finding> missing = report.findings().stream().filter(f -> f.code() == FindingCode.DEB_MISSING).toList();
        assertEquals(1, missing.size(), () -> report.findings().toString());
        assertEquals(victim, missing.get(0).target());
        assertTrue(missing.get(0).message().endsWith(" but absent from the tree"), missing.get(0).message());
        assertEquals(new TrustReport.PoolSummary(5, 0, 1, 0, 0, 1), report.pool().orElseThrow());
    }

    @Test
    void withoutSampleEveryFileIsCheckedAndTheSummaryIsAsBefore() throws Exception {
        TestMirror m = TestMirror.stable(dir.resolve("mirror"), key);
        m.write();
        TrustReport report = audit(m, deep().withSample(3).withoutSample());
        TrustReport.PoolSummary pool = report.pool().orElseThrow();
        assertEquals(5, pool.sampled());
        assertFalse(pool.isSampled());
        assertEquals(new TrustReport.PoolSummary(5, 5, 0, 0, pool.bytes()), pool);
    }

    @Test
    void optionsKeepTheSampleAndSeedThroughEveryWither() {
        AuditOptions o = AuditOptions.at(TestMirror.AT).withSample(4).withSeed(99).withDeep(true).withParallelism(3);
        assertEquals(OptionalInt.of(4), o.sample());
        assertEquals(99, o.seed());
        assertTrue(o.deep());
        assertEquals(OptionalInt.empty(), AuditOptions.at(TestMirror.AT).sample());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> o.withSample(0));
        assertEquals("sample must be at least 1: 0", e.getMessage());
    }

    @Test
    void summaryRefusesImpossibleCounts() {
        assertThrows(IllegalArgumentException.class, () -> new TrustReport.PoolSummary(2, 0, 0, 0, 0, 3));
        assertThrows(IllegalArgumentException.class, () -> new TrustReport.PoolSummary(5, 2, 1, 0, 0, 2));
        assertThrows(IllegalArgumentException.class, () -> new TrustReport.PoolSummary(5, 0, 0, 0, -1, 5));
    }
}
