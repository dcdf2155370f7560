package org.debindex.core.deb822;

import java.util.Arrays;
import java.util.Objects;

/**
 * A field name prepared for fast, case-insensitive lookup in a {@link Paragraph}.
 *
 * <p>Field names are case-insensitive (Debian Policy §5.1), so {@code FieldName.of("Package")}
 * finds {@code package:} too. Make the names a hot path looks up once, as constants.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class FieldName {

    private final String name;
    private final byte[] lower;

    private FieldName(String name, byte[] lower) {
        this.name = name;
        this.lower = lower;
    }

    /**
     * Prepares a field name.
     *
     * @throws IllegalArgumentException if {@code name} is not a valid field name (empty, or a
     *     character outside US-ASCII 0x21–0x7E, a colon, or a leading {@code #} or {@code -})
     * @throws NullPointerException if {@code name} is null
     */
    public static FieldName of(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.charAt(0) == '#' || name.charAt(0) == '-') {
            throw new IllegalArgumentException("invalid field name: \"" + name + "\"");
        }
        byte[] lower = new byte[name.length()];
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x21 || c > 0x7e || c == ':') {
                throw new IllegalArgumentException("invalid field name: \"" + name + "\"");
            }
            lower[i] = Fields.lower((byte) c);
        }
        return new FieldName(name, lower);
    }

    /** The name as given. */
    public String name() {
        return name;
    }

    /** Whether {@code data[from, to)} spells this name, ignoring ASCII case. */
    boolean matches(byte[] data, int from, int to) {
        if (to - from != lower.length) {
            return false;
        }
        for (int i = 0; i < lower.length; i++) {
            if (Fields.lower(data[from + i]) != lower[i]) {
                return false;
            }
        }
        return true;
    }

    /** Equal when the names are equal ignoring ASCII case. */
    @Override
    public boolean equals(Object o) {
        return o instanceof FieldName other && Arrays.equals(lower, other.lower);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(lower);
    }

    /** The name as given. */
    @Override
    public String toString() {
        return name;
    }
}
