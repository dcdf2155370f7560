package org.debindex.core.index;

import java.util.Objects;
import org.debindex.core.version.DebianVersion;

/**
 * One binary package of a {@link PackageIndex}: a stanza of one {@code Packages} file, in brief.
 *
 * <p>{@link #id()} is the package's position in the index that returned it, which
 * {@link PackageIndex#stanza(PackageEntry)} and the other per-package queries use; it means
 * nothing to another index.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param id           the position in its index, from 0
 * @param name         {@code Package}
 * @param version      {@code Version}
 * @param architecture {@code Architecture}, such as {@code amd64} or {@code all}
 * @param origin       the Packages file's suite, codename, component and architecture
 * @param summary      the synopsis: the first line of {@code Description}; empty when absent
 */
public record PackageEntry(int id, String name, DebianVersion version, String architecture, PackageOrigin origin,
                           String summary) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code id} is negative
     */
    public PackageEntry {
        if (id < 0) {
            throw new IllegalArgumentException("id must not be negative: " + id);
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(summary, "summary");
    }

    /** {@code name version architecture suite}, for messages. */
    @Override
    public String toString() {
        return name + " " + version + " " + architecture + " " + origin.codename();
    }
}
