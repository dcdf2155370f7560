package org.debindex.core.relation;

import java.util.Objects;
import java.util.Optional;

/**
 * The relation fields of Debian's index files, each with the syntax it permits; the parser
 * enforces exactly these rules.
 *
 * <table>
 * <caption>What each field permits</caption>
 * <tr><th>field</th><th>{@code |}</th><th>operators</th><th>{@code [arch]}, {@code <profile>},
 * {@code :native}, trailing {@code ,}</th></tr>
 * <tr><td>Depends, Pre-Depends, Recommends, Suggests</td><td>yes</td><td>all</td><td>no</td></tr>
 * <tr><td>Enhances, Breaks, Conflicts, Replaces</td><td>no</td><td>all</td><td>no</td></tr>
 * <tr><td>Provides</td><td>no</td><td>{@code =}</td><td>no</td></tr>
 * <tr><td>Built-Using, Static-Built-Using</td><td>no</td><td>{@code =}, required</td><td>no</td></tr>
 * <tr><td>Build-Depends, -Arch, -Indep</td><td>yes</td><td>all</td><td>yes</td></tr>
 * <tr><td>Build-Conflicts, -Arch, -Indep</td><td>no</td><td>all</td><td>yes</td></tr>
 * </table>
 *
 * <p>Where the rules come from:
 * <ul>
 * <li>Alternatives: Policy §7.1 allows {@code |} only in Depends, Recommends, Suggests,
 *     Pre-Depends and Build-Depends{,-Indep,-Arch}. dpkg rejects it in Conflicts, Breaks,
 *     Provides and Replaces; dpkg-dev treats Enhances, Build-Conflicts* and Built-Using as
 *     "union" fields without alternatives too.
 * <li>Operators: Policy §7.1 and §7.5 allow only {@code =} in Provides; §7.8 asks Built-Using
 *     (and Static-Built-Using, §7.9) for an exactly-equal version on every source package.
 * <li>Architecture restrictions, build profiles and the {@code :native} qualifier: Policy §7.1
 *     and deb-src-control(5) allow them only in source relation fields; in binary fields they
 *     exist only in {@code debian/control}, where dpkg-gencontrol evaluates them away, so a
 *     Packages file never contains them.
 * <li>Trailing comma: dpkg's source tools (Dpkg::Deps) accept {@code a, b,}; dpkg's binary
 *     control parser reports a missing package name, so it is an error in binary fields.
 * </ul>
 * Every field accepts the obsolete operators {@code <} and {@code >} (as {@code <=} and
 * {@code >=}, flagged by {@link VersionConstraint#hasLegacySymbol()}), architecture qualifiers
 * such as {@code :any} and {@code :amd64}, and an empty value (no relations), as dpkg does.
 *
 * <p>Immutable and thread-safe.
 */
public enum RelationField {

    /** {@code Depends} (Policy §7.2). */
    DEPENDS("Depends", false, true, false, false),
    /** {@code Pre-Depends} (Policy §7.2). */
    PRE_DEPENDS("Pre-Depends", false, true, false, false),
    /** {@code Recommends} (Policy §7.2). */
    RECOMMENDS("Recommends", false, true, false, false),
    /** {@code Suggests} (Policy §7.2). */
    SUGGESTS("Suggests", false, true, false, false),
    /** {@code Enhances} (Policy §7.2). */
    ENHANCES("Enhances", false, false, false, false),
    /** {@code Breaks} (Policy §7.3). */
    BREAKS("Breaks", false, false, false, false),
    /** {@code Conflicts} (Policy §7.4). */
    CONFLICTS("Conflicts", false, false, false, false),
    /** {@code Provides} (Policy §7.5): only {@code =}. */
    PROVIDES("Provides", false, false, true, false),
    /** {@code Replaces} (Policy §7.6). */
    REPLACES("Replaces", false, false, false, false),
    /** {@code Built-Using} (Policy §7.8): every relation {@code (= version)}. */
    BUILT_USING("Built-Using", false, false, true, true),
    /** {@code Static-Built-Using} (Policy §7.9): every relation {@code (= version)}. */
    STATIC_BUILT_USING("Static-Built-Using", false, false, true, true),
    /** {@code Build-Depends} (Policy §7.7). */
    BUILD_DEPENDS("Build-Depends", true, true, false, false),
    /** {@code Build-Depends-Arch} (Policy §7.7). */
    BUILD_DEPENDS_ARCH("Build-Depends-Arch", true, true, false, false),
    /** {@code Build-Depends-Indep} (Policy §7.7). */
    BUILD_DEPENDS_INDEP("Build-Depends-Indep", true, true, false, false),
    /** {@code Build-Conflicts} (Policy §7.7). */
    BUILD_CONFLICTS("Build-Conflicts", true, false, false, false),
    /** {@code Build-Conflicts-Arch} (Policy §7.7). */
    BUILD_CONFLICTS_ARCH("Build-Conflicts-Arch", true, false, false, false),
    /** {@code Build-Conflicts-Indep} (Policy §7.7). */
    BUILD_CONFLICTS_INDEP("Build-Conflicts-Indep", true, false, false, false);

    /** {@code values()} copies its array on every call; lookups by name are frequent. */
    private static final RelationField[] ALL = values();

    private final String fieldName;
    private final boolean isSourceField;
    private final boolean allowsAlternatives;
    private final boolean isExactVersionOnly;
    private final boolean requiresVersion;

    RelationField(String fieldName, boolean isSourceField, boolean allowsAlternatives,
            boolean isExactVersionOnly, boolean requiresVersion) {
        this.fieldName = fieldName;
        this.isSourceField = isSourceField;
        this.allowsAlternatives = allowsAlternatives;
        this.isExactVersionOnly = isExactVersionOnly;
        this.requiresVersion = requiresVersion;
    }

    /**
     * The field named {@code name}, compared ASCII case-insensitively as field names are (Policy
     * §5.1).
     *
     * @return the field, or empty when {@code name} is not a relation field listed here
     * @throws NullPointerException if {@code name} is null
     */
    public static Optional<RelationField> forName(CharSequence name) {
        Objects.requireNonNull(name, "name");
        for (RelationField field : ALL) {
            if (equalsIgnoreAsciiCase(field.fieldName, name)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    private static boolean equalsIgnoreAsciiCase(String a, CharSequence b) {
        if (a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y && toLowerAscii(x) != toLowerAscii(y)) {
                return false;
            }
        }
        return true;
    }

    private static char toLowerAscii(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    /** The field name as Policy spells it, {@code Build-Depends-Indep}; never null. */
    public String fieldName() {
        return fieldName;
    }

    /** Whether this is a source package field (Sources, {@code .dsc}): the Build-* fields. */
    public boolean isSourceField() {
        return isSourceField;
    }

    /** Whether OR-groups ({@code a | b}) are allowed. */
    public boolean allowsAlternatives() {
        return allowsAlternatives;
    }

    /** Whether architecture restrictions ({@code [amd64]}) are allowed: source fields only. */
    public boolean allowsArchitectureRestrictions() {
        return isSourceField;
    }

    /** Whether build-profile lists ({@code <!nocheck>}) are allowed: source fields only. */
    public boolean allowsBuildProfiles() {
        return isSourceField;
    }

    /** Whether the {@code :native} qualifier is allowed: build dependencies only. */
    public boolean allowsNativeQualifier() {
        return isSourceField;
    }

    /** Whether a trailing comma ({@code a, b,}) is allowed: source fields only. */
    public boolean allowsTrailingComma() {
        return isSourceField;
    }

    /**
     * Whether {@code operator} may be used; only {@code =} in Provides and Built-Using fields.
     *
     * @throws NullPointerException if {@code operator} is null
     */
    public boolean allowsOperator(Operator operator) {
        Objects.requireNonNull(operator, "operator");
        return !isExactVersionOnly || operator == Operator.EXACTLY_EQUAL;
    }

    /** Whether every relation must have a version restriction (Built-Using fields). */
    public boolean requiresVersion() {
        return requiresVersion;
    }

    /** The field name, {@link #fieldName()}. */
    @Override
    public String toString() {
        return fieldName;
    }
}
