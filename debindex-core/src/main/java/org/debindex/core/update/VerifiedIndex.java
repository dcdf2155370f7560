package org.debindex.core.update;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.debindex.core.model.HashAlgorithm;

/**
 * One index file in the cache's {@code lists/} that was verified against a Release: what the
 * index builder reads.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param repository       the repository suite, {@code BASE-URI SUITE}
 * @param baseUri          the repository's base URI
 * @param suite            the suite as configured
 * @param releaseSuite     the Release's {@code Suite}, such as {@code stable}, if it has one
 * @param codename         the Release's {@code Codename}, if it has one
 * @param releaseDate      the Release's {@code Date}, if the manifest recorded it
 * @param component        the component; empty for a flat repository
 * @param architecture     the architecture, for Packages and Contents
 * @param kind             what the file holds
 * @param listedPath       the path the Release lists it at, with its compression suffix
 * @param file             where it is in {@code lists/}
 * @param size             its listed (and verified) size
 * @param sha256           its SHA-256, lower-case hex
 * @param uncompressedSize the size the Release lists for the decompressed content, if listed
 */
public record VerifiedIndex(String repository, URI baseUri, String suite, Optional<String> releaseSuite,
                            Optional<String> codename, Optional<Instant> releaseDate,
                            String component, Optional<String> architecture, IndexKind kind, String listedPath,
                            Path file, long size, String sha256, Optional<Long> uncompressedSize) {

    /**
     * Validates.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code size} is negative or {@code sha256} is not 64
     *     lower-case hex digits
     */
    public VerifiedIndex {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(releaseSuite, "releaseSuite");
        Objects.requireNonNull(codename, "codename");
        Objects.requireNonNull(releaseDate, "releaseDate");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(listedPath, "listedPath");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(uncompressedSize, "uncompressedSize");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
        if (!HashAlgorithm.SHA256.isLowerHexDigest(sha256)) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits: " + sha256);
        }
    }
}
