package org.debindex.core.compress;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The compressed input as the decoder sees it, watched so that errors can be told apart.
 *
 * <p>Decoders report a truncated input in many ways (an {@code EOFException}, or a plain {@code
 * IOException} with a message); what they have in common is that the decoder asked for more input
 * after the end. A truncated file is a prefix of a valid one, so its decoder can only fail after
 * it has seen the end, which this class records. It also records the source's own I/O failures,
 * which must pass through unchanged rather than be reported as corrupt data.
 *
 * <p>Not thread-safe: used by one decoder on one thread.
 */
final class SourceInputStream extends FilterInputStream {

    private boolean endSeen;
    private long bytesRead;
    private IOException failure;

    SourceInputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        try {
            int b = in.read();
            if (b < 0) {
                endSeen = true;
            } else {
                bytesRead++;
            }
            return b;
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            int n = in.read(b, off, len);
            if (n < 0) {
                endSeen = true;
            } else {
                bytesRead += n;
            }
            return n;
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public long skip(long n) throws IOException {
        // Decoders skip only padding and header fields; reading keeps the bookkeeping exact.
        byte[] scratch = new byte[(int) Math.min(Math.max(n, 0), 8192)];
        long skipped = 0;
        while (skipped < n) {
            int r = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Whether a read has returned end of input: the decoder wanted more than there is. */
    boolean isEndSeen() {
        return endSeen;
    }

    /** Compressed bytes handed to the decoder so far. */
    long bytesRead() {
        return bytesRead;
    }

    /** Whether {@code t} is, or was caused by, a failure of the source itself (not of the data). */
    boolean isSourceFailure(Throwable t) {
        if (failure == null) {
            return false;
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c == failure) {
                return true;
            }
        }
        return false;
    }
}
