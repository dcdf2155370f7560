/**
 * Compression formats of Debian index files, and bounded decompression.
 *
 * <p>{@link org.debindex.core.compress.Compression} recognises xz, gzip, bzip2, LZ4 (frame
 * format) and zstd data by its magic number. {@link org.debindex.core.compress.Decompressors}
 * opens a stream of the decompressed bytes whose size is bounded by a {@link
 * org.debindex.core.compress.SizeLimit}: exactly the size a Release file lists, or at most a
 * maximum (a guard against decompression bombs). Bad compressed data is reported as a {@link
 * org.debindex.core.compress.DecompressionException}, an {@code IOException} with a reason and a
 * message naming the source. Multi-block xz files, as Debian publishes them, are decoded on a few
 * threads when read from a file or a buffer ({@link org.debindex.core.compress.DecompressOptions}).
 *
 * <p>The decoders are the system's {@code /usr/bin/xz} as a child process for xz files when it
 * is installed, else xz-java (xz), the JDK's zlib through Apache Commons Compress (gzip), Commons
 * Compress (bzip2), zstd-jni (zstd, a native library) and this package's own LZ4 frame decoder.
 */
package org.debindex.core.compress;
