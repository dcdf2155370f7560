package org.debindex.core.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.debindex.core.IndexFormatException;
import org.debindex.core.index.internal.Section;
import org.debindex.core.index.internal.SectionEntry;
import org.debindex.core.index.internal.SectionKind;
import org.debindex.core.index.internal.Snapshot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Snapshot#readThrough}, the read of a whole-section pass (the search scan) that goes to the
 * file instead of the mapping: the same bytes as a mapped read, and the same CRC32C checks, for chunks
 * the range covers wholly or only in part.
 */
class ReadThroughTest {

    private static final int SHIFT = 12;
    private static final int CHUNK = 1 << SHIFT;

    @TempDir
    static Path dir;

    static Path file;
    static byte[] bytes;
    static SectionEntry largest;

    @BeforeAll
    static void build() throws Exception {
        // enough packages, with distinct long descriptions, for sections of several chunks
        TestArchive.Stanza[] stanzas = new TestArchive.Stanza[400];
        Random words = new Random(11);
        for (int i = 0; i < stanzas.length; i++) {
            StringBuilder text = new StringBuilder("Package number ").append(i).append(" does");
            for (int w = 0; w < 20; w++) {
                text.append(' ').append(Integer.toString(words.nextInt(1 << 20), 36));
            }
            stanzas[i] = TestArchive.pkg("package-" + i, "1.0-" + i, "amd64")
                    .field("Depends", "libc6 (>= 2." + i + ")").description("synopsis " + i, text.toString());
        }
        List<IndexInput> inputs = new TestArchive(dir).packages(Fixture.TRIXIE, false, stanzas).inputs();
        PackageIndex built = PackageIndex.build(inputs, IndexBuildOptions.defaults().withChunkShift(SHIFT));
        file = dir.resolve("packages.idx");
        built.write(file);
        bytes = Files.readAllBytes(file);
        for (SectionEntry e : Snapshot.open(file).header().sections()) {
            if (!e.kind().isCompressed() && e.kind() != SectionKind.CHUNK_CRCS
                    && (largest == null || e.length() > largest.length())) {
                largest = e;
            }
        }
        assertTrue(largest.length() > 3 * CHUNK, "the fixture's largest section spans at least 4 chunks: "
                + largest.length() + " bytes");
    }

    private static Section section(Snapshot s) throws IndexFormatException {
        return s.section(largest.kind());
    }

    @Test
    void readsTheSameBytesAsTheMapping() throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            Snapshot fresh = Snapshot.open(file);   // fresh, so that each read checks its chunks itself
            Section s = section(fresh);
            int offset = random.nextInt(s.length());
            int length = random.nextInt(s.length() - offset + 1);
            byte[] through = new byte[length + 3];
            fresh.readThrough(s, offset, through, 3, length);
            byte[] mapped = new byte[length + 3];
            Snapshot.open(file).get(section(Snapshot.open(file)), offset, mapped, 3, length);
            assertArrayEquals(mapped, through, "bytes " + offset + "+" + length);
        }
    }

    @Test
    void aDamagedChunkFailsWhetherTheRangeCoversItWhollyOrInPart() throws Exception {
        Path damaged = dir.resolve("damaged.idx");
        byte[] copy = bytes.clone();
        copy[(int) largest.offset() + CHUNK + 100] ^= 0x5A;   // in chunk 1 of the section
        Files.write(damaged, copy);
        byte[] into = new byte[3 * CHUNK];

        Snapshot intactPart = Snapshot.open(damaged);
        intactPart.readThrough(section(intactPart), 0, into, 0, CHUNK);   // chunk 0 alone is intact
        intactPart.readThrough(section(intactPart), 2 * CHUNK, into, 0, CHUNK);

        for (int[] range : new int[][] {{CHUNK - 10, 20}, {CHUNK + 200, 10}, {0, 3 * CHUNK}, {CHUNK, CHUNK}}) {
            Snapshot s = Snapshot.open(damaged);
            IndexFormatException e = assertThrows(IndexFormatException.class,
                    () -> s.readThrough(section(s), range[0], into, 0, range[1]), "bytes " + range[0] + "+" + range[1]);
            assertTrue(e.getMessage().contains("chunk 1 ") && e.getMessage().contains("CRC32C"), e.getMessage());
        }
    }

    @Test
    void aRangeOutsideTheSectionIsRefused() throws Exception {
        Snapshot s = Snapshot.open(file);
        Section section = section(s);
        byte[] into = new byte[16];
        assertThrows(IndexFormatException.class, () -> s.readThrough(section, section.length() - 8, into, 0, 16));
        assertThrows(IndexFormatException.class, () -> s.readThrough(section, -1, into, 0, 4));
    }
}
