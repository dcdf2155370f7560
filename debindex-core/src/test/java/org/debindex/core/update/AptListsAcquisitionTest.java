package org.debindex.core.update;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.debindex.core.Finding;
import org.debindex.core.FindingCode;
import org.debindex.core.Severity;
import org.debindex.core.cache.CacheLayout;
import org.debindex.core.compress.Lz4FrameWriter;
import org.debindex.core.source.SourceList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Acquisition#fromAptLists}: a generated signed repository laid out as apt keeps it in
 * {@code /var/lib/apt/lists} (uncompressed, recompressed as lz4 or gzip), for a source on {@code
 * http://mirror.example/debian} that is never contacted.
 */
class AptListsAcquisitionTest {

    /** apt's names for this source's files (checked against real apt in AptListNamesTest). */
    private static final String PREFIX = "mirror.example_debian_dists_trixie_";
    private static final String PACKAGES = PREFIX + "main_binary-amd64_Packages";
    private static final String TRANSLATION = PREFIX + "main_i18n_Translation-en";

    @TempDir
    Path dir;

    TestRepository repo;
    CacheLayout cache;
    Path lists;

    @BeforeEach
    void setUp() throws Exception {
        repo = TestRepository.create(dir).publish();
        cache = new CacheLayout(dir.resolve("cache"));
        lists = dir.resolve("apt-lists");
        Files.createDirectories(lists);
    }

    /** How apt stored the index files. */
    enum Stored {
        PLAIN(""), LZ4(".lz4"), GZIP(".gz");

        final String suffix;

        Stored(String suffix) {
            this.suffix = suffix;
        }

        byte[] encode(byte[] data) throws Exception {
            switch (this) {
                case LZ4:
                    return Lz4FrameWriter.likeTheLz4Tool().frame(data);
                case GZIP:
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                        gz.write(data);
                    }
                    return out.toByteArray();
                default:
                    return data;
            }
        }
    }

    /** Lays the published repository out in {@code lists} as apt would keep it. */
    void layOut(Stored stored) throws Exception {
        Files.copy(repo.file("InRelease"), lists.resolve(PREFIX + "InRelease"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        store(PACKAGES, "main/binary-amd64/Packages", stored);
        store(TRANSLATION, "main/i18n/Translation-en", stored);
    }

    void store(String name, String path, Stored stored) throws Exception {
        for (Stored s : Stored.values()) {
            Files.deleteIfExists(lists.resolve(name + s.suffix));
        }
        Files.write(lists.resolve(name + stored.suffix), stored.encode(Files.readAllBytes(repo.file(path))));
    }

    SourceList sources() throws Exception {
        return repo.sources("http://mirror.example/debian", "");
    }

    AcquisitionReport run() throws Exception {
        List<AcquisitionReport> reports = Acquisition.fromAptLists(lists, cache,
                AcquisitionOptions.defaults(List.of("amd64")).at(TestRepository.AT), AcquisitionProgress.none())
                .run(sources(), List.of());
        assertEquals(1, reports.size());
        return reports.get(0);
    }

    static Map<IndexKind, TargetReport.Outcome> outcomes(AcquisitionReport r) {
        return r.targets().stream().collect(Collectors.toMap(t -> t.target().kind(), TargetReport::outcome));
    }

    static List<Finding> findings(AcquisitionReport r, FindingCode code, Severity severity) {
        return r.findings().stream().filter(f -> f.code() == code && f.severity() == severity).toList();
    }

    void assertImported(AcquisitionReport r) throws Exception {
        assertEquals(AcquisitionReport.Outcome.UPDATED, r.outcome(), r.findings().toString());
        assertFalse(r.hasFailures(), r.findings().toString());
        assertTrue(r.verification().orElseThrow().isAccepted());
        assertEquals(Map.of(IndexKind.PACKAGES, TargetReport.Outcome.FETCHED,
                IndexKind.TRANSLATION, TargetReport.Outcome.FETCHED), outcomes(r));
        // kept as the uncompressed file the Release lists, whatever apt stored
        assertEquals(List.of("main/binary-amd64/Packages", "main/i18n/Translation-en"),
                r.verified().stream().map(VerifiedIndex::listedPath).toList());
        VerifiedIndex packages = r.verified().get(0);
        assertArrayEquals(Files.readAllBytes(repo.file("main/binary-amd64/Packages")),
                Files.readAllBytes(packages.file()));
        assertEquals(Acquisition.sha256(Files.readAllBytes(repo.file("main/binary-amd64/Packages"))), packages.sha256());
        assertEquals("http://mirror.example/debian/", packages.baseUri().toString());
        assertEquals(r.verified(), SuiteManifest.verifiedIndexes(cache), "read back from the manifest alone");
        assertEquals(List.of(), TestRepository.names(cache.partial()));
        assertTrue(Files.readString(cache.stateFile()).contains("Repository: http://mirror.example/debian/ trixie"));
    }

    @Test
    void uncompressedListsAreVerifiedIntoTheCache() throws Exception {
        layOut(Stored.PLAIN);
        assertImported(run());
        // the same lists again: nothing new to verify
        AcquisitionReport again = run();
        assertEquals(AcquisitionReport.Outcome.UNCHANGED, again.outcome(), again.findings().toString());
        assertTrue(again.targets().stream().allMatch(t -> t.outcome() == TargetReport.Outcome.UNCHANGED));
    }

    @Test
    void lz4ListsAreVerifiedByTheirDecompressedContent() throws Exception {
        layOut(Stored.LZ4);
        assertImported(run());
    }

    @Test
    void gzipRecompressedByAptIsVerifiedByItsContentNotAgainstTheListedGzip() throws Exception {
        Path listedGz = repo.file("main/binary-amd64/Packages.gz");
        layOut(Stored.GZIP);
        // another gzip of the same text than the one the Release lists (apt recompresses)
        byte[] stored = Files.readAllBytes(lists.resolve(PACKAGES + ".gz"));
        stored[4] ^= 1; // the gzip header's mtime: other bytes, same content
        Files.write(lists.resolve(PACKAGES + ".gz"), stored);
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(listedGz), stored));
        assertImported(run());
    }

    @Test
    void tamperedLz4FailsItsTargetAndNothingUnverifiedEntersTheCache() throws Exception {
        layOut(Stored.LZ4);
        byte[] text = Files.readAllBytes(repo.file("main/binary-amd64/Packages"));
        String evil = new String(text, StandardCharsets.UTF_8).replace("Version: 1.0", "Version: 6.6");
        Files.write(lists.resolve(PACKAGES + ".lz4"),
                Lz4FrameWriter.likeTheLz4Tool().frame(evil.getBytes(StandardCharsets.UTF_8)));
        AcquisitionReport r = run();
        assertEquals(TargetReport.Outcome.FAILED, outcomes(r).get(IndexKind.PACKAGES), r.findings().toString());
        assertEquals(TargetReport.Outcome.FETCHED, outcomes(r).get(IndexKind.TRANSLATION));
        List<Finding> mismatch = findings(r, FindingCode.INDEX_HASH_MISMATCH, Severity.ERROR);
        assertEquals(1, mismatch.size(), r.findings().toString());
        assertEquals("dists/trixie/main/binary-amd64/Packages", mismatch.get(0).target());
        assertTrue(mismatch.get(0).message().contains("read from " + lists.resolve(PACKAGES + ".lz4").toAbsolutePath()),
                mismatch.get(0).message());
        assertTrue(TestRepository.names(cache.lists()).stream().noneMatch(n -> n.contains("Packages")),
                TestRepository.names(cache.lists()).toString());
        assertEquals(List.of(IndexKind.TRANSLATION), SuiteManifest.verifiedIndexes(cache).stream()
                .map(VerifiedIndex::kind).toList());
        assertEquals(List.of(), TestRepository.names(cache.partial()));
    }

    @Test
    void lz4DecompressingBeyondTheListedSizeStopsThere() throws Exception {
        layOut(Stored.LZ4);
        byte[] text = Files.readAllBytes(repo.file("main/binary-amd64/Packages"));
        byte[] longer = (new String(text, StandardCharsets.UTF_8) + "\nPackage: evil\nVersion: 1\n".repeat(10_000))
                .getBytes(StandardCharsets.UTF_8);
        Files.write(lists.resolve(PACKAGES + ".lz4"), Lz4FrameWriter.likeTheLz4Tool().frame(longer));
        AcquisitionReport r = run();
        assertEquals(TargetReport.Outcome.FAILED, outcomes(r).get(IndexKind.PACKAGES), r.findings().toString());
        assertEquals(1, findings(r, FindingCode.LIMIT_EXCEEDED, Severity.ERROR).size(), r.findings().toString());
        assertTrue(TestRepository.names(cache.lists()).stream().noneMatch(n -> n.contains("Packages")));
        assertEquals(List.of(), TestRepository.names(cache.partial()));
    }

    @Test
    void corruptLz4IsADecompressionFailure() throws Exception {
        layOut(Stored.LZ4);
        Path file = lists.resolve(PACKAGES + ".lz4");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 6)); // cut inside the frame
        AcquisitionReport r = run();
        assertEquals(TargetReport.Outcome.FAILED, outcomes(r).get(IndexKind.PACKAGES), r.findings().toString());
        assertEquals(1, findings(r, FindingCode.INDEX_DECOMPRESS, Severity.ERROR).size(), r.findings().toString());
        assertTrue(TestRepository.names(cache.lists()).stream().noneMatch(n -> n.contains("Packages")));
    }

    @Test
    void missingPackagesFailsNamingTheFilesLookedForAndMissingTranslationIsANote() throws Exception {
        layOut(Stored.LZ4);
        Files.delete(lists.resolve(PACKAGES + ".lz4"));
        Files.delete(lists.resolve(TRANSLATION + ".lz4"));
        AcquisitionReport r = run();
        assertEquals(TargetReport.Outcome.FAILED, outcomes(r).get(IndexKind.PACKAGES));
        assertEquals(TargetReport.Outcome.SKIPPED, outcomes(r).get(IndexKind.TRANSLATION));
        List<Finding> missing = findings(r, FindingCode.INDEX_MISSING, Severity.ERROR);
        assertEquals(1, missing.size(), r.findings().toString());
        String message = missing.get(0).message();
        assertTrue(message.contains("in apt's lists " + lists.toAbsolutePath()), message);
        assertTrue(message.endsWith("(looked for " + PACKAGES + " as it is or with .lz4, .gz, .xz, .zst, .bz2)"), message);
        assertEquals(1, findings(r, FindingCode.INDEX_MISSING, Severity.NOTE).size(), r.findings().toString());
    }

    @Test
    void detachedReleaseAndReleaseGpgAreUsedWithoutInRelease() throws Exception {
        layOut(Stored.LZ4);
        Files.delete(lists.resolve(PREFIX + "InRelease"));
        Files.copy(repo.file("Release"), lists.resolve(PREFIX + "Release"));
        Files.copy(repo.file("Release.gpg"), lists.resolve(PREFIX + "Release.gpg"));
        assertImported(run());
        assertTrue(TestRepository.names(cache.lists()).stream().anyMatch(n -> n.contains("_Release.gpg@")));
    }

    @Test
    void noReleaseAtAllFailsTheSuiteNamingTheFilesLookedFor() throws Exception {
        layOut(Stored.PLAIN);
        Files.delete(lists.resolve(PREFIX + "InRelease"));
        AcquisitionReport r = run();
        assertEquals(AcquisitionReport.Outcome.FAILED, r.outcome());
        List<Finding> missing = findings(r, FindingCode.RELEASE_MISSING, Severity.ERROR);
        assertEquals(1, missing.size(), r.findings().toString());
        assertTrue(missing.get(0).message().endsWith("(looked for " + PREFIX + "InRelease; " + PREFIX + "Release)"),
                missing.get(0).message());
        assertFalse(Files.exists(cache.stateFile()) && Files.readString(cache.stateFile()).contains("mirror.example"));
    }

    @Test
    void badSignatureFailsTheSuiteAndChangesNothing() throws Exception {
        layOut(Stored.PLAIN);
        Path inRelease = lists.resolve(PREFIX + "InRelease");
        Files.writeString(inRelease, Files.readString(inRelease).replace("Label: Test", "Label: Tast"));
        AcquisitionReport r = run();
        assertEquals(AcquisitionReport.Outcome.FAILED, r.outcome());
        assertEquals(1, findings(r, FindingCode.SIG_BAD, Severity.ERROR).size(), r.findings().toString());
        assertEquals(List.of(), TestRepository.names(cache.lists()));
    }

    @Test
    void olderListsThanTheCacheHoldsAreARollback() throws Exception {
        repo.date = Instant.parse("2025-05-31T00:00:00Z");
        repo.publish();
        layOut(Stored.LZ4);
        assertImported(run());
        repo.date = Instant.parse("2025-05-30T00:00:00Z");
        repo.publish();
        layOut(Stored.LZ4);
        AcquisitionReport r = run();
        assertEquals(AcquisitionReport.Outcome.FAILED, r.outcome());
        assertEquals(1, findings(r, FindingCode.RELEASE_ROLLBACK, Severity.ERROR).size(), r.findings().toString());
    }

    @Test
    void flatRepositoryKeepsItsDotSlashInAptsNames() throws Exception {
        byte[] packages = "Package: flat\nVersion: 1\nArchitecture: amd64\n".getBytes(StandardCharsets.UTF_8);
        String release = "Origin: Test\nLabel: Test\nSuite: flat\nCodename: flat\n"
                + "Date: Fri, 30 May 2025 00:00:00 UTC\nSHA256:\n"
                + " " + Acquisition.sha256(packages) + " " + packages.length + " Packages\n";
        // the names real apt gives (apt-get update --print-uris) for "deb http://mirror.example/flat_repo/ ./"
        Files.write(lists.resolve("mirror.example_flat%5frepo_._InRelease"),
                org.debindex.core.openpgp.TestKeys.clearsign(release, "SHA512",
                        org.debindex.core.openpgp.TestKeys.by(repo.key)));
        Files.write(lists.resolve("mirror.example_flat%5frepo_._Packages.lz4"),
                Lz4FrameWriter.likeTheLz4Tool().frame(packages));
        SourceList flat = new org.debindex.core.source.SourcesParser("amd64")
                .parseRepo("deb [signed-by=" + repo.keyring + "] http://mirror.example/flat_repo/ ./");
        List<AcquisitionReport> reports = Acquisition.fromAptLists(lists, cache,
                AcquisitionOptions.defaults(List.of("amd64")).at(TestRepository.AT), AcquisitionProgress.none())
                .run(flat, List.of());
        AcquisitionReport r = reports.get(0);
        assertEquals(AcquisitionReport.Outcome.UPDATED, r.outcome(), r.findings().toString());
        assertFalse(r.hasFailures(), r.findings().toString());
        assertEquals(List.of("Packages"), r.verified().stream().map(VerifiedIndex::listedPath).toList());
        assertArrayEquals(packages, Files.readAllBytes(r.verified().get(0).file()));
    }

    @Test
    void recompressedFileIsUnverifiableWhenTheReleaseListsNoUncompressedEntry() throws Exception {
        byte[] packages = Files.readAllBytes(repo.file("main/binary-amd64/Packages"));
        byte[] gz = Files.readAllBytes(repo.file("main/binary-amd64/Packages.gz"));
        // a Release that lists Packages.gz only, as some repositories do
        String release = "Origin: Test\nLabel: Test\nSuite: stable\nCodename: trixie\n"
                + "Date: Fri, 30 May 2025 00:00:00 UTC\nArchitectures: amd64\nComponents: main\nSHA256:\n"
                + " " + Acquisition.sha256(gz) + " " + gz.length + " main/binary-amd64/Packages.gz\n";
        Files.write(lists.resolve(PREFIX + "InRelease"), org.debindex.core.openpgp.TestKeys.clearsign(release,
                "SHA512", org.debindex.core.openpgp.TestKeys.by(repo.key)));
        Files.write(lists.resolve(PACKAGES + ".lz4"), Lz4FrameWriter.likeTheLz4Tool().frame(packages));
        AcquisitionReport r = run();
        assertEquals(TargetReport.Outcome.FAILED, outcomes(r).get(IndexKind.PACKAGES), r.findings().toString());
        List<Finding> f = findings(r, FindingCode.INDEX_NOT_LISTED, Severity.ERROR);
        assertEquals(1, f.size(), r.findings().toString());
        assertTrue(f.get(0).message().startsWith("cannot be verified from " + lists.resolve(PACKAGES + ".lz4")),
                f.get(0).message());
        assertTrue(TestRepository.names(cache.lists()).stream().noneMatch(n -> n.contains("Packages")));

        // apt kept exactly the listed gzip: that is verified as it is
        Files.delete(lists.resolve(PACKAGES + ".lz4"));
        Files.write(lists.resolve(PACKAGES + ".gz"), gz);
        AcquisitionReport kept = run();
        assertEquals(TargetReport.Outcome.FETCHED, outcomes(kept).get(IndexKind.PACKAGES), kept.findings().toString());
        assertEquals(List.of("main/binary-amd64/Packages.gz"), kept.verified().stream()
                .map(VerifiedIndex::listedPath).toList());
    }
}
