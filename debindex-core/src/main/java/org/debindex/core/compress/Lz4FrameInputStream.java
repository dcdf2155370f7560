package org.debindex.core.compress;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Decodes a sequence of LZ4 frames, as the {@code lz4} tool and apt write them.
 *
 * <p>Implemented from the LZ4 frame format specification ({@code doc/lz4_Frame_format.md}, version
 * 1.6.x) and the LZ4 block format ({@code doc/lz4_Block_format.md}) because Commons Compress's
 * decoder reaches only about 65 MB/s on a Packages file, slower than gzip, while the point of
 * LZ4 is speed. The decoder is strict:
 * <ul>
 *   <li>the frame descriptor's version, reserved bits and header checksum are checked; frames that
 *       need a dictionary are unsupported;
 *   <li>block checksums and the content checksum are verified when the frame has them, and the
 *       content size when the frame lists it;
 *   <li>every literal run and match is bounds-checked against the block and its history (64 KiB
 *       for dependent blocks), so that no input can make the decoder read or write outside its
 *       buffers;
 *   <li>concatenated frames and skippable frames are decoded as {@code lz4 -dc} does; anything
 *       else after a frame is an error, and input that ends inside a frame is truncated.
 * </ul>
 *
 * <p>Memory: one block of compressed input and one block of output (at most 4 MiB each, as the
 * frame declares) plus 64 KiB of history. Not thread-safe.
 */
final class Lz4FrameInputStream extends InputStream {

    private static final int MAGIC = 0x184D2204;
    private static final int SKIPPABLE_MAGIC = 0x184D2A50;
    private static final int SKIPPABLE_MASK = 0xFFFFFFF0;
    private static final int HISTORY = 64 << 10;
    private static final int MIN_MATCH = 4;

    private final InputStream in;
    private final byte[] header = new byte[15];
    private final byte[] word = new byte[4];
    private final byte[] single = new byte[1];
    private final XxHash32 contentHash = new XxHash32(0);

    private boolean inFrame;
    private boolean ended;
    private boolean closed;
    private boolean independentBlocks;
    private boolean blockChecksum;
    private boolean contentChecksum;
    private long contentSize;
    private long frameDecoded;
    private int maxBlockSize;
    private byte[] compressed = new byte[0];
    /** History (for dependent blocks) followed by the current block's output. */
    private byte[] window = new byte[0];
    private int outStart;
    private int outEnd;

    /**
     * Reads the first frame's header.
     *
     * @throws IOException if the input does not start with a valid LZ4 frame header
     */
    Lz4FrameInputStream(InputStream in) throws IOException {
        this.in = Objects.requireNonNull(in, "in");
        if (readIntLe() != MAGIC) {
            throw new IOException("not an lz4 frame");
        }
        readFrameHeader();
    }

    @Override
    public int read() throws IOException {
        return read(single, 0, 1) < 0 ? -1 : single[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (closed) {
            throw new IOException("stream closed");
        }
        if (len == 0) {
            return 0;
        }
        while (outStart == outEnd) {
            if (ended || !nextBlock()) {
                return -1;
            }
        }
        int n = Math.min(len, outEnd - outStart);
        System.arraycopy(window, outStart, b, off, n);
        outStart += n;
        return n;
    }

    @Override
    public int available() {
        return outEnd - outStart;
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            in.close();
        }
    }

    /** Decodes the next block with data into the window; false at the end of the input. */
    private boolean nextBlock() throws IOException {
        while (true) {
            if (!inFrame && !startNextFrame()) {
                ended = true;
                return false;
            }
            int blockWord = readIntLe();
            if (blockWord == 0) {
                endFrame();
                continue;
            }
            boolean stored = blockWord < 0;
            int size = blockWord & 0x7FFFFFFF;
            if (size > maxBlockSize) {
                throw new IOException("block of " + size + " bytes exceeds the frame's maximum of "
                        + maxBlockSize);
            }
            readFully(compressed, 0, size);
            if (blockChecksum && readIntLe() != XxHash32.hash(compressed, 0, size, 0)) {
                throw new IOException("block checksum mismatch");
            }
            int start = prepareWindow();
            int n;
            if (stored) {
                System.arraycopy(compressed, 0, window, start, size);
                n = size;
            } else {
                n = decodeBlock(compressed, size, window, start, independentBlocks ? start : 0,
                        start + maxBlockSize);
            }
            if (contentChecksum) {
                contentHash.update(window, start, n);
            }
            frameDecoded += n;
            if (contentSize >= 0 && frameDecoded > contentSize) {
                throw new IOException("frame decodes to more than the " + contentSize
                        + " bytes its header lists");
            }
            outStart = start;
            outEnd = start + n;
            if (n > 0) {
                return true;
            }
        }
    }

    /** Keeps up to 64 KiB of history before the next block; returns where the block goes. */
    private int prepareWindow() {
        if (independentBlocks) {
            return 0;
        }
        int keep = Math.min(HISTORY, outEnd);
        if (keep > 0 && outEnd != keep) {
            System.arraycopy(window, outEnd - keep, window, 0, keep);
        }
        return keep;
    }

    /**
     * Reads what follows a frame: the next frame's header (true), the end of the input (false),
     * with skippable frames skipped.
     */
    private boolean startNextFrame() throws IOException {
        while (true) {
            int first = in.read();
            if (first < 0) {
                return false;
            }
            readFully(header, 1, 3);
            int magic = first | (header[1] & 0xFF) << 8 | (header[2] & 0xFF) << 16 | (header[3] & 0xFF) << 24;
            if (magic == MAGIC) {
                readFrameHeader();
                return true;
            }
            if ((magic & SKIPPABLE_MASK) == SKIPPABLE_MAGIC) {
                skipFully(readIntLe() & 0xFFFFFFFFL);
                continue;
            }
            throw new IOException("unexpected data after the last frame");
        }
    }

    private void readFrameHeader() throws IOException {
        readFully(header, 0, 2);
        int flg = header[0] & 0xFF;
        int bd = header[1] & 0xFF;
        if ((flg >>> 6) != 1) {
            throw new DecoderException(DecompressionException.Reason.UNSUPPORTED,
                    "lz4 frame version " + (flg >>> 6) + " is not supported; expected version 1");
        }
        if ((flg & 0x02) != 0 || (bd & 0x8F) != 0) {
            throw new IOException("frame descriptor has reserved bits set");
        }
        int blockSizeId = bd >>> 4;
        if (blockSizeId < 4) {
            throw new IOException("frame descriptor has an invalid block size " + blockSizeId);
        }
        int length = 2;
        boolean hasContentSize = (flg & 0x08) != 0;
        boolean hasDictionary = (flg & 0x01) != 0;
        int extra = (hasContentSize ? 8 : 0) + (hasDictionary ? 4 : 0);
        readFully(header, length, extra + 1);
        contentSize = -1;
        if (hasContentSize) {
            long size = 0;
            for (int i = 7; i >= 0; i--) {
                size = size << 8 | (header[length + i] & 0xFF);
            }
            if (size < 0) {
                throw new IOException("frame lists an impossible content size");
            }
            contentSize = size;
        }
        length += extra;
        int checksum = header[length] & 0xFF;
        if (checksum != ((XxHash32.hash(header, 0, length, 0) >>> 8) & 0xFF)) {
            throw new IOException("frame header checksum mismatch");
        }
        if (hasDictionary) {
            throw new DecoderException(DecompressionException.Reason.UNSUPPORTED,
                    "lz4 frames that need a dictionary are not supported");
        }
        independentBlocks = (flg & 0x20) != 0;
        blockChecksum = (flg & 0x10) != 0;
        contentChecksum = (flg & 0x04) != 0;
        maxBlockSize = 1 << (8 + 2 * blockSizeId);
        if (compressed.length < maxBlockSize) {
            compressed = new byte[maxBlockSize];
        }
        int windowSize = maxBlockSize + (independentBlocks ? 0 : HISTORY);
        if (window.length < windowSize) {
            window = new byte[windowSize];
        }
        // A new frame starts without history.
        outStart = 0;
        outEnd = 0;
        frameDecoded = 0;
        contentHash.reset();
        inFrame = true;
    }

    private void endFrame() throws IOException {
        if (contentChecksum && readIntLe() != contentHash.digest()) {
            throw new IOException("content checksum mismatch");
        }
        if (contentSize >= 0 && frameDecoded != contentSize) {
            throw new IOException("frame decodes to " + frameDecoded + " bytes, not the "
                    + contentSize + " bytes its header lists");
        }
        inFrame = false;
    }

    /**
     * Decodes one block of LZ4 sequences into {@code dst} from {@code start}.
     *
     * @param lowLimit the first byte of {@code dst} a match may copy from
     * @param dstLimit the end of the room for this block's output
     * @return the number of bytes decoded
     */
    static int decodeBlock(byte[] src, int srcLength, byte[] dst, int start, int lowLimit, int dstLimit)
            throws IOException {
        int ip = 0;
        int op = start;
        while (true) {
            if (ip >= srcLength) {
                throw new IOException("block ends inside a sequence");
            }
            int token = src[ip++] & 0xFF;
            int literals = token >>> 4;
            if (literals == 15) {
                int b;
                do {
                    if (ip >= srcLength) {
                        throw new IOException("block ends inside a literal length");
                    }
                    b = src[ip++] & 0xFF;
                    literals += b;
                } while (b == 255);
            }
            if (literals > srcLength - ip || literals > dstLimit - op) {
                throw new IOException("literal run of " + literals + " bytes exceeds its block");
            }
            System.arraycopy(src, ip, dst, op, literals);
            ip += literals;
            op += literals;
            if (ip == srcLength) {
                // The last sequence of a block has literals only.
                return op - start;
            }
            if (srcLength - ip < 2) {
                throw new IOException("block ends inside a match offset");
            }
            int offset = (src[ip] & 0xFF) | (src[ip + 1] & 0xFF) << 8;
            ip += 2;
            if (offset == 0 || op - offset < lowLimit) {
                throw new IOException("match offset " + offset + " points before the start of the data");
            }
            int matchLength = token & 15;
            if (matchLength == 15) {
                int b;
                do {
                    if (ip >= srcLength) {
                        throw new IOException("block ends inside a match length");
                    }
                    b = src[ip++] & 0xFF;
                    matchLength += b;
                } while (b == 255);
            }
            matchLength += MIN_MATCH;
            if (matchLength > dstLimit - op) {
                throw new IOException("match of " + matchLength + " bytes exceeds its block");
            }
            int from = op - offset;
            int end = op + matchLength;
            if (offset >= matchLength) {
                System.arraycopy(dst, from, dst, op, matchLength);
            } else {
                // An overlapping match repeats the last `offset` bytes: copy in doubling runs,
                // each a whole number of periods long, so every copy reads only bytes already written.
                int p = op;
                while (p < end) {
                    int n = Math.min(p - from, end - p);
                    System.arraycopy(dst, from, dst, p, n);
                    p += n;
                }
            }
            op = end;
        }
    }

    private int readIntLe() throws IOException {
        readFully(word, 0, 4);
        return (word[0] & 0xFF) | (word[1] & 0xFF) << 8 | (word[2] & 0xFF) << 16 | (word[3] & 0xFF) << 24;
    }

    private void readFully(byte[] b, int off, int len) throws IOException {
        int n = in.readNBytes(b, off, len);
        if (n < len) {
            throw new EOFException("input ends inside a frame");
        }
    }

    private void skipFully(long n) throws IOException {
        byte[] scratch = compressed.length > 0 ? compressed : new byte[8192];
        long left = n;
        while (left > 0) {
            int r = in.read(scratch, 0, (int) Math.min(scratch.length, left));
            if (r < 0) {
                throw new EOFException("input ends inside a skippable frame");
            }
            left -= r;
        }
    }
}
