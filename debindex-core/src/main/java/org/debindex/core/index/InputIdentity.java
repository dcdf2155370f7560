package org.debindex.core.index;

import java.util.Locale;
import java.util.Objects;

/**
 * Which verified file an index was built from, as the Release listed it: what a snapshot
 * records so that a caller can tell whether it is outdated by comparing
 * {@link PackageIndex#inputs()} with the identities of its current verified lists.
 *
 * <p>The identity is recorded, not checked: the caller verified the file against its Release
 * before building.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param kind        what the file is
 * @param origin      where it comes from
 * @param displayName the name users know it by, such as {@code trixie/main/binary-amd64/Packages.xz}
 * @param size        the size of the file as fetched (compressed), in bytes
 * @param sha256      its SHA-256 as the Release lists it, 64 lower-case hex digits; empty when unknown
 */
public record InputIdentity(IndexKind kind, PackageOrigin origin, String displayName, long size, String sha256) {

    /**
     * Checks the components; the digest is kept in lower case.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code size} is negative, {@code sha256} is neither
     *     empty nor 64 hex digits, or {@code displayName} is unusable (see {@link PackageOrigin})
     */
    public InputIdentity {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(origin, "origin");
        PackageOrigin.check("displayName", displayName);
        Objects.requireNonNull(sha256, "sha256");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
        sha256 = sha256.toLowerCase(Locale.ROOT);
        if (!sha256.isEmpty() && (sha256.length() != 64 || !isHex(sha256))) {
            throw new IllegalArgumentException("sha256 must be 64 hex digits or empty: \"" + sha256 + "\"");
        }
    }

    // equals and hashCode are written out because a record's generated ones are bootstrapped
    // through invokedynamic on first use, which spins method-handle classes that no class-data
    // archive keeps: about 30 ms of every query, which compares a snapshot's inputs with the cache's.

    @Override
    public boolean equals(Object o) {
        return o instanceof InputIdentity other
                && kind == other.kind
                && origin.equals(other.origin)
                && displayName.equals(other.displayName)
                && size == other.size
                && sha256.equals(other.sha256);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, origin, displayName, size, sha256);
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
