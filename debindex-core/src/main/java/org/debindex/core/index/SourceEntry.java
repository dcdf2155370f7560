package org.debindex.core.index;

import java.util.Objects;
import org.debindex.core.version.DebianVersion;

/**
 * One source package of a {@link PackageIndex}: a stanza of one {@code Sources} file, in brief.
 *
 * <p>{@link #id()} is the source package's position in the index that returned it, which
 * {@link PackageIndex#sourceStanza(SourceEntry)} and the other per-source queries use; it means
 * nothing to another index, and it is not a {@link PackageEntry#id()}.
 *
 * <p>Not to be confused with {@link org.debindex.core.source.SourceEntry}, a line of apt's
 * sources list.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param id      the position among the index's source packages, from 0
 * @param name    the source package name ({@code Package}, or {@code Source} where there is no {@code Package})
 * @param version {@code Version}
 * @param origin  the Sources file's suite, codename and component; its architecture is empty
 */
public record SourceEntry(int id, String name, DebianVersion version, PackageOrigin origin) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code id} is negative
     */
    public SourceEntry {
        if (id < 0) {
            throw new IllegalArgumentException("id must not be negative: " + id);
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(origin, "origin");
    }

    /** {@code name version suite}, for messages. */
    @Override
    public String toString() {
        return name + " " + version + " " + origin.codename();
    }
}
