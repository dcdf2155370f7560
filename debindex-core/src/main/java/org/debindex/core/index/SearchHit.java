package org.debindex.core.index;

import java.util.Objects;

/**
 * One package found by {@link PackageIndex#search(SearchQuery)}.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param entry the package
 * @param match how its name relates to the terms, which orders the results
 */
public record SearchHit(PackageEntry entry, MatchKind match) {

    /** @throws NullPointerException if a component is null */
    public SearchHit {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(match, "match");
    }
}
