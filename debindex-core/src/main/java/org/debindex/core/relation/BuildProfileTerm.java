package org.debindex.core.relation;

import java.util.Objects;
import java.util.Set;

/**
 * One term of a build-profile list: a profile name, possibly negated, such as {@code nocheck} or
 * {@code !stage1} (Debian Policy §7.1, deb-src-control(5), the BuildProfileSpec).
 *
 * <p>Immutable and thread-safe.
 *
 * @param isNegated whether the term is written with {@code !} and so holds when the profile is
 *     not active
 * @param profile the profile name without {@code !}: lower-case letters, digits and {@code + - .},
 *     starting with a letter or digit
 */
public record BuildProfileTerm(boolean isNegated, String profile) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if {@code profile} is null
     * @throws IllegalArgumentException if {@code profile} is not a valid profile name
     */
    public BuildProfileTerm {
        Objects.requireNonNull(profile, "profile");
        Tokens.check(Tokens.profileNameProblem(profile), "build profile", profile);
    }

    /**
     * Whether the term holds when exactly {@code activeProfiles} are active.
     *
     * @throws NullPointerException if {@code activeProfiles} is null
     */
    public boolean isSatisfiedBy(Set<String> activeProfiles) {
        return activeProfiles.contains(profile) != isNegated;
    }

    /** The term as written, {@code !nocheck}. */
    @Override
    public String toString() {
        return isNegated ? "!" + profile : profile;
    }
}
