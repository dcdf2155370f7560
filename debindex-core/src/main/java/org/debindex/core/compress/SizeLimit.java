package org.debindex.core.compress;

/**
 * How much decompressed data a stream may produce: exactly a known size, or at most a maximum.
 *
 * <p>A Release file lists the size of every uncompressed index, so an index whose Release entry
 * is verified is read with {@link #exactly(long)}: the stream fails as soon as the output would
 * exceed that size, and fails at the end if the output is shorter. Anything else is read with
 * {@link #atMost(long)} or {@link #defaultLimit()}, which only guard against decompression
 * bombs.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param bytes   the exact size, or the maximum, in bytes; never negative
 * @param isExact whether the output must be exactly {@code bytes} long (otherwise it may be
 *                shorter)
 */
public record SizeLimit(long bytes, boolean isExact) {

    /**
     * The maximum applied when the caller knows no size: 4 GiB.
     *
     * <p>The largest Debian index files (the {@code Contents-*} files of all architectures) are
     * around half a gigabyte decompressed in 2026; 4 GiB leaves room for growth and for
     * third-party archives while still stopping a decompression bomb long before it fills a
     * disk or the heap. Pass {@link #atMost(long)} to choose another bound.
     */
    public static final long DEFAULT_MAXIMUM = 4L << 30;

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if {@code bytes} is negative
     */
    public SizeLimit {
        if (bytes < 0) {
            throw new IllegalArgumentException("size limit must not be negative: " + bytes);
        }
    }

    /**
     * The output must be exactly this long, as a Release file lists it.
     *
     * @param bytes the expected decompressed size
     * @return the limit
     * @throws IllegalArgumentException if {@code bytes} is negative
     */
    public static SizeLimit exactly(long bytes) {
        return new SizeLimit(bytes, true);
    }

    /**
     * The output may be at most this long.
     *
     * @param bytes the largest acceptable decompressed size
     * @return the limit
     * @throws IllegalArgumentException if {@code bytes} is negative
     */
    public static SizeLimit atMost(long bytes) {
        return new SizeLimit(bytes, false);
    }

    /**
     * At most {@link #DEFAULT_MAXIMUM} bytes: for data whose size nobody vouched for.
     *
     * @return the default limit
     */
    public static SizeLimit defaultLimit() {
        return new SizeLimit(DEFAULT_MAXIMUM, false);
    }

    /** {@code exactly N bytes} or {@code at most N bytes}. */
    @Override
    public String toString() {
        return (isExact ? "exactly " : "at most ") + bytes + " bytes";
    }
}
