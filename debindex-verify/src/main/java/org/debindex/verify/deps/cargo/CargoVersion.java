package org.debindex.verify.deps.cargo;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.debindex.core.MalformedInputException;
import org.debindex.verify.deps.Semver;

/**
 * A semantic version as Cargo reads it: {@code MAJOR.MINOR.PATCH[-PRE][+BUILD]}, strictly (no
 * leading {@code v} or {@code =}, no leading zeros in numbers or numeric pre-release identifiers).
 * Ordered by Semantic Versioning 2.0.0 precedence: a pre-release is below its release, pre-release
 * identifiers compare numerically when both are numeric, numeric below alphanumeric, else by ASCII;
 * build metadata is kept but ignored by the ordering and by {@link #equals}.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param major      major version; the semver crate allows a u64, this a non-negative {@code long}
 * @param minor      minor version
 * @param patch      patch version
 * @param prerelease the dot-separated pre-release identifiers, empty for a release
 * @param build      the dot-separated build identifiers, empty for none
 * <p>Rules: Semantic Versioning 2.0.0, section 11; the semver crate's {@code Version}.
 */
public record CargoVersion(long major, long minor, long patch, List<String> prerelease, List<String> build)
        implements Comparable<CargoVersion> {

    /**
     * Validates and copies.
     *
     * @throws NullPointerException if a list or identifier is null
     * @throws IllegalArgumentException if a number is negative or an identifier invalid
     */
    public CargoVersion {
        prerelease = List.copyOf(prerelease);
        build = List.copyOf(build);
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("version numbers must not be negative: " + major + "." + minor + "." + patch);
        }
        for (String id : prerelease) {
            if (!isIdentifier(id) || hasLeadingZero(id)) {
                throw new IllegalArgumentException("invalid pre-release identifier: " + id);
            }
        }
        for (String id : build) {
            if (!isIdentifier(id)) {
                throw new IllegalArgumentException("invalid build identifier: " + id);
            }
        }
    }

    /**
     * Parses a full version, strictly.
     *
     * @throws MalformedInputException if {@code text} is not a version; the message says what was
     *     expected
     * @throws NullPointerException if {@code text} is null
     */
    public static CargoVersion parse(String text) throws MalformedInputException {
        Objects.requireNonNull(text, "text");
        try {
            return parseCore(text);
        } catch (MalformedInputException e) {
            throw invalid(text, e.problem());
        }
    }

    /** {@link #parse} with a message that says only what is wrong. */
    private static CargoVersion parseCore(String text) throws MalformedInputException {
        int plus = text.indexOf('+');
        String rest = plus < 0 ? text : text.substring(0, plus);
        int dash = rest.indexOf('-');
        String[] core = (dash < 0 ? rest : rest.substring(0, dash)).split("\\.", -1);
        if (core.length != 3) {
            throw MalformedInputException.ofValue("expected MAJOR.MINOR.PATCH");
        }
        return new CargoVersion(number(core[0]), number(core[1]), number(core[2]),
                identifiers(dash < 0 ? null : rest.substring(dash + 1), true),
                identifiers(plus < 0 ? null : text.substring(plus + 1), false));
    }

    /**
     * Parses a version that may have fewer than three numbers, padding with {@code .0}: Debian's
     * upstream versions are often {@code 1.2}, which a crate of that version would write
     * {@code 1.2.0}. Anything else is as strict as {@link #parse}.
     *
     * @throws MalformedInputException if {@code text} is not a version even when padded
     * @throws NullPointerException if {@code text} is null
     */
    public static CargoVersion parsePadded(String text) throws MalformedInputException {
        Objects.requireNonNull(text, "text");
        int end = 0;
        while (end < text.length() && text.charAt(end) != '-' && text.charAt(end) != '+') {
            end++;
        }
        String core = text.substring(0, end);
        int dots = (int) core.chars().filter(c -> c == '.').count();
        if (!core.isEmpty() && dots < 2) {
            try {
                return parseCore(core + ".0".repeat(2 - dots) + text.substring(end));
            } catch (MalformedInputException e) {
                throw invalid(text, e.problem());
            }
        }
        return parse(text);
    }

    /**
     * A non-negative decimal without leading zeros that fits a {@code long}; the exception's
     * message says only what is wrong, for the caller to place.
     */
    static long number(String n) throws MalformedInputException {
        if (!isNumeric(n) || hasLeadingZero(n)) {
            throw MalformedInputException.ofValue("expected a number without leading zeros, got "
                    + MalformedInputException.quote(n));
        }
        if (n.length() > 19 || (n.length() == 19 && n.compareTo(Long.toString(Long.MAX_VALUE)) > 0)) {
            throw MalformedInputException.ofValue("number " + MalformedInputException.quote(n) + " is larger than "
                    + Long.MAX_VALUE);
        }
        return Long.parseLong(n);
    }

    /** Splits dotted identifiers of {@code [0-9A-Za-z-]}; {@code null} is none. Messages as {@link #number}. */
    static List<String> identifiers(String dotted, boolean prerelease) throws MalformedInputException {
        if (dotted == null) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (String id : dotted.split("\\.", -1)) {
            if (!isIdentifier(id)) {
                throw MalformedInputException.ofValue("expected " + (prerelease ? "pre-release" : "build")
                        + " identifiers of [0-9A-Za-z-] separated by dots, got " + MalformedInputException.quote(dotted));
            }
            if (prerelease && hasLeadingZero(id)) {
                throw MalformedInputException.ofValue("numeric pre-release identifier " + MalformedInputException.quote(id)
                        + " has a leading zero");
            }
            ids.add(id);
        }
        return List.copyOf(ids);
    }

    private static MalformedInputException invalid(String text, String why) {
        return MalformedInputException.ofValue("invalid Cargo version " + MalformedInputException.quote(text) + ": " + why);
    }

    static boolean isIdentifier(String id) {
        Objects.requireNonNull(id, "identifier");
        if (id.isEmpty()) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    static boolean isNumeric(String id) {
        return Semver.isNumeric(id);
    }

    private static boolean hasLeadingZero(String id) {
        return isNumeric(id) && id.length() > 1 && id.charAt(0) == '0';
    }

    /** Whether this is a pre-release. */
    public boolean isPrerelease() {
        return !prerelease.isEmpty();
    }

    /** Semantic Versioning 2.0.0 precedence; build metadata does not count. */
    @Override
    public int compareTo(CargoVersion o) {
        int c = Long.compare(major, o.major);
        c = c != 0 ? c : Long.compare(minor, o.minor);
        c = c != 0 ? c : Long.compare(patch, o.patch);
        return c != 0 ? c : comparePrerelease(prerelease, o.prerelease);
    }

    /** Pre-release order of the semver crate's {@code Prerelease}: none is the highest. */
    static int comparePrerelease(List<String> a, List<String> b) {
        return Semver.comparePrerelease(a, b);
    }

    /** Equal by precedence: build metadata is ignored. */
    @Override
    public boolean equals(Object o) {
        return o instanceof CargoVersion v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(major, minor, patch, prerelease);
    }

    /** {@code MAJOR.MINOR.PATCH[-PRE][+BUILD]}, as written. */
    @Override
    public String toString() {
        String s = major + "." + minor + "." + patch;
        s = prerelease.isEmpty() ? s : s + "-" + String.join(".", prerelease);
        return build.isEmpty() ? s : s + "+" + String.join(".", build);
    }
}
