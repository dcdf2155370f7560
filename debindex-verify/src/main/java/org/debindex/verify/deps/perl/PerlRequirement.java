package org.debindex.verify.deps.perl;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.debindex.core.MalformedInputException;
import org.debindex.verify.deps.VersionRequirement;

/**
 * A CPAN version range, as a {@code cpanfile} or {@code META.json} gives it: a bare version means
 * that version or above, {@code 0} or an empty text means any version, and otherwise a
 * comma-separated list of comparisons with {@code >=}, {@code <=}, {@code >}, {@code <},
 * {@code ==} or {@code !=}, all of which must hold ({@code ">= 1.0, < 2.0, != 1.5"}). A bare
 * version inside a list is a minimum too, as CPAN::Meta::Requirements reads it. Versions compare
 * by {@link PerlVersion}.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * <p>Rules: CPAN::Meta::Spec, section "Version Ranges".
 */
public final class PerlRequirement implements VersionRequirement {

    /** A comparison operator of a version range. */
    private enum Operator {
        AT_LEAST(">="), AT_MOST("<="), ABOVE(">"), BELOW("<"), EQUAL("=="), NOT_EQUAL("!=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        boolean holds(int comparison) {
            return switch (this) {
                case AT_LEAST -> comparison >= 0;
                case AT_MOST -> comparison <= 0;
                case ABOVE -> comparison > 0;
                case BELOW -> comparison < 0;
                case EQUAL -> comparison == 0;
                case NOT_EQUAL -> comparison != 0;
            };
        }
    }

    private record Comparison(Operator operator, PerlVersion version) {}

    private final String text;
    private final List<Comparison> comparisons;

    private PerlRequirement(String text, List<Comparison> comparisons) {
        this.text = text;
        this.comparisons = List.copyOf(comparisons);
    }

    /**
     * Parses a version range.
     *
     * @throws MalformedInputException if a comparison is empty or its version is invalid: the
     *     message names the comparison and what was expected
     * @throws NullPointerException if {@code text} is null
     */
    public static PerlRequirement parse(String text) throws MalformedInputException {
        Objects.requireNonNull(text, "text");
        List<Comparison> comparisons = new ArrayList<>();
        String s = text.strip();
        if (!s.isEmpty()) {
            for (String part : s.split(",", -1)) {
                String c = part.strip();
                if (c.isEmpty()) {
                    throw MalformedInputException.ofValue("empty comparison in " + MalformedInputException.quote(text)
                            + "; expected comparisons like \">= 1.0\" separated by commas");
                }
                Operator op = Operator.AT_LEAST;
                for (Operator o : Operator.values()) {
                    // two-character operators are listed first, so ">=" is not read as ">"
                    if (c.startsWith(o.symbol)) {
                        op = o;
                        c = c.substring(o.symbol.length()).strip();
                        break;
                    }
                }
                comparisons.add(new Comparison(op, PerlVersion.parse(c)));
            }
        }
        return new PerlRequirement(text, comparisons);
    }

    /**
     * Whether {@code upstreamVersion}, a decimal or dotted-decimal version, is in the range;
     * false when it is not a Perl version, unless the range is {@linkplain #isAny any version}.
     *
     * @throws NullPointerException if {@code upstreamVersion} is null
     */
    @Override
    public boolean isSatisfiedBy(String upstreamVersion) {
        Objects.requireNonNull(upstreamVersion, "upstreamVersion");
        if (isAny()) {
            return true; // "0": any version of the module, even one whose number is not Perl's
        }
        PerlVersion v;
        try {
            v = PerlVersion.parse(upstreamVersion);
        } catch (MalformedInputException e) {
            return false;
        }
        for (Comparison c : comparisons) {
            if (!c.operator().holds(v.compareTo(c.version()))) {
                return false;
            }
        }
        return true;
    }

    /** Whether any version satisfies it: it is empty, or only minimums of {@code 0}. */
    public boolean isAny() {
        return comparisons.stream().allMatch(c -> c.operator() == Operator.AT_LEAST
                && c.version().components().stream().allMatch(n -> n == 0));
    }

    @Override
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
