package org.debindex.verify.deps.go;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.debindex.core.MalformedInputException;

/**
 * A Go module version: canonical semantic version with the {@code v} prefix,
 * {@code vMAJOR.MINOR.PATCH[-PRERELEASE][+incompatible]}, including pseudo-versions, which are
 * pre-releases and so order by plain semver precedence exactly as the go command orders them.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param major        major version
 * @param minor        minor version
 * @param patch        patch version
 * @param prerelease   dot-separated pre-release identifiers, empty for a release
 * @param incompatible whether the version carries {@code +incompatible} (a v2+ version of a
 *                     module without a go.mod or {@code /vN} path)
 * <p>Rules: the Go Modules Reference, sections "Versions" and "Pseudo-versions".
 */
public record GoVersion(long major, long minor, long patch, List<String> prerelease, boolean incompatible)
        implements Comparable<GoVersion> {

    /** module.pseudoVersionRE of Go's x/mod, build metadata already split off. */
    private static final Pattern PSEUDO = Pattern.compile(
            "^v[0-9]+\\.(0\\.0-|\\d+\\.\\d+-([^+]*\\.)?0\\.)(\\d{14})-([A-Za-z0-9]+)$");

    /**
     * Validates and copies.
     *
     * @throws NullPointerException if {@code prerelease} or an identifier is null
     * @throws IllegalArgumentException if a number is negative
     */
    public GoVersion {
        prerelease = List.copyOf(prerelease);
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("version numbers must not be negative: " + major + "." + minor + "." + patch);
        }
    }

    /**
     * Parses a canonical module version such as {@code v1.2.3}, {@code v2.0.0+incompatible} or
     * {@code v0.0.0-20210101120000-abcdef123456}.
     *
     * @throws MalformedInputException if {@code text} is no canonical module version (the
     *     shorthands {@code v1}, {@code v1.2} and build metadata other than {@code +incompatible}
     *     are refused, as go.mod does not keep them)
     * @throws NullPointerException if {@code text} is null
     */
    public static GoVersion parse(String text) throws MalformedInputException {
        if (!text.startsWith("v")) {
            throw invalid(text, "expected a \"v\" prefix");
        }
        String s = text.substring(1);
        boolean incompatible = false;
        int plus = s.indexOf('+');
        if (plus >= 0) {
            if (!s.substring(plus).equals("+incompatible")) {
                throw invalid(text, "build metadata other than \"+incompatible\"");
            }
            incompatible = true;
            s = s.substring(0, plus);
        }
        int dash = s.indexOf('-');
        String[] core = (dash < 0 ? s : s.substring(0, dash)).split("\\.", -1);
        if (core.length != 3) {
            throw invalid(text, "expected vMAJOR.MINOR.PATCH");
        }
        List<String> pre = new ArrayList<>();
        if (dash >= 0) {
            for (String id : s.substring(dash + 1).split("\\.", -1)) {
                if (!isIdentifier(id) || (isNumeric(id) && id.length() > 1 && id.charAt(0) == '0')) {
                    throw invalid(text, "invalid pre-release identifier " + MalformedInputException.quote(id));
                }
                pre.add(id);
            }
        }
        GoVersion v = new GoVersion(number(core[0], text), number(core[1], text), number(core[2], text), pre, incompatible);
        if (incompatible && v.major < 2) {
            throw invalid(text, "\"+incompatible\" on a major version below 2");
        }
        return v;
    }

    private static long number(String n, String text) throws MalformedInputException {
        if (!isNumeric(n) || (n.length() > 1 && n.charAt(0) == '0') || n.length() > 18) {
            throw invalid(text, "expected a number without leading zeros, got " + MalformedInputException.quote(n));
        }
        return Long.parseLong(n);
    }

    private static MalformedInputException invalid(String text, String why) {
        return MalformedInputException.ofValue("invalid Go module version " + MalformedInputException.quote(text) + ": " + why);
    }

    private static boolean isIdentifier(String id) {
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

    private static boolean isNumeric(String id) {
        if (id.isEmpty()) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            if (id.charAt(i) < '0' || id.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** The major version as Go writes it, {@code v0}, {@code v2}, ... */
    public String majorText() {
        return "v" + major;
    }

    /**
     * Whether this is a pseudo-version: {@code vX.0.0-yyyymmddhhmmss-hash} (no earlier tag),
     * {@code vX.Y.(Z+1)-0.yyyymmddhhmmss-hash} (after release vX.Y.Z) or
     * {@code vX.Y.Z-pre.0.yyyymmddhhmmss-hash} (after pre-release vX.Y.Z-pre).
     */
    public boolean isPseudo() {
        return pseudo().isPresent();
    }

    /** The UTC commit time of a pseudo-version, {@code yyyymmddhhmmss}. */
    public Optional<String> pseudoTime() {
        return pseudo().map(m -> m.group(3));
    }

    /** The abbreviated commit hash of a pseudo-version. */
    public Optional<String> pseudoRevision() {
        return pseudo().map(m -> m.group(4));
    }

    private Optional<Matcher> pseudo() {
        Matcher m = PSEUDO.matcher(core());
        return m.matches() ? Optional.of(m) : Optional.empty();
    }

    private String core() {
        String c = "v" + major + "." + minor + "." + patch;
        return prerelease.isEmpty() ? c : c + "-" + String.join(".", prerelease);
    }

    /**
     * Semantic Versioning 2.0.0 precedence, as semver.Compare of Go's x/mod:
     * {@code +incompatible} does not count.
     */
    @Override
    public int compareTo(GoVersion o) {
        int c = Long.compare(major, o.major);
        c = c != 0 ? c : Long.compare(minor, o.minor);
        c = c != 0 ? c : Long.compare(patch, o.patch);
        if (c != 0) {
            return c;
        }
        if (prerelease.isEmpty() || o.prerelease.isEmpty()) {
            return Boolean.compare(prerelease.isEmpty(), o.prerelease.isEmpty());
        }
        for (int i = 0; i < Math.min(prerelease.size(), o.prerelease.size()); i++) {
            String a = prerelease.get(i);
            String b = o.prerelease.get(i);
            boolean an = isNumeric(a);
            boolean bn = isNumeric(b);
            if (an && bn) {
                c = a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
            } else {
                c = an ? -1 : bn ? 1 : a.compareTo(b);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(prerelease.size(), o.prerelease.size());
    }

    /** The canonical text, {@code +incompatible} included. */
    @Override
    public String toString() {
        return incompatible ? core() + "+incompatible" : core();
    }
}
