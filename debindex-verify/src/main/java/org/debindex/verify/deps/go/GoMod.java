package org.debindex.verify.deps.go;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.debindex.verify.deps.DeclaredDependency;

/**
 * What a {@code go.mod} file says that a dependency check needs.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param module       the module path of the {@code module} directive, if there is one
 * @param goVersion    the language version of the {@code go} directive ({@code 1.21},
 *                     {@code 1.22.3}, {@code 1.23rc1}), if there is one
 * @param toolchain    the {@code toolchain} directive ({@code go1.22.3}), if there is one
 * @param requirements the {@code require}s with {@code replace}s applied, in file order
 * @param exclusions   the {@code exclude}d module versions, in file order; they are not
 *                     dependencies, and a requirement is kept as written even if excluded
 */
public record GoMod(Optional<String> module, Optional<String> goVersion, Optional<String> toolchain,
                    List<DeclaredDependency> requirements, List<Exclusion> exclusions) {

    /**
     * Copies.
     *
     * @throws NullPointerException if a component or element is null
     */
    public GoMod {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(goVersion, "goVersion");
        Objects.requireNonNull(toolchain, "toolchain");
        requirements = List.copyOf(requirements);
        exclusions = List.copyOf(exclusions);
    }

    /**
     * One {@code exclude}d module version.
     *
     * @param path    the module path
     * @param version the version that minimal version selection skips
     * @param line    the 1-based line of the directive
     */
    public record Exclusion(String path, String version, int line) {
        /** @throws NullPointerException if a component is null */
        public Exclusion {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(version, "version");
        }
    }
}
