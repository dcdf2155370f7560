package org.debindex.verify.deps.npm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.debindex.core.MalformedInputException;
import org.debindex.verify.deps.Semver;

/**
 * A semantic version as npm reads it (node-semver, Semantic Versioning 2.0.0): {@code
 * MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]}, with node-semver's loose leading {@code v} or {@code =}.
 * Build metadata is kept but ignored by the ordering and by {@link #equals}.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param major      major version, at most 2<sup>53</sup>-1 like node-semver
 * @param minor      minor version
 * @param patch      patch version
 * @param prerelease the dot-separated pre-release identifiers, empty for a release
 * @param build      the dot-separated build identifiers, empty for none
 * <p>Rules: Semantic Versioning 2.0.0.
 */
public record NpmVersion(long major, long minor, long patch, List<String> prerelease, List<String> build)
        implements Comparable<NpmVersion> {

    /** node-semver's Number.MAX_SAFE_INTEGER bound on each number. */
    static final long MAX_NUMBER = (1L << 53) - 1;

    /**
     * Validates and copies.
     *
     * @throws NullPointerException if a list or identifier is null
     * @throws IllegalArgumentException if a number is negative or too large, or an identifier invalid
     */
    public NpmVersion {
        prerelease = List.copyOf(prerelease);
        build = List.copyOf(build);
        for (long n : new long[] {major, minor, patch}) {
            if (n < 0 || n > MAX_NUMBER) {
                throw new IllegalArgumentException("version number out of range: " + n);
            }
        }
        for (String id : prerelease) {
            if (!isIdentifier(id) || (isNumeric(id) && id.length() > 1 && id.charAt(0) == '0')) {
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
     * Parses a full version.
     *
     * @throws MalformedInputException if {@code text} is not a version
     * @throws NullPointerException if {@code text} is null
     */
    public static NpmVersion parse(String text) throws MalformedInputException {
        String s = stripLoosePrefix(text.strip());
        int plus = s.indexOf('+');
        String build = plus < 0 ? null : s.substring(plus + 1);
        String rest = plus < 0 ? s : s.substring(0, plus);
        int dash = rest.indexOf('-');
        String pre = dash < 0 ? null : rest.substring(dash + 1);
        String[] core = (dash < 0 ? rest : rest.substring(0, dash)).split("\\.", -1);
        if (core.length != 3) {
            throw invalid(text, "expected MAJOR.MINOR.PATCH");
        }
        return new NpmVersion(number(core[0], text), number(core[1], text), number(core[2], text),
                identifiers(pre, true, text), identifiers(build, false, text));
    }

    /** Drops node-semver's loose prefixes: any run of {@code v}, {@code =} and spaces. */
    static String stripLoosePrefix(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == 'v' || s.charAt(i) == '=' || s.charAt(i) == ' ')) {
            i++;
        }
        return s.substring(i);
    }

    static long number(String n, String text) throws MalformedInputException {
        if (n.isEmpty() || !isNumeric(n) || (n.length() > 1 && n.charAt(0) == '0')) {
            throw invalid(text, "expected a number without leading zeros, got " + MalformedInputException.quote(n));
        }
        if (n.length() > 16 || Long.parseLong(n) > MAX_NUMBER) {
            throw invalid(text, "number " + n + " is larger than " + MAX_NUMBER);
        }
        return Long.parseLong(n);
    }

    /** Splits dotted identifiers; numeric pre-release identifiers must not have leading zeros. */
    static List<String> identifiers(String dotted, boolean prerelease, String text) throws MalformedInputException {
        if (dotted == null) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (String id : dotted.split("\\.", -1)) {
            if (!isIdentifier(id)) {
                throw invalid(text, "expected identifiers of [0-9A-Za-z-], got " + MalformedInputException.quote(dotted));
            }
            if (prerelease && isNumeric(id) && id.length() > 1 && id.charAt(0) == '0') {
                throw invalid(text, "numeric pre-release identifier " + MalformedInputException.quote(id)
                        + " has a leading zero");
            }
            ids.add(id);
        }
        return ids;
    }

    static MalformedInputException invalid(String text, String why) {
        return MalformedInputException.ofValue("invalid npm version " + MalformedInputException.quote(text) + ": " + why);
    }

    private static boolean isIdentifier(String id) {
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

    /** Whether this is a pre-release. */
    public boolean isPrerelease() {
        return !prerelease.isEmpty();
    }

    /** Whether major, minor and patch are the same as the other's. */
    public boolean hasSameTuple(NpmVersion other) {
        return major == other.major && minor == other.minor && patch == other.patch;
    }

    /** Semantic Versioning 2.0.0 section 11 precedence; build metadata does not count. */
    @Override
    public int compareTo(NpmVersion o) {
        int c = Long.compare(major, o.major);
        c = c != 0 ? c : Long.compare(minor, o.minor);
        c = c != 0 ? c : Long.compare(patch, o.patch);
        if (c != 0) {
            return c;
        }
        return Semver.comparePrerelease(prerelease, o.prerelease);
    }

    /** Numeric identifiers compare as numbers (no leading zeros, so by length first) and sort first. */
    static int compareIdentifiers(String a, String b) {
        return Semver.compareIdentifiers(a, b);
    }

    /** Equal by precedence: build metadata is ignored, as npm ignores it. */
    @Override
    public boolean equals(Object o) {
        return o instanceof NpmVersion v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(major, minor, patch, prerelease);
    }

    /** {@code MAJOR.MINOR.PATCH[-PRERELEASE]}, the form node-semver prints (without build). */
    @Override
    public String toString() {
        String core = major + "." + minor + "." + patch;
        return prerelease.isEmpty() ? core : core + "-" + String.join(".", prerelease);
    }
}
