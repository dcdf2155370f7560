package org.debindex.core.index;

import static org.debindex.core.index.TestArchive.pkg;
import static org.debindex.core.index.TestArchive.translation;
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
import java.util.Optional;
import java.util.zip.CRC32C;
import org.debindex.core.IndexFormatException;
import org.debindex.core.index.internal.SectionEntry;
import org.debindex.core.index.internal.SectionKind;
import org.debindex.core.index.internal.SnapshotHeader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compressed sections (the stanzas): an index whose texts span many blocks,
 * with stanzas across block boundaries, answers exactly what its inputs say, in memory and
 * reopened; damage to a block or its table that the chunk CRCs do not catch (the CRCs are
 * recomputed here, as a forger or a bug would) is an {@link IndexFormatException} naming the
 * section, never garbage; the same inputs give the same bytes.
 */
class CompressedSectionTest {

    @TempDir
    static Path dir;

    static final int COUNT = 3000;
    static final IndexBuildOptions OPTIONS = IndexBuildOptions.defaults().withChunkShift(12);
    static List<IndexInput> inputs;
    static String[] stanzas = new String[COUNT];
    static String[] longs = new String[COUNT];
    static PackageIndex built;
    static Path file;
    static byte[] bytes;

    static String name(int i) {
        return "pkg" + i;
    }

    @BeforeAll
    static void build() throws Exception {
        TestArchive archive = new TestArchive(dir);
        TestArchive.Stanza[] packages = new TestArchive.Stanza[COUNT];
        TestArchive.Stanza[] translations = new TestArchive.Stanza[COUNT];
        for (int i = 0; i < COUNT; i++) {
            // Texts that differ per package, so that blocks do not compress to nothing.
            StringBuilder text = new StringBuilder("Package " + i + " does task " + Integer.toHexString(i * 7919));
            for (int k = 0; k < i % 7; k++) {
                text.append("\nline ").append(k).append(" of ").append(Long.toString(i * 31L + k, 36));
            }
            longs[i] = text.toString();
            packages[i] = pkg(name(i), "1." + i, "amd64").field("Maintainer", "M" + i + " <m" + i + "@example.org>")
                    .field("Filename", "pool/main/p/" + name(i) + "/" + name(i) + "_1." + i + "_amd64.deb")
                    .description("synopsis of " + i, longs[i]);
            stanzas[i] = packages[i].text().substring(0, packages[i].text().length() - 1);   // stored without its last line break
            translations[i] = translation(name(i), "synopsis of " + i, longs[i]);
        }
        archive.packages(Fixture.TRIXIE, true, packages).translations(Fixture.TRIXIE_I18N, true, translations);
        inputs = archive.inputs();
        built = PackageIndex.build(inputs, OPTIONS);
        file = dir.resolve("index/packages.idx");
        built.write(file);
        bytes = Files.readAllBytes(file);
    }

    static SnapshotHeader header(byte[] data) throws Exception {
        return SnapshotHeader.decode(ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN), file.toString(), data.length);
    }

    static SectionEntry section(SectionKind kind) throws Exception {
        for (SectionEntry e : header(bytes).sections()) {
            if (e.kind() == kind) {
                return e;
            }
        }
        throw new AssertionError("no section " + kind);
    }

    @Test
    void textsSpanManyBlocksAndAreSmallerThanTheirText() throws Exception {
        SectionEntry s = section(SectionKind.STANZAS);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int length = b.getInt((int) s.offset() + 8);
        int blocks = b.getInt((int) s.offset() + 12);
        assertTrue(length >= String.join("", stanzas).length(), length + " bytes of stanzas");
        assertTrue(blocks >= 3, blocks + " blocks");
        assertTrue(s.length() < length / 2, s.length() + " bytes stored for " + length);
    }

    @Test
    void everyStanzaAndDescriptionReadsBackInMemoryAndReopened() throws Exception {
        for (PackageIndex index : List.of(built, PackageIndex.open(file))) {
            for (int i = 0; i < COUNT; i++) {
                List<PackageEntry> found = index.packages(name(i));
                assertEquals(1, found.size(), name(i));
                assertEquals(stanzas[i], index.stanza(found.get(0)), name(i));
                assertEquals(Optional.of(longs[i]), index.longDescription(found.get(0)), name(i));
            }
            List<SearchHit> hits = index.search(SearchQuery.of(Integer.toHexString(2999 * 7919)));
            assertEquals(List.of(name(2999)), hits.stream().map(h -> h.entry().name()).toList());
            index.verify();
        }
    }

    @Test
    void sameInputsGiveTheSameBytesWhateverTheThreads() throws Exception {
        for (int threads : new int[] {1, 3}) {
            Path other = dir.resolve("again-" + threads + ".idx");
            PackageIndex.build(inputs, OPTIONS.withParallelism(threads)).write(other);
            assertArrayEquals(bytes, Files.readAllBytes(other), "with " + threads + " threads");
        }
    }

    /** A copy with {@code edit} applied to section {@code kind}'s bytes and every chunk CRC made to match. */
    static Path forged(String name, SectionKind kind, java.util.function.Consumer<ByteBuffer> edit) throws Exception {
        byte[] copy = bytes.clone();
        SectionEntry s = section(kind);
        edit.accept(ByteBuffer.wrap(copy, (int) s.offset(), (int) s.length()).slice().order(ByteOrder.LITTLE_ENDIAN));
        SnapshotHeader h = header(copy);
        SectionEntry crcs = h.sections().get(h.sections().size() - 1);
        assertEquals(SectionKind.CHUNK_CRCS, crcs.kind());
        ByteBuffer out = ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN);
        int chunk = 1 << h.chunkShift();
        for (SectionEntry e : h.sections()) {
            if (e.kind() == SectionKind.CHUNK_CRCS) {
                continue;
            }
            for (long from = 0, c = 0; from < e.length(); from += chunk, c++) {
                CRC32C crc = new CRC32C();
                crc.update(copy, (int) (e.offset() + from), (int) Math.min(chunk, e.length() - from));
                out.putInt((int) (crcs.offset() + 4 * (e.firstChunk() + c)), (int) crc.getValue());
            }
        }
        Path path = dir.resolve(name);
        Files.write(path, copy);
        return path;
    }

    /** Reads every stanza; the failure it meets, which must name the stanza section. */
    static IndexFormatException readingStanzasFails(Path path) throws Exception {
        PackageIndex index = PackageIndex.open(path);
        IndexFormatException e = assertThrows(IndexFormatException.class, () -> {
            for (int id = 0; id < index.size(); id++) {
                index.stanza(index.entry(id));
            }
        });
        assertEquals("stanzas[0]", e.section(), e.getMessage());
        assertEquals(path.toString(), e.source());
        assertTrue(!e.getMessage().contains("CRC32C"), "the CRCs were made to pass: " + e.getMessage());
        return e;
    }

    static int blockStart(ByteBuffer s, int block) {
        return s.getInt(16 + 4 * block);
    }

    @Test
    void aCorruptBlockIsReportedNotReturned() throws Exception {
        Path path = forged("garbage.idx", SectionKind.STANZAS, s -> {
            int at = blockStart(s, 1) + 10;
            for (int i = 0; i < 400; i++) {
                s.put(at + i, (byte) (s.get(at + i) ^ 0x5A));
            }
        });
        IndexFormatException e = readingStanzasFails(path);
        assertTrue(e.getMessage().contains("block 1"), e.getMessage());
    }

    @Test
    void aBlockThatInflatesToMoreThanItsLengthIsRefused() throws Exception {
        // the text is one byte shorter than its blocks: the last block would give one byte too many
        Path path = forged("longer-block.idx", SectionKind.STANZAS, s -> s.putInt(8, s.getInt(8) - 1));
        IndexFormatException e = readingStanzasFails(path);
        assertTrue(e.getMessage().contains("does not inflate to its"), e.getMessage());
    }

    @Test
    void aTruncatedBlockIsRefused() throws Exception {
        // block 0 ends early, block 1 starts early: neither is a whole stream
        Path path = forged("cut-block.idx", SectionKind.STANZAS, s -> s.putInt(16 + 4, s.getInt(16 + 4) - 5));
        IndexFormatException e = readingStanzasFails(path);
        assertTrue(e.getMessage().contains("block 0"), e.getMessage());
    }

    @Test
    void anInconsistentBlockTableIsRefused() throws Exception {
        List<Path> forgeries = new ArrayList<>();
        forgeries.add(forged("count.idx", SectionKind.STANZAS, s -> s.putInt(12, s.getInt(12) + 1)));
        forgeries.add(forged("block-size.idx", SectionKind.STANZAS, s -> s.putInt(4, 1 << 25)));
        forgeries.add(forged("codec.idx", SectionKind.STANZAS, s -> s.putInt(0, 7)));
        forgeries.add(forged("backwards.idx", SectionKind.STANZAS, s -> s.putInt(16 + 8, blockStart(s, 0))));
        forgeries.add(forged("past-end.idx", SectionKind.STANZAS,
                s -> s.putInt(16 + 4 * s.getInt(12), s.limit() + 1)));
        forgeries.add(forged("length.idx", SectionKind.STANZAS, s -> s.putInt(8, -1)));
        for (Path p : forgeries) {
            readingStanzasFails(p);
        }
        // a broken block table leaves what the search documents hold readable: synopses, long
        // descriptions
        PackageIndex index = PackageIndex.open(forgeries.get(0));
        PackageEntry first = index.packages(name(1)).get(0);
        assertEquals("synopsis of 1", first.summary());
        assertEquals(Optional.of(longs[1]), index.longDescription(first));
    }
}
