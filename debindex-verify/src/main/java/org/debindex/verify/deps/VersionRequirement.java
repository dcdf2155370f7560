package org.debindex.verify.deps;

/**
 * A version requirement of one ecosystem, parsed from the text a manifest gives: evaluated with
 * that ecosystem's own ordering and range rules, never Debian's (convert the Debian version to
 * the upstream one first).
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface VersionRequirement {

    /**
     * Whether an upstream version satisfies the requirement, by the ecosystem's rules.
     *
     * @param upstreamVersion a version in the ecosystem's syntax
     * @throws NullPointerException if {@code upstreamVersion} is null
     */
    boolean isSatisfiedBy(String upstreamVersion);

    /** The requirement as written. */
    String text();

    /**
     * Whether the requirement is only a preference (a Maven bare version, which the nearest
     * declaration overrides): an unsatisfied soft requirement is reported, not failed.
     */
    default boolean isSoft() {
        return false;
    }
}
