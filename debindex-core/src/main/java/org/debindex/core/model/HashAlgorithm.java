package org.debindex.core.model;

import java.util.Optional;

/**
 * The checksum kinds an archive lists, from the {@code Release} fields and {@code Packages}
 * fields of the same names.
 *
 * <p>Only SHA-256 and SHA-512 are strong enough to trust (apt stopped counting SHA-1 in 1.2.7
 * and never counted MD5); the weak ones are parsed so that a file listing only them can be
 * refused by name.
 */
public enum HashAlgorithm {
    /** MD5, field {@code MD5Sum}; never trusted. */
    MD5("MD5Sum", "MD5", 32, false),
    /** SHA-1, field {@code SHA1}; never trusted. */
    SHA1("SHA1", "SHA-1", 40, false),
    /** SHA-256, field {@code SHA256}. */
    SHA256("SHA256", "SHA-256", 64, true),
    /** SHA-512, field {@code SHA512}. */
    SHA512("SHA512", "SHA-512", 128, true);

    private final String releaseField;
    private final String javaName;
    private final int hexLength;
    private final boolean strong;

    HashAlgorithm(String releaseField, String javaName, int hexLength, boolean strong) {
        this.releaseField = releaseField;
        this.javaName = javaName;
        this.hexLength = hexLength;
        this.strong = strong;
    }

    /** The field name in a Release file ({@code MD5Sum}, {@code SHA1}, {@code SHA256}, {@code SHA512}). */
    public String releaseField() {
        return releaseField;
    }

    /** The name {@link java.security.MessageDigest#getInstance(String)} knows. */
    public String javaName() {
        return javaName;
    }

    /** The number of hex digits of a digest. */
    public int hexLength() {
        return hexLength;
    }

    /**
     * Whether {@code text} is a digest of this kind in lower-case hex, as the cache stores them.
     * A loop, not a regex: the cache's files are read at every query's start, where compiling a
     * pattern costs ms.
     *
     * @throws NullPointerException if {@code text} is null
     */
    public boolean isLowerHexDigest(String text) {
        if (text.length() != hexLength) {
            return false;
        }
        for (int i = 0; i < hexLength; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** Whether a digest of this kind may establish trust (SHA-256, SHA-512). */
    public boolean isStrong() {
        return strong;
    }

    /**
     * The algorithm whose Release field is {@code field}, ignoring ASCII case.
     *
     * @throws NullPointerException if {@code field} is null
     */
    public static Optional<HashAlgorithm> ofReleaseField(String field) {
        for (HashAlgorithm a : values()) {
            if (a.releaseField.equalsIgnoreCase(field)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
