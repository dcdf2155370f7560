package org.debindex.core.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A file a Release lists, with its size and every digest listed for it.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param path    the path relative to the Release's directory, such as {@code main/binary-amd64/Packages.xz}
 * @param size    the size in bytes (the same in every checksum list, or the Release is refused)
 * @param digests the lower-case hex digest per algorithm
 */
public record IndexFileEntry(String path, long size, Map<HashAlgorithm, String> digests) {

    /**
     * @throws IllegalArgumentException if the path is empty, the size negative or there are no digests
     * @throws NullPointerException if an argument is null
     */
    public IndexFileEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(digests, "digests");
        if (path.isEmpty()) {
            throw new IllegalArgumentException("path must not be empty");
        }
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
        if (digests.isEmpty()) {
            throw new IllegalArgumentException("no digest for " + path);
        }
        digests = Collections.unmodifiableMap(new EnumMap<>(digests));
    }

    /** The digest of one algorithm, if listed. @throws NullPointerException if {@code algorithm} is null */
    public Optional<String> digest(HashAlgorithm algorithm) {
        return Optional.ofNullable(digests.get(Objects.requireNonNull(algorithm, "algorithm")));
    }

    /** The strongest trusted algorithm listed (SHA-512, else SHA-256), if any. */
    public Optional<HashAlgorithm> strongestAlgorithm() {
        if (digests.containsKey(HashAlgorithm.SHA512)) {
            return Optional.of(HashAlgorithm.SHA512);
        }
        if (digests.containsKey(HashAlgorithm.SHA256)) {
            return Optional.of(HashAlgorithm.SHA256);
        }
        return Optional.empty();
    }

    /** Whether a trusted digest (SHA-256 or SHA-512) is listed; MD5 and SHA-1 alone never suffice. */
    public boolean hasStrongDigest() {
        return strongestAlgorithm().isPresent();
    }
}
