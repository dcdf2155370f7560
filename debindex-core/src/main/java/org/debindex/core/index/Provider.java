package org.debindex.core.index;

import java.util.Objects;
import java.util.Optional;
import org.debindex.core.version.DebianVersion;

/**
 * A package that lists a (usually virtual) package name in its {@code Provides} field (Debian
 * Policy §7.5).
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param provider        the providing package
 * @param providedName    the name it provides
 * @param providedVersion the version of a versioned Provides, {@code name (= version)}; empty when
 *                        unversioned
 */
public record Provider(PackageEntry provider, String providedName, Optional<DebianVersion> providedVersion) {

    /** @throws NullPointerException if a component is null */
    public Provider {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(providedName, "providedName");
        Objects.requireNonNull(providedVersion, "providedVersion");
    }
}
