package org.debindex.cli.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.Objects;

/**
 * A buffered {@link Writer} that encodes UTF-8 itself and writes the bytes to an
 * {@link OutputStream}: what {@code new BufferedWriter(new OutputStreamWriter(out, UTF_8))} does,
 * byte for byte, without the charset encoder's buffers and copies, which a cold JVM runs slowly
 * (a query's answer can be several megabytes of text).
 *
 * <p>Encodes as the JDK's encoder with its default replacement does: a surrogate pair as one
 * four-byte sequence, also when the pair is split between two writes; a lone surrogate as
 * {@code ?}. A high surrogate at the end of a write waits for the next one, so {@link #flush()}
 * does not write it; {@link #close()} writes it as {@code ?}.
 *
 * <p>Not thread-safe: share it only behind a {@link java.io.PrintWriter}, which serialises the
 * writes on it.
 */
public final class Utf8Writer extends Writer {

    /** The default buffer size in bytes. */
    public static final int DEFAULT_BUFFER_SIZE = 1 << 16;

    private static final byte REPLACEMENT = '?';

    private final OutputStream out;
    private final byte[] buffer;
    private int count;
    /** A high surrogate waiting for its low half; 0 when none (0 is never a surrogate). */
    private char pendingHigh;
    private boolean closed;

    /**
     * A writer to {@code out} with a buffer of {@link #DEFAULT_BUFFER_SIZE} bytes.
     *
     * @throws NullPointerException if {@code out} is null
     */
    public Utf8Writer(OutputStream out) {
        this(out, DEFAULT_BUFFER_SIZE);
    }

    /**
     * A writer to {@code out} with a buffer of {@code bufferSize} bytes.
     *
     * @throws IllegalArgumentException if {@code bufferSize} is less than 4 (one encoded character)
     * @throws NullPointerException if {@code out} is null
     */
    public Utf8Writer(OutputStream out, int bufferSize) {
        this.out = Objects.requireNonNull(out, "out");
        if (bufferSize < 4) {
            throw new IllegalArgumentException("bufferSize must be at least 4: " + bufferSize);
        }
        this.buffer = new byte[bufferSize];
    }

    @Override
    public void write(int c) throws IOException {
        ensureOpen();
        put((char) c);
    }

    @Override
    public void write(char[] chars, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, chars.length);
        ensureOpen();
        byte[] b = buffer;
        for (int i = off, end = off + len; i < end; i++) {
            char c = chars[i];
            // ASCII straight into the buffer: nearly all of a query's output
            if (c < 0x80 && pendingHigh == 0 && count < b.length) {
                b[count++] = (byte) c;
            } else {
                put(c);
            }
        }
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, s.length());
        ensureOpen();
        byte[] b = buffer;
        for (int i = off, end = off + len; i < end; i++) {
            char c = s.charAt(i);
            if (c < 0x80 && pendingHigh == 0 && count < b.length) {
                b[count++] = (byte) c;
            } else {
                put(c);
            }
        }
    }

    /** Encodes one character, given the pending high surrogate if any. */
    private void put(char c) throws IOException {
        if (count > buffer.length - 4) {
            drain();
        }
        if (pendingHigh != 0) {
            char high = pendingHigh;
            pendingHigh = 0;
            if (Character.isLowSurrogate(c)) {
                int cp = Character.toCodePoint(high, c);
                buffer[count++] = (byte) (0xF0 | cp >> 18);
                buffer[count++] = (byte) (0x80 | (cp >> 12 & 0x3F));
                buffer[count++] = (byte) (0x80 | (cp >> 6 & 0x3F));
                buffer[count++] = (byte) (0x80 | (cp & 0x3F));
                return;
            }
            buffer[count++] = REPLACEMENT; // a high surrogate without its low half
            if (count > buffer.length - 4) {
                drain();
            }
        }
        if (c < 0x80) {
            buffer[count++] = (byte) c;
        } else if (c < 0x800) {
            buffer[count++] = (byte) (0xC0 | c >> 6);
            buffer[count++] = (byte) (0x80 | (c & 0x3F));
        } else if (Character.isHighSurrogate(c)) {
            pendingHigh = c;
        } else if (Character.isLowSurrogate(c)) {
            buffer[count++] = REPLACEMENT;
        } else {
            buffer[count++] = (byte) (0xE0 | c >> 12);
            buffer[count++] = (byte) (0x80 | (c >> 6 & 0x3F));
            buffer[count++] = (byte) (0x80 | (c & 0x3F));
        }
    }

    private void drain() throws IOException {
        if (count > 0) {
            out.write(buffer, 0, count);
            count = 0;
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
    }

    /** Writes the buffered bytes and flushes the stream; a pending high surrogate stays pending. */
    @Override
    public void flush() throws IOException {
        ensureOpen();
        drain();
        out.flush();
    }

    /** Writes a pending high surrogate as {@code ?}, the buffered bytes, and closes the stream. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            if (pendingHigh != 0) {
                pendingHigh = 0;
                if (count > buffer.length - 4) {
                    drain();
                }
                buffer[count++] = REPLACEMENT;
            }
            drain();
        } finally {
            closed = true;
            out.close();
        }
    }
}
