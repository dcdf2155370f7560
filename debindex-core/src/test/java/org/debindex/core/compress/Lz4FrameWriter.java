package org.debindex.core.compress;

import java.io.ByteArrayOutputStream;

/**
 * A small greedy LZ4 frame encoder for test fixtures.
 *
 * <p>Commons Compress's LZ4 encoder needs over ten seconds per megabyte of Packages-like text, too
 * slow for fixtures of realistic size; this one follows the LZ4 frame and block format
 * specifications directly (one hash table of 4-byte sequences, greedy matches). Its output is
 * checked by {@code lz4 -dc} in the interoperability test, and Commons Compress's own encoder
 * output is decoded in {@code DecompressorsTest}, so the decoder is not only tested against this.
 */
public final class Lz4FrameWriter {

    private static final int MIN_MATCH = 4;
    private static final int MAX_OFFSET = 65_535;
    private static final int LAST_LITERALS = 5;
    private static final int MF_LIMIT = 12;

    private final int blockSize;
    private final boolean contentChecksum;
    private final boolean blockChecksum;
    private final boolean independentBlocks;
    private final boolean contentSize;

    Lz4FrameWriter(int blockSize, boolean contentChecksum, boolean blockChecksum,
            boolean independentBlocks, boolean contentSize) {
        this.blockSize = blockSize;
        this.contentChecksum = contentChecksum;
        this.blockChecksum = blockChecksum;
        this.independentBlocks = independentBlocks;
        this.contentSize = contentSize;
    }

    /** The defaults of the {@code lz4} tool: 4 MiB independent blocks and a content checksum. */
    public static Lz4FrameWriter likeTheLz4Tool() {
        return new Lz4FrameWriter(4 << 20, true, false, true, false);
    }

    /** The data as one LZ4 frame. */
    public byte[] frame(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 64);
        writeIntLe(out, 0x184D2204);
        int bd = switch (blockSize) {
            case 64 << 10 -> 4;
            case 256 << 10 -> 5;
            case 1 << 20 -> 6;
            case 4 << 20 -> 7;
            default -> throw new IllegalArgumentException("block size " + blockSize);
        };
        int flg = 0x40 | (independentBlocks ? 0x20 : 0) | (blockChecksum ? 0x10 : 0)
                | (contentSize ? 0x08 : 0) | (contentChecksum ? 0x04 : 0);
        ByteArrayOutputStream descriptor = new ByteArrayOutputStream();
        descriptor.write(flg);
        descriptor.write(bd << 4);
        if (contentSize) {
            writeLongLe(descriptor, data.length);
        }
        byte[] d = descriptor.toByteArray();
        out.writeBytes(d);
        out.write((XxHash32.hash(d, 0, d.length, 0) >>> 8) & 0xFF);
        for (int start = 0; start < data.length; start += blockSize) {
            int end = Math.min(data.length, start + blockSize);
            int historyStart = independentBlocks ? start : Math.max(0, start - MAX_OFFSET);
            byte[] block = compressBlock(data, historyStart, start, end);
            boolean stored = block.length >= end - start;
            byte[] payload = stored ? java.util.Arrays.copyOfRange(data, start, end) : block;
            writeIntLe(out, payload.length | (stored ? 0x80000000 : 0));
            out.writeBytes(payload);
            if (blockChecksum) {
                writeIntLe(out, XxHash32.hash(payload, 0, payload.length, 0));
            }
        }
        writeIntLe(out, 0);
        if (contentChecksum) {
            writeIntLe(out, XxHash32.hash(data, 0, data.length, 0));
        }
        return out.toByteArray();
    }

    /** One block of sequences for data[start, end), with matches reaching back to historyStart. */
    private static byte[] compressBlock(byte[] data, int historyStart, int start, int end) {
        ByteArrayOutputStream out = new ByteArrayOutputStream((end - start) / 2 + 16);
        int[] table = new int[1 << 16];
        java.util.Arrays.fill(table, -1);
        for (int p = historyStart; p + MIN_MATCH <= start; p++) {
            table[hash(data, p)] = p;
        }
        int anchor = start;
        int p = start;
        int matchLimit = end - MF_LIMIT;
        while (p < matchLimit) {
            int h = hash(data, p);
            int candidate = table[h];
            table[h] = p;
            if (candidate >= historyStart && p - candidate <= MAX_OFFSET && candidate < p
                    && equal4(data, candidate, p)) {
                int length = MIN_MATCH;
                int maxLength = end - LAST_LITERALS - p;
                while (length < maxLength && data[candidate + length] == data[p + length]) {
                    length++;
                }
                writeSequence(out, data, anchor, p - anchor, p - candidate, length);
                for (int q = p + 1; q < p + length && q + MIN_MATCH <= end; q++) {
                    table[hash(data, q)] = q;
                }
                p += length;
                anchor = p;
            } else {
                p++;
            }
        }
        writeLastLiterals(out, data, anchor, end - anchor);
        return out.toByteArray();
    }

    private static void writeSequence(ByteArrayOutputStream out, byte[] data, int literalStart,
            int literals, int offset, int matchLength) {
        int ml = matchLength - MIN_MATCH;
        out.write((Math.min(literals, 15) << 4) | Math.min(ml, 15));
        writeLength(out, literals);
        out.write(data, literalStart, literals);
        out.write(offset & 0xFF);
        out.write(offset >>> 8);
        writeLength(out, ml);
    }

    private static void writeLastLiterals(ByteArrayOutputStream out, byte[] data, int start, int literals) {
        out.write(Math.min(literals, 15) << 4);
        writeLength(out, literals);
        out.write(data, start, literals);
    }

    private static void writeLength(ByteArrayOutputStream out, int length) {
        if (length < 15) {
            return;
        }
        int rest = length - 15;
        while (rest >= 255) {
            out.write(255);
            rest -= 255;
        }
        out.write(rest);
    }

    private static int hash(byte[] data, int p) {
        int v = (data[p] & 0xFF) | (data[p + 1] & 0xFF) << 8 | (data[p + 2] & 0xFF) << 16 | (data[p + 3] & 0xFF) << 24;
        return (v * -1640531535) >>> 16;
    }

    private static boolean equal4(byte[] data, int a, int b) {
        return data[a] == data[b] && data[a + 1] == data[b + 1] && data[a + 2] == data[b + 2]
                && data[a + 3] == data[b + 3];
    }

    private static void writeIntLe(ByteArrayOutputStream out, int v) {
        out.write(v);
        out.write(v >>> 8);
        out.write(v >>> 16);
        out.write(v >>> 24);
    }

    private static void writeLongLe(ByteArrayOutputStream out, long v) {
        writeIntLe(out, (int) v);
        writeIntLe(out, (int) (v >>> 32));
    }
}
