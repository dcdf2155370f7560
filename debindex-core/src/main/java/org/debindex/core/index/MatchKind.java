package org.debindex.core.index;

/**
 * How well a {@link SearchHit} matches its query, best first: search results are ordered by it.
 *
 * <p>Immutable and thread-safe.
 */
public enum MatchKind {

    /** The package name is one of the terms (for a regular expression: it matches the whole name). */
    EXACT_NAME,
    /** The package name starts with one of the terms (a regular expression matches at its start). */
    NAME_PREFIX,
    /** The package name contains one of the terms. */
    NAME_CONTAINS,
    /**
     * A name the package provides ({@code Provides}) matches a term, its own name none; as
     * {@code apt-cache search} does, a provided name counts as the package's name.
     */
    PROVIDED_NAME,
    /** Only the description contains the terms the name does not. */
    DESCRIPTION
}
