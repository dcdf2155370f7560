package org.debindex.core.update;

/**
 * The kinds of index file an update fetches.
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum IndexKind {
    /** {@code COMP/binary-ARCH/Packages}: the binary packages of one architecture. */
    PACKAGES,
    /** {@code COMP/i18n/Translation-en}: long descriptions. */
    TRANSLATION,
    /** {@code COMP/source/Sources}: the source packages. */
    SOURCES,
    /** {@code COMP/Contents-ARCH}: which package holds which file. */
    CONTENTS
}
