package org.debindex.verify.deps.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.debindex.core.MalformedInputException;
import org.debindex.verify.deps.VersionRequirement;

/**
 * A Maven dependency version requirement: a soft version ({@code 1.0}) or a union of ranges
 * ({@code [1.0,2.0)}, {@code (,1.0]}, {@code [1.5,)}, {@code [1.0]}, {@code [1,2),(3,)}), with
 * the syntax and the checks of Maven 3.8's {@code VersionRange.createFromVersionSpec}, and a few
 * more: Maven reads {@code [1,2,3]} as the range up to a version {@code "2,3"} and {@code 1.0]}
 * as a soft version; both are refused here.
 *
 * <p>Maven takes a soft version as a preference: the nearest declaration in the dependency tree
 * wins, whatever its version. A Debian package older than the soft version may still work, but it
 * is not what the project asked for, so {@link #isSatisfiedBy} is true only for versions at least
 * the soft one, and {@link #isSoft()} tells the caller to report a miss instead of failing.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class MavenRequirement implements VersionRequirement {

    /**
     * One range of a union; an absent bound is unbounded on that side.
     *
     * <p>Instances are immutable and thread-safe.
     *
     * @param lower          the lower bound
     * @param lowerInclusive whether the lower bound itself is in the range ({@code [})
     * @param upper          the upper bound
     * @param upperInclusive whether the upper bound itself is in the range ({@code ]})
     */
    public record Range(Optional<MavenVersion> lower, boolean lowerInclusive, Optional<MavenVersion> upper,
                        boolean upperInclusive) {

        /**
         * Validates.
         *
         * @throws NullPointerException if a bound is null
         */
        public Range {
            Objects.requireNonNull(lower, "lower");
            Objects.requireNonNull(upper, "upper");
        }

        /**
         * Whether the version lies in the range.
         *
         * @throws NullPointerException if {@code version} is null
         */
        public boolean contains(MavenVersion version) {
            Objects.requireNonNull(version, "version");
            if (lower.isPresent()) {
                int c = lower.get().compareTo(version);
                if (c > 0 || c == 0 && !lowerInclusive) {
                    return false;
                }
            }
            if (upper.isPresent()) {
                int c = upper.get().compareTo(version);
                return c > 0 || c == 0 && upperInclusive;
            }
            return true;
        }
    }

    private final String text;
    private final Optional<MavenVersion> soft;
    private final List<Range> ranges;

    private MavenRequirement(String text, Optional<MavenVersion> soft, List<Range> ranges) {
        this.text = text;
        this.soft = soft;
        this.ranges = List.copyOf(ranges);
    }

    /**
     * Parses a requirement as a POM's {@code <version>} gives it, after property substitution.
     *
     * @throws NullPointerException if {@code text} is null
     * @throws IllegalArgumentException if {@code text} is empty or not a valid version or range; the
     *     message quotes it and says what was expected
     */
    public static MavenRequirement parse(String text) {
        Objects.requireNonNull(text, "text");
        String spec = text.strip();
        if (spec.isEmpty()) {
            throw new IllegalArgumentException("requirement must not be empty: \"" + text + "\"");
        }
        if (spec.charAt(0) != '[' && spec.charAt(0) != '(') {
            if (spec.chars().anyMatch(c -> c == '[' || c == ']' || c == '(' || c == ')' || c == ',')) {
                throw problem(text, "a soft version must not contain brackets or commas; expected a version "
                        + "or ranges such as [1.0,2.0)");
            }
            return new MavenRequirement(text, Optional.of(MavenVersion.parse(spec)), List.of());
        }
        List<Range> ranges = new ArrayList<>();
        String rest = spec;
        while (!rest.isEmpty()) {
            if (rest.charAt(0) != '[' && rest.charAt(0) != '(') {
                throw problem(text, "text after a range must be another range; expected \"[\" or \"(\" at "
                        + quote(rest));
            }
            int close = closing(rest);
            if (close < 0) {
                throw problem(text, "unbounded range; expected \"]\" or \")\"");
            }
            Range range = range(text, rest.substring(0, close + 1));
            if (!ranges.isEmpty()) {
                Optional<MavenVersion> previousUpper = ranges.get(ranges.size() - 1).upper();
                // Maven lets ranges touch (…,2],[2,…) but not overlap or come out of order
                if (previousUpper.isEmpty() || range.lower().isEmpty()
                        || range.lower().get().compareTo(previousUpper.get()) < 0) {
                    throw problem(text, "ranges overlap; expected them in ascending order");
                }
            }
            ranges.add(range);
            rest = rest.substring(close + 1).strip();
            if (rest.startsWith(",")) {
                rest = rest.substring(1).strip();
                if (rest.isEmpty()) {
                    throw problem(text, "trailing comma; expected another range");
                }
            } else if (!rest.isEmpty()) {
                throw problem(text, "ranges must be separated by a comma; found " + quote(rest));
            }
        }
        return new MavenRequirement(text, Optional.empty(), ranges);
    }

    /** The soft (preferred) version, when the requirement is one; empty for ranges. */
    public Optional<MavenVersion> softVersion() {
        return soft;
    }

    /** The ranges of the union, in order; empty for a soft version. */
    public List<Range> ranges() {
        return ranges;
    }

    /**
     * {@inheritDoc}
     *
     * <p>For a soft version: whether the version is at least the soft one.
     *
     * @throws NullPointerException if {@code upstreamVersion} is null
     */
    @Override
    public boolean isSatisfiedBy(String upstreamVersion) {
        return isSatisfiedBy(MavenVersion.parse(upstreamVersion));
    }

    /**
     * As {@link #isSatisfiedBy(String)} for a parsed version.
     *
     * @throws NullPointerException if {@code version} is null
     */
    public boolean isSatisfiedBy(MavenVersion version) {
        Objects.requireNonNull(version, "version");
        if (soft.isPresent()) {
            return version.compareTo(soft.get()) >= 0;
        }
        for (Range range : ranges) {
            if (range.contains(version)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String text() {
        return text;
    }

    /** True for a bare version, which Maven treats as a preference only. */
    @Override
    public boolean isSoft() {
        return soft.isPresent();
    }

    @Override
    public String toString() {
        return text;
    }

    // the first closing bracket of either kind, as Maven finds it
    private static int closing(String s) {
        int paren = s.indexOf(')');
        int bracket = s.indexOf(']');
        if (paren < 0) {
            return bracket;
        }
        return bracket < 0 ? paren : Math.min(paren, bracket);
    }

    private static Range range(String text, String spec) {
        boolean lowerInclusive = spec.charAt(0) == '[';
        boolean upperInclusive = spec.charAt(spec.length() - 1) == ']';
        String inner = spec.substring(1, spec.length() - 1).strip();
        if (inner.indexOf('[') >= 0 || inner.indexOf('(') >= 0) {
            throw problem(text, "range " + quote(spec) + " opens a bracket inside a range; expected a version");
        }
        int comma = inner.indexOf(',');
        if (comma < 0) {
            if (!lowerInclusive || !upperInclusive) {
                throw problem(text, "a single version must be in [], as in [1.0]; found " + quote(spec));
            }
            if (inner.isEmpty()) {
                throw problem(text, "empty range []; expected a version inside");
            }
            MavenVersion exact = MavenVersion.parse(inner);
            return new Range(Optional.of(exact), true, Optional.of(exact), true);
        }
        if (inner.indexOf(',', comma + 1) >= 0) {
            throw problem(text, "range " + quote(spec) + " has more than two bounds; expected [lower,upper]");
        }
        String lowerText = inner.substring(0, comma).strip();
        String upperText = inner.substring(comma + 1).strip();
        if (lowerText.equals(upperText)) {
            throw problem(text, "range " + quote(spec) + " has identical bounds; expected [" + lowerText + "] "
                    + "for an exact version");
        }
        Optional<MavenVersion> lower = lowerText.isEmpty() ? Optional.empty() : Optional.of(MavenVersion.parse(lowerText));
        Optional<MavenVersion> upper = upperText.isEmpty() ? Optional.empty() : Optional.of(MavenVersion.parse(upperText));
        if (lower.isPresent() && upper.isPresent() && upper.get().compareTo(lower.get()) < 0) {
            throw problem(text, "range " + quote(spec) + " has its upper bound below its lower bound");
        }
        return new Range(lower, lowerInclusive, upper, upperInclusive);
    }

    private static IllegalArgumentException problem(String text, String what) {
        return new IllegalArgumentException("invalid Maven version requirement " + quote(text) + ": " + what);
    }

    private static String quote(String s) {
        return MalformedInputException.quote(s);
    }
}
