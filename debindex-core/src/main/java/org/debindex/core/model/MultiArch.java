package org.debindex.core.model;

import java.util.Locale;
import java.util.Optional;

/**
 * The {@code Multi-Arch} field of a binary package (Debian Policy §5.6.29; the MultiArch spec).
 */
public enum MultiArch {
    /** The default: not co-installable, satisfies only same-architecture dependencies. */
    NO,
    /** Co-installable with itself for other architectures. */
    SAME,
    /** Satisfies dependencies of packages of any architecture. */
    FOREIGN,
    /** Satisfies {@code pkg:any} dependencies. */
    ALLOWED;

    private final String value = name().toLowerCase(Locale.ROOT);

    /** The field value, lower-case. */
    public String value() {
        return value;
    }

    /**
     * The value named by {@code text}, ignoring ASCII case.
     *
     * @throws NullPointerException if {@code text} is null
     */
    public static Optional<MultiArch> ofValue(String text) {
        String wanted = text.strip();
        for (MultiArch m : values()) {
            if (m.value.equalsIgnoreCase(wanted)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
