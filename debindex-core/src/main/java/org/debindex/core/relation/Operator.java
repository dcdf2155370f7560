package org.debindex.core.relation;

import java.util.Objects;
import java.util.Optional;
import org.debindex.core.version.DebianVersion;

/**
 * A version relation operator of Debian Policy §7.1: {@code <<}, {@code <=}, {@code =},
 * {@code >=}, {@code >>}.
 *
 * <p>The obsolete {@code <} and {@code >} are not constants of their own: the parser reads them as
 * {@link #EARLIER_OR_EQUAL} and {@link #LATER_OR_EQUAL}, as dpkg does, and records the legacy
 * spelling in {@link VersionConstraint#hasLegacySymbol()}.
 *
 * <p>Immutable and thread-safe.
 */
public enum Operator {

    /** {@code <<}: strictly earlier. */
    STRICTLY_EARLIER("<<"),
    /** {@code <=}: earlier or equal. */
    EARLIER_OR_EQUAL("<="),
    /** {@code =}: exactly equal, by Debian rules ({@code 1.0} equals {@code 0:1.0-0}). */
    EXACTLY_EQUAL("="),
    /** {@code >=}: later or equal. */
    LATER_OR_EQUAL(">="),
    /** {@code >>}: strictly later. */
    STRICTLY_LATER(">>");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    /** The symbol as Policy §7.1 writes it, for example {@code ">="}; never null. */
    public String symbol() {
        return symbol;
    }

    /**
     * The operator written {@code symbol}, one of the five current symbols.
     *
     * <p>The obsolete {@code <} and {@code >} are not accepted here: outside a relation field
     * their meaning would be a guess.
     *
     * @return the operator, or empty when {@code symbol} is not one of the five
     * @throws NullPointerException if {@code symbol} is null
     */
    public static Optional<Operator> bySymbol(String symbol) {
        Objects.requireNonNull(symbol, "symbol");
        for (Operator op : values()) {
            if (op.symbol.equals(symbol)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a package at version {@code candidate} satisfies "{@code (this bound)}", comparing
     * in dpkg order ({@code dpkg --compare-versions candidate op bound}).
     *
     * @param candidate the version of the package that might satisfy the relation
     * @param bound the version written in the relation
     * @throws NullPointerException if either version is null
     */
    public boolean isSatisfiedBy(DebianVersion candidate, DebianVersion bound) {
        Objects.requireNonNull(bound, "bound");
        int c = candidate.compareTo(bound);
        switch (this) {
            case STRICTLY_EARLIER:
                return c < 0;
            case EARLIER_OR_EQUAL:
                return c <= 0;
            case EXACTLY_EQUAL:
                return c == 0;
            case LATER_OR_EQUAL:
                return c >= 0;
            case STRICTLY_LATER:
                return c > 0;
            default:
                throw new AssertionError(this);
        }
    }

    /** The symbol, as in a relation field. */
    @Override
    public String toString() {
        return symbol;
    }
}
