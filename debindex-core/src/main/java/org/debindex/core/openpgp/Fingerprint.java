package org.debindex.core.openpgp;

import java.util.Locale;
import java.util.Objects;

/**
 * The fingerprint of an OpenPGP key or subkey, as upper-case hex: 40 digits for a version 4 key
 * (SHA-1, RFC 9580 §5.5.4.2), 64 for a version 6 key (SHA-256, §5.5.4.3), 32 for a legacy
 * version 3 key.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param hex the fingerprint, upper-case hex without spaces
 */
public record Fingerprint(String hex) {

    /**
     * Validates the fingerprint.
     *
     * @throws NullPointerException if {@code hex} is null
     * @throws IllegalArgumentException if it is not 32, 40 or 64 upper-case hex digits
     */
    public Fingerprint {
        Objects.requireNonNull(hex, "hex");
        if (!isHex(hex, true) || (hex.length() != 32 && hex.length() != 40 && hex.length() != 64)) {
            throw new IllegalArgumentException("fingerprint must be 32, 40 or 64 upper-case hex digits: \"" + hex + "\"");
        }
    }

    /**
     * Reads a fingerprint as users write it: either case, optional spaces between groups and an
     * optional {@code 0x} prefix.
     *
     * @throws NullPointerException if {@code text} is null
     * @throws IllegalArgumentException if what remains is not a fingerprint
     */
    public static Fingerprint parse(String text) {
        String compact = Objects.requireNonNull(text, "text").replace(" ", "");
        if (compact.startsWith("0x") || compact.startsWith("0X")) {
            compact = compact.substring(2);
        }
        if (!isHex(compact, false)) {
            throw new IllegalArgumentException("fingerprint must be hex digits: \"" + text + "\"");
        }
        return new Fingerprint(compact.toUpperCase(Locale.ROOT));
    }

    /**
     * The fingerprint of raw bytes as a key packet computes them.
     *
     * @throws NullPointerException if {@code bytes} is null
     * @throws IllegalArgumentException if the length is not 16, 20 or 32 bytes
     */
    public static Fingerprint of(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            out.append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                    .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
        }
        return new Fingerprint(out.toString());
    }

    /**
     * Whether the text could be a fingerprint: 32, 40 or 64 hex digits in either case.
     *
     * @throws NullPointerException if {@code text} is null
     */
    public static boolean looksLikeFingerprint(String text) {
        int n = text.length();
        return (n == 32 || n == 40 || n == 64) && isHex(text, false);
    }

    /** The last 16 hex digits, as tools print a version 4 key id (for version 6 keys the key id is the first 16). */
    public String shortForm() {
        return hex.substring(hex.length() - 16);
    }

    @Override
    public String toString() {
        return hex;
    }

    private static boolean isHex(String s, boolean upperOnly) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (!upperOnly && c >= 'a' && c <= 'f');
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
