package org.debindex.core.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CompressionTest {

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void detectsWhatTheJavaCompressorsWrite(Compression format) {
        for (int size : new int[] {0, 1, 5000}) {
            byte[] compressed = Fixtures.compress(format, Fixtures.packagesText(size, 7));
            if (format == Compression.NONE && size == 0) {
                continue;
            }
            assertEquals(format, Compression.detect(compressed), () -> format + " of " + size + " bytes");
        }
    }

    @Test
    void detectsEachMagicNumber() {
        assertEquals(Compression.XZ, Compression.detect(bytes(0xFD, '7', 'z', 'X', 'Z', 0)));
        assertEquals(Compression.GZIP, Compression.detect(bytes(0x1F, 0x8B)));
        assertEquals(Compression.BZIP2, Compression.detect(bytes('B', 'Z', 'h', '9')));
        assertEquals(Compression.BZIP2, Compression.detect(bytes('B', 'Z', 'h', '1')));
        assertEquals(Compression.LZ4, Compression.detect(bytes(0x04, 0x22, 0x4D, 0x18)));
        assertEquals(Compression.ZSTD, Compression.detect(bytes(0x28, 0xB5, 0x2F, 0xFD)));
    }

    @Test
    void plainTextIsNone() {
        assertEquals(Compression.NONE,
                Compression.detect("Package: hello\nVersion: 2.10-3\n".getBytes(StandardCharsets.US_ASCII)));
        // "BZh" followed by something else than a block-size digit is plausible text.
        assertEquals(Compression.NONE, Compression.detect("BZhello".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Compression.NONE, Compression.detect(bytes('B', 'Z', 'h', '0')));
    }

    @Test
    void inputsShorterThanAMagicNumberAreNone() {
        assertEquals(Compression.NONE, Compression.detect(new byte[0]));
        assertEquals(Compression.NONE, Compression.detect(bytes(0x1F)));
        assertEquals(Compression.NONE, Compression.detect(bytes(0xFD)));
        assertEquals(Compression.NONE, Compression.detect(bytes(0xFD, '7')));
        assertEquals(Compression.NONE, Compression.detect(bytes(0xFD, '7', 'z')));
        assertEquals(Compression.NONE, Compression.detect(bytes('B', 'Z', 'h')));
        assertEquals(Compression.NONE, Compression.detect(bytes(0x04, 0x22, 0x4D)));
        assertEquals(Compression.NONE, Compression.detect(bytes(0x28, 0xB5, 0x2F)));
        assertEquals(Compression.NONE, Compression.detect(bytes(0xFD, '7', 'z', 'X', 'Z')));
        // gzip's magic number is two bytes long: two bytes suffice.
        assertEquals(Compression.GZIP, Compression.detect(bytes(0x1F, 0x8B)));
    }

    @Test
    void onlyTheGivenLengthCounts() {
        byte[] xz = bytes(0xFD, '7', 'z', 'X', 'Z', 0);
        assertEquals(Compression.NONE, Compression.detect(xz, 5));
        assertEquals(Compression.XZ, Compression.detect(Arrays.copyOf(xz, 100), 6));
        assertThrows(IndexOutOfBoundsException.class, () -> Compression.detect(xz, 7));
        assertThrows(IndexOutOfBoundsException.class, () -> Compression.detect(xz, -1));
        assertThrows(NullPointerException.class, () -> Compression.detect(null, 0));
    }

    @Test
    void namesAndSuffixes() {
        assertEquals(".xz", Compression.XZ.fileSuffix());
        assertEquals(".gz", Compression.GZIP.fileSuffix());
        assertEquals(".bz2", Compression.BZIP2.fileSuffix());
        assertEquals(".lz4", Compression.LZ4.fileSuffix());
        assertEquals(".zst", Compression.ZSTD.fileSuffix());
        assertEquals("", Compression.NONE.fileSuffix());
        assertEquals("gzip", Compression.GZIP.formatName());
        assertEquals(0, Compression.NONE.magic().length);
    }

    @Test
    void magicIsACopy() {
        byte[] magic = Compression.ZSTD.magic();
        assertNotSame(magic, Compression.ZSTD.magic());
        magic[0] = 0;
        assertArrayEquals(bytes(0x28, 0xB5, 0x2F, 0xFD), Compression.ZSTD.magic());
        for (Compression c : Compression.values()) {
            assertEquals(true, c.magic().length <= Compression.MAGIC_LENGTH);
        }
    }
}
