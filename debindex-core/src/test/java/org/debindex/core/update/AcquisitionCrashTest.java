package org.debindex.core.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.debindex.core.cache.CacheLayout;
import org.debindex.core.fetch.Fetcher;
import org.debindex.core.model.HashAlgorithm;
import org.debindex.core.trust.Digests;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An update killed after N downloads leaves a cache whose manifests name only files that are
 * there with the content they record, and a normal update afterwards succeeds.
 */
class AcquisitionCrashTest {

    /** Stands for the process dying: an Error, so nothing on the way up handles it. */
    static final class Killed extends Error {
        private static final long serialVersionUID = 1L;
    }

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void killedAfterNDownloadsLeavesAConsistentCache(int n) throws Exception {
        TestRepository repo = TestRepository.create(dir).publish();
        CacheLayout cache = new CacheLayout(dir.resolve("cache"));
        AcquisitionOptions options = AcquisitionOptions.defaults(List.of("amd64")).at(TestRepository.AT).withParallelism(1);
        Fetcher real = AcquisitionTest.fetcher();
        assertFalse(new Acquisition(real, cache, options, AcquisitionProgress.none()).run(repo.sources(), List.of())
                .get(0).hasFailures());
        // a new Release with new Packages, and the update dies after n downloads
        repo.date = Instant.parse("2025-05-31T00:00:00Z");
        // three downloads: InRelease, Packages.gz, Translation-en.gz
        repo.packages("Package: hello\nVersion: 2.0\nArchitecture: amd64\n")
                .translation("Package: hello\nDescription-en: greets twice\n").publish();
        AtomicInteger count = new AtomicInteger();
        Fetcher dying = request -> {
            if (count.getAndIncrement() >= n) {
                throw new Killed();
            }
            return real.fetch(request);
        };
        assertThrows(Killed.class, () -> new Acquisition(dying, cache, options, AcquisitionProgress.none())
                .run(repo.sources(), List.of()));
        assertConsistent(cache);
        List<AcquisitionReport> after = new Acquisition(real, cache, options, AcquisitionProgress.none())
                .run(repo.sources(), List.of());
        assertFalse(after.get(0).hasFailures(), after.get(0).findings().toString());
        assertConsistent(cache);
        assertEquals(AcquisitionReport.Outcome.UPDATED, after.get(0).outcome());
        assertTrue(after.get(0).targets().stream().allMatch(t -> t.outcome() == TargetReport.Outcome.FETCHED));
        assertEquals(2, after.get(0).verified().size());
    }

    static void assertConsistent(CacheLayout cache) throws Exception {
        List<VerifiedIndex> listed = SuiteManifest.verifiedIndexes(cache); // sizes re-checked
        assertEquals(2, listed.size());
        for (VerifiedIndex v : listed) {
            assertEquals(v.sha256(), Digests.of(v.file(), EnumSet.of(HashAlgorithm.SHA256)).digests()
                    .get(HashAlgorithm.SHA256), v.file().toString());
        }
        for (Path m : SuiteManifest.manifests(cache.lists())) {
            SuiteManifest manifest = SuiteManifest.read(m).orElseThrow();
            for (String name : manifest.referencedFiles()) {
                Path file = cache.lists().resolve(name);
                assertTrue(Files.isRegularFile(file), name);
                String sha = name.substring(name.lastIndexOf('@') + 1);
                assertEquals(sha, Acquisition.sha256(Files.readAllBytes(file)), name);
            }
        }
    }
}
