package org.debindex.core.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Arrays;
import org.debindex.core.compress.DecompressionException.Reason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Decompression bombs: the limit must stop decoding early, not after the damage. */
class DecompressedInputStreamTest {

    private static final long BOMB = 1L << 30;
    private static final int LIMIT = 1 << 20;

    /**
     * Compressed zeros, made only as fast as they are read: 1 GiB of output, but only the part
     * the decoder asks for is ever compressed. Counts what it made and what it handed out.
     */
    private static final class LazyBomb extends InputStream {

        private final Compression format;
        private final ByteArrayOutputStream sink = new ByteArrayOutputStream();
        private final OutputStream compressor;
        private final byte[] zeros = new byte[1 << 20];
        private byte[] piece = new byte[0];
        private int piecePos;
        private long zerosCompressed;
        private long bytesServed;
        private boolean finished;
        // LZ4: the frame header, one block of 64 KiB of zeros repeated, the end mark.
        private final byte[] lz4Frame;
        private boolean lz4HeaderSent;

        LazyBomb(Compression format) throws IOException {
            this.format = format;
            this.compressor = format == Compression.LZ4 ? null : Fixtures.compressor(format, sink);
            this.lz4Frame = format == Compression.LZ4
                    ? new Lz4FrameWriter(64 << 10, false, false, true, false).frame(new byte[64 << 10]) : null;
        }

        private byte[] nextPiece() throws IOException {
            if (finished) {
                return null;
            }
            if (format == Compression.LZ4) {
                if (!lz4HeaderSent) {
                    lz4HeaderSent = true;
                    return Arrays.copyOf(lz4Frame, 7);
                }
                if (zerosCompressed >= BOMB) {
                    finished = true;
                    return new byte[4];
                }
                zerosCompressed += 64 << 10;
                return Arrays.copyOfRange(lz4Frame, 7, lz4Frame.length - 4);
            }
            if (zerosCompressed < BOMB) {
                compressor.write(zeros);
                zerosCompressed += zeros.length;
            } else {
                compressor.close();
                finished = true;
            }
            byte[] out = sink.toByteArray();
            sink.reset();
            return out;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (piecePos == piece.length) {
                byte[] next = nextPiece();
                if (next == null) {
                    return -1;
                }
                piece = next;
                piecePos = 0;
            }
            int n = Math.min(len, piece.length - piecePos);
            System.arraycopy(piece, piecePos, b, off, n);
            piecePos += n;
            bytesServed += n;
            return n;
        }
    }

    @ParameterizedTest
    @EnumSource(value = Compression.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void aGibibyteBombIsStoppedAtTheLimitAfterLittleWork(Compression format) throws Exception {
        for (SizeLimit limit : new SizeLimit[] {SizeLimit.atMost(LIMIT), SizeLimit.exactly(LIMIT)}) {
            LazyBomb bomb = new LazyBomb(format);
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                try (DecompressedInputStream in = Decompressors.open(bomb, "bomb" + format.fileSuffix(), limit)) {
                    DecompressionException e = Fixtures.readExpectingFailure(in);
                    assertEquals(Reason.LIMIT_EXCEEDED, e.reason(), e::getMessage);
                    assertEquals(LIMIT, in.position());
                }
            });
            // What the decoder consumed, and what had to be compressed to feed it: a few MiB at
            // most (bzip2 blocks hold ~5 MiB of zeros), nowhere near the gibibyte.
            assertTrue(bomb.bytesServed < (1 << 20), () -> format + ": " + bomb.bytesServed + " compressed bytes read");
            assertTrue(bomb.zerosCompressed < (64 << 20),
                    () -> format + ": " + bomb.zerosCompressed + " bytes decompressable were needed");
        }
    }

    @org.junit.jupiter.api.Test
    void endlessPlainDataIsStoppedAtTheLimit() {
        long[] served = {0};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                served[0]++;
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                Arrays.fill(b, off, off + len, (byte) 'x');
                served[0] += len;
                return len;
            }
        };
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (DecompressedInputStream in = Decompressors.open(endless, "endless", SizeLimit.atMost(LIMIT))) {
                DecompressionException e = Fixtures.readExpectingFailure(in);
                assertEquals("endless: decompressed data exceeds the limit of 1048576 bytes", e.getMessage());
            }
        });
        assertTrue(served[0] <= LIMIT + (64 << 10) + 1, () -> served[0] + " bytes read");
    }
}
