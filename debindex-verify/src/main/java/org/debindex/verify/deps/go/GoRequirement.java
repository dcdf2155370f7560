package org.debindex.verify.deps.go;

import java.util.Objects;
import org.debindex.core.MalformedInputException;
import org.debindex.verify.deps.VersionRequirement;

/**
 * A go.mod {@code require}: a minimum, as minimal version selection reads it. Any version at or
 * above the minimum satisfies it as long as it is a version of the same module path, whose major
 * version comes from the path: no suffix allows v0 and v1 (and v2+ only as {@code +incompatible}),
 * {@code /vN} allows vN, {@code gopkg.in/name.vN} allows vN.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * <p>Rules: the Go Modules Reference, sections "Minimal version selection" and "Major version
 * suffixes".
 */
public final class GoRequirement implements VersionRequirement {

    private final String modulePath;
    private final String pathMajor;
    private final GoVersion minimum;
    private final String text;

    private GoRequirement(String modulePath, String pathMajor, GoVersion minimum, String text) {
        this.modulePath = modulePath;
        this.pathMajor = pathMajor;
        this.minimum = minimum;
        this.text = text;
    }

    /**
     * A requirement of {@code modulePath} at {@code minimum} or above.
     *
     * @throws MalformedInputException if the version is invalid, the path has an invalid major
     *     suffix ({@code /v0}, {@code /v1}, {@code /v02}) or the version does not belong to the
     *     path's major version
     * @throws NullPointerException if an argument is null
     */
    public static GoRequirement parse(String modulePath, String minimum) throws MalformedInputException {
        Objects.requireNonNull(modulePath, "modulePath");
        GoVersion min = GoVersion.parse(Objects.requireNonNull(minimum, "minimum"));
        String pathMajor = pathMajor(modulePath);
        if (!matchesPathMajor(min, pathMajor)) {
            throw MalformedInputException.ofValue("version " + MalformedInputException.quote(minimum)
                    + " does not belong to module " + MalformedInputException.quote(modulePath) + "; expected "
                    + expectedMajor(pathMajor));
        }
        return new GoRequirement(modulePath, pathMajor, min, minimum);
    }

    /**
     * The major-version part of a module path, as module.SplitPathVersion of Go's x/mod finds
     * it: {@code ""}, {@code "/v2"}, {@code ".v3"} (gopkg.in, {@code -unstable} dropped).
     */
    static String pathMajor(String path) throws MalformedInputException {
        if (path.startsWith("gopkg.in/")) {
            int dot = path.lastIndexOf(".v");
            String major = dot < 0 ? "" : path.substring(dot);
            if (major.endsWith("-unstable")) {
                major = major.substring(0, major.length() - "-unstable".length());
            }
            if (dot <= "gopkg.in/".length() || major.length() < 3 || !digits(major.substring(2))
                    || (major.length() > 3 && major.charAt(2) == '0')) {
                throw MalformedInputException.ofValue("invalid gopkg.in module path " + MalformedInputException.quote(path)
                        + "; expected gopkg.in/name.vN");
            }
            return major;
        }
        int i = path.length();
        boolean dot = false;
        while (i > 0 && (Character.isDigit(path.charAt(i - 1)) && path.charAt(i - 1) < 0x80 || path.charAt(i - 1) == '.')) {
            dot |= path.charAt(i - 1) == '.';
            i--;
        }
        if (i <= 1 || i == path.length() || path.charAt(i - 1) != 'v' || path.charAt(i - 2) != '/') {
            return "";
        }
        String major = path.substring(i - 2);
        if (dot || major.charAt(2) == '0' || major.equals("/v1")) {
            throw MalformedInputException.ofValue("invalid major version suffix " + MalformedInputException.quote(major)
                    + " in module path " + MalformedInputException.quote(path) + "; expected /v2 or above");
        }
        return major;
    }

    private static boolean digits(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** module.CheckPathMajor of Go's x/mod. */
    static boolean matchesPathMajor(GoVersion v, String pathMajor) {
        if (pathMajor.isEmpty()) {
            return v.major() <= 1 || v.incompatible();
        }
        if (pathMajor.equals(".v1") && v.major() == 0 && v.minor() == 0 && v.patch() == 0 && v.isPseudo()) {
            return true; // old pseudo-versions of gopkg.in .v1 modules were v0.0.0-...
        }
        return !v.incompatible() && pathMajor.substring(1).equals(v.majorText());
    }

    private static String expectedMajor(String pathMajor) {
        return pathMajor.isEmpty() ? "v0 or v1 (or vN+incompatible)" : pathMajor.substring(1);
    }

    /** The module path. */
    public String modulePath() {
        return modulePath;
    }

    /** The minimum version. */
    public GoVersion minimum() {
        return minimum;
    }

    /**
     * Whether a version of this module at or above the minimum; a text that is no canonical
     * module version (no {@code v}, for one) satisfies nothing.
     *
     * @throws NullPointerException if {@code upstreamVersion} is null
     */
    @Override
    public boolean isSatisfiedBy(String upstreamVersion) {
        Objects.requireNonNull(upstreamVersion, "upstreamVersion");
        GoVersion v;
        try {
            v = GoVersion.parse(upstreamVersion);
        } catch (MalformedInputException e) {
            return false;
        }
        return isSatisfiedBy(v);
    }

    /**
     * Whether a version of this module at or above the minimum.
     *
     * @throws NullPointerException if {@code version} is null
     */
    public boolean isSatisfiedBy(GoVersion version) {
        return matchesPathMajor(Objects.requireNonNull(version, "version"), pathMajor) && version.compareTo(minimum) >= 0;
    }

    @Override
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return modulePath + " " + text;
    }
}
