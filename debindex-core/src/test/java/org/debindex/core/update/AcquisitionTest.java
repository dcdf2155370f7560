package org.debindex.core.update;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.debindex.core.Finding;
import org.debindex.core.FindingCode;
import org.debindex.core.Severity;
import org.debindex.core.cache.CacheLayout;
import org.debindex.core.fetch.FetchPolicy;
import org.debindex.core.fetch.Fetcher;
import org.debindex.core.fetch.Fetchers;
import org.debindex.core.source.SourceList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AcquisitionTest {

    @TempDir
    Path dir;

    TestRepository repo;
    CacheLayout cache;

    @BeforeEach
    void setUp() throws Exception {
        repo = TestRepository.create(dir).publish();
        cache = new CacheLayout(dir.resolve("cache"));
    }

    static Fetcher fetcher() {
        return Fetchers.standard(FetchPolicy.defaults().withBackoff(Duration.ZERO, d -> { }));
    }

    AcquisitionReport run(SourceList sources) throws Exception {
        return run(sources, AcquisitionOptions.defaults(List.of("amd64")).at(TestRepository.AT));
    }

    AcquisitionReport run(SourceList sources, AcquisitionOptions options) throws Exception {
        List<AcquisitionReport> reports = new Acquisition(fetcher(), cache, options, AcquisitionProgress.none())
                .run(sources, List.of());
        assertEquals(1, reports.size());
        return reports.get(0);
    }

    static Map<IndexKind, TargetReport.Outcome> outcomes(AcquisitionReport r) {
        return r.targets().stream().collect(Collectors.toMap(t -> t.target().kind(), TargetReport::outcome));
    }

    static boolean has(AcquisitionReport r, FindingCode code, Severity severity) {
        return r.findings().stream().anyMatch(f -> f.code() == code && f.severity() == severity);
    }

    Map<Path, byte[]> snapshot() throws Exception {
        Map<Path, byte[]> out = new java.util.TreeMap<>();
        for (String name : TestRepository.names(cache.lists())) {
            out.put(cache.lists().resolve(name), Files.readAllBytes(cache.lists().resolve(name)));
        }
        out.put(cache.stateFile(), Files.readAllBytes(cache.stateFile()));
        return out;
    }

    void assertUnchanged(Map<Path, byte[]> before) throws Exception {
        Map<Path, byte[]> after = snapshot();
        assertEquals(before.keySet(), after.keySet());
        before.forEach((p, b) -> assertArrayEquals(b, after.get(p), p.toString()));
    }

    @Test
    void goodRepositoryIsVerifiedIntoListsWithManifestAndState() throws Exception {
        AcquisitionReport r = run(repo.sources());
        assertEquals(AcquisitionReport.Outcome.UPDATED, r.outcome(), r.findings().toString());
        assertFalse(r.hasFailures(), r.findings().toString());
        assertTrue(r.verification().orElseThrow().isAccepted());
        assertEquals(Map.of(IndexKind.PACKAGES, TargetReport.Outcome.FETCHED,
                IndexKind.TRANSLATION, TargetReport.Outcome.FETCHED), outcomes(r));
        // gzip is preferred over the uncompressed file
        assertEquals(List.of("main/binary-amd64/Packages.gz", "main/i18n/Translation-en.gz"),
                r.verified().stream().map(VerifiedIndex::listedPath).toList());
        List<String> names = TestRepository.names(cache.lists());
        assertEquals(4, names.size(), names.toString()); // InRelease, Packages.gz, Translation-en.gz, manifest
        assertTrue(names.stream().allMatch(n -> n.contains("@")), names.toString());
        String inRelease = "dists_trixie_InRelease@" + Acquisition.sha256(Files.readAllBytes(repo.file("InRelease")));
        assertTrue(names.stream().anyMatch(n -> n.endsWith(inRelease)), names.toString());
        assertEquals(List.of(), TestRepository.names(cache.partial()));
        String state = Files.readString(cache.stateFile());
        assertTrue(state.contains("Repository: file:" + repo.root.toAbsolutePath() + "/ trixie"), state);
        VerifiedIndex packages = r.verified().get(0);
        assertEquals(IndexKind.PACKAGES, packages.kind());
        assertEquals(Optional.of("amd64"), packages.architecture());
        assertEquals(Optional.of("trixie"), packages.codename());
        assertEquals(Optional.of(repo.date), packages.releaseDate(), "the Release's Date, for check's record");
        assertArrayEquals(Files.readAllBytes(repo.file("main/binary-amd64/Packages.gz")), Files.readAllBytes(packages.file()));
        assertEquals(Optional.of(Files.size(repo.file("main/binary-amd64/Packages"))), packages.uncompressedSize());
        assertEquals(r.verified(), SuiteManifest.verifiedIndexes(cache), "read back from the manifests alone");
    }

    @Test
    void secondRunOverHttpIsUnchangedWithOneRequest() throws Exception {
        try (RepositoryServer server = new RepositoryServer(repo.root)) {
            SourceList sources = repo.sources(server.base().toString(), "");
            assertEquals(AcquisitionReport.Outcome.UPDATED, run(sources).outcome());
            int first = server.requests().size();
            AcquisitionReport second = run(sources);
            assertEquals(AcquisitionReport.Outcome.UNCHANGED, second.outcome(), second.findings().toString());
            assertEquals(List.of("/dists/trixie/InRelease"), server.requests().subList(first, server.requests().size()));
            assertEquals(2, second.verified().size());
            assertTrue(second.targets().stream().allMatch(t -> t.outcome() == TargetReport.Outcome.UNCHANGED));
        }
    }

    @Test
    void anOptionalFileAbsentUnderAnUnchangedReleaseIsNotAskedForAgain() throws Exception {
        repo.unlist("main/i18n/Translation-en").unlist("main/i18n/Translation-en.gz").publish();
        try (RepositoryServer server = new RepositoryServer(repo.root)) {
            SourceList sources = repo.sources(server.base().toString(), "");
            AcquisitionReport first = run(sources);
            assertEquals(AcquisitionReport.Outcome.UPDATED, first.outcome(), first.findings().toString());
            assertEquals(1, server.count("/dists/trixie/main/i18n/Translation-en.gz"));
            int before = server.requests().size();
            AcquisitionReport second = run(sources);
            assertEquals(AcquisitionReport.Outcome.UNCHANGED, second.outcome(), second.findings().toString());
            assertEquals(List.of("/dists/trixie/InRelease"), server.requests().subList(before, server.requests().size()),
                    "a partial mirror whose Release is unchanged costs one request");
            assertEquals(TargetReport.Outcome.SKIPPED, outcomes(second).get(IndexKind.TRANSLATION));
            assertTrue(has(second, FindingCode.INDEX_MISSING, Severity.NOTE), second.findings().toString());

            // a new Release: the optional file is asked for again, and found
            repo.unlisted.clear();
            repo.date = repo.date.plusSeconds(3600);
            repo.publish();
            AcquisitionReport third = run(sources);
            assertEquals(TargetReport.Outcome.FETCHED, outcomes(third).get(IndexKind.TRANSLATION),
                    third.findings().toString());
        }
    }

    @Test
    void unchangedReleaseThatExpiredSinceIsRefused() throws Exception {
        repo.validUntil = Optional.of(Instant.parse("2025-06-03T00:00:00Z"));
        repo.publish();
        try (RepositoryServer server = new RepositoryServer(repo.root)) {
            SourceList sources = repo.sources(server.base().toString(), "");
            assertEquals(AcquisitionReport.Outcome.UPDATED, run(sources).outcome());
            Map<Path, byte[]> before = snapshot();
            AcquisitionReport later = run(sources, AcquisitionOptions.defaults(List.of("amd64"))
                    .at(Instant.parse("2025-06-04T00:00:00Z")));
            assertEquals(AcquisitionReport.Outcome.FAILED, later.outcome());
            assertTrue(has(later, FindingCode.RELEASE_EXPIRED, Severity.ERROR), later.findings().toString());
            assertUnchanged(before);
        }
    }

    @Test
    void missingInReleaseFallsBackToReleaseAndReleaseGpg() throws Exception {
        Files.delete(repo.file("InRelease"));
        try (RepositoryServer server = new RepositoryServer(repo.root)) {
            AcquisitionReport r = run(repo.sources(server.base().toString(), ""));
            assertEquals(AcquisitionReport.Outcome.UPDATED, r.outcome(), r.findings().toString());
            assertEquals(1, server.count("/dists/trixie/Release.gpg"));
            assertTrue(TestRepository.names(cache.lists()).stream().anyMatch(n -> n.contains("_Release.gpg@")));
        }
    }

    @Test
    void serverErrorOnInReleaseIsNoReasonToFallBack() throws Exception {
        try (RepositoryServer server = new RepositoryServer(repo.root)) {
            server.failFirst("/dists/trixie/InRelease", 403);
            AcquisitionReport r = run(repo.sources(server.base().toString(), ""));
            assertEquals(AcquisitionReport.Outcome.FAILED, r.outcome());
            assertTrue(has(r, FindingCode.RELEASE_MISSING, Severity.ERROR));
            assertEquals(0, server.count("/dists/trixie/Release"));
        }
    }

    @Test
    void badSignatureFailsAndKeepsPreviousListsAndState() throws Exception {
        assertEquals(AcquisitionReport.Outcome.UPDATED, run(repo.sources()).outcome());
        Map<Path, byte[]> before = snapshot();
        String text = Files.readString(repo.file("InRelease"));
        Files.writeString(repo.file("InRelease"), text.replace("Label: Test", "Label: Tast"));
        AcquisitionReport r = run(repo.sources());
        assertEquals(AcquisitionReport.Outcome.FAILED, r.outcome());
        assertTrue(has(r, FindingCode.SIG_BAD, Severity.ERROR), r.findings().toString());
        assertFalse(r.verification().orElseThrow().isAccepted());
        assertEquals(2, r.verified().size(), "the previous verified files are still reported");
        assertUnchanged(before);
    }

    @Test
    void wrongHashOnPackagesFailsThatTargetOnlyAndKeepsThePreviousFile() throws Exception {
        AcquisitionReport good = run(repo.sources());
        Path oldPackages = good.verified().get(0).file();
        repo.date = Instant.parse("2025-05-31T00:00:00Z");
        repo.packages("Package: hello\nVersion: 2.0\nArchitecture: amd64\n").publish();
        Path gz = repo.file("main/binary-amd64/Packages.gz");
        byte[] bytes = Files.readAllBytes(gz);
        bytes[bytes.length - 5] ^= 1; // same size, other content
        Files.write(gz, bytes);
        AcquisitionReport r = run(repo.sources());
        assertEquals(AcquisitionReport.Outcome.UPDATED, r.outcome());
        assertTrue(r.hasFailures());
        assertEquals(TargetReport.Outcome.FAILED, outcomes(r).get(IndexKind.PACKAGES));
        assertEquals(TargetReport.Outcome.UNCHANGED, outcomes(r).get(IndexKind.TRANSLATION));
        assertTrue(has(r, FindingCode.INDEX_HASH_MISMATCH, Severity.ERROR), r.findings().toString());
        List<VerifiedIndex> listed = SuiteManifest.verifiedIndexes(cache);
        assertEquals(oldPackages, listed.get(0).file(), "the previous Packages is kept");
        assertTrue(Files.exists(oldPackages));
        String manifest = Files.readString(cache.lists().resolve(SuiteManifest.fileName(
                repo.sources().entries().get(0).uri(), "trixie")));
        assertEquals(3, manifest.split("Release-File: ", -1).length - 1,
                "head, kept Packages and Translation each name a Release file: " + manifest);
        assertTrue(TestRepository.names(cache.lists()).stream().filter(n -> n.contains("_InRelease@")).count() == 2,
                "the old InRelease stays, paired with the kept Packages");
    }

    @Test
    void aFileThatFailsToDecodeFailsItsTargetOnlyWhileTheOtherIsFetchedBesideIt() throws Exception {
        AcquisitionReport good = run(repo.sources());
        Path oldPackages = good.verified().get(0).file();
        repo.date = Instant.parse("2025-05-31T00:00:00Z");
        // the compressed file matches its listed hash; its content does not match the listed Packages
        repo.packagesNotMatching("Package: hello\nVersion: 2.0\nArchitecture: amd64\n",
                        "Package: hello\nVersion: 2.0\nArchitecture: arm64\n")
                .translation("Package: hello\nDescription-en: greets anew\n").publish();
        AcquisitionReport r = run(repo.sources());
        assertEquals(AcquisitionReport.Outcome.UPDATED, r.outcome());
        assertEquals(List.of(IndexKind.PACKAGES, IndexKind.TRANSLATION),
                r.targets().stream().map(t -> t.target().kind()).toList(), "reports in target order");
        assertEquals(TargetReport.Outcome.FAILED, outcomes(r).get(IndexKind.PACKAGES));
        assertEquals(TargetReport.Outcome.FETCHED, outcomes(r).get(IndexKind.TRANSLATION));
        assertTrue(r.findings().stream().anyMatch(f -> f.severity() == Severity.ERROR
                && f.target().endsWith("Packages.gz") && f.message().contains("decompressed content does not match")),
                r.findings().toString());
        List<VerifiedIndex> listed = SuiteManifest.verifiedIndexes(cache);
        assertEquals(oldPackages, listed.get(0).file(), "the previous Packages is kept");
        assertArrayEquals(Files.readAllBytes(repo.file("main/i18n/Translation-en.gz")),
                Files.readAllBytes(listed.get(1).file()));
        assertEquals(List.of(), TestRepository.names(cache.partial()), "no partial file is left");
    }

    @Test
    void byHashIsUsedWhenPresent() throws Exception {
        repo.byHash = true;
        repo.publish();
        try (RepositoryServer server = new RepositoryServer(repo.root)) {
            AcquisitionReport r = run(repo.sources(server.base().toString(), ""));
            assertFalse(r.hasFailures(), r.findings().toString());
            assertEquals(0, server.count("/dists/trixie/main/binary-amd64/Packages.gz"));
            assertTrue(server.requests().stream().anyMatch(p -> p.startsWith("/dists/trixie/main/binary-amd64/by-hash/SHA256/")));
        }
    }

    @Test
    void byHashAbsentFallsBackToThePlainPath() throws Exception {
        repo.byHash = true;
        repo.publish();
        deleteTree(repo.file("main/binary-amd64/by-hash"));
        try (RepositoryServer server = new RepositoryServer(repo.root)) {
            AcquisitionReport r = run(repo.sources(server.base().toString(), ""));
            assertFalse(r.hasFailures(), r.findings().toString());
            assertEquals(TargetReport.Outcome.FETCHED, outcomes(r).get(IndexKind.PACKAGES));
            assertEquals(1, server.count("/dists/trixie/main/binary-amd64/Packages.gz"));
        }
    }

    @Test
    void serverErrorIsRetried() throws Exception {
        try (RepositoryServer server = new RepositoryServer(repo.root)) {
            server.failFirst("/dists/trixie/main/binary-amd64/Packages.gz", 500);
            AcquisitionReport r = run(repo.sources(server.base().toString(), ""));
            assertFalse(r.hasFailures(), r.findings().toString());
            assertEquals(2, server.count("/dists/trixie/main/binary-amd64/Packages.gz"));
        }
    }

    @Test
    void fileLargerThanListedFailsItsTarget() throws Exception {
        Path gz = repo.file("main/binary-amd64/Packages.gz");
        Files.write(gz, java.util.Arrays.copyOf(Files.readAllBytes(gz), (int) Files.size(gz) + 10));
        try (RepositoryServer server = new RepositoryServer(repo.root)) {
            AcquisitionReport r = run(repo.sources(server.base().toString(), ""));
            assertEquals(TargetReport.Outcome.FAILED, outcomes(r).get(IndexKind.PACKAGES));
            assertTrue(has(r, FindingCode.INDEX_SIZE_MISMATCH, Severity.ERROR), r.findings().toString());
            assertEquals(TargetReport.Outcome.FETCHED, outcomes(r).get(IndexKind.TRANSLATION));
            assertEquals(List.of("main/i18n/Translation-en.gz"),
                    SuiteManifest.verifiedIndexes(cache).stream().map(VerifiedIndex::listedPath).toList());
        }
    }

    @Test
    void olderValidlySignedReleaseIsARollback() throws Exception {
        TestRepository old = new TestRepository(dir.resolve("old"), repo.key);
        old.date = Instant.parse("2025-05-29T00:00:00Z");
        old.publish();
        assertEquals(AcquisitionReport.Outcome.UPDATED, run(repo.sources()).outcome());
        Map<Path, byte[]> before = snapshot();
        Files.copy(old.file("InRelease"), repo.file("InRelease"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        AcquisitionReport r = run(repo.sources());
        assertEquals(AcquisitionReport.Outcome.FAILED, r.outcome());
        assertTrue(has(r, FindingCode.RELEASE_ROLLBACK, Severity.ERROR), r.findings().toString());
        assertUnchanged(before);
    }

    @Test
    void expiredReleaseIsRefusedUnlessCheckValidUntilIsOff() throws Exception {
        repo.validUntil = Optional.of(Instant.parse("2025-06-01T00:00:00Z"));
        repo.publish();
        AcquisitionReport r = run(repo.sources());
        assertEquals(AcquisitionReport.Outcome.FAILED, r.outcome());
        assertTrue(has(r, FindingCode.RELEASE_EXPIRED, Severity.ERROR));
        assertFalse(Files.exists(cache.stateFile()));
        AcquisitionReport off = run(repo.sources("file:" + repo.root.toAbsolutePath(), " check-valid-until=no"));
        assertEquals(AcquisitionReport.Outcome.UPDATED, off.outcome(), off.findings().toString());
        assertFalse(off.hasFailures());
    }

    @Test
    void optionalTranslationAbsentIsANote() throws Exception {
        repo.unlist("main/i18n/Translation-en").unlist("main/i18n/Translation-en.gz").publish();
        AcquisitionReport r = run(repo.sources());
        assertEquals(AcquisitionReport.Outcome.UPDATED, r.outcome());
        assertFalse(r.hasFailures(), r.findings().toString());
        assertEquals(TargetReport.Outcome.SKIPPED, outcomes(r).get(IndexKind.TRANSLATION));
        assertTrue(has(r, FindingCode.INDEX_MISSING, Severity.NOTE));
    }

    @Test
    void packagesOfAConfiguredArchitectureAbsentFailsThatTarget() throws Exception {
        repo.unlist("main/binary-amd64/Packages").unlist("main/binary-amd64/Packages.gz").publish();
        AcquisitionReport r = run(repo.sources());
        assertEquals(TargetReport.Outcome.FAILED, outcomes(r).get(IndexKind.PACKAGES));
        assertTrue(has(r, FindingCode.INDEX_MISSING, Severity.ERROR), r.findings().toString());
        assertTrue(r.hasFailures());
        assertEquals(TargetReport.Outcome.FETCHED, outcomes(r).get(IndexKind.TRANSLATION));
    }

    @Test
    void preferredVariantAbsentFallsBackToTheNextListed() throws Exception {
        repo.unlist("main/binary-amd64/Packages.gz").publish();
        AcquisitionReport r = run(repo.sources());
        assertFalse(r.hasFailures(), r.findings().toString());
        assertEquals("main/binary-amd64/Packages", r.verified().get(0).listedPath());
    }

    static void deleteTree(Path p) throws Exception {
        try (var s = Files.walk(p)) {
            for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }

    static String text(Path p) throws Exception {
        return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
    }

    static List<Finding> errors(AcquisitionReport r) {
        return r.findings().stream().filter(Finding::isError).toList();
    }
}
