package org.debindex.verify.deps;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.debindex.core.IndexFormatException;
import org.debindex.core.MalformedInputException;
import org.debindex.core.index.PackageEntry;
import org.debindex.core.index.PackageIndex;
import org.debindex.core.index.Provider;
import org.debindex.core.version.DebianVersion;
import org.debindex.verify.deps.debian.Candidate;
import org.debindex.verify.deps.debian.ContentsMapping;
import org.debindex.verify.deps.debian.UpstreamVersion;
import org.debindex.verify.deps.debian.UpstreamVersions;
import org.debindex.verify.deps.cargo.CargoFeatures;
import org.debindex.verify.deps.cargo.CargoRequirement;
import org.debindex.verify.deps.cargo.CargoTomlReader;
import org.debindex.verify.deps.go.GoRequirement;
import org.debindex.verify.deps.maven.MavenRequirement;
import org.debindex.verify.deps.npm.NpmRange;
import org.debindex.verify.deps.php.ComposerConstraint;
import org.debindex.verify.deps.perl.PerlRequirement;
import org.debindex.verify.deps.python.Pep440Requirement;
import org.debindex.verify.deps.ruby.GemRequirement;

/**
 * Checks declared dependencies against one Debian suite: which package ships each (by the
 * Contents path rules of {@link ContentsMapping}), at which upstream version, and whether that
 * satisfies the requirement by the ecosystem's own rules.
 *
 * <p>The rules, in order:
 * <ol>
 *   <li>No package of the suite ships the name: {@link CheckResult.Status#MISSING}. This comes
 *       first because it holds whatever version was asked for.
 *   <li>The upstream version of each candidate is the one its path carries, unless that is a
 *       placeholder of a lost build version ({@code 0.0.0}, {@code 0+unknown}, {@code 0},
 *       {@code None}) or a Maven alias directory ({@code debian}, {@code 2.x}); then it is
 *       converted from the Debian version ({@link UpstreamVersions}).
 *   <li>A URL, VCS or path dependency, a Maven requirement that could not be worked out, or a
 *       requirement that does not parse: {@link CheckResult.Status#UNKNOWN}, with the best
 *       candidate shown.
 *   <li>Of the candidates that satisfy the requirement (any, when none is requested), the one with
 *       the highest version: {@link CheckResult.Status#AVAILABLE}; the reason names the others.
 *   <li>None satisfies: {@link CheckResult.Status#TOO_OLD}, naming what Debian has; except a Maven
 *       <em>soft</em> requirement (a bare version): Maven's nearest-wins mediation may pick any
 *       other version, so Debian's is {@link CheckResult.Status#AVAILABLE} with a note in the
 *       reason, as {@code docs/ecosystem-mapping.md} asks ("report, don't fail").
 * </ol>
 *
 * <p>Immutable and thread-safe when the index is (it is read only).
 */
public final class DependencyCheck {

    /** Versions a Python build writes when it lost the real one: not a version to compare. */
    private static final Set<String> PLACEHOLDER_VERSIONS = Set.of("0.0.0", "0+unknown", "0", "None");
    private static final Pattern NUMERIC = Pattern.compile("[0-9]+(\\.[0-9]+)*");
    private static final Aliases ALIASES = Aliases.shipped();

    private final ContentsMapping mapping;
    private final PackageIndex index;
    private final String suite;

    /**
     * A check against one suite.
     *
     * @param mapping the suite's Contents mapping
     * @param index   an index holding the suite's packages (others are ignored)
     * @param suite   the suite or codename, as {@link org.debindex.core.index.PackageOrigin#isSuite}
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code suite} is empty
     */
    public DependencyCheck(ContentsMapping mapping, PackageIndex index, String suite) {
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.index = Objects.requireNonNull(index, "index");
        this.suite = Objects.requireNonNull(suite, "suite");
        if (suite.isEmpty()) {
            throw new IllegalArgumentException("suite must not be empty");
        }
    }

    /**
     * Whether a dependency is needed when the project runs: runtime, and not optional (Maven
     * {@code <optional>}, npm {@code optionalDependencies}, Python extras).
     *
     * @throws NullPointerException if {@code dependency} is null
     */
    public static boolean isRequiredAtRuntime(DeclaredDependency dependency) {
        return dependency.runtime()
                && scopeTokens(dependency).stream().noneMatch(t -> t.equals("optional") || t.startsWith("optional:"));
    }

    /**
     * Checks one dependency whose requirement is known.
     *
     * @throws IndexFormatException if the index is corrupt where this reads
     * @throws NullPointerException if {@code dependency} is null
     */
    public CheckResult check(DeclaredDependency dependency) throws IndexFormatException {
        return check(dependency, Optional.empty());
    }

    /**
     * Checks one dependency.
     *
     * @param dependency the dependency
     * @param unresolved why its requirement is not known (a Maven property or managed version
     *                   outside the tree), when it is not
     * @throws IndexFormatException if the index is corrupt where this reads
     * @throws NullPointerException if an argument is null
     */
    public CheckResult check(DeclaredDependency dependency, Optional<String> unresolved) throws IndexFormatException {
        Objects.requireNonNull(dependency, "dependency");
        Objects.requireNonNull(unresolved, "unresolved");
        // Debian's PHP paths follow a package's namespaces, never its name: without them (no lock
        // file, or the interpreter and its extensions) there is nothing to look up
        if (dependency.ecosystem() == Ecosystem.COMPOSER && dependency.mappingKeys().isEmpty()) {
            return result(dependency, CheckResult.Status.UNKNOWN, Optional.empty(),
                    scopeTokens(dependency).contains("platform")
                            ? "a PHP platform requirement (interpreter or extension), not a Composer package"
                            : "no composer.lock beside composer.json to learn its PSR-4 namespace");
        }
        List<Candidate> shipped = dependency.mappingKeys().isEmpty()
                ? mapping.candidates(dependency.ecosystem(), dependency.name())
                : dependency.mappingKeys().stream()
                        .flatMap(key -> mapping.candidates(dependency.ecosystem(), key).stream())
                        .distinct().toList();
        if (shipped.isEmpty()) {
            // the override table: a few libraries Debian ships under another name
            Optional<String> alias = ALIASES.debianName(dependency.ecosystem(), dependency.name());
            if (alias.isPresent() && !mapping.candidates(dependency.ecosystem(), alias.get()).isEmpty()) {
                CheckResult r = check(dependency, unresolved, mapping.candidates(dependency.ecosystem(), alias.get()));
                return new CheckResult(r.dependency(), r.status(), r.debianPackage(), r.debianVersion(),
                        r.upstreamVersion(), "Debian ships it as " + alias.get()
                                + (r.reason().isEmpty() ? "" : "; " + r.reason()));
            }
        }
        return check(dependency, unresolved, shipped);
    }

    private CheckResult check(DeclaredDependency dependency, Optional<String> unresolved, List<Candidate> shipped)
            throws IndexFormatException {
        if (dependency.ecosystem() == Ecosystem.PERL && scopeTokens(dependency).contains("platform")) {
            return result(dependency, CheckResult.Status.UNKNOWN, Optional.empty(),
                    "the Perl interpreter, not a module: compare it with Debian's perl package");
        }
        if (shipped.isEmpty()) {
            return result(dependency, CheckResult.Status.MISSING, Optional.empty(),
                    "no package of " + suite + " ships it");
        }
        List<Option> options = new ArrayList<>();
        for (Candidate c : shipped) {
            // a package that names its version in one path (3.17.0/) needs no fallback for its
            // alias path (debian/) as well
            if (!hasVersion(c) && shipped.stream().anyMatch(o -> o.packageName().equals(c.packageName()) && hasVersion(o))) {
                continue;
            }
            Optional<DebianVersion> newest = index.packages(c.packageName()).stream()
                    .filter(e -> e.origin().isSuite(suite))
                    .map(PackageEntry::version)
                    .max(Comparator.naturalOrder());
            if (newest.isPresent()) {
                String upstream = providedVersion(dependency, c.packageName(), newest.get())
                        .orElseGet(() -> upstream(dependency.ecosystem(), c, newest.get()));
                Option o = new Option(c.packageName(), newest.get(), upstream);
                if (!options.contains(o)) {
                    options.add(o);
                }
            }
        }
        if (options.isEmpty()) {
            return result(dependency, CheckResult.Status.MISSING, Optional.empty(), "the Contents files name "
                    + shipped.stream().map(Candidate::packageName).distinct().collect(Collectors.joining(", "))
                    + ", but the index has no such package in " + suite);
        }
        // highest first, so that the first that satisfies is the best; dpkg order ranks
        // candidates only, the requirement is evaluated by the ecosystem's rules
        options.sort(Comparator.comparing(Option::upstreamOrder).thenComparing(Option::debianVersion).reversed());
        Option best = options.get(0);
        if (isUnfetchable(dependency)) {
            return result(dependency, CheckResult.Status.UNKNOWN, Optional.of(best),
                    "a URL, VCS or path dependency: no registry version to compare");
        }
        if (unresolved.isPresent()) {
            return result(dependency, CheckResult.Status.UNKNOWN, Optional.of(best), unresolved.get());
        }
        Optional<VersionRequirement> requirement;
        try {
            requirement = requirement(dependency);
        } catch (MalformedInputException | IllegalArgumentException e) {
            return result(dependency, CheckResult.Status.UNKNOWN, Optional.of(best),
                    "cannot parse the requirement: " + e.getMessage());
        }
        String others = options.size() < 2 ? "" : "; " + options.size() + " packages ship it: "
                + options.stream().map(o -> o.packageName() + " " + o.upstream()).collect(Collectors.joining(", "));
        Optional<String> lacking = Optional.empty();
        for (Option o : options) {
            if (requirement.isEmpty() || requirement.get().isSatisfiedBy(o.upstream())) {
                List<String> missing = missingFeatures(dependency, o);
                if (missing.isEmpty()) {
                    return result(dependency, CheckResult.Status.AVAILABLE, Optional.of(o),
                            others.isEmpty() ? "" : "the highest that satisfies" + others);
                }
                if (lacking.isEmpty()) {
                    lacking = Optional.of(o.packageName() + " " + o.upstream() + " lacks feature "
                            + String.join(", ", missing) + " (nothing in " + suite + " provides "
                            + CargoFeatures.debianNames(dependency.name(), missing.get(0), o.upstream())
                                    .get(3) + ")");
                }
            }
        }
        if (lacking.isPresent()) {
            // the version is there, the feature's code is not: it must be packaged
            return result(dependency, CheckResult.Status.MISSING, Optional.of(best), lacking.get() + others);
        }
        String has = "Debian has " + best.upstream() + " (" + best.packageName() + ")" + others;
        if (requirement.get().isSoft()) {
            return result(dependency, CheckResult.Status.AVAILABLE, Optional.of(best), "soft requirement "
                    + requirement.get().text() + " not met, Maven may pick another version; " + has);
        }
        return result(dependency, CheckResult.Status.TOO_OLD, Optional.of(best), has);
    }

    /** The ecosystem's requirement; empty when any version will do. */
    private static Optional<VersionRequirement> requirement(DeclaredDependency d) throws MalformedInputException {
        String text = d.requested().strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(switch (d.ecosystem()) {
            case MAVEN -> MavenRequirement.parse(text);
            case PYPI -> Pep440Requirement.parse(text);
            case NPM -> NpmRange.parse(text);
            case GO -> GoRequirement.parse(d.name(), text);
            case CARGO -> CargoRequirement.parse(text);
            case COMPOSER -> ComposerConstraint.parse(text);
            case PERL -> PerlRequirement.parse(text);
            case RUBYGEMS -> GemRequirement.parse(text);
            default -> throw new IllegalArgumentException("no version rules for " + d.ecosystem() + " yet");
        });
    }

    /** Scope tokens as the readers join them: {@code dev,url}, {@code url; marker:...}. */
    private static List<String> scopeTokens(DeclaredDependency d) {
        return d.scope().map(s -> List.of(s.split("[,;] ?"))).orElse(List.of());
    }

    /** Whether it names no registry version: a URL, VCS or path source, or a Go directory replace. */
    private static boolean isUnfetchable(DeclaredDependency d) {
        return scopeTokens(d).stream().anyMatch(t -> t.equals("url") || t.equals("path")
                || t.startsWith("replaced:") && d.requested().isBlank());
    }

    /**
     * The version of an npm module that a package bundles beside its main one, from the
     * package's versioned {@code Provides: node-NAME (= VERSION)} (pkg-js-tools writes one per
     * bundled module): the package's own version is its main module's, not this one's.
     */
    private Optional<String> providedVersion(DeclaredDependency d, String packageName, DebianVersion packageVersion)
            throws IndexFormatException {
        if (d.ecosystem() != Ecosystem.NPM) {
            return Optional.empty();
        }
        String virtual = npmDebianName(d.name());
        if (virtual.equals(packageName)) {
            return Optional.empty(); // the main module: the package version is its own
        }
        // a package listing one module twice is a packaging slip: the higher is what it ships now
        return index.providers(virtual).stream()
                .filter(p -> p.provider().name().equals(packageName) && p.provider().version().equals(packageVersion)
                        && p.provider().origin().isSuite(suite))
                .map(Provider::providedVersion).flatMap(Optional::stream)
                .max(Comparator.naturalOrder())
                .map(v -> semver(UpstreamVersions.of(v)));
    }

    /**
     * The Cargo features a candidate does not ship: debcargo gives each feature of each version a
     * virtual package ({@code librust-serde-1.0.217+derive-dev}), provided by the crate's package
     * or by a split feature package; the most specific name pins the version.
     */
    private List<String> missingFeatures(DeclaredDependency d, Option o) throws IndexFormatException {
        if (d.ecosystem() != Ecosystem.CARGO) {
            return List.of();
        }
        List<String> missing = new ArrayList<>();
        for (String feature : CargoTomlReader.features(d)) {
            List<String> names = CargoFeatures.debianNames(d.name(), feature, o.upstream());
            String exact = names.get(names.size() - 1);
            if (index.providers(exact).stream().noneMatch(p -> p.provider().origin().isSuite(suite))) {
                missing.add(feature);
            }
        }
        return missing;
    }

    /** pkg-js-tools' name for a module: {@code node-} and the name, a scope's {@code @} dropped and its {@code /} as {@code -}. */
    static String npmDebianName(String module) {
        String name = module.startsWith("@") ? module.substring(1).replace('/', '-') : module;
        return "node-" + name.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Whether the candidate's path gives a version to trust. */
    private static boolean hasVersion(Candidate c) {
        return c.versionFromPath().filter(v -> !PLACEHOLDER_VERSIONS.contains(v)).isPresent();
    }

    /** The upstream version of a candidate, in the ecosystem's syntax. */
    static String upstream(Ecosystem ecosystem, Candidate c, DebianVersion debian) {
        // a Maven alias directory (debian, 2.x) is never in versionFromPath: ContentsMapping keeps it apart
        if (hasVersion(c)) {
            return c.versionFromPath().get();
        }
        UpstreamVersion u = UpstreamVersions.of(debian);
        return switch (ecosystem) {
            case NPM -> semver(u);
            case CARGO -> semver(u);
            // a Go module version is semver with a leading v
            case GO -> "v" + semver(u);
            case MAVEN -> u.preRelease().map(tag -> u.base() + "-" + tag).orElse(u.base());
            default -> u.version();
        };
    }

    /** {@code 1.2} as {@code 1.2.0}, a pre-release tag after a hyphen, as semver requires. */
    private static String semver(UpstreamVersion u) {
        String base = u.base();
        if (NUMERIC.matcher(base).matches()) {
            int parts = base.split("\\.").length;
            base = base + ".0".repeat(Math.max(0, 3 - parts));
        }
        return base + u.preRelease().map(tag -> "-" + tag).orElse("");
    }

    private CheckResult result(DeclaredDependency d, CheckResult.Status status, Optional<Option> o, String reason) {
        return new CheckResult(d, status, o.map(Option::packageName), o.map(x -> x.debianVersion().toString()),
                o.map(Option::upstream), reason);
    }

    /** A package of the suite that ships the name, at its newest version there. */
    private record Option(String packageName, DebianVersion debianVersion, String upstream) {
        /** The upstream version in dpkg order, for ranking only; unparsable ones rank lowest. */
        DebianVersion upstreamOrder() {
            String v = upstream.startsWith("v") ? upstream.substring(1) : upstream; // Go's
            return DebianVersion.problemWith(v).isEmpty() ? DebianVersion.of(v) : DebianVersion.of("0");
        }
    }
}
