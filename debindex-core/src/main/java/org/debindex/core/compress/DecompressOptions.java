package org.debindex.core.compress;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link Decompressors} may use threads and memory when it decodes a seekable source.
 *
 * <p>Only xz data read from a file or a buffer is decoded in parallel, and only when it is made
 * of several independent xz blocks, as Debian's index files are (24 MiB of output per block).
 * Everything else is decoded sequentially on the reading thread whatever these options say.
 *
 * <p>xz files (not streams or buffers) are decoded by the system's {@code xz} program instead,
 * as a child process, when {@link #xzCommand()} names one that is executable: liblzma is about
 * three times faster than xz-java, and the child runs beside the reader. When it is absent or
 * cannot be started, xz-java decodes as described above.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param parallelism    how many worker threads may decode xz blocks at once; 1 decodes
 *                       sequentially on the reading thread
 * @param lookaheadBytes how many decoded bytes the workers may hold ahead of the reader, in all;
 *                       it bounds the memory of a parallel stream (besides the decoders' own
 *                       dictionaries, 9 MiB each for Debian's files)
 * @param xzCommand      the {@code xz} program to decode xz files with when it is executable;
 *                       empty to always use xz-java
 */
public record DecompressOptions(int parallelism, long lookaheadBytes, Optional<Path> xzCommand) {

    /** The xz program of Debian's xz-utils (Priority: required), used when it is installed. */
    public static final Path SYSTEM_XZ = Path.of("/usr/bin/xz");

    /** The default bound on decoded data held ahead of the reader: 64 MiB. */
    public static final long DEFAULT_LOOKAHEAD_BYTES = 64L << 20;

    /** The most worker threads the defaults use, however many processors there are. */
    public static final int DEFAULT_MAX_PARALLELISM = 4;

    /** The smallest accepted look-ahead: one chunk of decoded data per worker. */
    static final int CHUNK_SIZE = 256 << 10;

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if {@code parallelism} is less than 1 or more than 64, or
     *     {@code lookaheadBytes} is smaller than 256 KiB per worker
     * @throws NullPointerException if {@code xzCommand} is null
     */
    public DecompressOptions {
        Objects.requireNonNull(xzCommand, "xzCommand");
        if (parallelism < 1 || parallelism > 64) {
            throw new IllegalArgumentException("parallelism must be between 1 and 64: " + parallelism);
        }
        if (lookaheadBytes < (long) CHUNK_SIZE * parallelism) {
            throw new IllegalArgumentException("lookaheadBytes must be at least " + CHUNK_SIZE
                    + " per worker thread: " + lookaheadBytes);
        }
    }

    /**
     * Options that decode with xz-java only, never with an external program.
     *
     * @param parallelism    as the component
     * @param lookaheadBytes as the component
     * @throws IllegalArgumentException as the canonical constructor
     */
    public DecompressOptions(int parallelism, long lookaheadBytes) {
        this(parallelism, lookaheadBytes, Optional.empty());
    }

    /**
     * The defaults: one worker per available processor, at most {@value #DEFAULT_MAX_PARALLELISM},
     * {@link #DEFAULT_LOOKAHEAD_BYTES} of look-ahead, and {@link #SYSTEM_XZ} when it is installed.
     *
     * @return the default options
     */
    public static DecompressOptions defaults() {
        int processors = Runtime.getRuntime().availableProcessors();
        return new DecompressOptions(Math.max(1, Math.min(processors, DEFAULT_MAX_PARALLELISM)),
                DEFAULT_LOOKAHEAD_BYTES, Optional.of(SYSTEM_XZ));
    }

    /**
     * Sequential decoding on the reading thread only, with xz-java.
     *
     * @return options with a parallelism of 1 and no xz program
     */
    public static DecompressOptions sequential() {
        return new DecompressOptions(1, DEFAULT_LOOKAHEAD_BYTES, Optional.empty());
    }

    /**
     * These options with another parallelism; the look-ahead grows if it must, to keep at least
     * 256 KiB per worker.
     *
     * @param threads the number of worker threads, 1 to 64
     * @return the new options
     * @throws IllegalArgumentException if {@code threads} is out of range
     */
    public DecompressOptions withParallelism(int threads) {
        if (threads < 1 || threads > 64) {
            throw new IllegalArgumentException("parallelism must be between 1 and 64: " + threads);
        }
        return new DecompressOptions(threads, Math.max(lookaheadBytes, (long) CHUNK_SIZE * threads), xzCommand);
    }

    /**
     * These options with another look-ahead bound.
     *
     * @param bytes the most decoded bytes held ahead of the reader
     * @return the new options
     * @throws IllegalArgumentException if {@code bytes} is smaller than 256 KiB per worker
     */
    public DecompressOptions withLookaheadBytes(long bytes) {
        return new DecompressOptions(parallelism, bytes, xzCommand);
    }

    /**
     * These options with another xz program, or none.
     *
     * @param command the program to decode xz files with when it is executable; empty for xz-java
     * @return the new options
     * @throws NullPointerException if {@code command} is null
     */
    public DecompressOptions withXzCommand(Optional<Path> command) {
        return new DecompressOptions(parallelism, lookaheadBytes, command);
    }
}
