package org.debindex.verify.deps;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link DependencyCheck} found for one declared dependency.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param dependency      the dependency as declared
 * @param status          the verdict
 * @param debianPackage   the binary package chosen, when some package of the suite ships the name
 * @param debianVersion   its Debian version
 * @param upstreamVersion the upstream version it was compared as: from its file path when that
 *                        carries a plausible one, else converted from the Debian version
 * @param reason          why, for anything but a plain match; lower-case, no final period; empty
 *                        when there is nothing to say
 */
public record CheckResult(DeclaredDependency dependency, Status status, Optional<String> debianPackage,
                          Optional<String> debianVersion, Optional<String> upstreamVersion, String reason) {

    /** The verdicts of the design's {@code check} contract. */
    public enum Status {
        /** A package of the suite ships a version that satisfies the requirement. */
        AVAILABLE,
        /** Packages ship it, but no version of theirs satisfies the requirement. */
        TOO_OLD,
        /** No package of the suite ships it. */
        MISSING,
        /** It cannot be decided: the requirement is unknown or cannot be parsed, or not from a registry. */
        UNKNOWN
    }

    /**
     * Validates.
     *
     * @throws NullPointerException if a component is null
     */
    public CheckResult {
        Objects.requireNonNull(dependency, "dependency");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(debianPackage, "debianPackage");
        Objects.requireNonNull(debianVersion, "debianVersion");
        Objects.requireNonNull(upstreamVersion, "upstreamVersion");
        Objects.requireNonNull(reason, "reason");
    }
}
