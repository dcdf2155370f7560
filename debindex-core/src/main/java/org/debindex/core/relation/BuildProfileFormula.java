package org.debindex.core.relation;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The build-profile restriction of a source relation, such as {@code <!nocheck> <stage1 !cross>}:
 * the lists are ORed, the terms inside each list ANDed, a formula in disjunctive normal form
 * (Debian Policy §7.1, deb-src-control(5)).
 *
 * <p>A relation without a formula always applies; that is an absent formula, never an empty one.
 *
 * <p>Immutable and thread-safe.
 *
 * @param lists the lists in the order written; not empty
 */
public record BuildProfileFormula(List<BuildProfileList> lists) {

    /**
     * Checks and copies the lists.
     *
     * @throws NullPointerException if {@code lists} or an element is null
     * @throws IllegalArgumentException if {@code lists} is empty
     */
    public BuildProfileFormula {
        lists = List.copyOf(lists);
        if (lists.isEmpty()) {
            throw new IllegalArgumentException("build profile formula must have at least one list");
        }
    }

    /**
     * Whether the relation applies when exactly {@code activeProfiles} are active: some list has
     * all its terms satisfied (dpkg's {@code evaluate_restriction_formula}).
     *
     * @param activeProfiles the active build profiles, such as {@code Set.of("nocheck")}; empty
     *     for a normal build
     * @throws NullPointerException if {@code activeProfiles} is null
     */
    public boolean isSatisfiedBy(Set<String> activeProfiles) {
        Objects.requireNonNull(activeProfiles, "activeProfiles");
        for (BuildProfileList list : lists) {
            if (list.isSatisfiedBy(activeProfiles)) {
                return true;
            }
        }
        return false;
    }

    /** The normalised text, lists separated by one space: {@code <!nocheck> <stage1 !cross>}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        appendTo(out);
        return out.toString();
    }

    void appendTo(StringBuilder out) {
        for (int i = 0; i < lists.size(); i++) {
            if (i > 0) {
                out.append(' ');
            }
            lists.get(i).appendTo(out);
        }
    }
}
