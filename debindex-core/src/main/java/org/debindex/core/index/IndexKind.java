package org.debindex.core.index;

/**
 * What kind of archive index file an {@link IndexInput} is.
 *
 * <p>Immutable and thread-safe.
 */
public enum IndexKind {

    /** A {@code Packages} file: one stanza per binary package. */
    PACKAGES,
    /**
     * A {@code Translation-<lang>} file: long descriptions, joined to packages on
     * ({@code Package}, {@code Description-md5}).
     */
    TRANSLATION,
    /**
     * A {@code Sources} file: one stanza per source package, kept as written and looked up by
     * the source package's name.
     */
    SOURCES
}
