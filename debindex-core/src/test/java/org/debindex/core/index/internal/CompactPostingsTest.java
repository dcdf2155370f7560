package org.debindex.core.index.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
import org.debindex.core.IndexFormatException;
import org.junit.jupiter.api.Test;

class CompactPostingsTest {

    private static final int PACKAGES = 1 << 20;

    @Test
    void roundTripsPostingsOfManyNames() throws Exception {
        Random random = new Random(4);
        int names = 500;
        int[] starts = new int[names + 1];
        int[] postings = new int[0];
        for (int n = 0; n < names; n++) {
            // a few names have none; ids repeat (two relations of one package) and jump far
            int count = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(40);
            int at = postings.length / 4;
            postings = Arrays.copyOf(postings, postings.length + 4 * count);
            int id = random.nextInt(1000);
            for (int i = 0; i < count; i++) {
                id += random.nextInt(3) == 0 ? 0 : random.nextInt(random.nextBoolean() ? 10 : 200_000);
                id = Math.min(id, PACKAGES - 1);
                postings[4 * (at + i)] = id;
                postings[4 * (at + i) + 1] = random.nextInt(0x200);
                postings[4 * (at + i) + 2] = random.nextInt(5) == 0 ? -1 : random.nextInt(1 << 24);
                postings[4 * (at + i) + 3] = random.nextInt(10) == 0 ? random.nextInt(100) : -1;
            }
            starts[n + 1] = starts[n] + count;
        }
        CompactPostings.Encoded e = CompactPostings.encode(postings, starts);
        ByteBuffer section = ByteBuffer.wrap(e.section().toArray()).order(ByteOrder.LITTLE_ENDIAN);
        int tuples = section.getInt(0);
        int base = CompactPostings.TABLE_START + tuples * CompactPostings.TUPLE;
        assertEquals(section.limit() - base, e.byteStarts()[names]);
        for (int n = 0; n < names; n++) {
            byte[] bytes = Arrays.copyOfRange(section.array(), base + e.byteStarts()[n], base + e.byteStarts()[n + 1]);
            int[] pairs = CompactPostings.decode(bytes, tuples, PACKAGES, "test.idx", "rdepends");
            int[] decoded = new int[pairs.length * 2];
            for (int i = 0; i < pairs.length / 2; i++) {
                int t = CompactPostings.TABLE_START + pairs[2 * i + 1] * CompactPostings.TUPLE;
                decoded[4 * i] = pairs[2 * i];
                decoded[4 * i + 1] = section.getInt(t);
                decoded[4 * i + 2] = section.getInt(t + 4);
                decoded[4 * i + 3] = section.getInt(t + 8);
            }
            assertArrayEquals(Arrays.copyOfRange(postings, 4 * starts[n], 4 * starts[n + 1]), decoded, "name " + n);
        }
    }

    @Test
    void theMostUsedTupleGetsIndexZeroAndPostingsTakeTwoBytes() {
        int[] postings = {
            3, 1, 7, -1,
            4, 2, 9, -1,
            9, 2, 9, -1,
        };
        CompactPostings.Encoded e = CompactPostings.encode(postings, new int[] {0, 3});
        ByteBuffer section = ByteBuffer.wrap(e.section().toArray()).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(2, section.getInt(0));
        assertEquals(2, section.getInt(4), "used twice, so first");
        assertEquals(9, section.getInt(8));
        int base = CompactPostings.TABLE_START + 2 * CompactPostings.TUPLE;
        assertArrayEquals(new byte[] {3, 1, 1, 0, 5, 0}, Arrays.copyOfRange(section.array(), base, section.limit()));
    }

    @Test
    void corruptPostingsAreIndexFormatExceptions() {
        // cut off inside a varint, or after a package id without its tuple index
        assertCorrupt(new byte[] {(byte) 0x81}, "cut off");
        assertCorrupt(new byte[] {5}, "cut off");
        // six bytes of continuation
        assertCorrupt(new byte[] {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 1, 0}, "longer");
        // a tuple index past the table, a package id past the packages, a delta that wraps
        assertCorrupt(new byte[] {1, 3}, "tuple index 3 out of range");
        assertCorrupt(new byte[] {(byte) 0x80, (byte) 0x80, 0x40, 0}, "package id 1048576 out of range");
        assertCorrupt(new byte[] {1, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F, 0}, "out of range");
    }

    private static void assertCorrupt(byte[] bytes, String expected) {
        IndexFormatException e = assertThrows(IndexFormatException.class,
                () -> CompactPostings.decode(bytes, 3, PACKAGES, "test.idx", "rdepends"));
        assertEquals("rdepends", e.section());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void decreasingPackageIdsAreRefusedWhenEncoding() {
        assertThrows(IllegalArgumentException.class,
                () -> CompactPostings.encode(new int[] {5, 0, -1, -1, 4, 0, -1, -1}, new int[] {0, 2}));
    }
}
