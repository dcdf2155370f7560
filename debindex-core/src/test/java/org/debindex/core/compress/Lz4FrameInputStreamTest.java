package org.debindex.core.compress;

import static org.debindex.core.compress.Fixtures.packagesText;
import static org.debindex.core.compress.Fixtures.readAll;
import static org.debindex.core.compress.Fixtures.readExpectingFailure;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import org.apache.commons.codec.digest.XXHash32;
import org.apache.commons.compress.compressors.lz4.FramedLZ4CompressorOutputStream;
import org.apache.commons.compress.compressors.lz4.FramedLZ4CompressorOutputStream.BlockSize;
import org.apache.commons.compress.compressors.lz4.FramedLZ4CompressorOutputStream.Parameters;
import org.debindex.core.compress.DecompressionException.Reason;
import org.junit.jupiter.api.Test;

/** The LZ4 frame decoder against another encoder, and its checksum against known values. */
class Lz4FrameInputStreamTest {

    private static byte[] decode(byte[] frame, long size) throws IOException {
        try (InputStream in = Decompressors.open(Fixtures.streamOf(frame), "Packages.lz4", SizeLimit.exactly(size))) {
            return readAll(in);
        }
    }

    @Test
    void decodesCommonsCompressFramesWithEveryOption() throws IOException {
        // Commons Compress's encoder takes seconds per 100 KB: keep the data small.
        byte[] data = packagesText(70_000, 21);
        for (BlockSize blockSize : new BlockSize[] {BlockSize.K64}) {
            for (int flags = 0; flags < 8; flags++) {
                Parameters parameters = new Parameters(blockSize, (flags & 1) != 0, (flags & 2) != 0, (flags & 4) != 0);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (FramedLZ4CompressorOutputStream lz4 = new FramedLZ4CompressorOutputStream(out, parameters)) {
                    lz4.write(data);
                }
                assertArrayEquals(data, decode(out.toByteArray(), data.length), parameters::toString);
            }
        }
    }

    @Test
    void decodesDependentBlocksAndOverlappingMatches() throws IOException {
        byte[] data = new byte[600_000];
        Random random = new Random(22);
        for (int i = 0; i < data.length; i++) {
            // Runs of one byte (offset-1 matches), short periods, and text repeated across blocks.
            data[i] = switch ((i / 5000) % 3) {
                case 0 -> (byte) 'a';
                case 1 -> (byte) ("xyz".charAt(i % 3));
                default -> (byte) (random.nextInt(4) + 'A');
            };
        }
        for (boolean independent : new boolean[] {true, false}) {
            for (boolean checksums : new boolean[] {true, false}) {
                Lz4FrameWriter writer = new Lz4FrameWriter(64 << 10, checksums, checksums, independent, checksums);
                assertArrayEquals(data, decode(writer.frame(data), data.length));
            }
        }
    }

    @Test
    void contentSizeInTheHeaderIsChecked() throws IOException {
        byte[] frame = new Lz4FrameWriter(64 << 10, false, false, true, true).frame(packagesText(1000, 23));
        // Content size field: 8 bytes after magic, FLG and BD. Claim one byte more and fix HC.
        frame[6]++;
        frame[14] = (byte) (XxHash32.hash(frame, 4, 10, 0) >>> 8);
        try (InputStream in = Decompressors.open(Fixtures.streamOf(frame), "x.lz4", SizeLimit.defaultLimit())) {
            DecompressionException e = readExpectingFailure(in);
            assertEquals(Reason.CORRUPT, e.reason());
        }
    }

    @Test
    void dictionariesAndOtherVersionsAreUnsupported() throws IOException {
        byte[] frame = new Lz4FrameWriter(64 << 10, false, false, true, false).frame(packagesText(1000, 24));
        byte[] dictionary = new byte[frame.length + 4];
        System.arraycopy(frame, 0, dictionary, 0, 6);
        dictionary[4] |= 0x01;
        // four bytes of dictionary ID, then the header checksum over FLG, BD and the ID
        dictionary[10] = (byte) (XxHash32.hash(dictionary, 4, 6, 0) >>> 8);
        System.arraycopy(frame, 7, dictionary, 11, frame.length - 7);
        DecompressionException e = assertThrows(DecompressionException.class, () -> decode(dictionary, 1000));
        assertEquals(Reason.UNSUPPORTED, e.reason(), e::getMessage);

        byte[] version2 = frame.clone();
        version2[4] = (byte) ((version2[4] & 0x3F) | 0x80);
        version2[6] = (byte) (XxHash32.hash(version2, 4, 2, 0) >>> 8);
        e = assertThrows(DecompressionException.class, () -> decode(version2, 1000));
        assertEquals(Reason.UNSUPPORTED, e.reason(), e::getMessage);
    }

    @Test
    void skippableFramesAreSkipped() throws IOException {
        byte[] data = packagesText(5000, 25);
        byte[] frame = Lz4FrameWriter.likeTheLz4Tool().frame(data);
        byte[] skippable = {0x5A, 0x2A, 0x4D, 0x18, 3, 0, 0, 0, 'a', 'b', 'c'};
        byte[] joined = Fixtures.concat(skippable, frame, skippable, frame, skippable);
        // A stream that starts with a skippable frame is not recognised as LZ4 (zstd uses the same
        // skippable frames), so the skippable frame goes after the first real one here.
        try (InputStream in = Decompressors.open(Fixtures.streamOf(Fixtures.concat(frame, skippable, frame, skippable)),
                "x.lz4", SizeLimit.exactly(10_000))) {
            assertArrayEquals(Fixtures.concat(data, data), readAll(in));
        }
        assertEquals(Compression.NONE, Compression.detect(joined));
    }

    @Test
    void badMatchOffsetsAreCorruptNotOutOfBounds() {
        // token: 1 literal, match length 4; literal 'x'; offset 2 (only 1 byte written so far)
        byte[] block = {0x10, 'x', 2, 0, 0x50, 'a', 'b', 'c', 'd', 'e'};
        IOException e = assertThrows(IOException.class,
                () -> Lz4FrameInputStream.decodeBlock(block, block.length, new byte[100], 0, 0, 100));
        assertEquals("match offset 2 points before the start of the data", e.getMessage());
        byte[] tooLong = {(byte) 0xF0, (byte) 200, 'x'};
        assertThrows(IOException.class,
                () -> Lz4FrameInputStream.decodeBlock(tooLong, tooLong.length, new byte[1000], 0, 0, 1000));
        byte[] overflowingOutput = {0x50, 'a', 'b', 'c', 'd', 'e'};
        assertThrows(IOException.class,
                () -> Lz4FrameInputStream.decodeBlock(overflowingOutput, overflowingOutput.length, new byte[4], 0, 0, 4));
    }

    @Test
    void xxHash32MatchesKnownValuesAndAnotherImplementation() {
        assertEquals(0x02CC5D05, XxHash32.hash(new byte[0], 0, 0, 0));
        Random random = new Random(26);
        for (int length : new int[] {1, 3, 4, 15, 16, 17, 31, 32, 33, 100, 1000, 65_537}) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            XXHash32 reference = new XXHash32();
            reference.update(data, 0, length);
            assertEquals((int) reference.getValue(), XxHash32.hash(data, 0, length, 0),
                    () -> "length " + length);
            // Fed in uneven pieces, the incremental hash is the same.
            XxHash32 pieces = new XxHash32(0);
            for (int off = 0; off < length; off += 7) {
                pieces.update(data, off, Math.min(7, length - off));
            }
            assertEquals((int) reference.getValue(), pieces.digest());
        }
    }
}
