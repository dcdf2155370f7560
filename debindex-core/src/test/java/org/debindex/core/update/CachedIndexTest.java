package org.debindex.core.update;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.debindex.core.IndexFormatException;
import org.debindex.core.cache.CacheLayout;
import org.debindex.core.compress.SizeLimit;
import org.debindex.core.index.IndexBuildOptions;
import org.debindex.core.index.IndexInput;
import org.debindex.core.index.InputIdentity;
import org.debindex.core.index.PackageEntry;
import org.debindex.core.index.PackageIndex;
import org.debindex.core.index.PackageOrigin;
import org.debindex.core.index.ReverseDependency;
import org.debindex.core.index.SearchQuery;
import org.debindex.core.index.internal.SectionEntry;
import org.debindex.core.index.internal.SectionKind;
import org.debindex.core.index.internal.SnapshotHeader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache's index snapshot over generated signed repositories: built and written when there is
 * none, trusted while the verified lists are the ones it records, rebuilt when they change or
 * the snapshot is damaged, and answered from memory when {@code index/} cannot be written.
 */
class CachedIndexTest {

    static final String PACKAGES_V1 = """
            Package: hello
            Version: 1.0-1
            Architecture: amd64
            Depends: libgreet1 (>= 1.0), mail-transport-agent | postfix
            Description: friendly greeter
            Description-md5: 0941380efe298b8dc83ef072ea417c81

            Package: libgreet1
            Version: 1.0-1
            Architecture: amd64
            Source: greet
            Provides: greeting-library
            Description: greeting library
             The library behind hello, ÜBER-friendly.

            Package: postfix
            Version: 3.10-1
            Architecture: amd64
            Provides: mail-transport-agent
            Description: high-performance mail transport agent
            """;

    static final String PACKAGES_V2 = PACKAGES_V1.replace("Package: hello\nVersion: 1.0-1",
            "Package: hello\nVersion: 2.0-1");

    /** The long description of hello, joined on its Description-md5 (of "friendly greeter\n Hello prints a greeting.\n"). */
    static final String TRANSLATION = """
            Package: hello
            Description-md5: 0941380efe298b8dc83ef072ea417c81
            Description-en: friendly greeter
             Hello prints a greeting.
            """;

    static final PackageOrigin ORIGIN = new PackageOrigin("stable", "trixie", "main", "amd64");

    /** Small chunks, so that every section has several and damage stays local. */
    static final IndexBuildOptions OPTIONS = IndexBuildOptions.defaults().withChunkShift(12);

    @TempDir
    Path dir;

    TestRepository repo;
    CacheLayout cache;
    Path snapshot;

    @BeforeEach
    void setUp() throws Exception {
        repo = TestRepository.create(dir).packages(PACKAGES_V1).translation(TRANSLATION).publish();
        cache = new CacheLayout(dir.resolve("cache"));
        snapshot = CachedIndex.snapshot(cache);
        acquire();
    }

    void acquire() throws Exception {
        List<AcquisitionReport> reports = new Acquisition(AcquisitionTest.fetcher(), cache,
                AcquisitionOptions.defaults(List.of("amd64")).at(TestRepository.AT), AcquisitionProgress.none())
                .run(repo.sources(), List.of());
        assertEquals(1, reports.size());
        assertFalse(reports.get(0).hasFailures(), reports.get(0).findings().toString());
    }

    /** Every answer the index gives about the fixture, in one comparable list. */
    static List<Object> answers(PackageIndex index) throws Exception {
        List<Object> out = new ArrayList<>();
        out.add(index.size());
        out.add(index.inputs());
        out.add(index.origins());
        for (int id = 0; id < index.size(); id++) {
            PackageEntry e = index.entry(id);
            out.add(e);
            out.add(index.stanza(e));
            out.add(index.longDescription(e));
            out.add(index.source(e));
        }
        for (String name : List.of("hello", "libgreet1", "postfix", "greet", "greeting-library",
                "mail-transport-agent", "nonexistent")) {
            out.add(index.packages(name));
            out.add(index.providers(name));
            out.add(index.reverseDependencies(name));
            out.add(index.bySource(name));
            out.add(index.closeMatches(name, 3));
        }
        out.add(index.search(SearchQuery.of("greet")));
        out.add(index.search(SearchQuery.of("über")));   // through the lower-cased copy of its document
        out.add(index.search(SearchQuery.of("transport", "agent")));
        out.add(index.search(SearchQuery.of("^lib").withRegex(true).withNamesOnly(true)));
        return out;
    }

    /** The answers the fixture must give, checked value by value. */
    void assertVersion1(PackageIndex index) throws Exception {
        assertEquals(3, index.size());
        List<PackageEntry> hello = index.packages("hello");
        assertEquals(1, hello.size(), hello.toString());
        PackageEntry h = hello.get(0);
        assertEquals("1.0-1", h.version().toString());
        assertEquals("amd64", h.architecture());
        assertEquals(ORIGIN, h.origin());
        assertEquals("friendly greeter", h.summary());
        assertEquals(PACKAGES_V1.substring(0, PACKAGES_V1.indexOf("\n\n")), index.stanza(h));
        assertEquals(Optional.of("Hello prints a greeting."), index.longDescription(h));
        assertEquals(Optional.of("The library behind hello, ÜBER-friendly."),
                index.longDescription(index.packages("libgreet1").get(0)));
        assertEquals(List.of("postfix"), index.providers("mail-transport-agent").stream()
                .map(p -> p.provider().name()).toList());
        List<ReverseDependency> rdepends = index.reverseDependencies("libgreet1");
        assertEquals(List.of("hello"), rdepends.stream().map(d -> d.dependent().name()).toList());
        // the name containing the term ranks before the description containing it
        assertEquals(List.of("libgreet1", "hello"),
                index.search(SearchQuery.of("greet")).stream().map(x -> x.entry().name()).toList());
        assertEquals(List.of("libgreet1"), index.bySource("greet").stream().map(PackageEntry::name).toList());
    }

    static List<InputIdentity> identities(List<IndexInput> inputs) {
        return inputs.stream().map(IndexInput::identity).toList();
    }

    @Test
    void firstOpenBuildsAndWritesTheSnapshotAndSaysWhy() throws Exception {
        assertFalse(Files.exists(snapshot));
        CachedIndex.Opened opened = CachedIndex.open(cache, OPTIONS);
        assertEquals(Optional.of("there was none"), opened.rebuiltBecause());
        assertTrue(Files.isRegularFile(snapshot));
        assertVersion1(opened.index());
        List<IndexInput> inputs = CachedIndex.inputs(SuiteManifest.verifiedIndexes(cache));
        assertEquals(identities(inputs), opened.index().inputs());
        assertEquals(List.of(org.debindex.core.index.IndexKind.PACKAGES, org.debindex.core.index.IndexKind.TRANSLATION),
                inputs.stream().map(i -> i.identity().kind()).toList());
        PackageIndex reopened = PackageIndex.open(snapshot);
        reopened.verify();
        assertEquals(answers(opened.index()), answers(reopened));
        try (var files = Files.list(cache.index())) {
            assertEquals(List.of(CachedIndex.SNAPSHOT_NAME), files.map(p -> p.getFileName().toString()).toList(),
                    "no temporary file is left");
        }
    }

    @Test
    void secondOpenTrustsTheCurrentSnapshotAndLeavesItAlone() throws Exception {
        CachedIndex.Opened first = CachedIndex.open(cache, OPTIONS);
        byte[] bytes = Files.readAllBytes(snapshot);
        FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(snapshot, old);
        CachedIndex.Opened second = CachedIndex.open(cache, OPTIONS);
        assertEquals(Optional.empty(), second.rebuiltBecause());
        assertArrayEquals(bytes, Files.readAllBytes(snapshot));
        assertEquals(old, Files.getLastModifiedTime(snapshot), "not rewritten");
        assertEquals(answers(first.index()), answers(second.index()));
        assertVersion1(second.index());
        acquire();   // an update that finds nothing new keeps the snapshot current
        assertEquals(Optional.empty(), CachedIndex.open(cache, OPTIONS).rebuiltBecause());
    }

    @Test
    void changedRepositoryIsRebuiltAfterTheNextAcquisition() throws Exception {
        assertVersion1(CachedIndex.open(cache, OPTIONS).index());
        repo.date = Instant.parse("2025-05-31T00:00:00Z");
        repo.packages(PACKAGES_V2).publish();
        CachedIndex.Opened beforeUpdate = CachedIndex.open(cache, OPTIONS);
        assertEquals(Optional.empty(), beforeUpdate.rebuiltBecause(), "the mirror alone is not the cache");
        acquire();
        CachedIndex.Opened opened = CachedIndex.open(cache, OPTIONS);
        assertEquals(Optional.of("the verified lists changed since it was built"), opened.rebuiltBecause());
        List<PackageEntry> hello = opened.index().packages("hello");
        assertEquals(List.of("2.0-1"), hello.stream().map(e -> e.version().toString()).toList());
        assertEquals(PACKAGES_V2.substring(0, PACKAGES_V2.indexOf("\n\n")), opened.index().stanza(hello.get(0)));
        assertEquals(identities(CachedIndex.inputs(SuiteManifest.verifiedIndexes(cache))), opened.index().inputs());
        CachedIndex.Opened again = CachedIndex.open(cache, OPTIONS);
        assertEquals(Optional.empty(), again.rebuiltBecause());
        assertEquals(answers(opened.index()), answers(again.index()));
    }

    /** The section table of the snapshot on disk. */
    static List<SectionEntry> sections(byte[] bytes, Path file) throws Exception {
        return SnapshotHeader.decode(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN), file.toString(),
                bytes.length).sections();
    }

    static int headerLength(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(12);
    }

    void writeFlipped(byte[] good, long at) throws Exception {
        byte[] copy = good.clone();
        copy[(int) at] ^= 0x5A;
        Files.write(snapshot, copy);
    }

    @Test
    void damagedHeaderIsRebuiltOnOpen() throws Exception {
        List<Object> expected = answers(CachedIndex.open(cache, OPTIONS).index());
        byte[] good = Files.readAllBytes(snapshot);
        int length = headerLength(good);
        for (long at : new long[] {0, 8, 30, length - 9, length - 1}) {
            writeFlipped(good, at);
            CachedIndex.Opened opened = CachedIndex.open(cache, OPTIONS);
            String reason = opened.rebuiltBecause().orElseThrow(() -> new AssertionError("header byte " + at
                    + " flipped, yet the snapshot was trusted"));
            assertTrue(reason.startsWith("it was unusable: " + snapshot + ": header: "), reason);
            assertEquals(expected, answers(opened.index()), "header byte " + at);
            assertArrayEquals(good, Files.readAllBytes(snapshot), "the good snapshot is back on disk");
        }
    }

    @Test
    void truncatedSnapshotIsRebuiltOnOpen() throws Exception {
        List<Object> expected = answers(CachedIndex.open(cache, OPTIONS).index());
        byte[] good = Files.readAllBytes(snapshot);
        for (int length : new int[] {0, 7, 48, headerLength(good), good.length / 2, good.length - 1}) {
            Files.write(snapshot, Arrays.copyOf(good, length));
            CachedIndex.Opened opened = CachedIndex.open(cache, OPTIONS);
            String reason = opened.rebuiltBecause().orElseThrow(() -> new AssertionError("cut at " + length
                    + ", yet the snapshot was trusted"));
            assertTrue(reason.startsWith("it was unusable: "), reason);
            assertEquals(expected, answers(opened.index()), "cut at " + length);
            assertArrayEquals(good, Files.readAllBytes(snapshot), "cut at " + length);
        }
    }

    @Test
    void damagedBodyFailsTheQueryThatReachesItAndRebuildRepairsIt() throws Exception {
        List<Object> expected = answers(CachedIndex.open(cache, OPTIONS).index());
        byte[] good = Files.readAllBytes(snapshot);
        int checked = 0;
        for (SectionEntry e : sections(good, snapshot)) {
            if (e.length() == 0) {
                continue;
            }
            for (long at : new long[] {e.offset(), e.offset() + e.length() / 2, e.offset() + e.length() - 1}) {
                writeFlipped(good, at);
                CachedIndex.Opened opened = CachedIndex.open(cache, OPTIONS);
                // only the header is checked at open: the body is checked by the query reaching it
                assertEquals(Optional.empty(), opened.rebuiltBecause(), e.label() + " byte " + at);
                IndexFormatException failure = assertThrows(IndexFormatException.class,
                        () -> answers(opened.index()), e.label() + " byte " + at + " flipped, yet answered");
                assertEquals(snapshot.toString(), failure.source());
                assertThrows(IndexFormatException.class, opened.index()::verify);
                PackageIndex rebuilt = CachedIndex.rebuild(cache, OPTIONS);
                assertEquals(expected, answers(rebuilt), e.label() + " byte " + at);
                assertArrayEquals(good, Files.readAllBytes(snapshot), "the good snapshot is back on disk");
                PackageIndex.open(snapshot).verify();
                assertEquals(Optional.empty(), CachedIndex.open(cache, OPTIONS).rebuiltBecause());
                checked++;
            }
        }
        assertTrue(checked >= 3 * (SectionKind.values().length - 1), "damaged " + checked + " places");
    }

    @Test
    void firstQueryOfAPackageInADamagedStanzaFails() throws Exception {
        PackageIndex built = CachedIndex.open(cache, OPTIONS).index();
        String stanza = built.stanza(built.packages("postfix").get(0));
        byte[] good = Files.readAllBytes(snapshot);
        SectionEntry stanzas = sections(good, snapshot).stream().filter(e -> e.kind() == SectionKind.STANZAS)
                .findFirst().orElseThrow();
        writeFlipped(good, stanzas.offset() + stanzas.length() - 3);   // inside postfix's stanza
        PackageIndex damaged = CachedIndex.open(cache, OPTIONS).index();
        PackageEntry postfix = damaged.packages("postfix").get(0);      // the entry itself is intact
        IndexFormatException e = assertThrows(IndexFormatException.class, () -> damaged.stanza(postfix));
        assertEquals("stanzas[0]", e.section());
        assertTrue(e.getMessage().contains("CRC32C"), e.getMessage());
        PackageIndex rebuilt = CachedIndex.rebuild(cache, OPTIONS);
        assertEquals(stanza, rebuilt.stanza(rebuilt.packages("postfix").get(0)));
        assertTrue(stanza.startsWith("Package: postfix\n") && stanza.endsWith("mail transport agent"), stanza);
    }

    @Test
    void anIndexDirectoryNoOneCanWriteStillGivesAnIndexInMemory() throws Exception {
        // /proc/self takes no new files, not even root's (file modes would not stop root, who runs CI)
        Files.createDirectories(cache.root());
        Files.createSymbolicLink(cache.index(), Path.of("/proc/self"));
        CachedIndex.Opened opened = CachedIndex.open(cache, OPTIONS);
        assertEquals(Optional.of("there was none"), opened.rebuiltBecause());
        assertVersion1(opened.index());
        assertFalse(Files.exists(snapshot));
        assertVersion1(CachedIndex.rebuild(cache, OPTIONS));
        assertEquals(Optional.of("there was none"), CachedIndex.open(cache, OPTIONS).rebuiltBecause());
    }

    @Test
    void indexPathThatIsNotADirectoryStillGivesAnIndexInMemory() throws Exception {
        // unwritable even for root: index/ is a file
        Files.createDirectories(cache.root());
        Files.writeString(cache.index(), "not a directory\n");
        CachedIndex.Opened opened = CachedIndex.open(cache, OPTIONS);
        String reason = opened.rebuiltBecause().orElseThrow();
        assertTrue(reason.startsWith("it could not be read: "), reason);
        assertVersion1(opened.index());
        assertEquals("not a directory\n", Files.readString(cache.index()));
        assertVersion1(CachedIndex.rebuild(cache, OPTIONS));
    }

    @Test
    void aSnapshotThatCannotBeReadOrReplacedStillGivesAnIndexInMemory() throws Exception {
        // a directory where the snapshot should be: reading it fails (not "absent"), and no file
        // can be renamed over it (it is not empty); unlike file modes, this stops root too
        Files.createDirectories(snapshot.resolve("occupied"));
        CachedIndex.Opened opened = CachedIndex.open(cache, OPTIONS);
        String reason = opened.rebuiltBecause().orElseThrow();
        assertTrue(reason.startsWith("it could not be read: "), reason);
        assertVersion1(opened.index());
        assertTrue(Files.isDirectory(snapshot.resolve("occupied")), "left as it was");
        try (var files = Files.list(cache.index())) {
            assertEquals(List.of("packages.idx"), files.map(f -> f.getFileName().toString()).toList(),
                    "no temporary file left behind");
        }
    }

    @Test
    void inputsFromARealAcquisitionAreExactlyBoundedAndNamed() throws Exception {
        List<VerifiedIndex> verified = SuiteManifest.verifiedIndexes(cache);
        List<IndexInput> inputs = CachedIndex.inputs(verified);
        assertEquals(2, inputs.size());
        IndexInput packages = inputs.get(0);
        assertEquals(SizeLimit.exactly(Files.size(repo.file("main/binary-amd64/Packages"))), packages.limit());
        assertEquals(ORIGIN, packages.identity().origin());
        String base = "file:" + repo.root.toAbsolutePath() + "/";
        assertEquals(base + "dists/trixie/main/binary-amd64/Packages.gz", packages.identity().displayName());
        assertEquals(Files.size(repo.file("main/binary-amd64/Packages.gz")), packages.identity().size());
        assertEquals(Acquisition.sha256(Files.readAllBytes(repo.file("main/binary-amd64/Packages.gz"))),
                packages.identity().sha256());
        assertEquals(verified.get(0).file(), packages.file());
        IndexInput translation = inputs.get(1);
        assertEquals(SizeLimit.exactly(Files.size(repo.file("main/i18n/Translation-en"))), translation.limit());
        assertEquals(new PackageOrigin("stable", "trixie", "main", ""), translation.identity().origin());
        assertEquals(base + "dists/trixie/main/i18n/Translation-en.gz", translation.identity().displayName());
    }

    static final String SHA = "0123456789abcdef".repeat(4);

    static VerifiedIndex verified(IndexKind kind, Optional<String> releaseSuite, Optional<String> codename,
            Optional<String> architecture, String listedPath, long size, Optional<Long> uncompressed) {
        return new VerifiedIndex("http://mirror.example/debian/ bookworm", URI.create("http://mirror.example/debian/"),
                "bookworm", releaseSuite, codename, Optional.empty(), "main", architecture, kind, listedPath,
                Path.of("/cache/lists/x@" + SHA), size, SHA, uncompressed);
    }

    @Test
    void inputsTakeSuiteAndCodenameFromTheReleaseAndLeaveOutContents() {
        List<IndexInput> inputs = CachedIndex.inputs(List.of(
                verified(IndexKind.SOURCES, Optional.of("oldstable"), Optional.of("bookworm"), Optional.empty(),
                        "main/source/Sources.xz", 10, Optional.of(100L)),
                verified(IndexKind.PACKAGES, Optional.of("oldstable"), Optional.of("bookworm"), Optional.of("amd64"),
                        "main/binary-amd64/Packages.xz", 20, Optional.of(200L)),
                verified(IndexKind.CONTENTS, Optional.of("oldstable"), Optional.of("bookworm"), Optional.of("amd64"),
                        "main/Contents-amd64.gz", 30, Optional.of(300L)),
                verified(IndexKind.TRANSLATION, Optional.of("oldstable"), Optional.of("bookworm"), Optional.empty(),
                        "main/i18n/Translation-en.bz2", 40, Optional.of(400L))));
        assertEquals(List.of(
                new IndexInput(new InputIdentity(org.debindex.core.index.IndexKind.SOURCES,
                        new PackageOrigin("oldstable", "bookworm", "main", ""),
                        "http://mirror.example/debian/dists/bookworm/main/source/Sources.xz", 10, SHA),
                        Path.of("/cache/lists/x@" + SHA), SizeLimit.exactly(100)),
                new IndexInput(new InputIdentity(org.debindex.core.index.IndexKind.PACKAGES,
                        new PackageOrigin("oldstable", "bookworm", "main", "amd64"),
                        "http://mirror.example/debian/dists/bookworm/main/binary-amd64/Packages.xz", 20, SHA),
                        Path.of("/cache/lists/x@" + SHA), SizeLimit.exactly(200)),
                new IndexInput(new InputIdentity(org.debindex.core.index.IndexKind.TRANSLATION,
                        new PackageOrigin("oldstable", "bookworm", "main", ""),
                        "http://mirror.example/debian/dists/bookworm/main/i18n/Translation-en.bz2", 40, SHA),
                        Path.of("/cache/lists/x@" + SHA), SizeLimit.exactly(400))), inputs);
    }

    @Test
    void withoutSuiteOrCodenameTheConfiguredSuiteNamesTheOrigin() {
        IndexInput input = CachedIndex.inputs(List.of(verified(IndexKind.PACKAGES, Optional.empty(), Optional.empty(),
                Optional.of("arm64"), "main/binary-arm64/Packages", 20, Optional.empty()))).get(0);
        assertEquals(new PackageOrigin("bookworm", "", "main", "arm64"), input.identity().origin());
    }

    @Test
    void sizeLimitIsExactWhenListedElseExactForPlainFilesAndTheDefaultForCompressedOnes() {
        assertEquals(SizeLimit.exactly(1234), limit("main/binary-amd64/Packages.xz", 100, Optional.of(1234L)));
        assertEquals(SizeLimit.exactly(100), limit("main/binary-amd64/Packages", 100, Optional.of(100L)));
        assertEquals(SizeLimit.exactly(0), limit("main/binary-amd64/Packages.gz", 20, Optional.of(0L)));
        assertEquals(SizeLimit.exactly(100), limit("main/binary-amd64/Packages", 100, Optional.empty()));
        for (String suffix : List.of(".gz", ".xz", ".bz2", ".zst", ".lz4")) {
            assertEquals(SizeLimit.defaultLimit(), limit("main/binary-amd64/Packages" + suffix, 100, Optional.empty()),
                    suffix);
        }
    }

    static SizeLimit limit(String listedPath, long size, Optional<Long> uncompressed) {
        return CachedIndex.inputs(List.of(verified(IndexKind.PACKAGES, Optional.of("stable"), Optional.of("trixie"),
                Optional.of("amd64"), listedPath, size, uncompressed))).get(0).limit();
    }
}
