package org.debindex.verify.deps.maven;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.debindex.verify.deps.DeclaredDependency;

/**
 * What {@link PomReader} found in one {@code pom.xml}: the dependencies, and for those whose
 * version (or name) it could not work out, why, so that a report can say so instead of guessing.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param dependencies the project dependencies, own then inherited, in declaration order
 * @param unresolved   the dependencies among them left with an empty or partly unknown requirement
 * @param project      the {@code groupId:artifactId} this POM itself builds (groupId inherited
 *                     from the parent when not its own); empty when the groupId is unknown
 */
public record PomManifest(List<DeclaredDependency> dependencies, List<Unresolved> unresolved,
                          Optional<String> project) {

    /**
     * Validates and copies.
     *
     * @throws NullPointerException if a list or an element is null
     */
    public PomManifest {
        dependencies = List.copyOf(dependencies);
        unresolved = List.copyOf(unresolved);
        Objects.requireNonNull(project, "project");
    }

    /**
     * A dependency whose requirement is not known, and why: {@code "managed version unknown: parent
     * org.example:base:1.0 is not in the tree"}, {@code "property \"lib.version\" is not defined"}.
     *
     * <p>Instances are immutable and thread-safe.
     *
     * @param dependency the dependency, as in {@link PomManifest#dependencies()}
     * @param reason     lower-case, no final period
     */
    public record Unresolved(DeclaredDependency dependency, String reason) {

        /**
         * Validates.
         *
         * @throws NullPointerException if a component is null
         */
        public Unresolved {
            Objects.requireNonNull(dependency, "dependency");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
