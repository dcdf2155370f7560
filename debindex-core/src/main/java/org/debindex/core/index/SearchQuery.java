package org.debindex.core.index;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link PackageIndex#search(SearchQuery)} looks for.
 *
 * <p>Every term must match, each either the package name, a name the package provides, or its
 * description (the synopsis and the long description), as {@code apt-cache search} matches its
 * patterns. A term matches as a
 * case-insensitive substring, or, with {@code regex}, as a {@link java.util.regex.Pattern}
 * found anywhere, case-insensitively.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param terms        what to look for; at least one, none empty
 * @param namesOnly    whether only package names (and the names they provide) are searched
 * @param regex        whether the terms are regular expressions
 * @param suite        only packages of this suite or codename; empty for all
 * @param architecture only packages of this architecture, or of a Packages file of this
 *                     architecture (so {@code amd64} includes the {@code all} packages listed
 *                     for amd64); empty for all
 * @param limit        the most hits returned, best first
 */
public record SearchQuery(List<String> terms, boolean namesOnly, boolean regex, Optional<String> suite,
                          Optional<String> architecture, int limit) {

    /**
     * Checks and copies the components.
     *
     * @throws NullPointerException if a component or term is null
     * @throws IllegalArgumentException if there is no term, a term is empty, or {@code limit} is
     *     not positive
     */
    public SearchQuery {
        terms = List.copyOf(terms);
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(architecture, "architecture");
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("terms must not be empty");
        }
        for (String term : terms) {
            if (term.isEmpty()) {
                throw new IllegalArgumentException("a search term must not be empty: " + terms);
            }
        }
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
    }

    /**
     * A substring search of names and descriptions in every suite and architecture, unlimited.
     *
     * @throws NullPointerException if {@code terms} or a term is null
     * @throws IllegalArgumentException if there is no term or a term is empty
     */
    public static SearchQuery of(String... terms) {
        return new SearchQuery(List.of(terms), false, false, Optional.empty(), Optional.empty(), Integer.MAX_VALUE);
    }

    /** This query with {@code namesOnly} changed. */
    public SearchQuery withNamesOnly(boolean value) {
        return new SearchQuery(terms, value, regex, suite, architecture, limit);
    }

    /** This query with {@code regex} changed. */
    public SearchQuery withRegex(boolean value) {
        return new SearchQuery(terms, namesOnly, value, suite, architecture, limit);
    }

    /**
     * This query restricted to a suite or codename.
     *
     * @throws NullPointerException if {@code value} is null
     */
    public SearchQuery withSuite(String value) {
        return new SearchQuery(terms, namesOnly, regex, Optional.of(value), architecture, limit);
    }

    /**
     * This query restricted to an architecture.
     *
     * @throws NullPointerException if {@code value} is null
     */
    public SearchQuery withArchitecture(String value) {
        return new SearchQuery(terms, namesOnly, regex, suite, Optional.of(value), limit);
    }

    /**
     * This query with another limit.
     *
     * @throws IllegalArgumentException if {@code value} is not positive
     */
    public SearchQuery withLimit(int value) {
        return new SearchQuery(terms, namesOnly, regex, suite, architecture, value);
    }
}
