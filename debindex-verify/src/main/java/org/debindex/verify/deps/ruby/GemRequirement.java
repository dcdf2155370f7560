package org.debindex.verify.deps.ruby;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.debindex.core.MalformedInputException;
import org.debindex.verify.deps.VersionRequirement;

/**
 * A RubyGems requirement ({@code Gem::Requirement}): one or more comparators, all of which must
 * hold. A comparator is an operator ({@code =}, {@code !=}, {@code >}, {@code <}, {@code >=},
 * {@code <=}, {@code ~>}; none means {@code =}) and a {@link GemVersion}. The pessimistic
 * {@code ~> V} means {@code >= V} and a release below {@code V.bump}: {@code ~> 1.2} is
 * {@code >= 1.2, < 2}, {@code ~> 1.2.3} is {@code >= 1.2.3, < 1.3}, {@code ~> 1} is
 * {@code >= 1, < 2}.
 *
 * <p>Text form: the comparators joined by commas, as {@code Gemfile.lock} writes them and as
 * {@link GemfileReader} joins a {@code gem} call's arguments: {@code ~> 7.1, >= 7.1.2}.
 *
 * <p>Like {@code Gem::Requirement#satisfied_by?}, a pre-release satisfies a requirement whose
 * comparators admit it; excluding pre-releases is a resolver policy, not part of the requirement.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * <p>Rules: RubyGems {@code lib/rubygems/requirement.rb} ({@code OPS}, {@code PATTERN}).
 */
public final class GemRequirement implements VersionRequirement {

    /** {@code Gem::Requirement::PATTERN} for one comparator. */
    private static final Pattern COMPARATOR = Pattern.compile(
            "\\s*(=|!=|>|<|>=|<=|~>)?\\s*([0-9]+(?:\\.[0-9a-zA-Z]+)*(?:-[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?)\\s*");

    /**
     * One comparator.
     *
     * <p>Instances are immutable and thread-safe.
     *
     * @param operator {@code =}, {@code !=}, {@code >}, {@code <}, {@code >=}, {@code <=} or {@code ~>}
     * @param version  the version compared with
     */
    public record Comparator(String operator, GemVersion version) {

        /**
         * Validates.
         *
         * @throws NullPointerException if a component is null
         * @throws IllegalArgumentException if {@code operator} is not one of RubyGems'
         */
        public Comparator {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(version, "version");
            if (!List.of("=", "!=", ">", "<", ">=", "<=", "~>").contains(operator)) {
                throw new IllegalArgumentException("operator must be one of = != > < >= <= ~>: " + operator);
            }
        }

        /**
         * Whether the version satisfies this comparator.
         *
         * @throws NullPointerException if {@code v} is null
         */
        public boolean isSatisfiedBy(GemVersion v) {
            int c = v.compareTo(version);
            return switch (operator) {
                case "=" -> c == 0;
                case "!=" -> c != 0;
                case ">" -> c > 0;
                case "<" -> c < 0;
                case ">=" -> c >= 0;
                case "<=" -> c <= 0;
                default -> c >= 0 && v.release().compareTo(version.bump()) < 0; // ~>
            };
        }

        @Override
        public String toString() {
            return operator + " " + version;
        }
    }

    private final List<Comparator> comparators;
    private final String text;

    private GemRequirement(List<Comparator> comparators, String text) {
        this.comparators = List.copyOf(comparators);
        this.text = text;
    }

    /**
     * Parses comparators joined by commas: {@code ~> 1.2, >= 1.2.3}; blanks around each are
     * ignored and {@code ~>1.2} needs none.
     *
     * @throws MalformedInputException if the text is empty or a part is not an operator and a
     *     version
     * @throws NullPointerException if {@code text} is null
     */
    public static GemRequirement parse(String text) throws MalformedInputException {
        Objects.requireNonNull(text, "text");
        List<Comparator> out = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            Matcher m = COMPARATOR.matcher(part);
            if (!m.matches()) {
                throw MalformedInputException.ofValue("invalid gem requirement "
                        + MalformedInputException.quote(part.strip())
                        + (text.contains(",") ? " in " + MalformedInputException.quote(text) : "")
                        + "; expected an operator (= != > < >= <= ~>) and a version, as ~> 1.2");
            }
            out.add(new Comparator(m.group(1) == null ? "=" : m.group(1), GemVersion.parse(m.group(2))));
        }
        return new GemRequirement(out, text.strip());
    }

    /** The comparators, in the order written. */
    public List<Comparator> comparators() {
        return comparators;
    }

    /**
     * Whether the version satisfies every comparator; a text that is no gem version satisfies
     * nothing.
     *
     * @throws NullPointerException if {@code upstreamVersion} is null
     */
    @Override
    public boolean isSatisfiedBy(String upstreamVersion) {
        Objects.requireNonNull(upstreamVersion, "upstreamVersion");
        if (!GemVersion.isValid(upstreamVersion)) {
            return false;
        }
        try {
            return isSatisfiedBy(GemVersion.parse(upstreamVersion));
        } catch (MalformedInputException e) {
            throw new IllegalStateException("a valid version did not parse: " + upstreamVersion, e);
        }
    }

    /**
     * Whether the version satisfies every comparator.
     *
     * @throws NullPointerException if {@code version} is null
     */
    public boolean isSatisfiedBy(GemVersion version) {
        Objects.requireNonNull(version, "version");
        return comparators.stream().allMatch(c -> c.isSatisfiedBy(version));
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
