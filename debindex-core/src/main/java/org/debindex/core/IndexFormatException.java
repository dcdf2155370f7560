package org.debindex.core;

import java.util.Objects;

/**
 * A persisted index snapshot that cannot be trusted: wrong magic number or format version, a
 * truncated file, a header or section whose CRC32C does not match, or references that point
 * outside their section.
 *
 * <p>A snapshot is only a cache of the verified lists it was built from, so the caller's answer
 * to this exception is to rebuild the snapshot from those lists, never to use what it read.
 * {@link #getMessage()} is one line naming the file and the part that failed, such as
 * {@code index/packages.idx: section "names" chunk 3 fails its CRC32C check; expected an intact
 * snapshot (rebuild it)}.
 *
 * <p>Instances are immutable.
 */
public final class IndexFormatException extends DebindexException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final String section;
    private final String problem;

    /**
     * Creates an exception for a problem in one part of a snapshot.
     *
     * @param source  the snapshot file, as the user knows it
     * @param section the part that failed, such as {@code header} or a section name
     * @param problem what is wrong, lower-case, no final period
     * @throws NullPointerException if an argument is null
     */
    public IndexFormatException(String source, String section, String problem) {
        this(source, section, problem, null);
    }

    /**
     * As {@link #IndexFormatException(String, String, String)}, keeping the cause.
     *
     * @throws NullPointerException if {@code source}, {@code section} or {@code problem} is null
     */
    public IndexFormatException(String source, String section, String problem, Throwable cause) {
        super(format(source, section, problem), cause);
        this.source = source;
        this.section = section;
        this.problem = problem;
    }

    private static String format(String source, String section, String problem) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(problem, "problem");
        return source + ": " + section + ": " + problem;
    }

    /** The snapshot file, as given when it was opened. */
    public String source() {
        return source;
    }

    /** The part of the snapshot that failed: {@code header}, or a section name such as {@code names}. */
    public String section() {
        return section;
    }

    /** What is wrong, without the location. */
    public String problem() {
        return problem;
    }
}
