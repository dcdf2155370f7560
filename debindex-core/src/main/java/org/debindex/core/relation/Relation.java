package org.debindex.core.relation;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.debindex.core.version.DebianVersion;

/**
 * One relation to a package: {@code name[:archqual] [(op version)] [[arch list]] [<profiles>]...}
 * (Debian Policy §7.1, deb-src-control(5)).
 *
 * <p>The package name follows dpkg's rule: an ASCII letter or digit, then letters, digits and
 * {@code + - . _}. Policy §5.6.1 is narrower (lower case, two characters or more, no underscore);
 * names that dpkg accepts but Policy does not are kept as written and reported by
 * {@link #hasPolicyName()}, for lint. The architecture qualifier is {@code any}, {@code native} or
 * an architecture name, lower case.
 *
 * <p>Which parts a field may use is the business of {@link RelationField} and the parser; any
 * combination can be built here, and {@link #toString()} prints it in the normalised form.
 *
 * <p>Immutable and thread-safe.
 *
 * @param packageName the package name, as written; never null
 * @param architectureQualifier the qualifier after {@code :}, such as {@code any}; empty when none
 * @param version the version restriction; empty when none
 * @param architectures the architecture restriction; empty when none
 * @param buildProfiles the build-profile formula; empty when none (the relation always applies)
 */
public record Relation(
        String packageName,
        Optional<String> architectureQualifier,
        Optional<VersionConstraint> version,
        Optional<ArchitectureRestriction> architectures,
        Optional<BuildProfileFormula> buildProfiles) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if any component is null
     * @throws IllegalArgumentException if the package name or the qualifier is not valid
     */
    public Relation {
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(architectureQualifier, "architectureQualifier");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(architectures, "architectures");
        Objects.requireNonNull(buildProfiles, "buildProfiles");
        Tokens.check(Tokens.packageNameProblem(packageName), "package name", packageName);
        if (architectureQualifier.isPresent()) {
            String qualifier = architectureQualifier.get();
            Tokens.check(Tokens.architectureNameProblem(qualifier), "architecture qualifier", qualifier);
        }
    }

    /**
     * A relation to a package with no version or restrictions, such as {@code libc6}.
     *
     * @throws NullPointerException if {@code packageName} is null
     * @throws IllegalArgumentException if {@code packageName} is not a valid package name
     */
    public static Relation of(String packageName) {
        return new Relation(packageName, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * A relation to a package with a version restriction, such as {@code libc6 (>= 2.36)}.
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code packageName} is not a valid package name
     */
    public static Relation of(String packageName, Operator operator, DebianVersion version) {
        return new Relation(packageName, Optional.empty(), Optional.of(new VersionConstraint(operator, version)),
                Optional.empty(), Optional.empty());
    }

    /** Whether the package name also follows Policy §5.6.1: {@code [a-z0-9][a-z0-9+.-]+}. */
    public boolean hasPolicyName() {
        return Tokens.isPolicyPackageName(packageName);
    }

    /**
     * Whether a package of this name at version {@code candidate} satisfies the version part:
     * always when there is none. Qualifiers and restrictions are not considered.
     *
     * @throws NullPointerException if {@code candidate} is null
     */
    public boolean isSatisfiedBy(DebianVersion candidate) {
        Objects.requireNonNull(candidate, "candidate");
        return version.isEmpty() || version.get().isSatisfiedBy(candidate);
    }

    /**
     * Whether the relation applies when building for {@code architecture} with exactly
     * {@code activeProfiles} active: its architecture restriction and its build-profile formula,
     * where present, both hold. A relation that does not apply is dropped from its OR-group
     * (Policy §7.1).
     *
     * @param architecture the host architecture, such as {@code amd64}
     * @param activeProfiles the active build profiles; empty for a normal build
     * @throws NullPointerException if an argument is null
     */
    public boolean appliesTo(String architecture, Set<String> activeProfiles) {
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(activeProfiles, "activeProfiles");
        return (architectures.isEmpty() || architectures.get().appliesTo(architecture))
                && (buildProfiles.isEmpty() || buildProfiles.get().isSatisfiedBy(activeProfiles));
    }

    /** This relation without its architecture restriction and build-profile formula. */
    public Relation withoutRestrictions() {
        if (architectures.isEmpty() && buildProfiles.isEmpty()) {
            return this;
        }
        return new Relation(packageName, architectureQualifier, version, Optional.empty(), Optional.empty());
    }

    /**
     * The normalised text: {@code name:qual (op version) [archs] <terms> <terms>}, one space
     * between parts, a legacy {@code <} printed as {@code <=}.
     */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(packageName.length() + 24);
        appendTo(out);
        return out.toString();
    }

    void appendTo(StringBuilder out) {
        out.append(packageName);
        if (architectureQualifier.isPresent()) {
            out.append(':').append(architectureQualifier.get());
        }
        if (version.isPresent()) {
            out.append(' ');
            version.get().appendTo(out);
        }
        if (architectures.isPresent()) {
            out.append(' ');
            architectures.get().appendTo(out);
        }
        if (buildProfiles.isPresent()) {
            out.append(' ');
            buildProfiles.get().appendTo(out);
        }
    }
}
