package org.debindex.core.index;

/**
 * How {@link PackageIndex#build} works: threads, and the checksum granularity of the snapshot.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param parallelism how many input files are read at once (each on its own thread; xz files
 *                    are also decoded by a few workers each); 1 to 64
 * @param chunkShift  log2 of the bytes covered by one CRC32C in the snapshot, 12 (4 KiB) to 24
 *                    (16 MiB): smaller chunks make a first lookup cheaper, larger ones make the
 *                    checksum table smaller
 */
public record IndexBuildOptions(int parallelism, int chunkShift) {

    /** Default chunk: 64 KiB, so a first lookup checks a few hundred KiB rather than megabytes. */
    public static final int DEFAULT_CHUNK_SHIFT = 16;

    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException if a component is out of range
     */
    public IndexBuildOptions {
        if (parallelism < 1 || parallelism > 64) {
            throw new IllegalArgumentException("parallelism must be between 1 and 64: " + parallelism);
        }
        if (chunkShift < 12 || chunkShift > 24) {
            throw new IllegalArgumentException("chunkShift must be between 12 and 24: " + chunkShift);
        }
    }

    /** One thread per available processor, at most 4; 64 KiB chunks. */
    public static IndexBuildOptions defaults() {
        int processors = Runtime.getRuntime().availableProcessors();
        return new IndexBuildOptions(Math.max(1, Math.min(processors, 4)), DEFAULT_CHUNK_SHIFT);
    }

    /**
     * These options with another parallelism.
     *
     * @throws IllegalArgumentException if {@code threads} is out of range
     */
    public IndexBuildOptions withParallelism(int threads) {
        return new IndexBuildOptions(threads, chunkShift);
    }

    /**
     * These options with another chunk size.
     *
     * @throws IllegalArgumentException if {@code shift} is out of range
     */
    public IndexBuildOptions withChunkShift(int shift) {
        return new IndexBuildOptions(parallelism, shift);
    }
}
