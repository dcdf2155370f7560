package org.debindex.core.index;

import java.util.Objects;

/**
 * Where a package list comes from: the suite, codename and component of the Release that lists
 * it, and the architecture of its {@code binary-<arch>} directory.
 *
 * <p>For a {@code Translation} or {@code Sources} file the architecture is empty. Any part may be empty when the
 * Release does not say (a flat repository has no components).
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param suite        the Release's {@code Suite}, such as {@code stable}
 * @param codename     the Release's {@code Codename}, such as {@code trixie}
 * @param component    the component, such as {@code main}
 * @param architecture the architecture of the Packages file, such as {@code amd64}; empty for a
 *                     Translation or Sources file
 */
public record PackageOrigin(String suite, String codename, String component, String architecture) {

    /** Longest accepted part, in UTF-8 bytes: parts are stored with a 16-bit length. */
    public static final int MAX_PART_BYTES = 1024;

    /**
     * Checks the parts.
     *
     * @throws NullPointerException if a part is null
     * @throws IllegalArgumentException if a part is longer than {@value #MAX_PART_BYTES} bytes or
     *     contains a control character
     */
    public PackageOrigin {
        check("suite", suite);
        check("codename", codename);
        check("component", component);
        check("architecture", architecture);
    }

    /**
     * Whether {@code name} is this origin's suite or codename, as apt's {@code -t} and
     * {@code /suite} accept either.
     *
     * @throws NullPointerException if {@code name} is null
     */
    public boolean isSuite(String name) {
        Objects.requireNonNull(name, "name");
        return !name.isEmpty() && (name.equals(suite) || name.equals(codename));
    }

    // Written out rather than generated: see InputIdentity#equals.

    @Override
    public boolean equals(Object o) {
        return o instanceof PackageOrigin other
                && suite.equals(other.suite)
                && codename.equals(other.codename)
                && component.equals(other.component)
                && architecture.equals(other.architecture);
    }

    @Override
    public int hashCode() {
        return Objects.hash(suite, codename, component, architecture);
    }

    static void check(String what, String value) {
        Objects.requireNonNull(value, what);
        if (value.length() > MAX_PART_BYTES / 4 && value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                > MAX_PART_BYTES) {
            throw new IllegalArgumentException(what + " is longer than " + MAX_PART_BYTES + " bytes: "
                    + value.length() + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < 0x20 || value.charAt(i) == 0x7f) {
                throw new IllegalArgumentException(what + " contains a control character: \"" + value + "\"");
            }
        }
    }
}
