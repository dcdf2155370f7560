package org.debindex.verify.deps;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One dependency as a manifest declares it, before any mapping to Debian.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param ecosystem the ecosystem whose rules name and version it
 * @param name      the name as the ecosystem knows it: {@code groupId:artifactId} for Maven, the
 *                  distribution name as written for PyPI, the module path for Go, ...
 * @param requested the version requirement as written (after property substitution, for Maven);
 *                  empty when any version will do
 * @param scope     the ecosystem's scope or group, such as {@code test}, {@code dev},
 *                  {@code optional:docs}; empty for the default (runtime) one
 * @param runtime   whether the dependency is needed at run time (not test, dev or build only)
 * @param manifest  the manifest file it comes from, as given
 * @param line      the 1-based line it is declared on, 0 when unknown
 * @param mappingKeys the names to look it up by in Debian's files when they are not {@code name}
 *                  (a Composer package's PSR-4 namespaces, which Debian's PHP paths follow);
 *                  empty for most ecosystems
 */
public record DeclaredDependency(Ecosystem ecosystem, String name, String requested, Optional<String> scope,
                                 boolean runtime, String manifest, int line, List<String> mappingKeys) {

    /**
     * A dependency looked up by its name.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code name} is empty or {@code line} is negative
     */
    public DeclaredDependency(Ecosystem ecosystem, String name, String requested, Optional<String> scope,
                              boolean runtime, String manifest, int line) {
        this(ecosystem, name, requested, scope, runtime, manifest, line, List.of());
    }

    /**
     * Validates.
     *
     * @throws NullPointerException if a component or a mapping key is null
     * @throws IllegalArgumentException if {@code name} is empty or {@code line} is negative
     */
    public DeclaredDependency {
        Objects.requireNonNull(ecosystem, "ecosystem");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(manifest, "manifest");
        mappingKeys = List.copyOf(mappingKeys);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("name must not be empty");
        }
        if (line < 0) {
            throw new IllegalArgumentException("line must not be negative: " + line);
        }
    }
}
