package org.debindex.verify.deps.debian;

import java.util.Objects;
import java.util.Optional;

/**
 * A binary package that ships an ecosystem name, with the version its file path states.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param packageName     the binary package name, without its section
 * @param versionFromPath the version the path carries (a Maven version directory, a Python
 *                        metadata directory, a crate's registry directory, a gemspec name), as
 *                        written, even when it is a placeholder such as {@code None}: the caller
 *                        decides whether to trust it; empty when the path has none (npm, Go) or
 *                        only an alias
 * @param versionAlias    a Maven version directory that is not a version: {@code debian} (the
 *                        directory maven-repo-helper rewrites dependencies to) or an API alias
 *                        such as {@code 2.x}; empty otherwise
 */
public record Candidate(String packageName, Optional<String> versionFromPath, Optional<String> versionAlias) {

    /**
     * Validates.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code packageName} is empty, or both a version and an
     *     alias are given
     */
    public Candidate {
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(versionFromPath, "versionFromPath");
        Objects.requireNonNull(versionAlias, "versionAlias");
        if (packageName.isEmpty()) {
            throw new IllegalArgumentException("packageName must not be empty");
        }
        if (versionFromPath.isPresent() && versionAlias.isPresent()) {
            throw new IllegalArgumentException("a candidate has a version or an alias, not both: "
                    + versionFromPath.get() + ", " + versionAlias.get());
        }
    }
}
