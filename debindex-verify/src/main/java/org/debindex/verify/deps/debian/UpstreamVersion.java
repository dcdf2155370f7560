package org.debindex.verify.deps.debian;

import java.util.Objects;
import java.util.Optional;

/**
 * The upstream version a Debian version stands for, with what Debian's decorations said about it.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param base       the release version, without a pre-release tag: {@code 2.0} for {@code
 *                   2.0~rc1}; never empty
 * @param preRelease the pre-release tag Debian marked with {@code ~}, as written ({@code rc1},
 *                   {@code beta.1}); how to join it to the base is the ecosystem's business
 *                   ({@code 2.0rc1} for PyPI, {@code 2.0.0-rc.1} for semver)
 * @param snapshot   whether the package is a VCS or dated snapshot taken after (or instead of)
 *                   {@code base}, such as {@code 0.0~git20240927.0f3dac3}: comparable to an
 *                   upstream version only by its base
 * @param repacked   whether Debian repacked the upstream tarball ({@code +dfsg}, {@code +ds},
 *                   {@code +repack}): files may be missing, the version is the same
 */
public record UpstreamVersion(String base, Optional<String> preRelease, boolean snapshot, boolean repacked) {

    /**
     * Validates.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code base} or a present {@code preRelease} is empty
     */
    public UpstreamVersion {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(preRelease, "preRelease");
        if (base.isEmpty()) {
            throw new IllegalArgumentException("base must not be empty");
        }
        if (preRelease.isPresent() && preRelease.get().isEmpty()) {
            throw new IllegalArgumentException("preRelease must not be empty when present");
        }
    }

    /**
     * The base and the pre-release tag joined without a separator, as PEP 440 writes them:
     * {@code 2.0rc1}; the base alone when there is no tag.
     */
    public String version() {
        return preRelease.map(tag -> base + tag).orElse(base);
    }
}
