package org.debindex.core.relation;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One angle-bracketed build-profile list, such as {@code <stage1 !cross>}: its terms are ANDed
 * (Debian Policy §7.1, deb-src-control(5)).
 *
 * <p>Immutable and thread-safe.
 *
 * @param terms the terms in the order written; not empty
 */
public record BuildProfileList(List<BuildProfileTerm> terms) {

    /**
     * Checks and copies the terms.
     *
     * @throws NullPointerException if {@code terms} or an element is null
     * @throws IllegalArgumentException if {@code terms} is empty
     */
    public BuildProfileList {
        terms = List.copyOf(terms);
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("build profile list must have at least one term");
        }
    }

    /**
     * Whether every term holds when exactly {@code activeProfiles} are active.
     *
     * @throws NullPointerException if {@code activeProfiles} is null
     */
    public boolean isSatisfiedBy(Set<String> activeProfiles) {
        Objects.requireNonNull(activeProfiles, "activeProfiles");
        for (BuildProfileTerm term : terms) {
            if (!term.isSatisfiedBy(activeProfiles)) {
                return false;
            }
        }
        return true;
    }

    /** The normalised text, {@code <stage1 !cross>}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        appendTo(out);
        return out.toString();
    }

    void appendTo(StringBuilder out) {
        out.append('<');
        for (int i = 0; i < terms.size(); i++) {
            if (i > 0) {
                out.append(' ');
            }
            BuildProfileTerm term = terms.get(i);
            if (term.isNegated()) {
                out.append('!');
            }
            out.append(term.profile());
        }
        out.append('>');
    }
}
