package org.debindex.core.index.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.debindex.core.IndexFormatException;

/**
 * The block table of a compressed section (see {@link Layout}): text cut into blocks of
 * {@link #blockSize()} bytes, each compressed on its own, so that reading a few bytes inflates
 * one block, never the section. Records keep offsets into the uncompressed text; this table maps
 * them to blocks.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param codec     {@link #DEFLATE}, the only codec (the field leaves room for another)
 * @param blockSize uncompressed bytes per block, all but the last
 * @param length    uncompressed length of the text
 * @param starts    where each block starts in the section, then the section's length
 */
record BlockTable(int codec, int blockSize, int length, int[] starts) {

    /** Codec: raw deflate (RFC 1951), through the JDK's zlib. */
    static final int DEFLATE = 1;
    /** Bytes before the block starts: codec, block size, length, block count. */
    static final int HEAD = 16;
    static final int MIN_BLOCK = 1 << 12;
    static final int MAX_BLOCK = 1 << 24;

    /** How many blocks there are. */
    int count() {
        return starts.length - 1;
    }

    /** The uncompressed length of block {@code b}. */
    int blockLength(int b) {
        return b < count() - 1 ? blockSize : length - (count() - 1) * blockSize;
    }

    /**
     * Reads and checks the table of a compressed section; its bytes are CRC-checked by the reads.
     *
     * @throws IndexFormatException if the table is inconsistent with itself or the section
     */
    static BlockTable read(Snapshot snapshot, Section s) throws IndexFormatException {
        if (s.length < HEAD + 4) {
            throw snapshot.corrupt(s, "compressed section of " + s.length + " bytes has no block table");
        }
        int codec = snapshot.i32(s, 0);
        int blockSize = snapshot.i32(s, 4);
        int length = snapshot.i32(s, 8);
        int count = snapshot.i32(s, 12);
        if (codec != DEFLATE) {
            throw snapshot.corrupt(s, "unknown compression codec " + codec);
        }
        if (blockSize < MIN_BLOCK || blockSize > MAX_BLOCK || length < 0
                || count != (int) (((long) length + blockSize - 1) / blockSize)
                || HEAD + 4L * (count + 1) > s.length) {
            throw snapshot.corrupt(s, "block table (block size " + blockSize + ", length " + length + ", "
                    + count + " blocks) is inconsistent");
        }
        int[] starts = snapshot.ints(s, HEAD, count + 1);
        int expected = HEAD + 4 * (count + 1);
        if (starts[0] != expected || starts[count] != s.length) {
            throw snapshot.corrupt(s, "block table spans bytes " + starts[0] + "-" + starts[count] + "; expected "
                    + expected + "-" + s.length);
        }
        for (int b = 0; b < count; b++) {
            if (starts[b + 1] <= starts[b]) {
                throw snapshot.corrupt(s, "block " + b + " starts at " + starts[b] + " and ends at " + starts[b + 1]);
            }
        }
        return new BlockTable(codec, blockSize, length, starts);
    }

    /**
     * Inflates block {@code b} into {@code into[at, at + blockLength(b))}: exactly that many bytes,
     * checked to be the whole of the block, no more.
     *
     * @throws IndexFormatException if the block is corrupt or not of its stated length
     */
    void inflate(Snapshot snapshot, Section s, int b, byte[] into, int at) throws IndexFormatException {
        int from = starts[b];
        int size = starts[b + 1] - from;
        int expected = blockLength(b);
        byte[] packed = new byte[size];
        snapshot.getStored(s, from, packed, 0, size);
        boolean whole;
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(packed);
            int n = 0;
            while (n < expected && !inflater.finished() && !inflater.needsInput()) {
                int got = inflater.inflate(into, at + n, expected - n);
                if (got == 0) {
                    break;   // no progress with room to write: a stream that wants a dictionary
                }
                n += got;
            }
            // The end-of-stream marker may still be unread after the last byte: one more call
            // into an empty window consumes it without producing anything.
            if (n == expected && !inflater.finished()) {
                inflater.inflate(into, at + n, 0);
            }
            whole = n == expected && inflater.finished() && inflater.getRemaining() == 0;
        } catch (DataFormatException e) {
            throw snapshot.corrupt(s, "block " + b + " does not inflate (" + e.getMessage() + ")");
        } finally {
            inflater.end();
        }
        if (!whole) {
            throw snapshot.corrupt(s, "block " + b + " does not inflate to its " + expected + " bytes");
        }
    }

    /**
     * Compresses texts into compressed sections, all blocks at once in parallel (the common
     * fork-join pool); the bytes depend only on the texts and settings, not on the threads.
     *
     * @param texts     the uncompressed texts
     * @param level     deflate's compression level
     * @param blockSize uncompressed bytes per block
     * @return one compressed section per text, in order
     */
    static List<ByteSink> compress(List<ByteSink> texts, int level, int blockSize) {
        if (blockSize < MIN_BLOCK || blockSize > MAX_BLOCK) {
            throw new IllegalArgumentException("blockSize must be between " + MIN_BLOCK + " and " + MAX_BLOCK
                    + ": " + blockSize);
        }
        int[] firstBlock = new int[texts.size() + 1];
        for (int t = 0; t < texts.size(); t++) {
            firstBlock[t + 1] = firstBlock[t] + (int) (((long) texts.get(t).size() + blockSize - 1) / blockSize);
        }
        byte[][] blocks = new byte[firstBlock[texts.size()]][];
        IntStream.range(0, blocks.length).parallel().forEach(g -> {
            int t = 0;
            while (firstBlock[t + 1] <= g) {
                t++;
            }
            ByteSink text = texts.get(t);
            int from = (g - firstBlock[t]) * blockSize;
            blocks[g] = pack(text.array(), from, Math.min(blockSize, text.size() - from), level);
        });
        List<ByteSink> out = new ArrayList<>(texts.size());
        for (int t = 0; t < texts.size(); t++) {
            int count = firstBlock[t + 1] - firstBlock[t];
            long total = HEAD + 4L * (count + 1);
            for (int g = firstBlock[t]; g < firstBlock[t + 1]; g++) {
                total += blocks[g].length;
            }
            if (total > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("compressed section larger than 2 GiB: " + total + " bytes");
            }
            ByteSink section = new ByteSink((int) total);
            section.putInt(DEFLATE);
            section.putInt(blockSize);
            section.putInt(texts.get(t).size());
            section.putInt(count);
            int at = HEAD + 4 * (count + 1);
            section.putInt(at);
            for (int g = firstBlock[t]; g < firstBlock[t + 1]; g++) {
                at += blocks[g].length;
                section.putInt(at);
            }
            for (int g = firstBlock[t]; g < firstBlock[t + 1]; g++) {
                section.put(blocks[g], 0, blocks[g].length);
            }
            out.add(section);
        }
        return out;
    }

    private static byte[] pack(byte[] text, int from, int length, int level) {
        Deflater deflater = new Deflater(level, true);
        try {
            deflater.setInput(text, from, length);
            deflater.finish();
            ByteSink out = new ByteSink(length / 3 + 64);
            byte[] buf = new byte[Math.max(1024, length / 2)];
            while (!deflater.finished()) {
                int n = deflater.deflate(buf);
                out.put(buf, 0, n);
            }
            return out.toArray();
        } finally {
            deflater.end();
        }
    }
}
