package org.debindex.core.compress;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.tukaani.xz.BasicArrayCache;
import org.tukaani.xz.XZInputStream;

/**
 * Opens compressed Debian index files as bounded streams of their decompressed bytes, whatever
 * the format: it is recognised by its magic number ({@link Compression#detect}), never by a file
 * name.
 *
 * <p>Typical use, for an index whose size a verified Release file lists:
 * <pre>{@code
 * try (InputStream in = Decompressors.open(path, SizeLimit.exactly(56_634_892))) {
 *     parser.parse(in);   // read to the end: checksums are verified there
 * }
 * }</pre>
 *
 * <p>Behaviour common to every format:
 * <ul>
 *   <li>Concatenated streams are decoded whole, as {@code xz -dc}, {@code gzip -dc}, {@code
 *       bzip2 -dc}, {@code lz4 -dc} and {@code zstd -dc} do (gzip members, xz streams with their
 *       zero padding, bzip2 streams, LZ4 frames, zstd frames and the skippable frames of both).
 *   <li>Anything after the last stream that is not another stream is an error ({@link
 *       DecompressionException.Reason#CORRUPT}), even where a command-line tool only warns
 *       ({@code gzip} and {@code bzip2} ignore trailing garbage; {@code gzip} even ignores trailing
 *       zeros). Input that ends inside a stream is {@link
 *       DecompressionException.Reason#TRUNCATED}, never a short read.
 *   <li>The output is bounded by a {@link SizeLimit}; without one, {@link
 *       SizeLimit#defaultLimit()} applies.
 *   <li>xz decoders may use at most {@link #DECODER_MEMORY_LIMIT} bytes of memory (Debian's
 *       files need 9 MiB); zstd frames may use libzstd's default window of at most 128 MiB. The
 *       other formats need little memory by design.
 *   <li>Formats without a checksum of the decompressed data (zstd and LZ4 frames written without
 *       their optional checksum) cannot detect every corruption; Debian's Release hashes can.
 * </ul>
 *
 * <p>xz data read from a {@link Path} or a {@link ByteBuffer} that consists of several
 * independent blocks, as Debian's indexes do, is decoded by a few worker threads in parallel
 * (see {@link DecompressOptions}); the reader still sees one ordered stream. zstd needs the
 * zstd-jni native library; when it cannot be loaded, opening zstd data fails with {@link
 * DecompressionException.Reason#UNSUPPORTED}.
 *
 * <p>xz files read from a {@link Path} are decoded by the system's {@code xz} program when
 * {@link DecompressOptions#xzCommand()} names an executable one (the defaults: {@code
 * /usr/bin/xz}), with the same bounds and error reasons; xz-java is the fallback.
 *
 * <p>Thread-safe: a static holder without state. Each stream it returns is for one reader.
 */
public final class Decompressors {

    /** The most memory an xz decoder may use: 256 MiB, room for any preset of {@code xz -9e}. */
    public static final long DECODER_MEMORY_LIMIT = 256L << 20;

    private static final int XZ_MEMORY_LIMIT_KIB = (int) (DECODER_MEMORY_LIMIT >> 10);

    /** Big enough that decoders which read a few bytes at a time do not call the source often. */
    private static final int INPUT_BUFFER_SIZE = 64 << 10;

    private Decompressors() {
    }

    /**
     * Decompresses a stream, sequentially.
     *
     * <p>The returned stream owns {@code in}: closing it closes {@code in}. The format is
     * detected before this method returns, and a header that cannot be read fails here.
     *
     * @param in         the compressed (or plain) data
     * @param sourceName the name used in error messages, as the user knows the source (a file
     *                   name or URL path); may be empty
     * @param limit      the exact or maximum decompressed size
     * @return the decompressed data
     * @throws DecompressionException if the data's header is truncated, corrupt or unsupported
     * @throws IOException if {@code in} fails
     * @throws NullPointerException if an argument is null
     */
    public static DecompressedInputStream open(InputStream in, String sourceName, SizeLimit limit)
            throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(limit, "limit");
        return openSequential(in, sourceName, limit);
    }

    /**
     * Decompresses a file, in parallel when it is multi-block xz; as {@link #open(Path, SizeLimit,
     * DecompressOptions)} with {@link DecompressOptions#defaults()}.
     *
     * @param file  the file; its path is the source name in error messages
     * @param limit the exact or maximum decompressed size
     * @return the decompressed data
     * @throws DecompressionException if the data's header is truncated, corrupt or unsupported,
     *     or its xz index lists a size that breaks the limit
     * @throws IOException if the file cannot be read
     * @throws NullPointerException if an argument is null
     */
    public static DecompressedInputStream open(Path file, SizeLimit limit) throws IOException {
        return open(file, limit, DecompressOptions.defaults());
    }

    /**
     * Decompresses a file, in parallel when it is multi-block xz and the options allow threads.
     *
     * <p>xz data is decoded by {@link DecompressOptions#xzCommand()} when that program is
     * executable and starts; the limit then applies as the output is read. Otherwise, for
     * parallel xz the file's index is read first: a decompressed size that breaks the
     * limit fails here, before anything is decoded. An index that cannot be read (a truncated or
     * corrupt file) makes this method fall back to sequential decoding, which reports the problem
     * where it occurs. The file must not change while it is read.
     *
     * @param file    the file; its path is the source name in error messages
     * @param limit   the exact or maximum decompressed size
     * @param options threads and memory for parallel decoding
     * @return the decompressed data
     * @throws DecompressionException if the data's header is truncated, corrupt or unsupported,
     *     or its xz index lists a size that breaks the limit
     * @throws IOException if the file cannot be read
     * @throws NullPointerException if an argument is null
     */
    public static DecompressedInputStream open(Path file, SizeLimit limit, DecompressOptions options)
            throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(options, "options");
        String source = file.toString();
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            ByteBuffer head = ByteBuffer.allocate(Compression.MAGIC_LENGTH);
            while (head.hasRemaining() && channel.read(head, head.position()) > 0) {
                // positional reads until the magic number is complete or the file ends
            }
            boolean xz = Compression.detect(head.array(), head.position()) == Compression.XZ;
            if (xz && options.xzCommand().filter(Files::isExecutable).isPresent()) {
                XzProcessInputStream external = startXz(options.xzCommand().get(), file, source);
                if (external != null) {
                    channel.close();
                    return new DecompressedInputStream(external, null, Compression.XZ, source, limit);
                }
            }
            if (options.parallelism() > 1) {
                if (xz) {
                    long size = channel.size();
                    ParallelXzInputStream parallel = ParallelXzInputStream.tryOpen(
                            () -> new SeekableChannelInput(channel, size), channel, source,
                            XZ_MEMORY_LIMIT_KIB, options);
                    if (parallel != null) {
                        return checked(parallel, source, limit);
                    }
                }
            }
            return openSequential(Channels.newInputStream(channel), source, limit);
        } catch (IOException | RuntimeException | Error e) {
            closeAfterFailure(channel, e);
            throw e;
        }
    }

    /**
     * Decompresses data held in memory, in parallel when it is multi-block xz; as {@link
     * #open(ByteBuffer, String, SizeLimit, DecompressOptions)} with {@link
     * DecompressOptions#defaults()}.
     *
     * @param data       the compressed data, from its position to its limit; neither is changed
     * @param sourceName the name used in error messages; may be empty
     * @param limit      the exact or maximum decompressed size
     * @return the decompressed data
     * @throws DecompressionException if the data's header is truncated, corrupt or unsupported,
     *     or its xz index lists a size that breaks the limit
     * @throws NullPointerException if an argument is null
     */
    public static DecompressedInputStream open(ByteBuffer data, String sourceName, SizeLimit limit)
            throws DecompressionException {
        return open(data, sourceName, limit, DecompressOptions.defaults());
    }

    /**
     * Decompresses data held in memory, in parallel when it is multi-block xz and the options
     * allow threads.
     *
     * <p>The stream reads the buffer's content as it is while the stream is read: do not change
     * it meanwhile. The buffer's position, limit and mark are left alone.
     *
     * @param data       the compressed data, from its position to its limit
     * @param sourceName the name used in error messages; may be empty
     * @param limit      the exact or maximum decompressed size
     * @param options    threads and memory for parallel decoding
     * @return the decompressed data
     * @throws DecompressionException if the data's header is truncated, corrupt or unsupported,
     *     or its xz index lists a size that breaks the limit
     * @throws NullPointerException if an argument is null
     */
    public static DecompressedInputStream open(ByteBuffer data, String sourceName, SizeLimit limit,
            DecompressOptions options) throws DecompressionException {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(options, "options");
        ByteBuffer view = data.slice();
        try {
            if (options.parallelism() > 1) {
                byte[] head = new byte[Math.min(Compression.MAGIC_LENGTH, view.remaining())];
                view.get(0, head);
                if (Compression.detect(head) == Compression.XZ) {
                    ParallelXzInputStream parallel = ParallelXzInputStream.tryOpen(
                            () -> new SeekableBufferInput(view), () -> { }, sourceName,
                            XZ_MEMORY_LIMIT_KIB, options);
                    if (parallel != null) {
                        return checked(parallel, sourceName, limit);
                    }
                }
            }
            return openSequential(new SeekableBufferInput(view), sourceName, limit);
        } catch (DecompressionException e) {
            throw e;
        } catch (IOException e) {
            // Memory cannot fail to be read; only the decoders can fail, and they were classified.
            throw new IllegalStateException("reading a buffer failed", e);
        }
    }

    /** The xz program on the file, or null when it cannot be started (xz-java decodes instead). */
    private static XzProcessInputStream startXz(Path command, Path file, String source) {
        try {
            return XzProcessInputStream.start(command, file, source, XZ_MEMORY_LIMIT_KIB);
        } catch (IOException e) {
            return null;
        }
    }

    /** Applies the limit to the size the xz index lists, before any work is done. */
    private static DecompressedInputStream checked(ParallelXzInputStream parallel, String source,
            SizeLimit limit) throws IOException {
        long listed = parallel.length();
        DecompressionException problem = null;
        if (listed > limit.bytes()) {
            problem = new DecompressionException(source, DecompressionException.Reason.LIMIT_EXCEEDED,
                    DecompressedInputStream.exceedsMessage(limit) + " (its xz index lists " + listed
                            + " bytes)", null);
        } else if (limit.isExact() && listed < limit.bytes()) {
            problem = new DecompressionException(source, DecompressionException.Reason.SIZE_MISMATCH,
                    "decompressed data is " + listed + " bytes according to its xz index; expected "
                            + limit.bytes() + " bytes", null);
        }
        if (problem != null) {
            closeAfterFailure(parallel, problem);
            throw problem;
        }
        return new DecompressedInputStream(parallel, null, Compression.XZ, source, limit);
    }

    private static DecompressedInputStream openSequential(InputStream in, String source, SizeLimit limit)
            throws IOException {
        SourceInputStream raw = new SourceInputStream(in);
        BufferedInputStream buffered = new BufferedInputStream(raw, INPUT_BUFFER_SIZE);
        Compression compression = Compression.NONE;
        try {
            byte[] head = new byte[Compression.MAGIC_LENGTH];
            buffered.mark(head.length);
            int n = buffered.readNBytes(head, 0, head.length);
            buffered.reset();
            compression = Compression.detect(head, n);
            InputStream decoder = switch (compression) {
                case XZ -> new XZInputStream(buffered, XZ_MEMORY_LIMIT_KIB, true, new BasicArrayCache());
                case GZIP -> new GzipCompressorInputStream(buffered, true);
                case BZIP2 -> new BZip2CompressorInputStream(buffered, true);
                case LZ4 -> new Lz4FrameInputStream(buffered);
                case ZSTD -> zstd(buffered, source);
                case NONE -> {
                    rejectLegacyFormats(head, n, source);
                    yield buffered;
                }
            };
            return new DecompressedInputStream(decoder, raw, compression, source, limit);
        } catch (DecompressionException e) {
            closeAfterFailure(buffered, e);
            throw e;
        } catch (IOException | RuntimeException e) {
            IOException classified = DecompressedInputStream.classify(e, compression, source, raw);
            closeAfterFailure(buffered, classified);
            throw classified;
        }
    }

    private static InputStream zstd(InputStream in, String source) throws DecompressionException {
        try {
            return new ZstdFrameInputStream(in);
        } catch (LinkageError e) {
            // UnsatisfiedLinkError, or NoClassDefFoundError once the class failed to initialise:
            // zstd-jni extracts its library to java.io.tmpdir, which may be noexec or missing.
            throw new DecompressionException(source, DecompressionException.Reason.UNSUPPORTED,
                    "zstd data cannot be decoded: the zstd-jni native library is not available ("
                            + e + ")", e);
        }
    }

    /**
     * Refuses data that looks like a compression format Debian no longer uses, rather than
     * passing binary data on as text.
     */
    private static void rejectLegacyFormats(byte[] head, int n, String source) throws DecompressionException {
        String format = null;
        if (n >= 4 && (head[0] & 0xFF) == 0x02 && head[1] == 0x21 && head[2] == 0x4C && head[3] == 0x18) {
            format = "legacy lz4";
        } else if (n >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x9D) {
            format = "Unix compress (.Z)";
        } else if (n >= 5 && (head[0] & 0xFF) == 0x5D && head[1] == 0 && head[2] == 0) {
            // lzma-alone has no magic number: properties byte 0x5D (what every encoder writes)
            // and a dictionary size that is a multiple of 64 KiB. Text never holds NUL bytes.
            format = "lzma-alone (.lzma)";
        }
        if (format != null) {
            throw new DecompressionException(source, DecompressionException.Reason.UNSUPPORTED,
                    "data in the " + format + " format is not supported; expected xz, gzip, bzip2, lz4,"
                            + " zstd or uncompressed data", null);
        }
    }

    private static void closeAfterFailure(AutoCloseable resource, Throwable failure) {
        try {
            resource.close();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }
}
