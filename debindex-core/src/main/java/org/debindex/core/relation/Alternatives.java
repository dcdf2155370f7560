package org.debindex.core.relation;

import java.util.List;

/**
 * One element of a relation field: one relation, or several alternatives separated by {@code |}
 * of which any one satisfies it, such as {@code default-mta | mail-transport-agent} (Debian
 * Policy §7.1).
 *
 * <p>Immutable and thread-safe.
 *
 * @param relations the alternatives in the order written (the first is preferred); not empty
 */
public record Alternatives(List<Relation> relations) {

    /**
     * Checks and copies the relations.
     *
     * @throws NullPointerException if {@code relations} or an element is null
     * @throws IllegalArgumentException if {@code relations} is empty
     */
    public Alternatives {
        relations = List.copyOf(relations);
        if (relations.isEmpty()) {
            throw new IllegalArgumentException("alternatives must have at least one relation");
        }
    }

    /**
     * A group of one relation.
     *
     * @throws NullPointerException if {@code relation} is null
     */
    public static Alternatives of(Relation relation) {
        return new Alternatives(List.of(relation));
    }

    /** Whether there is more than one alternative. */
    public boolean hasAlternatives() {
        return relations.size() > 1;
    }

    /** The normalised text, relations joined with {@code " | "}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        appendTo(out);
        return out.toString();
    }

    void appendTo(StringBuilder out) {
        for (int i = 0; i < relations.size(); i++) {
            if (i > 0) {
                out.append(" | ");
            }
            relations.get(i).appendTo(out);
        }
    }
}
