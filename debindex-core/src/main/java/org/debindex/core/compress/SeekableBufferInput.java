package org.debindex.core.compress;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.tukaani.xz.SeekableInputStream;

/**
 * One reader's view of compressed data held in memory, for the parallel xz decoder.
 *
 * <p>Each view works on its own duplicate of the buffer, so views never disturb one another or
 * the caller's buffer. Not thread-safe (one per decoder).
 */
final class SeekableBufferInput extends SeekableInputStream {

    private final ByteBuffer data;

    /** Views {@code source} from its position to its limit, without changing it. */
    SeekableBufferInput(ByteBuffer source) {
        this.data = source.slice();
    }

    @Override
    public int read() {
        return data.hasRemaining() ? data.get() & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        if (!data.hasRemaining()) {
            return -1;
        }
        int n = Math.min(len, data.remaining());
        data.get(b, off, n);
        return n;
    }

    @Override
    public long length() {
        return data.capacity();
    }

    @Override
    public long position() {
        return data.position();
    }

    @Override
    public void seek(long pos) throws IOException {
        if (pos < 0) {
            throw new IOException("negative seek position: " + pos);
        }
        // Seeking past the end is allowed by the contract; reads there see end of input.
        data.position((int) Math.min(pos, data.capacity()));
    }
}
