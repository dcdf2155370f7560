package org.debindex.core.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.debindex.core.FindingCode;
import org.debindex.core.Severity;
import org.debindex.core.cache.CacheLayout;
import org.debindex.core.index.IndexBuildOptions;
import org.debindex.core.index.PackageIndex;
import org.debindex.core.openpgp.TestKeys;
import org.debindex.core.source.SourceList;
import org.debindex.core.source.SourcesParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two source forms apt accepts beside the usual {@code dists/} layout: a flat repository
 * ({@code deb URI ./}: Release and Packages at the top of the tree, no components) and
 * {@code trusted=yes} (apt-secure bypassed: an unsigned or badly signed Release is used with a
 * warning, but every index file is still checked against it).
 */
class FlatAndTrustedRepositoryTest {

    private static final String PACKAGES = "Package: flat-hello\nVersion: 2.0-1\nArchitecture: all\n"
            + "Description: greets from a flat repository\n";

    @TempDir
    Path dir;
    private CacheLayout cache;
    private TestKeys.TestKey key;
    private Path keyring;
    private Path repo;

    @BeforeEach
    void setUp() throws Exception {
        cache = new CacheLayout(dir.resolve("cache"));
        key = TestKeys.key(TestKeys.Kind.ED25519).build();
        keyring = dir.resolve("keyring.gpg");
        Files.write(keyring, key.binary());
        repo = dir.resolve("flat");
        Files.createDirectories(repo);
    }

    /** Writes Packages, Packages.gz and a Release listing both; returns the Release text. */
    private String publish(byte[] packages) throws Exception {
        Files.write(repo.resolve("Packages"), packages);
        byte[] gz = TestRepository.gzip(new String(packages, StandardCharsets.UTF_8));
        Files.write(repo.resolve("Packages.gz"), gz);
        String release = "Origin: Flat\nLabel: Flat\nDate: Fri, 30 May 2025 00:00:00 UTC\nSHA256:\n"
                + " " + Acquisition.sha256(packages) + " " + packages.length + " Packages\n"
                + " " + Acquisition.sha256(gz) + " " + gz.length + " Packages.gz\n";
        Files.writeString(repo.resolve("Release"), release);
        return release;
    }

    private AcquisitionReport run(String line) throws Exception {
        SourceList sources = new SourcesParser("amd64").parseRepo(line);
        List<AcquisitionReport> reports = new Acquisition(AcquisitionTest.fetcher(), cache,
                AcquisitionOptions.defaults(List.of("amd64")).at(TestRepository.AT), AcquisitionProgress.none())
                .run(sources, List.of());
        assertEquals(1, reports.size());
        return reports.get(0);
    }

    @Test
    void aSignedFlatRepositoryIsFetchedVerifiedAndIndexed() throws Exception {
        String release = publish(PACKAGES.getBytes(StandardCharsets.UTF_8));
        Files.write(repo.resolve("InRelease"), TestKeys.clearsign(release, "SHA512", TestKeys.by(key)));
        AcquisitionReport report = run("deb [signed-by=" + keyring + "] " + repo.toUri() + " ./");
        assertEquals(AcquisitionReport.Outcome.UPDATED, report.outcome(), report.findings().toString());
        List<VerifiedIndex> verified = SuiteManifest.verifiedIndexes(cache);
        assertEquals(1, verified.size(), verified.toString());
        assertEquals(IndexKind.PACKAGES, verified.get(0).kind());
        assertEquals("", verified.get(0).component());
        assertEquals("Packages.gz", verified.get(0).listedPath());

        PackageIndex index = CachedIndex.open(cache, IndexBuildOptions.defaults()).index();
        assertEquals(1, index.size());
        assertEquals("2.0-1", index.packages("flat-hello").get(0).version().toString());
    }

    @Test
    void aFlatRepositoryWithATamperedPackagesFileFailsThatTarget() throws Exception {
        String release = publish(PACKAGES.getBytes(StandardCharsets.UTF_8));
        Files.write(repo.resolve("InRelease"), TestKeys.clearsign(release, "SHA512", TestKeys.by(key)));
        Files.write(repo.resolve("Packages.gz"), TestRepository.gzip(PACKAGES.replace("2.0-1", "9.9-1")));
        Files.writeString(repo.resolve("Packages"), PACKAGES.replace("2.0-1", "9.9-1"));
        AcquisitionReport report = run("deb [signed-by=" + keyring + "] " + repo.toUri() + " ./");
        assertTrue(report.hasFailures(), report.toString());
        assertTrue(report.findings().stream().anyMatch(f -> f.severity() == Severity.ERROR
                && (f.code() == FindingCode.INDEX_HASH_MISMATCH || f.code() == FindingCode.INDEX_SIZE_MISMATCH)),
                report.findings().toString());
        assertEquals(List.of(), SuiteManifest.verifiedIndexes(cache), "nothing unverified is kept");
    }

    @Test
    void anUnsignedRepositoryFailsUnlessTrustedYesAndThenHashesStillCount() throws Exception {
        publish(PACKAGES.getBytes(StandardCharsets.UTF_8));
        AcquisitionReport refused = run("deb [signed-by=" + keyring + "] " + repo.toUri() + " ./");
        assertEquals(AcquisitionReport.Outcome.FAILED, refused.outcome());
        assertEquals(FindingCode.RELEASE_UNSIGNED, refused.findings().get(0).code(), refused.findings().toString());

        AcquisitionReport trusted = run("deb [trusted=yes] " + repo.toUri() + " ./");
        assertEquals(AcquisitionReport.Outcome.UPDATED, trusted.outcome(), trusted.findings().toString());
        assertEquals(1, SuiteManifest.verifiedIndexes(cache).size());

        // trusted=yes waives the signature, never the digests (a fresh cache: with the Release
        // unchanged, the held verified file would be kept without fetching, as apt does)
        cache = new CacheLayout(dir.resolve("cache2"));
        Files.writeString(repo.resolve("Packages"), PACKAGES.replace("2.0-1", "9.9-1"));
        Files.write(repo.resolve("Packages.gz"), TestRepository.gzip(PACKAGES.replace("2.0-1", "9.9-1")));
        AcquisitionReport tampered = run("deb [trusted=yes] " + repo.toUri() + " ./");
        assertTrue(tampered.hasFailures(), tampered.toString());
        assertEquals(List.of(), SuiteManifest.verifiedIndexes(cache), "nothing unverified is kept");
    }

    @Test
    void trustedYesUsesABadlySignedReleaseWithAWarning() throws Exception {
        String release = publish(PACKAGES.getBytes(StandardCharsets.UTF_8));
        TestKeys.TestKey other = TestKeys.key(TestKeys.Kind.ED25519).build();
        Files.write(repo.resolve("InRelease"), TestKeys.clearsign(release, "SHA512", TestKeys.by(other)));
        AcquisitionReport refused = run("deb [signed-by=" + keyring + "] " + repo.toUri() + " ./");
        assertEquals(AcquisitionReport.Outcome.FAILED, refused.outcome(), refused.findings().toString());

        AcquisitionReport trusted = run("deb [signed-by=" + keyring + " trusted=yes] " + repo.toUri() + " ./");
        assertEquals(AcquisitionReport.Outcome.UPDATED, trusted.outcome(), trusted.findings().toString());
        assertTrue(trusted.findings().stream().anyMatch(f -> f.severity() == Severity.WARNING
                && f.message().endsWith("used anyway: the source says trusted=yes")), trusted.findings().toString());
    }
}
