package org.debindex.core.compress;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Objects;
import org.tukaani.xz.SeekableInputStream;

/**
 * One reader's view of a file shared by several xz decoders: positional reads on one channel, so
 * that every worker has its own position without its own file descriptor.
 *
 * <p>Closing the view does not close the channel; its owner does. Not thread-safe (one per
 * decoder), although the channel it reads is shared safely.
 */
final class SeekableChannelInput extends SeekableInputStream {

    private final FileChannel channel;
    private final long length;
    private long position;

    SeekableChannelInput(FileChannel channel, long length) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.length = length;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (position >= length) {
            return -1;
        }
        int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, length - position)), position);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public void seek(long pos) throws IOException {
        if (pos < 0) {
            throw new IOException("negative seek position: " + pos);
        }
        position = pos;
    }

    @Override
    public void close() {
        // The channel belongs to the stream that created this view.
    }
}
