package org.debindex.core.update;

import java.util.Objects;
import java.util.Optional;

/**
 * One index file an update wants from a suite, before a compression is chosen: its path as a
 * Release lists the uncompressed file, e.g. {@code main/binary-amd64/Packages}.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param kind         what the file holds
 * @param component    the component, e.g. {@code main}; empty for a flat repository
 * @param architecture the architecture for {@link IndexKind#PACKAGES} and {@link IndexKind#CONTENTS}
 * @param path         the uncompressed file's path relative to the Release's directory
 * @param required     whether its absence is a failure (Packages, Sources) rather than a note
 *                     (Translation, Contents: a partial mirror may lack them)
 */
public record IndexTarget(IndexKind kind, String component, Optional<String> architecture, String path,
                          boolean required) {

    /**
     * Validates.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code path} is empty
     */
    public IndexTarget {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(path, "path");
        if (path.isEmpty()) {
            throw new IllegalArgumentException("path must not be empty");
        }
    }
}
