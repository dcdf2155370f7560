package org.debindex.core.compress;

import static org.debindex.core.compress.Fixtures.assertMessageStyle;
import static org.debindex.core.compress.Fixtures.compress;
import static org.debindex.core.compress.Fixtures.concat;
import static org.debindex.core.compress.Fixtures.packagesText;
import static org.debindex.core.compress.Fixtures.readAll;
import static org.debindex.core.compress.Fixtures.readExpectingFailure;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.debindex.core.compress.DecompressionException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.LZMAOutputStream;

class DecompressorsTest {

    private static final String SOURCE = "Packages.test";

    /** The three ways data can reach a decoder. */
    enum Input { STREAM, FILE, BUFFER }

    @TempDir
    Path tmp;

    private DecompressedInputStream open(Input input, byte[] data, SizeLimit limit) throws IOException {
        return switch (input) {
            case STREAM -> Decompressors.open(new ByteArrayInputStream(data), SOURCE, limit);
            case FILE -> {
                Path file = Files.write(tmp.resolve(SOURCE), data);
                yield Decompressors.open(file, limit);
            }
            case BUFFER -> Decompressors.open(ByteBuffer.wrap(data), SOURCE, limit);
        };
    }

    private String sourceOf(Input input) {
        return input == Input.FILE ? tmp.resolve(SOURCE).toString() : SOURCE;
    }

    static Stream<Arguments> formatsAndInputs() {
        List<Arguments> all = new ArrayList<>();
        for (Compression c : Compression.values()) {
            for (Input i : Input.values()) {
                all.add(Arguments.of(c, i));
            }
        }
        return all.stream();
    }

    static Stream<Arguments> compressedFormatsAndInputs() {
        return formatsAndInputs().filter(a -> a.get()[0] != Compression.NONE);
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("formatsAndInputs")
    void roundTripsEverySize(Compression format, Input input) throws IOException {
        for (int size : new int[] {0, 1, 1000, 3_000_000}) {
            byte[] data = packagesText(size, size);
            byte[] compressed = compress(format, data);
            try (DecompressedInputStream in = open(input, compressed, SizeLimit.exactly(size))) {
                assertArrayEquals(data, readAll(in), () -> format + " of " + size + " bytes");
                assertEquals(size, in.position());
                assertEquals(size == 0 && format == Compression.NONE ? Compression.NONE : format,
                        in.compression());
                assertEquals(-1, in.read(), "stays at the end");
                assertEquals(0, in.read(new byte[1], 0, 0), "a zero-length read reads nothing, even at the end");
            }
            try (DecompressedInputStream in = open(input, compressed, SizeLimit.defaultLimit())) {
                assertArrayEquals(data, readAll(in));
            }
        }
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("formatsAndInputs")
    void readsByteByByte(Compression format, Input input) throws IOException {
        byte[] data = packagesText(20_000, 3);
        try (DecompressedInputStream in = open(input, compress(format, data), SizeLimit.exactly(data.length))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1) {
                out.write(b);
            }
            assertArrayEquals(data, out.toByteArray());
        }
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("formatsAndInputs")
    void oneByteOverTheExpectedSizeFails(Compression format, Input input) throws IOException {
        byte[] data = packagesText(100_000, 1);
        byte[] compressed = compress(format, data);
        try (DecompressedInputStream in = open(input, compressed, SizeLimit.exactly(data.length - 1))) {
            DecompressionException e = readExpectingFailure(in);
            assertEquals(Reason.LIMIT_EXCEEDED, e.reason());
            assertEquals(sourceOf(input) + ": decompressed data exceeds the expected 99999 bytes", e.getMessage());
            assertMessageStyle(e, sourceOf(input));
            assertEquals(data.length - 1, in.position(), "the data up to the limit was delivered");
            assertSame(e, assertThrows(DecompressionException.class, in::read), "the failure is final");
        }
        try (DecompressedInputStream in = open(input, compressed, SizeLimit.atMost(data.length - 1))) {
            DecompressionException e = readExpectingFailure(in);
            assertEquals(Reason.LIMIT_EXCEEDED, e.reason());
            assertEquals(sourceOf(input) + ": decompressed data exceeds the limit of 99999 bytes", e.getMessage());
        }
        try (DecompressedInputStream in = open(input, compressed, SizeLimit.atMost(data.length))) {
            assertArrayEquals(data, readAll(in));
        }
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("formatsAndInputs")
    void endingShortOfTheExpectedSizeFails(Compression format, Input input) throws IOException {
        byte[] data = packagesText(100_000, 2);
        try (DecompressedInputStream in = open(input, compress(format, data), SizeLimit.exactly(data.length + 1))) {
            DecompressionException e = readExpectingFailure(in);
            assertEquals(Reason.SIZE_MISMATCH, e.reason());
            assertMessageStyle(e, sourceOf(input));
            assertTrue(e.getMessage().endsWith("expected 100001 bytes"), e.getMessage());
        }
        try (DecompressedInputStream in = open(input, compress(format, data), SizeLimit.atMost(data.length + 1))) {
            assertArrayEquals(data, readAll(in), "a maximum allows shorter data");
        }
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("compressedFormatsAndInputs")
    void truncationIsAnErrorAtEveryCutPoint(Compression format, Input input) throws IOException {
        byte[] data = packagesText(300_000, 4);
        byte[] compressed = compress(format, data);
        int n = compressed.length;
        int detectable = Fixtures.detectableLength(format);
        int[] cuts = {detectable, detectable + 1, 10, 18, 100, n / 3, n / 2,
            n - 100, n - 12, n - 8, n - 5, n - 4, n - 3, n - 2, n - 1};
        for (int cut : cuts) {
            byte[] truncated = Arrays.copyOf(compressed, cut);
            for (SizeLimit limit : List.of(SizeLimit.defaultLimit(), SizeLimit.exactly(data.length))) {
                DecompressionException e = assertThrows(DecompressionException.class, () -> {
                    try (InputStream in = open(input, truncated, limit)) {
                        readAll(in);
                    }
                }, () -> format + " cut at " + cut + " of " + n);
                assertEquals(Reason.TRUNCATED, e.reason(), () -> format + " cut at " + cut + ": " + e.getMessage());
                assertEquals(sourceOf(input) + ": " + format.formatName()
                        + " data is truncated; expected more compressed data", e.getMessage());
            }
        }
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("compressedFormatsAndInputs")
    void dataCutShorterThanItsMagicNumberIsCaughtByTheExpectedSize(Compression format, Input input)
            throws IOException {
        byte[] compressed = compress(format, packagesText(1000, 5));
        for (int cut = 0; cut < Fixtures.detectableLength(format); cut++) {
            byte[] truncated = Arrays.copyOf(compressed, cut);
            try (DecompressedInputStream in = open(input, truncated, SizeLimit.exactly(1000))) {
                DecompressionException e = readExpectingFailure(in);
                assertTrue(e.reason() == Reason.SIZE_MISMATCH || e.reason() == Reason.TRUNCATED, e::getMessage);
            } catch (DecompressionException e) {
                // gzip's two-byte magic is recognised; its header is then found truncated.
                assertEquals(Reason.TRUNCATED, e.reason(), e::getMessage);
            }
        }
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("compressedFormatsAndInputs")
    void trailingGarbageIsCorrupt(Compression format, Input input) throws IOException {
        byte[] data = packagesText(50_000, 6);
        byte[] garbage = "this is not compressed data at all\n".getBytes(StandardCharsets.US_ASCII);
        byte[] withGarbage = concat(compress(format, data), garbage);
        try (DecompressedInputStream in = open(input, withGarbage, SizeLimit.exactly(data.length))) {
            DecompressionException e = readExpectingFailure(in);
            assertEquals(Reason.CORRUPT, e.reason(), e::getMessage);
            assertMessageStyle(e, sourceOf(input));
        }
        // A single stray byte may also be the start of a cut-off stream: an error either way.
        for (byte[] stray : List.of(new byte[] {'x'}, new byte[] {0}, new byte[] {0x1F}, new byte[] {0, 0, 0})) {
            try (DecompressedInputStream in = open(input, concat(compress(format, data), stray),
                    SizeLimit.exactly(data.length))) {
                DecompressionException e = readExpectingFailure(in);
                assertTrue(Set.of(Reason.CORRUPT, Reason.TRUNCATED).contains(e.reason()), e::getMessage);
            }
        }
    }

    @ParameterizedTest(name = "{0} from {1}")
    @EnumSource(Input.class)
    void xzStreamPaddingIsNotGarbage(Input input) throws IOException {
        byte[] data = packagesText(50_000, 6);
        byte[] padded = concat(compress(Compression.XZ, data), new byte[8]);
        try (DecompressedInputStream in = open(input, padded, SizeLimit.exactly(data.length))) {
            assertArrayEquals(data, readAll(in));
        }
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("compressedFormatsAndInputs")
    void bitFlipsAreErrors(Compression format, Input input) throws IOException {
        byte[] data = packagesText(200_000, 8);
        byte[] compressed = compress(format, data);
        for (int at : new int[] {compressed.length / 4, compressed.length / 2, compressed.length * 3 / 4,
            compressed.length - 20}) {
            for (int bit : new int[] {0x01, 0x10, 0x80}) {
                byte[] corrupt = compressed.clone();
                corrupt[at] ^= (byte) bit;
                DecompressionException e = assertThrows(DecompressionException.class, () -> {
                    try (InputStream in = open(input, corrupt, SizeLimit.defaultLimit())) {
                        readAll(in);
                    }
                }, () -> format + " with bit " + bit + " flipped at " + at);
                // A flip can make a length field point past the end: then it reads as truncated.
                assertTrue(Set.of(Reason.CORRUPT, Reason.TRUNCATED).contains(e.reason()), e::getMessage);
                assertMessageStyle(e, sourceOf(input));
            }
        }
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("compressedFormatsAndInputs")
    void concatenatedStreamsAreDecodedWhole(Compression format, Input input) throws IOException {
        byte[] first = packagesText(70_000, 9);
        byte[] second = packagesText(30_000, 10);
        byte[] empty = new byte[0];
        byte[] joined = concat(compress(format, first), compress(format, empty), compress(format, second));
        try (DecompressedInputStream in = open(input, joined, SizeLimit.exactly(100_000))) {
            assertArrayEquals(concat(first, second), readAll(in));
        }
    }

    @Test
    void multiMemberGzipAsGzipWritesItWithAppend() throws IOException {
        // "gzip -c a >> x.gz; gzip -c b >> x.gz" and pigz produce such files.
        byte[] a = "Package: a\n\n".getBytes(StandardCharsets.US_ASCII);
        byte[] b = "Package: b\n\n".getBytes(StandardCharsets.US_ASCII);
        byte[] members = concat(compress(Compression.GZIP, a), compress(Compression.GZIP, b),
                compress(Compression.GZIP, a));
        try (InputStream in = Decompressors.open(Fixtures.streamOf(members), "x.gz", SizeLimit.defaultLimit())) {
            assertEquals("Package: a\n\nPackage: b\n\nPackage: a\n\n", new String(readAll(in), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void gzipMembersAreFoundWhenTheSourceReportsNothingAvailable() throws IOException {
        // The JDK's GZIPInputStream stops after the first member when available() says 0, as
        // network streams do; the decoder must not rely on available().
        byte[] a = packagesText(10_000, 11);
        byte[] members = concat(compress(Compression.GZIP, a), compress(Compression.GZIP, a));
        InputStream stingy = new FilterInputStream(new ByteArrayInputStream(members)) {
            @Override
            public int available() {
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 100));
            }
        };
        try (InputStream in = Decompressors.open(stingy, "x.gz", SizeLimit.exactly(20_000))) {
            assertArrayEquals(concat(a, a), readAll(in));
        }
    }

    @Test
    void plainDataIsPassedOnWithinTheLimit() throws IOException {
        byte[] data = "Package: hello\n".getBytes(StandardCharsets.US_ASCII);
        try (DecompressedInputStream in = Decompressors.open(Fixtures.streamOf(data), "Packages", SizeLimit.exactly(15))) {
            assertEquals(Compression.NONE, in.compression());
            assertArrayEquals(data, readAll(in));
        }
        try (DecompressedInputStream in = Decompressors.open(Fixtures.streamOf(data), "Packages", SizeLimit.atMost(3))) {
            DecompressionException e = readExpectingFailure(in);
            assertEquals("Packages: decompressed data exceeds the limit of 3 bytes", e.getMessage());
        }
    }

    @Test
    void legacyFormatsAreRefusedNotPassedOnAsText() throws IOException {
        ByteArrayOutputStream lzma = new ByteArrayOutputStream();
        try (LZMAOutputStream out = new LZMAOutputStream(lzma, new LZMA2Options(1), -1)) {
            out.write(packagesText(1000, 12));
        }
        byte[] legacyLz4 = {0x02, 0x21, 0x4C, 0x18, 0, 0, 0, 0};
        byte[] unixCompress = {0x1F, (byte) 0x9D, (byte) 0x90, 'P', 0};
        for (byte[] data : List.of(lzma.toByteArray(), legacyLz4, unixCompress)) {
            DecompressionException e = assertThrows(DecompressionException.class,
                    () -> Decompressors.open(Fixtures.streamOf(data), "Packages.lzma", SizeLimit.defaultLimit()));
            assertEquals(Reason.UNSUPPORTED, e.reason());
            assertMessageStyle(e, "Packages.lzma");
        }
    }

    @Test
    void xzDictionaryBeyondTheMemoryLimitIsRefused() throws IOException {
        byte[] xz = compress(Compression.XZ, packagesText(1000, 13));
        // Block header at offset 12: size byte, flags, then filter flags 21 01 <dict>: patch the
        // dictionary size to 1 GiB (property 36) and fix the header's CRC32.
        int headerSize = ((xz[12] & 0xFF) + 1) * 4;
        int props = -1;
        for (int i = 14; i < 12 + headerSize - 4; i++) {
            if (xz[i] == 0x21 && xz[i + 1] == 0x01) {
                props = i + 2;
                break;
            }
        }
        assertTrue(props > 0, "LZMA2 filter flags found");
        xz[props] = 36;
        CRC32 crc = new CRC32();
        crc.update(xz, 12, headerSize - 4);
        long v = crc.getValue();
        for (int i = 0; i < 4; i++) {
            xz[12 + headerSize - 4 + i] = (byte) (v >>> (8 * i));
        }
        byte[] patched = xz;
        DecompressionException e = assertThrows(DecompressionException.class, () -> {
            try (InputStream in = Decompressors.open(Fixtures.streamOf(patched), "big.xz", SizeLimit.defaultLimit())) {
                readAll(in);
            }
        });
        assertEquals(Reason.LIMIT_EXCEEDED, e.reason());
        assertTrue(e.getMessage().startsWith("big.xz: xz data needs "), e.getMessage());
        assertTrue(e.getMessage().endsWith("KiB of decoder memory; the limit is 262144 KiB"), e.getMessage());
    }

    @Test
    void zstdWindowBeyondTheDecoderLimitIsRefused() throws IOException {
        // A frame by hand (RFC 8878 3.1.1): magic, header descriptor 0 (no content size, not a
        // single segment), window descriptor 0xA0 (2^30 bytes), one raw last block of 5 bytes.
        byte[] frame = {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD, 0x00, (byte) 0xA0, 0x29, 0x00, 0x00,
            'h', 'e', 'l', 'l', 'o'};
        DecompressionException e = assertThrows(DecompressionException.class, () -> {
            try (InputStream in = Decompressors.open(Fixtures.streamOf(frame), "big.zst", SizeLimit.defaultLimit())) {
                readAll(in);
            }
        });
        assertEquals(Reason.LIMIT_EXCEEDED, e.reason(), e::getMessage);
        assertMessageStyle(e, "big.zst");
        // The same frame with a 1 KiB window decodes.
        frame[5] = 0x00;
        try (InputStream in = Decompressors.open(Fixtures.streamOf(frame), "small.zst", SizeLimit.exactly(5))) {
            assertEquals("hello", new String(readAll(in), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void failuresOfTheSourcePassThroughUnchanged() throws IOException {
        IOException diskError = new IOException("disk on fire");
        for (Compression format : EnumSet.allOf(Compression.class)) {
            byte[] compressed = compress(format, packagesText(300_000, 15));
            InputStream failing = new FilterInputStream(new ByteArrayInputStream(compressed)) {
                private int calls;

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (++calls > 2) {
                        throw diskError;
                    }
                    return super.read(b, off, Math.min(len, 1000));
                }
            };
            IOException e = assertThrows(IOException.class, () -> {
                try (InputStream in = Decompressors.open(failing, SOURCE, SizeLimit.defaultLimit())) {
                    readAll(in);
                }
            });
            assertSame(diskError, e, () -> format + ": " + e);
        }
    }

    @Test
    void readingAfterCloseFails() throws IOException {
        byte[] compressed = compress(Compression.GZIP, packagesText(1000, 16));
        DecompressedInputStream in = Decompressors.open(Fixtures.streamOf(compressed), SOURCE, SizeLimit.defaultLimit());
        in.close();
        in.close();
        IOException e = assertThrows(IOException.class, in::read);
        assertEquals(SOURCE + ": stream closed", e.getMessage());
    }

    @Test
    void closingTheStreamClosesTheSource() throws IOException {
        boolean[] closed = {false};
        InputStream source = new FilterInputStream(Fixtures.streamOf(compress(Compression.XZ, new byte[10]))) {
            @Override
            public void close() throws IOException {
                closed[0] = true;
                super.close();
            }
        };
        Decompressors.open(source, SOURCE, SizeLimit.defaultLimit()).close();
        assertTrue(closed[0]);
    }

    @Test
    void theCallersBufferIsLeftAlone() throws IOException {
        byte[] data = packagesText(10_000, 17);
        byte[] compressed = compress(Compression.XZ, data);
        ByteBuffer buffer = ByteBuffer.allocate(compressed.length + 10);
        buffer.position(5);
        buffer.put(compressed);
        buffer.flip().position(5);
        try (InputStream in = Decompressors.open(buffer, SOURCE, SizeLimit.exactly(data.length))) {
            assertArrayEquals(data, readAll(in));
        }
        assertEquals(5, buffer.position());
        assertEquals(compressed.length + 5, buffer.limit());
    }

    @Test
    void nullArgumentsAreProgrammingErrors() {
        InputStream in = Fixtures.streamOf(new byte[0]);
        assertThrows(NullPointerException.class, () -> Decompressors.open((InputStream) null, "", SizeLimit.defaultLimit()));
        assertThrows(NullPointerException.class, () -> Decompressors.open(in, null, SizeLimit.defaultLimit()));
        assertThrows(NullPointerException.class, () -> Decompressors.open(in, "", null));
        assertThrows(NullPointerException.class, () -> Decompressors.open((Path) null, SizeLimit.defaultLimit()));
    }

    @Test
    void anUnnamedSourceGivesABareMessage() throws IOException {
        try (InputStream in = Decompressors.open(Fixtures.streamOf(compress(Compression.GZIP, new byte[10])), "",
                SizeLimit.exactly(5))) {
            DecompressionException e = readExpectingFailure(in);
            assertEquals("decompressed data exceeds the expected 5 bytes", e.getMessage());
        }
    }
}
