package org.debindex.core.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.debindex.core.FindingCode;
import org.debindex.core.Severity;
import org.debindex.core.cache.CacheLayout;
import org.debindex.core.compress.Decompressors;
import org.debindex.core.compress.SizeLimit;
import org.debindex.core.fetch.AptListNames;
import org.debindex.core.index.IndexBuildOptions;
import org.debindex.core.source.SourceList;
import org.debindex.core.source.SourcesParser;
import org.debindex.core.testdata.HostPrograms;
import org.debindex.core.testdata.SharedTestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's real trixie InRelease and Packages laid out as apt keeps them with {@code
 * Acquire::GzipIndexes} (Packages recompressed by the {@code lz4} tool, as apt 2.6 stored it when
 * run on the shared mirror), imported and indexed. Skipped visibly without the shared data or
 * the {@code lz4} tool.
 */
class AptListsRealDataTest {

    @TempDir
    Path dir;

    @Test
    void trixieLz4ListsAreVerifiedAndIndexed() throws Exception {
        Path root = SharedTestData.require();
        Path keyring = SharedTestData.file("keyrings/debian-archive-keyring.gpg");
        Path inRelease = SharedTestData.dists("trixie", "InRelease");
        Path packagesXz = SharedTestData.dists("trixie", "main/binary-amd64/Packages.xz");
        Path lz4 = HostPrograms.require("lz4", "laying out lz4-compressed apt lists");
        String mirror = "file:" + root.resolve("debian");
        URI suite = URI.create(mirror + "/dists/trixie/");
        Path lists = Files.createDirectories(dir.resolve("apt-lists"));
        Files.copy(inRelease, lists.resolve(AptListNames.fileName(suite.resolve("InRelease"))));
        Path plain = dir.resolve("Packages");
        try (InputStream in = Decompressors.open(packagesXz, SizeLimit.defaultLimit())) {
            Files.copy(in, plain);
        }
        Path stored = lists.resolve(AptListNames.fileName(suite.resolve("main/binary-amd64/Packages")) + ".lz4");
        Process p = new ProcessBuilder(lz4.toString(), "-q", "-f", plain.toString(), stored.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), output);

        SourceList sources = new SourcesParser("amd64")
                .parseRepo("deb [signed-by=" + keyring + "] " + mirror + " trixie main");
        CacheLayout cache = new CacheLayout(dir.resolve("cache"));
        List<AcquisitionReport> reports = Acquisition.fromAptLists(lists, cache,
                AcquisitionOptions.defaults(List.of("amd64")).at(Instant.parse("2026-11-26T00:00:00Z")),
                AcquisitionProgress.none()).run(sources, List.of());
        AcquisitionReport trixie = reports.get(0);
        assertEquals(AcquisitionReport.Outcome.UPDATED, trixie.outcome(), trixie.findings().toString());
        assertEquals(3, trixie.verification().orElseThrow().goodSigners().size());
        assertTrue(trixie.targets().stream().anyMatch(t -> t.target().kind() == IndexKind.PACKAGES
                && t.outcome() == TargetReport.Outcome.FETCHED), trixie.targets().toString());
        // Translation-en is not in these lists: optional, a note
        assertTrue(trixie.findings().stream().anyMatch(f -> f.severity() == Severity.NOTE
                && f.code() == FindingCode.INDEX_MISSING && f.target().endsWith("Translation-en")), trixie.findings().toString());
        assertTrue(trixie.findings().stream().noneMatch(f -> f.severity() == Severity.ERROR), trixie.findings().toString());
        VerifiedIndex packages = trixie.verified().get(0);
        assertEquals("main/binary-amd64/Packages", packages.listedPath());
        assertEquals(56_634_892L, packages.size());
        assertEquals(-1L, Files.mismatch(plain, packages.file()), "the cache holds the decompressed content");

        CachedIndex.Opened opened = CachedIndex.open(cache, IndexBuildOptions.defaults());
        assertEquals(68_829, opened.index().size());
    }
}
