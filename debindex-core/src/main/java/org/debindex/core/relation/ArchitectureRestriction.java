package org.debindex.core.relation;

import java.util.List;
import java.util.Objects;

/**
 * The bracketed architecture list of a source relation, {@code [amd64 i386]} or
 * {@code [!hurd-any !kfreebsd-any]} (Debian Policy §7.1, deb-src-control(5)).
 *
 * <p>Either every name is negated or none is: Policy forbids mixing them, so the negation is one
 * flag for the list. Names and wildcards ({@code linux-any}, {@code any-amd64}, {@code any}) are
 * kept as written; {@link #appliesTo} evaluates them with {@link Architectures#matches}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param isNegated whether the list excludes ({@code [!a !b]}) rather than selects ({@code [a b]})
 * @param architectures the names or wildcards without {@code !}, in the order written; not empty,
 *     each lower-case letters, digits and {@code -}, starting with a letter or digit
 */
public record ArchitectureRestriction(boolean isNegated, List<String> architectures) {

    /**
     * Checks and copies the components.
     *
     * @throws NullPointerException if {@code architectures} or an element is null
     * @throws IllegalArgumentException if the list is empty or a name is not a valid
     *     architecture name or wildcard
     */
    public ArchitectureRestriction {
        architectures = List.copyOf(architectures);
        if (architectures.isEmpty()) {
            throw new IllegalArgumentException("architecture restriction must name at least one architecture");
        }
        for (String name : architectures) {
            Tokens.check(Tokens.architectureNameProblem(name), "architecture", name);
        }
    }

    /**
     * Whether the relation applies when building for {@code architecture}: it matches one of the
     * names, or, for a negated list, none of them (dpkg's {@code debarch_is_concerned}).
     *
     * @param architecture the host architecture, such as {@code amd64}
     * @throws NullPointerException if {@code architecture} is null
     */
    public boolean appliesTo(String architecture) {
        Objects.requireNonNull(architecture, "architecture");
        for (String pattern : architectures) {
            if (Architectures.matches(architecture, pattern)) {
                return !isNegated;
            }
        }
        return isNegated;
    }

    /** The normalised text, {@code [!hurd-any !kfreebsd-any]}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        appendTo(out);
        return out.toString();
    }

    void appendTo(StringBuilder out) {
        out.append('[');
        for (int i = 0; i < architectures.size(); i++) {
            if (i > 0) {
                out.append(' ');
            }
            if (isNegated) {
                out.append('!');
            }
            out.append(architectures.get(i));
        }
        out.append(']');
    }
}
