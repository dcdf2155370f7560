package org.debindex.core.compress;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Decodes a sequence of Zstandard frames (RFC 8878) with zstd-jni's streaming context.
 *
 * <p>zstd-jni's own {@code ZstdInputStream} ends quietly when fewer than a frame header's worth
 * of bytes follow a complete frame, so trailing garbage of up to four bytes goes unnoticed. This
 * loop keeps track of frame boundaries itself: input that ends anywhere but between two frames is
 * truncated, and whatever follows a frame must be another frame (or a skippable frame), as with
 * {@code zstd -dc}. libzstd's errors (zstd-jni's unchecked {@code ZstdException}) are turned into
 * {@code IOException}s here: zstd-jni 1.5.2-5 puts "No error detected" in their message (it looks
 * up the name of the wrong code), so the message is made from the error code instead.
 *
 * <p>Not thread-safe.
 */
final class ZstdFrameInputStream extends InputStream {

    // One compressed block and one decoded block (the zstd maximum, 128 KiB) per native call.
    private static final int BUFFER_SIZE = 128 << 10;

    private final InputStream in;
    private final ZstdDecompressCtx ctx;
    private final ByteBuffer src = ByteBuffer.allocateDirect(BUFFER_SIZE).flip();
    private final ByteBuffer dst = ByteBuffer.allocateDirect(BUFFER_SIZE).flip();
    private final byte[] staging = new byte[BUFFER_SIZE];
    private final byte[] single = new byte[1];

    /** Whether the input so far ends exactly after a frame (true before the first byte too). */
    private boolean betweenFrames = true;
    /** Whether the decoder filled {@code dst} and may hold more output without more input. */
    private boolean outputPending;
    private boolean ended;
    private boolean closed;

    /**
     * Wraps compressed input.
     *
     * @throws LinkageError if zstd-jni's native library cannot be loaded (the caller reports it)
     */
    ZstdFrameInputStream(InputStream in) {
        this.in = Objects.requireNonNull(in, "in");
        this.ctx = new ZstdDecompressCtx();
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
        while (!dst.hasRemaining()) {
            if (ended) {
                return -1;
            }
            decodeMore();
        }
        int n = Math.min(len, dst.remaining());
        dst.get(b, off, n);
        return n;
    }

    private void decodeMore() throws IOException {
        if (!src.hasRemaining() && !outputPending && !refill()) {
            if (!betweenFrames) {
                throw new EOFException("zstd input ends inside a frame");
            }
            ended = true;
            return;
        }
        dst.clear();
        boolean flushed;
        try {
            flushed = ctx.decompressDirectByteBufferStream(dst, src);
        } catch (ZstdException e) {
            throw translate(e);
        }
        dst.flip();
        // "flushed" means the decoder returned 0: a frame ended and all of it has been output.
        betweenFrames = flushed;
        outputPending = !flushed && dst.limit() == dst.capacity();
    }

    /** libzstd's error as an exception the caller can classify, with a meaningful message. */
    private static IOException translate(ZstdException e) {
        // Versions of zstd-jni disagree on the sign of the code; the codes themselves are stable.
        long code = Math.abs(e.getErrorCode());
        IOException translated;
        if (code == Zstd.errFrameParameterWindowTooLarge()) {
            translated = new DecoderException(DecompressionException.Reason.LIMIT_EXCEEDED,
                    "zstd data needs a window larger than the decoder's limit of 128 MiB");
        } else if (code == Zstd.errDictionaryWrong()) {
            translated = new DecoderException(DecompressionException.Reason.UNSUPPORTED,
                    "zstd frames that need a dictionary are not supported");
        } else if (code == Zstd.errMemoryAllocation()) {
            translated = new DecoderException(DecompressionException.Reason.LIMIT_EXCEEDED,
                    "the zstd decoder could not allocate its memory");
        } else if (code == Zstd.errPrefixUnknown()) {
            translated = new IOException("unexpected data where a zstd frame should start");
        } else if (code == Zstd.errChecksumWrong()) {
            translated = new IOException("checksum mismatch");
        } else if (code == Zstd.errCorruptionDetected()) {
            translated = new IOException("corrupted block detected");
        } else if (code == Zstd.errVersionUnsupported() || code == Zstd.errFrameParameterUnsupported()) {
            translated = new IOException("invalid or unsupported frame header");
        } else {
            translated = new IOException("libzstd error code " + code);
        }
        translated.initCause(e);
        return translated;
    }

    private boolean refill() throws IOException {
        int n;
        do {
            n = in.read(staging, 0, staging.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        src.clear();
        src.put(staging, 0, n);
        src.flip();
        return true;
    }

    @Override
    public int available() {
        return dst.remaining();
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            try {
                ctx.close();
            } finally {
                in.close();
            }
        }
    }
}
