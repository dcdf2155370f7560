package org.debindex.core.compress;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.tukaani.xz.ArrayCache;
import org.tukaani.xz.BasicArrayCache;
import org.tukaani.xz.SeekableInputStream;
import org.tukaani.xz.SeekableXZInputStream;

/**
 * Decodes the independent blocks of a seekable xz file on several threads and hands the output
 * to one reader, in order.
 *
 * <p>xz files written by {@code xz -T} (Debian's indexes among them) consist of blocks that can
 * be decoded on their own; the index at the end of the file says where each block starts and how
 * much it decodes to. Consecutive blocks are grouped into segments of at least {@link
 * #MIN_SEGMENT_BYTES}; at any time the segment being read and the next ones, one per worker, are
 * being decoded, each by its own {@link SeekableXZInputStream} positioned at the segment's first
 * block. A worker hands its output over in chunks through a queue of its own whose capacity is
 * the look-ahead divided by the number of workers, so that memory stays bounded however large a
 * block claims to be, and the segment being read always makes progress (no deadlock: a full
 * queue only ever waits for the reader, who drains the current segment first).
 *
 * <p>Every block's integrity check is verified as the worker reaches the block's end (xz-java
 * validates a block as soon as it has produced the size the index lists); a failure is handed to
 * the reader in order, after the data before it. Closing the stream interrupts the workers and
 * waits briefly for them to stop.
 *
 * <p>Not thread-safe for its reader (like any stream); the workers are its own.
 */
final class ParallelXzInputStream extends InputStream {

    /** Segments are at least this large, so that small blocks are not handed over one by one. */
    static final long MIN_SEGMENT_BYTES = 4L << 20;

    /** How long {@link #close()} waits for the workers to notice, before it leaves them. */
    private static final long CLOSE_WAIT_MILLIS = 2_000;

    /** Opens a fresh, independent view of the compressed data. */
    @FunctionalInterface
    interface SeekableSource {
        SeekableInputStream open() throws IOException;
    }

    /** Consecutive blocks decoded by one worker: their first block, and where their output goes. */
    private record Segment(int firstBlock, long uncompressedOffset, long length) {
    }

    /** Decoded bytes, the end of a segment, or the failure that ended it. */
    private record Chunk(byte[] data, int length, Throwable failure) {
    }

    private static final Chunk END = new Chunk(new byte[0], 0, null);

    private final SeekableSource source;
    private final Closeable owner;
    private final int memoryLimitKiB;
    private final ArrayCache arrayCache;
    private final List<Segment> segments;
    private final List<BlockingQueue<Chunk>> queues;
    private final ConcurrentLinkedQueue<SeekableXZInputStream> idleDecoders = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<byte[]> freeChunks = new ConcurrentLinkedQueue<>();
    private final AtomicInteger chunksAllocated = new AtomicInteger();
    private final ThreadPoolExecutor workers;
    private final int window;
    private final int chunksPerSegment;
    private final long totalLength;

    private volatile boolean closed;
    private int current;
    private Chunk chunk;
    private int chunkPos;

    private ParallelXzInputStream(SeekableSource source, Closeable owner, int memoryLimitKiB,
            ArrayCache arrayCache, SeekableXZInputStream first, List<Segment> segments,
            String sourceName, DecompressOptions options) {
        this.source = source;
        this.owner = owner;
        this.memoryLimitKiB = memoryLimitKiB;
        this.arrayCache = arrayCache;
        this.segments = List.copyOf(segments);
        this.totalLength = first.length();
        this.window = Math.min(options.parallelism(), segments.size());
        this.chunksPerSegment = (int) Math.max(1,
                Math.min(4096, options.lookaheadBytes() / window / DecompressOptions.CHUNK_SIZE));
        this.queues = new ArrayList<>(segments.size());
        for (int i = 0; i < segments.size(); i++) {
            queues.add(null);
        }
        idleDecoders.add(first);
        AtomicInteger threadNumber = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "debindex-xz[" + sourceName + "]-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.workers = new ThreadPoolExecutor(window, window, 5, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), factory);
        // Threads of a stream that is forgotten without close() should not linger forever.
        workers.allowCoreThreadTimeOut(true);
        for (int i = 0; i < window; i++) {
            start(i);
        }
    }

    /**
     * Opens a parallel decoder when the data is worth it: a readable xz index listing enough
     * output for at least two segments.
     *
     * @return the stream, or null when the data should be decoded sequentially instead (one
     *     segment only, or an index that cannot be read: the sequential decoder then reports the
     *     problem where it occurs, with the data before it)
     * @throws IOException only if the source cannot be read at all
     */
    static ParallelXzInputStream tryOpen(SeekableSource source, Closeable owner, String sourceName,
            int memoryLimitKiB, DecompressOptions options) throws IOException {
        if (options.parallelism() < 2) {
            return null;
        }
        ArrayCache cache = new BasicArrayCache();
        SeekableXZInputStream first;
        try {
            first = new SeekableXZInputStream(source.open(), memoryLimitKiB, true, cache);
        } catch (IOException | RuntimeException e) {
            // Includes a truncated file, trailing garbage and an index too big for the memory
            // limit; a RuntimeException would be xz-java tripping over an absurd index.
            return null;
        }
        List<Segment> segments = plan(first);
        if (segments.size() < 2) {
            first.close();
            return null;
        }
        return new ParallelXzInputStream(source, owner, memoryLimitKiB, cache, first, segments,
                sourceName, options);
    }

    /** The decompressed size the xz index lists, which every block is checked against. */
    long length() {
        return totalLength;
    }

    /** How many chunk buffers the workers have allocated: what bounds the memory (for tests). */
    int chunksAllocated() {
        return chunksAllocated.get();
    }

    private static List<Segment> plan(SeekableXZInputStream xz) {
        List<Segment> segments = new ArrayList<>();
        int blocks = xz.getBlockCount();
        int first = 0;
        long offset = 0;
        long length = 0;
        for (int b = 0; b < blocks; b++) {
            length += xz.getBlockSize(b);
            if (length >= MIN_SEGMENT_BYTES || b == blocks - 1) {
                segments.add(new Segment(first, offset, length));
                offset += length;
                length = 0;
                first = b + 1;
            }
        }
        return segments;
    }

    private void start(int index) {
        BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(chunksPerSegment);
        queues.set(index, queue);
        Segment segment = segments.get(index);
        try {
            workers.execute(() -> decode(segment, queue));
        } catch (RejectedExecutionException e) {
            // Only after close(); the reader will not ask for this segment any more.
            queue.offer(new Chunk(null, 0, new InterruptedIOException("stream closed")));
        }
    }

    /** A worker's job: decode one segment into its queue. */
    private void decode(Segment segment, BlockingQueue<Chunk> queue) {
        SeekableXZInputStream decoder = null;
        boolean reusable = false;
        try {
            decoder = idleDecoders.poll();
            if (decoder == null) {
                decoder = new SeekableXZInputStream(source.open(), memoryLimitKiB, true, arrayCache);
            }
            decoder.seekToBlock(segment.firstBlock());
            long left = segment.length();
            while (left > 0) {
                if (closed) {
                    return;
                }
                byte[] buffer = freeChunks.poll();
                if (buffer == null) {
                    buffer = new byte[DecompressOptions.CHUNK_SIZE];
                    chunksAllocated.incrementAndGet();
                }
                int want = (int) Math.min(buffer.length, left);
                int got = decoder.readNBytes(buffer, 0, want);
                if (got < want) {
                    throw new EOFException("xz data ends before the "
                            + (segment.uncompressedOffset() + segment.length())
                            + " bytes its index lists");
                }
                left -= got;
                queue.put(new Chunk(buffer, got, null));
            }
            queue.put(END);
            reusable = true;
        } catch (InterruptedException e) {
            // close() interrupts the workers: stop quietly.
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            handOver(queue, e);
        } catch (Error e) {
            // OutOfMemoryError and the like still reach the reader, instead of a silent hang.
            handOver(queue, e);
            throw e;
        } finally {
            if (decoder != null) {
                if (reusable && !closed) {
                    idleDecoders.add(decoder);
                    if (closed) {
                        closeIdleDecoders();
                    }
                } else {
                    closeQuietly(decoder);
                }
            }
        }
    }

    private void handOver(BlockingQueue<Chunk> queue, Throwable failure) {
        if (closed) {
            return;
        }
        try {
            queue.put(new Chunk(null, 0, failure));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public int read() throws IOException {
        if (!ensureChunk()) {
            return -1;
        }
        return chunk.data()[chunkPos++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            if (closed) {
                throw new IOException("stream closed");
            }
            return 0;
        }
        if (!ensureChunk()) {
            return -1;
        }
        int n = Math.min(len, chunk.length() - chunkPos);
        System.arraycopy(chunk.data(), chunkPos, b, off, n);
        chunkPos += n;
        return n;
    }

    /** Makes {@link #chunk} hold unread bytes; false at the end of the data. */
    private boolean ensureChunk() throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
        while (chunk == null || chunkPos == chunk.length()) {
            if (chunk != null) {
                freeChunks.offer(chunk.data());
                chunk = null;
            }
            if (current == segments.size()) {
                return false;
            }
            Chunk next;
            try {
                next = queues.get(current).take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for xz decoder threads");
            }
            if (next == END) {
                queues.set(current, null);
                current++;
                int following = current + window - 1;
                if (following < segments.size()) {
                    start(following);
                }
                if (current == segments.size()) {
                    workers.shutdown();
                }
                continue;
            }
            if (next.failure() != null) {
                throw rethrowable(next.failure());
            }
            chunk = next;
            chunkPos = 0;
        }
        return true;
    }

    private static IOException rethrowable(Throwable failure) {
        if (failure instanceof IOException e) {
            return e;
        }
        if (failure instanceof RuntimeException e) {
            // A decoder bug or unexpected input: the caller classifies it like a decoder failure.
            return new IOException(e.toString(), e);
        }
        if (failure instanceof Error e) {
            throw e;
        }
        return new IOException(failure);
    }

    @Override
    public int available() {
        return chunk == null ? 0 : chunk.length() - chunkPos;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        workers.shutdownNow();
        try {
            workers.awaitTermination(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeIdleDecoders();
            chunk = null;
            queues.clear();
            freeChunks.clear();
            owner.close();
        }
    }

    private void closeIdleDecoders() {
        SeekableXZInputStream d;
        while ((d = idleDecoders.poll()) != null) {
            closeQuietly(d);
        }
    }

    private static void closeQuietly(SeekableXZInputStream decoder) {
        try {
            decoder.close();
        } catch (IOException ignored) {
            // Views of a shared source hold nothing that could fail to close.
        }
    }
}
