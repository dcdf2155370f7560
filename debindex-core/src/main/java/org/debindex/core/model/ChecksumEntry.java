package org.debindex.core.model;

import java.util.Objects;

/**
 * One line of a checksum list: a file's path, size and digest, as in a Release file's
 * {@code SHA256} field or a Sources stanza's {@code Checksums-Sha256}.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param path   the path, relative to the Release's directory (or the file name in Sources)
 * @param size   the size in bytes
 * @param digest the digest in lower-case hex
 */
public record ChecksumEntry(String path, long size, String digest) {

    /**
     * @throws IllegalArgumentException if the path is empty, the size negative, or the digest not
     *     lower-case hex
     * @throws NullPointerException if an argument is null
     */
    public ChecksumEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(digest, "digest");
        if (path.isEmpty()) {
            throw new IllegalArgumentException("path must not be empty");
        }
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
        if (digest.isEmpty() || !isLowerHex(digest)) {
            throw new IllegalArgumentException("digest must be lower-case hex: \"" + digest + "\"");
        }
    }

    static boolean isLowerHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }
}
