package org.debindex.core.compress;

import java.io.IOException;
import java.util.Objects;

/**
 * Compressed data that cannot be decoded into what its reader was promised: truncated, corrupt,
 * bigger or smaller than the expected size, or in a format this build cannot decode.
 *
 * <p>It is an {@link IOException}, not a {@link org.debindex.core.DebindexException}, because it
 * is raised from {@link java.io.InputStream#read} in the middle of a stream, where only
 * {@code IOException}s may be thrown; a reader can tell it from a plain I/O failure by its type
 * and {@link #reason()}. {@link #getMessage()} is one line in the style of the project's other
 * errors, {@code <source>: <what is wrong>[; expected <what>]}, for example
 * {@code Packages.xz: decompressed data exceeds the expected 56634892 bytes}.
 *
 * <p>Instances are immutable.
 */
public final class DecompressionException extends IOException {

    private static final long serialVersionUID = 1L;

    /** Why decompression failed. */
    public enum Reason {
        /**
         * The output would exceed the size limit (the exact expected size or the maximum), or the
         * data needs more decoder memory than the configured limit allows.
         */
        LIMIT_EXCEEDED,
        /** The compressed input ends before the compressed stream does. */
        TRUNCATED,
        /** The compressed data is invalid: bad checksum, bad structure, or trailing garbage. */
        CORRUPT,
        /** The format, or an option of it, is recognised but cannot be decoded by this build. */
        UNSUPPORTED,
        /** The data decoded cleanly but ended before the exact expected size. */
        SIZE_MISMATCH
    }

    /** The source name used when the caller gives none. */
    static final String UNNAMED = "";

    private final String source;
    private final Reason reason;
    private final String problem;

    /**
     * Creates an exception.
     *
     * @param source  the file or stream name as the user knows it, or empty when not known
     * @param reason  why decompression failed
     * @param problem what is wrong, lower-case, no final period
     * @param cause   the decoder's own exception, or null
     * @throws NullPointerException if {@code source}, {@code reason} or {@code problem} is null
     */
    public DecompressionException(String source, Reason reason, String problem, Throwable cause) {
        super(format(source, problem), cause);
        this.source = source;
        this.reason = Objects.requireNonNull(reason, "reason");
        this.problem = problem;
    }

    /** The file or stream name; empty when not known. */
    public String source() {
        return source;
    }

    /** Why decompression failed. */
    public Reason reason() {
        return reason;
    }

    /** What is wrong, without the source. */
    public String problem() {
        return problem;
    }

    private static String format(String source, String problem) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(problem, "problem");
        return source.isEmpty() ? problem : source + ": " + problem;
    }
}
