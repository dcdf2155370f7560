package org.debindex.core.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.debindex.core.cache.CacheLayout;
import org.debindex.core.compress.SizeLimit;
import org.debindex.core.index.IndexBuildOptions;
import org.debindex.core.index.IndexInput;
import org.debindex.core.index.PackageIndex;
import org.debindex.core.index.PackageOrigin;
import org.debindex.core.index.SourceEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache's index with verified Sources files: they become inputs and are indexed. */
class CachedIndexSourcesTest {

    @TempDir
    Path dir;

    static final String SHA = "0123456789abcdef".repeat(4);

    static VerifiedIndex verified(IndexKind kind, Optional<String> arch, String listedPath, Optional<Long> plain) {
        return new VerifiedIndex("http://mirror.example/debian trixie", URI.create("http://mirror.example/debian/"),
                "trixie", Optional.of("stable"), Optional.of("trixie"), Optional.empty(), "main", arch, kind, listedPath,
                Path.of("/cache/lists/" + listedPath.replace('/', '_')), 1000, SHA, plain);
    }

    @Test
    void sourcesBecomeInputsWithAnEmptyArchitectureAndContentsIsLeftOut() {
        List<IndexInput> inputs = CachedIndex.inputs(List.of(
                verified(IndexKind.PACKAGES, Optional.of("amd64"), "main/binary-amd64/Packages.xz", Optional.of(5000L)),
                verified(IndexKind.CONTENTS, Optional.of("amd64"), "main/Contents-amd64.gz", Optional.empty()),
                verified(IndexKind.SOURCES, Optional.empty(), "main/source/Sources.xz", Optional.of(7000L)),
                verified(IndexKind.TRANSLATION, Optional.empty(), "main/i18n/Translation-en.xz", Optional.empty())));
        assertEquals(List.of(org.debindex.core.index.IndexKind.PACKAGES, org.debindex.core.index.IndexKind.SOURCES,
                org.debindex.core.index.IndexKind.TRANSLATION),
                inputs.stream().map(i -> i.identity().kind()).toList());
        IndexInput sources = inputs.get(1);
        assertEquals(new PackageOrigin("stable", "trixie", "main", ""), sources.identity().origin());
        assertEquals("http://mirror.example/debian/dists/trixie/main/source/Sources.xz",
                sources.identity().displayName());
        assertEquals(1000, sources.identity().size());
        assertEquals(SHA, sources.identity().sha256());
        assertEquals(SizeLimit.exactly(7000), sources.limit());
        assertEquals(Path.of("/cache/lists/main_source_Sources.xz"), sources.file());
        assertEquals("amd64", inputs.get(0).identity().origin().architecture());
    }

    @Test
    void verifiedSourcesAreIndexedAndAFormerVersionSnapshotIsRebuilt() throws Exception {
        TestRepository repo = TestRepository.create(dir)
                .translation("Package: hello\nDescription-md5: 0123456789abcdef0123456789abcdef\n"
                        + "Description-en: greets\n")
                .sourcesIndex("Package: hello\nBinary: hello\nVersion: 1.0-1\nArchitecture: any\n"
                        + "Directory: pool/main/h/hello\n")
                .publish();
        CacheLayout cache = new CacheLayout(dir.resolve("cache"));
        List<AcquisitionReport> reports = new Acquisition(AcquisitionTest.fetcher(), cache,
                AcquisitionOptions.defaults(List.of("amd64")).at(TestRepository.AT).withSources(true),
                AcquisitionProgress.none()).run(repo.debAndDebSrc(), List.of());
        assertEquals(AcquisitionReport.Outcome.UPDATED, reports.get(0).outcome(), reports.toString());

        CachedIndex.Opened first = CachedIndex.open(cache, IndexBuildOptions.defaults());
        assertEquals(Optional.of("there was none"), first.rebuiltBecause());
        PackageIndex index = first.index();
        assertEquals(1, index.size());
        assertEquals(1, index.sourcesSize());
        SourceEntry hello = index.sourcePackages("hello").get(0);
        assertEquals("1.0-1", hello.version().toString());
        assertEquals(new PackageOrigin("stable", "trixie", "main", ""), hello.origin());
        assertEquals(Optional.of("pool/main/h/hello"), index.sourcePackage(hello).directory());
        assertEquals(Optional.empty(), CachedIndex.open(cache, IndexBuildOptions.defaults()).rebuiltBecause());

        // a snapshot written by a former format (here version 3, 16-byte reverse-dependency
        // postings) is rebuilt
        Path snapshot = CachedIndex.snapshot(cache);
        byte[] bytes = Files.readAllBytes(snapshot);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 3);
        Files.write(snapshot, bytes);
        CachedIndex.Opened again = CachedIndex.open(cache, IndexBuildOptions.defaults());
        assertTrue(again.rebuiltBecause().orElseThrow().contains("format version 3; expected 4"),
                again.rebuiltBecause().toString());
        assertEquals(1, again.index().sourcesSize());
        assertEquals(Optional.empty(), CachedIndex.open(cache, IndexBuildOptions.defaults()).rebuiltBecause());
    }
}
