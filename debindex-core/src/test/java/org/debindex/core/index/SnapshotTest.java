package org.debindex.core.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.debindex.core.IndexFormatException;
import org.debindex.core.index.internal.Layout;
import org.debindex.core.index.internal.SectionEntry;
import org.debindex.core.index.internal.SectionKind;
import org.debindex.core.index.internal.SnapshotHeader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The snapshot file: a written and reopened index answers exactly as the one built in memory
 * (packages and source packages), the same inputs give the same bytes, and any damage is
 * reported as an {@link IndexFormatException} by the access that reaches it, never answered from.
 */
class SnapshotTest {

    @TempDir
    static Path dir;

    static List<IndexInput> inputs;
    static PackageIndex built;
    static Path file;
    static byte[] bytes;

    /** Small chunks, so that sections span several and the laziness is exercised. */
    static final IndexBuildOptions OPTIONS = IndexBuildOptions.defaults().withChunkShift(12);

    @BeforeAll
    static void build() throws Exception {
        inputs = Fixture.write(dir);
        built = PackageIndex.build(inputs, OPTIONS);
        file = dir.resolve("index/packages.idx");
        built.write(file);
        bytes = Files.readAllBytes(file);
    }

    static final List<SearchQuery> QUERIES = List.of(
            SearchQuery.of("nginx"), SearchQuery.of("python3", "yaml"), SearchQuery.of("ünïcödé"),
            SearchQuery.of("a").withNamesOnly(true), SearchQuery.of("e").withSuite("bookworm"),
            SearchQuery.of("mail").withArchitecture("i386"), SearchQuery.of("ng.nx").withRegex(true),
            SearchQuery.of(".").withRegex(true), SearchQuery.of("nginx").withLimit(3));

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
        out.add(index.sourcesSize());
        for (int id = 0; id < index.sourcesSize(); id++) {
            SourceEntry e = index.sourceEntry(id);
            out.add(e);
            out.add(index.sourceStanza(e));
            out.add(index.sourcePackage(e).files());
        }
        for (String name : Fixture.NAMES) {
            out.add(index.sourcePackages(name));
            out.add(index.packages(name));
            out.add(index.providers(name));
            out.add(index.reverseDependencies(name));
            out.add(index.bySource(name));
            out.add(index.closeMatches(name, 5));
        }
        for (SearchQuery q : QUERIES) {
            out.add(index.search(q));
        }
        return out;
    }

    @Test
    void reopenedSnapshotAnswersAsTheBuiltIndex() throws Exception {
        PackageIndex opened = PackageIndex.open(file);
        List<Object> expected = answers(built);
        List<Object> actual = answers(opened);
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), "answer " + i);
        }
        opened.verify();
    }

    @Test
    void sameInputsGiveTheSameBytesWhateverTheThreads() throws Exception {
        for (int threads : new int[] {1, 2, 4}) {
            Path other = dir.resolve("again-" + threads + ".idx");
            PackageIndex.build(inputs, OPTIONS.withParallelism(threads)).write(other);
            assertArrayEquals(bytes, Files.readAllBytes(other), "with " + threads + " threads");
        }
        Path copy = dir.resolve("copy.idx");
        PackageIndex.open(file).write(copy);
        assertArrayEquals(bytes, Files.readAllBytes(copy), "written again from the mapped snapshot");
    }

    @Test
    void writingReplacesAnExistingSnapshotAndLeavesNoTemporaryFile() throws Exception {
        Path target = dir.resolve("replace/packages.idx");
        PackageIndex.build(List.of()).write(target);
        PackageIndex before = PackageIndex.open(target);
        built.write(target);
        assertEquals(0, before.size());                 // the old mapping stays valid
        assertEquals(built.size(), PackageIndex.open(target).size());
        try (var files = Files.list(target.getParent())) {
            assertEquals(List.of(target.getFileName().toString()),
                    files.map(p -> p.getFileName().toString()).toList());
        }
    }

    static SnapshotHeader header() throws Exception {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        return SnapshotHeader.decode(b, file.toString(), bytes.length);
    }

    /** A copy of the snapshot with one byte changed. */
    static Path damaged(String name, long at) throws Exception {
        byte[] copy = bytes.clone();
        copy[(int) at] ^= 0x5A;
        Path out = dir.resolve(name);
        Files.write(out, copy);
        return out;
    }

    @Test
    void everySectionIsListedAndCovered() throws Exception {
        List<SectionKind> kinds = new ArrayList<>();
        for (SectionEntry e : header().sections()) {
            if (!kinds.contains(e.kind())) {
                kinds.add(e.kind());
            }
        }
        assertEquals(List.of(SectionKind.values()), kinds);
    }

    @Test
    void aDamagedSectionIsReportedByTheAccessThatTouchesIt() throws Exception {
        for (SectionEntry e : header().sections()) {
            if (e.length() == 0) {
                continue;
            }
            for (long at : new long[] {e.offset(), e.offset() + e.length() / 2, e.offset() + e.length() - 1}) {
                Path damaged = damaged("damaged-" + e.label() + "-" + at + ".idx", at);
                PackageIndex index = PackageIndex.open(damaged);   // only the header is checked here
                IndexFormatException failure = assertThrows(IndexFormatException.class, () -> answers(index),
                        "byte " + at + " of section " + e.label());
                assertEquals(damaged.toString(), failure.source());
                if (e.kind() != SectionKind.CHUNK_CRCS) {
                    assertEquals(e.label(), failure.section(), failure.getMessage());
                }
                assertTrue(failure.getMessage().contains("CRC32C"), failure.getMessage());
                assertThrows(IndexFormatException.class, index::verify);
            }
        }
    }

    @Test
    void damageElsewhereDoesNotStopOtherQueries() throws Exception {
        SectionEntry docPackages = section(SectionKind.DOC_PACKAGES);
        PackageIndex index = PackageIndex.open(damaged("damaged-doc-packages.idx", docPackages.offset() + 1));
        PackageEntry alpha = index.packages("alpha").get(0);
        assertEquals(built.stanza(built.packages("alpha").get(0)), index.stanza(alpha));
        assertEquals(built.longDescription(built.packages("alpha").get(0)), index.longDescription(alpha));
        IndexFormatException e = assertThrows(IndexFormatException.class,
                () -> index.search(SearchQuery.of("letter")));   // found in a description only
        assertEquals("search-packages", e.section());
        assertTrue(e.getMessage().startsWith(dir.toString()), e.getMessage());
    }

    static SectionEntry section(SectionKind kind) throws Exception {
        for (SectionEntry e : header().sections()) {
            if (e.kind() == kind) {
                return e;
            }
        }
        throw new AssertionError("no section " + kind);
    }

    @Test
    void aDamagedHeaderIsRefusedAtOpen() throws Exception {
        int length = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(12);
        for (long at : new long[] {Layout.FIXED_HEADER + 3, 30, length - 9, length - 1}) {
            IndexFormatException e = assertThrows(IndexFormatException.class,
                    () -> PackageIndex.open(damaged("header-" + at + ".idx", at)), "header byte " + at);
            assertEquals("header", e.section());
        }
    }

    @Test
    void wrongMagicOrVersionIsRefused() throws Exception {
        IndexFormatException magic = assertThrows(IndexFormatException.class,
                () -> PackageIndex.open(damaged("magic.idx", 0)));
        assertTrue(magic.getMessage().contains("not a debindex snapshot"), magic.getMessage());
        byte[] copy = bytes.clone();
        copy[8] = (byte) (Layout.FORMAT_VERSION + 1);
        Path newer = dir.resolve("newer.idx");
        Files.write(newer, copy);
        IndexFormatException version = assertThrows(IndexFormatException.class, () -> PackageIndex.open(newer));
        assertTrue(version.getMessage().contains("format version " + (Layout.FORMAT_VERSION + 1) + "; expected "
                + Layout.FORMAT_VERSION), version.getMessage());
        Path text = dir.resolve("text.idx");
        Files.writeString(text, "Package: alpha\nVersion: 1\nArchitecture: all\n\n".repeat(4));
        assertThrows(IndexFormatException.class, () -> PackageIndex.open(text));
    }

    @Test
    void aSnapshotOfTheFormerVersionIsRefused() throws Exception {
        // version 3 stored 16-byte reverse-dependency postings: its name records' offsets read as
        // varint positions would be garbage, it must be rebuilt
        assertEquals(4, Layout.FORMAT_VERSION);
        byte[] copy = bytes.clone();
        ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 3);
        Path older = dir.resolve("version-3.idx");
        Files.write(older, copy);
        IndexFormatException e = assertThrows(IndexFormatException.class, () -> PackageIndex.open(older));
        assertEquals("header", e.section());
        assertTrue(e.getMessage().contains("format version 3; expected 4"), e.getMessage());
    }

    @Test
    void truncatedOrExtendedFilesAreRefused() throws Exception {
        for (int length : new int[] {0, 7, Layout.FIXED_HEADER, Layout.FIXED_HEADER + 60, bytes.length / 2,
                bytes.length - 1}) {
            Path cut = dir.resolve("cut-" + length + ".idx");
            Files.write(cut, java.util.Arrays.copyOf(bytes, length));
            assertThrows(IndexFormatException.class, () -> PackageIndex.open(cut), "cut at " + length);
        }
        Path longer = dir.resolve("longer.idx");
        Files.write(longer, java.util.Arrays.copyOf(bytes, bytes.length + 8));
        IndexFormatException e = assertThrows(IndexFormatException.class, () -> PackageIndex.open(longer));
        assertTrue(e.getMessage().contains("truncated or extended"), e.getMessage());
    }

    @Test
    void theHeaderRecordsTheInputsForOutdatedChecks() throws Exception {
        PackageIndex opened = PackageIndex.open(file);
        List<InputIdentity> current = new ArrayList<>();
        for (IndexInput in : inputs) {
            current.add(in.identity());
        }
        assertEquals(current, opened.inputs());
        assertEquals(64, opened.inputs().get(0).sha256().length());
    }
}
