package org.debindex.core.compress;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Locale;
import java.util.Objects;
import org.tukaani.xz.MemoryLimitException;
import org.tukaani.xz.UnsupportedOptionsException;

/**
 * The decompressed data of one source, bounded by a {@link SizeLimit}; made by {@link
 * Decompressors}.
 *
 * <p>The stream never returns more than the limit's number of bytes: when the data goes on, the
 * read that would return the first byte too many fails with {@link
 * DecompressionException.Reason#LIMIT_EXCEEDED} instead, so a decompression bomb is stopped after
 * at most the limit plus one decoder buffer of work. With an {@linkplain SizeLimit#exactly exact}
 * size, data that ends early fails with {@link DecompressionException.Reason#SIZE_MISMATCH} at
 * the end. Every problem of the compressed data is a {@link DecompressionException} naming the
 * source; failures of the underlying input (a disk error, an interrupted channel) pass through
 * as they are. A failure is final: every later read throws it again.
 *
 * <p>The data is only known to be intact once {@code read} has returned -1: checksums and
 * trailers are verified at the end of each stream and block. Read to the end before trusting
 * what was read.
 *
 * <p>Not thread-safe, like any stream; closing it closes the underlying input and stops any
 * decoder threads.
 */
public final class DecompressedInputStream extends InputStream {

    private final InputStream decoder;
    private final SourceInputStream raw;
    private final Compression compression;
    private final String source;
    private final SizeLimit limit;
    private final byte[] single = new byte[1];
    private long position;
    private DecompressionException failure;
    private boolean ended;
    private boolean closed;

    /**
     * Wraps a decoder.
     *
     * @param raw the decoder's watched input, or null when there is none (parallel decoding)
     */
    DecompressedInputStream(InputStream decoder, SourceInputStream raw, Compression compression,
            String source, SizeLimit limit) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.raw = raw;
        this.compression = Objects.requireNonNull(compression, "compression");
        this.source = Objects.requireNonNull(source, "source");
        this.limit = Objects.requireNonNull(limit, "limit");
    }

    /** The format found by its magic number ({@link Compression#NONE} for data passed on as is). */
    public Compression compression() {
        return compression;
    }

    /** The source name used in error messages. */
    public String source() {
        return source;
    }

    /** The bound on the decompressed size. */
    public SizeLimit limit() {
        return limit;
    }

    /** The decoder underneath (for tests: whether decoding went parallel). */
    InputStream decoder() {
        return decoder;
    }

    /** How many decompressed bytes this stream has returned so far. */
    public long position() {
        return position;
    }

    /**
     * Reads one decompressed byte.
     *
     * @return the byte, or -1 at the end of the data
     * @throws DecompressionException if the compressed data is bad or the limit is broken
     * @throws IOException if the underlying input fails, or the stream is closed
     */
    @Override
    public int read() throws IOException {
        return read(single, 0, 1) < 0 ? -1 : single[0] & 0xFF;
    }

    /**
     * Reads decompressed bytes.
     *
     * @return how many bytes were read, at least 1 unless {@code len} is 0; -1 at the end
     * @throws DecompressionException if the compressed data is bad or the limit is broken
     * @throws IOException if the underlying input fails, or the stream is closed
     * @throws IndexOutOfBoundsException if {@code off} and {@code len} do not fit {@code b}
     */
    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (closed) {
            throw new IOException(prefix() + "stream closed");
        }
        if (failure != null) {
            throw failure;
        }
        if (len == 0) {
            return 0;
        }
        if (ended) {
            return -1;
        }
        long remaining = limit.bytes() - position;
        try {
            if (remaining <= 0) {
                // At the limit only the end of the data is acceptable; one byte more is too many.
                if (decoder.read(single, 0, 1) < 0) {
                    return end();
                }
                throw fail(new DecompressionException(source, DecompressionException.Reason.LIMIT_EXCEEDED,
                        exceedsMessage(limit), null));
            }
            int n = decoder.read(b, off, (int) Math.min(len, remaining));
            if (n < 0) {
                return end();
            }
            position += n;
            return n;
        } catch (DecompressionException e) {
            throw fail(e);
        } catch (IOException | RuntimeException e) {
            IOException classified = classify(e, compression, source, raw);
            throw classified instanceof DecompressionException d ? fail(d) : classified;
        }
    }

    private int end() throws DecompressionException {
        if (limit.isExact() && position < limit.bytes()) {
            throw fail(new DecompressionException(source, DecompressionException.Reason.SIZE_MISMATCH,
                    "decompressed data ends after " + position + " bytes; expected " + limit.bytes()
                            + " bytes", null));
        }
        ended = true;
        return -1;
    }

    private DecompressionException fail(DecompressionException e) {
        failure = e;
        return e;
    }

    /**
     * Decompressed bytes that can be read without blocking, as far as the decoder knows.
     *
     * @throws IOException if the stream is closed
     */
    @Override
    public int available() throws IOException {
        if (closed) {
            throw new IOException(prefix() + "stream closed");
        }
        if (failure != null || ended) {
            return 0;
        }
        try {
            return (int) Math.min(decoder.available(), Math.max(0, limit.bytes() - position));
        } catch (IOException | RuntimeException e) {
            // A decoder may have to decode to answer; the next read reports any problem properly.
            return 0;
        }
    }

    /**
     * Closes the decoder and its input, and stops decoder threads; idempotent.
     *
     * @throws IOException if the underlying input fails to close
     */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            decoder.close();
        }
    }

    private String prefix() {
        return source.isEmpty() ? "" : source + ": ";
    }

    /** The message for output beyond the limit. */
    static String exceedsMessage(SizeLimit limit) {
        return limit.isExact()
                ? "decompressed data exceeds the expected " + limit.bytes() + " bytes"
                : "decompressed data exceeds the limit of " + limit.bytes() + " bytes";
    }

    /**
     * Turns a decoder's exception into a {@link DecompressionException}, or returns the source's
     * own I/O failure unchanged.
     *
     * @param raw the decoder's watched input, or null when there is none
     */
    static IOException classify(Throwable e, Compression compression, String source, SourceInputStream raw) {
        if (e instanceof DecompressionException d) {
            return d;
        }
        if (raw != null && raw.isSourceFailure(e)) {
            return e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
        if (e instanceof InterruptedIOException io) {
            return io;
        }
        String format = compression.formatName();
        if (e instanceof MemoryLimitException m) {
            return new DecompressionException(source, DecompressionException.Reason.LIMIT_EXCEEDED,
                    format + " data needs " + m.getMemoryNeeded() + " KiB of decoder memory; the limit is "
                            + m.getMemoryLimit() + " KiB", e);
        }
        if (e instanceof DecoderException d) {
            return new DecompressionException(source, d.reason(), d.getMessage(), e);
        }
        if (e instanceof UnsupportedOptionsException) {
            return new DecompressionException(source, DecompressionException.Reason.UNSUPPORTED,
                    format + " data uses a feature this decoder does not support: " + detail(e), e);
        }
        String detail = detail(e);
        if (e instanceof EOFException || (raw != null && raw.isEndSeen())) {
            return new DecompressionException(source, DecompressionException.Reason.TRUNCATED,
                    format + " data is truncated; expected more compressed data", e);
        }
        return new DecompressionException(source, DecompressionException.Reason.CORRUPT,
                detail.isEmpty() || detail.equals("compressed data is corrupt")
                        ? format + " data is corrupt"
                        : format + " data is corrupt: " + detail, e);
    }

    /** The decoder's message in this project's style: lower-case start, no final period. */
    private static String detail(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return "";
        }
        m = m.strip().replace('\n', ' ');
        if (m.endsWith(".")) {
            m = m.substring(0, m.length() - 1);
        }
        if (m.length() > 1 && Character.isUpperCase(m.charAt(0)) && !Character.isUpperCase(m.charAt(1))) {
            m = m.substring(0, 1).toLowerCase(Locale.ROOT) + m.substring(1);
        }
        return m;
    }
}
