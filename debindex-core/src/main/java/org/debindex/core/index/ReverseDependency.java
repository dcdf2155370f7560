package org.debindex.core.index;

import java.util.Objects;
import org.debindex.core.relation.Relation;
import org.debindex.core.relation.RelationField;

/**
 * A package whose relation field names the package asked about, or a virtual package that one
 * of its versions provides.
 *
 * <p>apt-cache prints such a relation with a leading {@code |} when
 * {@link #followedByAlternative()}: the dependency is satisfied by this name or the next.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param dependent             the package whose field it is
 * @param field                 which field: {@code Depends}, {@code Pre-Depends},
 *                              {@code Recommends}, {@code Suggests}, {@code Enhances},
 *                              {@code Breaks}, {@code Conflicts} or {@code Replaces}
 * @param relation              the relation as written (normalised), its package name the name
 *                              asked about or the virtual name
 * @param followedByAlternative whether another alternative follows it in its {@code |} group
 * @param viaProvides           whether the relation names a virtual package that the package
 *                              asked about provides, rather than the package itself
 */
public record ReverseDependency(PackageEntry dependent, RelationField field, Relation relation,
                                boolean followedByAlternative, boolean viaProvides) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public ReverseDependency {
        Objects.requireNonNull(dependent, "dependent");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(relation, "relation");
    }
}
