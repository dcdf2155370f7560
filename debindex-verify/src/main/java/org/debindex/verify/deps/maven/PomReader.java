package org.debindex.verify.deps.maven;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.debindex.core.MalformedInputException;
import org.debindex.verify.deps.DeclaredDependency;
import org.debindex.verify.deps.Ecosystem;
import org.debindex.verify.deps.ManifestReader;
import org.debindex.verify.deps.maven.Pom.Text;
import org.debindex.verify.deps.maven.PomResolution.Effective;
import org.debindex.verify.deps.maven.PomResolution.Managed;

/**
 * Reads the project dependencies of a Maven {@code pom.xml}: the {@code <dependencies>} of the
 * project and of its parents, with versions, scopes and optional flags from
 * {@code <dependencyManagement>} and {@code ${...}} properties substituted, as Maven's effective
 * POM has them.
 *
 * <p>Only what the tree holds is read; nothing is fetched. A parent is looked for at its
 * {@code <relativePath>} (default {@code ../pom.xml}, a directory meaning its {@code pom.xml}) and
 * used when its groupId, artifactId and version match; a BOM imported with {@code
 * <scope>import</scope>} is looked for among the modules of the topmost parent found. When one of
 * them is not in the tree, what it manages or defines is unknown: a dependency that needed it keeps
 * an empty requirement and is listed in {@link PomManifest#unresolved()} with the reason.
 *
 * <p>Not read: plugins and their dependencies (build tools, not what the project runs with),
 * extensions, and profiles (whether one is active depends on the build machine). Environment
 * variables and system properties are never substituted.
 *
 * <p>Scopes: {@code compile} (the default) and {@code runtime} are needed at run time; {@code test},
 * {@code provided} and {@code system} are not. {@link DeclaredDependency#scope()} is empty for
 * {@code compile} and otherwise the scope's name; an optional dependency adds {@code optional}:
 * {@code "optional"}, {@code "provided,optional"}.
 *
 * <p>The XML is read with DTDs and external entities disabled; a POM that declares a DTD is
 * refused as malformed, so no entity can make the reader open another file or the network.
 *
 * <p>Instances are immutable and thread-safe; each call reads the files afresh.
 */
public final class PomReader implements ManifestReader {

    private static final Set<String> RUNTIME_SCOPES = Set.of("compile", "runtime");
    private static final Set<String> BUILD_SCOPES = Set.of("test", "provided", "system");

    /** Creates a reader. */
    public PomReader() {
    }

    /**
     * Whether the file is named {@code pom.xml}.
     *
     * @throws NullPointerException if {@code file} is null
     */
    @Override
    public boolean accepts(Path file) {
        Objects.requireNonNull(file, "file");
        Path name = file.getFileName();
        return name != null && name.toString().equals("pom.xml");
    }

    /**
     * The project dependencies, own then inherited from parents in the tree, in declaration order.
     *
     * @throws MalformedInputException if the POM or a parent or BOM it uses is not well-formed XML,
     *     declares a DTD, misses a required element, has an unknown scope or a malformed version
     *     range, or its properties, parents or imports form a cycle
     * @throws IOException if a file cannot be read
     * @throws NullPointerException if {@code file} is null
     */
    @Override
    public List<DeclaredDependency> read(Path file) throws IOException, MalformedInputException {
        return readManifest(file).dependencies();
    }

    /**
     * As {@link #read}, with the reasons why some requirements are unknown.
     *
     * @throws MalformedInputException as {@link #read} does
     * @throws IOException if a file cannot be read
     * @throws NullPointerException if {@code file} is null
     */
    public PomManifest readManifest(Path file) throws IOException, MalformedInputException {
        Objects.requireNonNull(file, "file");
        Effective effective = new PomResolution().effective(file);
        Interpolation interpolation = effective.interpolation();
        List<DeclaredDependency> dependencies = new ArrayList<>();
        List<PomManifest.Unresolved> unresolved = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Pom pom : effective.chain()) {
            for (Pom.Dependency d : pom.dependencies()) {
                // a child's declaration replaces the one it inherits, as in Maven's merge
                if (seen.add(PomResolution.key(interpolation, d))) {
                    dependency(effective, d, dependencies, unresolved);
                }
            }
        }
        Pom own = effective.chain().get(0);
        return new PomManifest(dependencies, unresolved,
                own.effectiveGroupId().map(g -> g + ":" + own.artifactId()));
    }

    private static void dependency(Effective effective, Pom.Dependency d, List<DeclaredDependency> out,
                                   List<PomManifest.Unresolved> unresolved) throws MalformedInputException {
        Interpolation interpolation = effective.interpolation();
        List<String> undefined = new ArrayList<>();
        Interpolation.Result group = interpolation.resolve(d.groupId().value(), d.source(), d.groupId().line());
        Interpolation.Result artifact = interpolation.resolve(d.artifactId().value(), d.source(),
                d.artifactId().line());
        undefined.addAll(group.undefined());
        undefined.addAll(artifact.undefined());
        String name = group.value() + ":" + artifact.value();
        Optional<Managed> managed = Optional.ofNullable(effective.managed().get(PomResolution.key(interpolation, d)));

        Optional<Text> version = PomResolution.resolve(interpolation, d.version())
                .or(() -> managed.flatMap(Managed::version));
        Optional<Text> scopeText = PomResolution.resolve(interpolation, d.scope())
                .or(() -> managed.flatMap(Managed::scope));
        Optional<Text> optionalText = PomResolution.resolve(interpolation, d.optional())
                .or(() -> managed.flatMap(Managed::optional));

        String scope = scopeText.map(Text::value).orElse("compile");
        if (!RUNTIME_SCOPES.contains(scope) && !BUILD_SCOPES.contains(scope)) {
            Text t = scopeText.orElseThrow();
            throw new MalformedInputException(t.source(), t.line(), -1, "scope " + MalformedInputException.quote(scope)
                    + " of " + name + " is not a dependency scope; expected compile, runtime, test, provided or "
                    + "system" + (scope.equals("import") ? " (import belongs in <dependencyManagement>)" : ""));
        }
        String optionalValue = optionalText.map(Text::value).orElse("false");
        if (!optionalValue.equals("true") && !optionalValue.equals("false")) {
            Text t = optionalText.orElseThrow();
            throw new MalformedInputException(t.source(), t.line(), -1, "optional "
                    + MalformedInputException.quote(optionalValue) + " of " + name + "; expected true or false");
        }
        boolean optional = optionalValue.equals("true");
        String scopeName = scope.equals("compile") ? "" : scope;
        if (optional) {
            scopeName = scopeName.isEmpty() ? "optional" : scopeName + ",optional";
        }

        String requested = "";
        String reason = null;
        if (version.isPresent()) {
            Text v = version.get();
            // the value is substituted already: what still reads ${...} had no definition
            List<String> versionUndefined = interpolation.resolve(v.value(), v.source(), v.line()).undefined();
            if (!versionUndefined.isEmpty()) {
                undefined.addAll(versionUndefined);
            } else if (v.value().isEmpty()) {
                reason = "empty <version>";
            } else {
                try {
                    MavenRequirement.parse(v.value());
                } catch (IllegalArgumentException e) {
                    throw new MalformedInputException(v.source(), v.line(), -1, e.getMessage(), e);
                }
                requested = v.value();
            }
        } else {
            reason = "no version given and none managed in the tree";
        }
        if (!undefined.isEmpty()) {
            reason = (undefined.size() == 1 ? "property " : "properties ")
                    + String.join(", ", undefined.stream().distinct().map(MalformedInputException::quote).toList())
                    + (undefined.size() == 1 ? " is" : " are") + " not defined";
        }
        DeclaredDependency dependency = new DeclaredDependency(Ecosystem.MAVEN, name, requested,
                scopeName.isEmpty() ? Optional.empty() : Optional.of(scopeName), RUNTIME_SCOPES.contains(scope),
                d.source(), d.line());
        out.add(dependency);
        if (reason != null) {
            if (!effective.missing().isEmpty()) {
                reason += "; " + String.join("; ", effective.missing());
            }
            unresolved.add(new PomManifest.Unresolved(dependency, reason));
        }
    }
}
