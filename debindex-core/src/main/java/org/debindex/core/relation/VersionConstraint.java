package org.debindex.core.relation;

import java.util.Objects;
import org.debindex.core.version.DebianVersion;

/**
 * The parenthesised version part of a relation, such as {@code (>= 2.36)} (Debian Policy §7.1).
 *
 * <p>{@code hasLegacySymbol} records that the operator was written with the obsolete {@code <} or
 * {@code >}, which mean {@code <=} and {@code >=} (dpkg accepts them with a warning; Policy
 * footnote to §7.1), so that a lint can report it. It says how the text was written, not what it
 * means, so {@link #equals} and {@link #hashCode} ignore it: a constraint parsed from
 * {@code (< 1.0)} equals one parsed from {@code (<= 1.0)}, and printing then parsing gives an equal
 * value. The version is compared as written ({@link DebianVersion#equals}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param operator the operator; never null
 * @param version the version bound, as written; never null
 * @param hasLegacySymbol whether the operator was written as {@code <} or {@code >}; only possible
 *     for {@link Operator#EARLIER_OR_EQUAL} and {@link Operator#LATER_OR_EQUAL}
 */
public record VersionConstraint(Operator operator, DebianVersion version, boolean hasLegacySymbol) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if {@code operator} or {@code version} is null
     * @throws IllegalArgumentException if {@code hasLegacySymbol} is set for an operator that
     *     has no legacy spelling
     */
    public VersionConstraint {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(version, "version");
        if (hasLegacySymbol && operator != Operator.EARLIER_OR_EQUAL && operator != Operator.LATER_OR_EQUAL) {
            throw new IllegalArgumentException("operator has no legacy symbol: " + operator);
        }
    }

    /**
     * A constraint written with the current symbol.
     *
     * @throws NullPointerException if {@code operator} or {@code version} is null
     */
    public VersionConstraint(Operator operator, DebianVersion version) {
        this(operator, version, false);
    }

    /**
     * Whether a package at version {@code candidate} satisfies this constraint (dpkg order).
     *
     * @throws NullPointerException if {@code candidate} is null
     */
    public boolean isSatisfiedBy(DebianVersion candidate) {
        return operator.isSatisfiedBy(Objects.requireNonNull(candidate, "candidate"), version);
    }

    /** The symbol the text used: {@code <} or {@code >} when legacy, else the operator's. */
    public String writtenSymbol() {
        if (!hasLegacySymbol) {
            return operator.symbol();
        }
        return operator == Operator.EARLIER_OR_EQUAL ? "<" : ">";
    }

    /** Equal when operator and version text are equal; the legacy spelling is ignored. */
    @Override
    public boolean equals(Object o) {
        return o instanceof VersionConstraint other
                && operator == other.operator
                && version.equals(other.version);
    }

    @Override
    public int hashCode() {
        return operator.hashCode() * 31 + version.hashCode();
    }

    /** The normalised text, {@code (>= 2.36)}; a legacy {@code <} prints as {@code <=}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(version.toString().length() + 6);
        appendTo(out);
        return out.toString();
    }

    void appendTo(StringBuilder out) {
        out.append('(').append(operator.symbol()).append(' ').append(version).append(')');
    }
}
