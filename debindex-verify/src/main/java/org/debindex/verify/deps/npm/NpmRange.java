package org.debindex.verify.deps.npm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.debindex.core.MalformedInputException;
import org.debindex.verify.deps.VersionRequirement;

/**
 * An npm version range with node-semver's semantics: {@code ||} between sets, whitespace as AND
 * within a set, comparators {@code < <= > >= =}, x-ranges ({@code 1.x}, {@code 1.2.*}, {@code *},
 * the empty range, partial versions), hyphen ranges, tilde ({@code ~}, {@code ~>}) and caret (with
 * its 0.x rules) ranges, all desugared into primitive comparators exactly as node-semver does.
 *
 * <p>A pre-release version satisfies a set only if some comparator of that set names a pre-release
 * of the same {@code [major, minor, patch]} tuple (node-semver without {@code includePrerelease}).
 *
 * <p>Instances are immutable and thread-safe.
 *
 * <p>Rules: node-semver's README, section "Ranges".
 */
public final class NpmRange implements VersionRequirement {

    /** One primitive comparison. */
    record Comparator(String op, NpmVersion version) {
        boolean test(NpmVersion v) {
            int c = v.compareTo(version);
            return switch (op) {
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                default -> c == 0;
            };
        }

        @Override
        public String toString() {
            return op + version;
        }
    }

    private static final Pattern HYPHEN = Pattern.compile("^(\\S+)\\s+-\\s+(\\S+)$");
    /** Nothing is below 0.0.0-0: node-semver's way of writing an empty set. */
    private static final Comparator NONE = new Comparator("<", new NpmVersion(0, 0, 0, List.of("0"), List.of()));

    private final String text;
    /** The sets joined by ||; an empty set allows any release. */
    private final List<List<Comparator>> sets;

    private NpmRange(String text, List<List<Comparator>> sets) {
        this.text = text;
        this.sets = sets;
    }

    /**
     * Parses a range as written in {@code package.json}.
     *
     * @throws MalformedInputException if the text is not a range; dist-tags such as {@code latest}
     *     are not ranges either
     * @throws NullPointerException if {@code text} is null
     */
    public static NpmRange parse(String text) throws MalformedInputException {
        List<List<Comparator>> sets = new ArrayList<>();
        for (String set : text.split("\\|\\|", -1)) {
            sets.add(List.copyOf(parseSet(set.strip(), text)));
        }
        return new NpmRange(text, List.copyOf(sets));
    }

    private static List<Comparator> parseSet(String set, String text) throws MalformedInputException {
        List<Comparator> out = new ArrayList<>();
        Matcher hyphen = HYPHEN.matcher(set);
        if (hyphen.matches()) {
            Partial from = Partial.parse(NpmVersion.stripLoosePrefix(hyphen.group(1)), false, text);
            Partial to = Partial.parse(NpmVersion.stripLoosePrefix(hyphen.group(2)), false, text);
            // node-semver hyphenReplace: a partial lower end fills with zeros, a partial upper end
            // excludes the next minor or major
            if (from.major != null) {
                out.add(new Comparator(">=", from.filled()));
            }
            if (to.major == null) {
                return out;
            } else if (to.minor == null) {
                out.add(new Comparator("<", v(to.major + 1, 0, 0, true)));
            } else if (to.patch == null) {
                out.add(new Comparator("<", v(to.major, to.minor + 1, 0, true)));
            } else {
                out.add(new Comparator("<=", to.filled()));
            }
            return out;
        }
        int i = 0;
        while (i < set.length()) {
            if (Character.isWhitespace(set.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < set.length() && "<>=~^".indexOf(set.charAt(i)) >= 0) {
                i++;
            }
            String op = set.substring(start, i);
            if (!List.of("", "=", "<", "<=", ">", ">=", "~", "~>", "^").contains(op)) {
                throw invalid(text, "unknown operator " + MalformedInputException.quote(op));
            }
            while (i < set.length() && Character.isWhitespace(set.charAt(i))) {
                i++;
            }
            start = i;
            while (i < set.length() && !Character.isWhitespace(set.charAt(i))) {
                i++;
            }
            String version = set.substring(start, i);
            if (version.isEmpty()) {
                throw invalid(text, "operator " + MalformedInputException.quote(op) + " without a version");
            }
            boolean caretOrTilde = op.startsWith("~") || op.equals("^");
            desugar(op, Partial.parse(NpmVersion.stripLoosePrefix(version), !caretOrTilde, text), out);
        }
        return out;
    }

    /** node-semver's replaceTilde, replaceCaret and replaceXRange, in that order of precedence. */
    private static void desugar(String op, Partial p, List<Comparator> out) {
        Long major = p.major;
        Long minor = p.minor;
        Long patch = p.patch;
        if (op.equals("~") || op.equals("~>")) {
            if (major == null) {
                return;
            }
            out.add(new Comparator(">=", p.filled()));
            out.add(new Comparator("<", minor == null ? v(major + 1, 0, 0, true) : v(major, minor + 1, 0, true)));
        } else if (op.equals("^")) {
            if (major == null) {
                return;
            }
            out.add(new Comparator(">=", p.filled()));
            NpmVersion upper;
            if (minor == null || major > 0) {
                upper = v(major + 1, 0, 0, true);
            } else if (patch == null || minor > 0) {
                upper = v(0, minor + 1, 0, true);
            } else {
                upper = v(0, 0, patch + 1, true);
            }
            out.add(new Comparator("<", upper));
        } else {
            boolean anyX = patch == null;
            String gtlt = op.equals("=") && anyX ? "" : op;
            if (major == null) {
                if (gtlt.equals("<") || gtlt.equals(">")) {
                    out.add(NONE);
                }
            } else if (!gtlt.isEmpty() && anyX) {
                long m = minor == null ? 0 : minor;
                long maj = major;
                if (gtlt.equals(">")) {
                    gtlt = ">=";
                    if (minor == null) {
                        maj++;
                        m = 0;
                    } else {
                        m++;
                    }
                } else if (gtlt.equals("<=")) {
                    gtlt = "<";
                    if (minor == null) {
                        maj++;
                    } else {
                        m++;
                    }
                }
                out.add(new Comparator(gtlt, v(maj, m, 0, gtlt.equals("<"))));
            } else if (minor == null) {
                out.add(new Comparator(">=", v(major, 0, 0, false)));
                out.add(new Comparator("<", v(major + 1, 0, 0, true)));
            } else if (patch == null) {
                out.add(new Comparator(">=", v(major, minor, 0, false)));
                out.add(new Comparator("<", v(major, minor + 1, 0, true)));
            } else {
                out.add(new Comparator(gtlt.isEmpty() ? "=" : gtlt, p.filled()));
            }
        }
    }

    /** A version with {@code -0}, the lowest pre-release, when it is an exclusive upper bound. */
    private static NpmVersion v(long major, long minor, long patch, boolean lowestPrerelease) {
        return new NpmVersion(major, minor, patch, lowestPrerelease ? List.of("0") : List.of(), List.of());
    }

    private static MalformedInputException invalid(String text, String why) {
        return MalformedInputException.ofValue("invalid npm range " + MalformedInputException.quote(text) + ": " + why);
    }

    /**
     * Whether the version satisfies some set of the range; a text that is no valid version
     * satisfies nothing, as in node-semver's {@code satisfies}.
     *
     * @throws NullPointerException if {@code upstreamVersion} is null
     */
    @Override
    public boolean isSatisfiedBy(String upstreamVersion) {
        Objects.requireNonNull(upstreamVersion, "upstreamVersion");
        NpmVersion version;
        try {
            version = NpmVersion.parse(upstreamVersion);
        } catch (MalformedInputException e) {
            return false;
        }
        return isSatisfiedBy(version);
    }

    /**
     * Whether the version satisfies some set of the range.
     *
     * @throws NullPointerException if {@code version} is null
     */
    public boolean isSatisfiedBy(NpmVersion version) {
        Objects.requireNonNull(version, "version");
        for (List<Comparator> set : sets) {
            if (testSet(set, version)) {
                return true;
            }
        }
        return false;
    }

    private static boolean testSet(List<Comparator> set, NpmVersion version) {
        for (Comparator c : set) {
            if (!c.test(version)) {
                return false;
            }
        }
        if (!version.isPrerelease()) {
            return true;
        }
        // a pre-release is only taken when the range names one of the same tuple: asking for
        // 1.2.3-beta opts in to 1.2.3's pre-releases, never to 1.3.0-alpha
        for (Comparator c : set) {
            if (c.version().isPrerelease() && c.version().hasSameTuple(version)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String text() {
        return text;
    }

    /**
     * The primitive comparators, in node-semver's notation: sets joined by {@code " || "},
     * comparators by a space, {@code *} for a set any release satisfies.
     */
    public String desugared() {
        return sets.stream()
                .map(s -> s.isEmpty() ? "*" : s.stream().map(Comparator::toString).collect(Collectors.joining(" ")))
                .collect(Collectors.joining(" || "));
    }

    @Override
    public String toString() {
        return text;
    }

    /** A version whose later parts may be x, X, * or missing (null). */
    private record Partial(Long major, Long minor, Long patch, List<String> prerelease, List<String> build) {

        /**
         * Parses a partial version. node-semver ignores the parts after an x in caret, tilde and
         * hyphen ranges but refuses numbers after an x in a plain x-range or comparator
         * ({@code 1.x.3}), so {@code numberAfterXIsError} says which.
         */
        static Partial parse(String s, boolean numberAfterXIsError, String text) throws MalformedInputException {
            int plus = s.indexOf('+');
            String rest = plus < 0 ? s : s.substring(0, plus);
            int dash = rest.indexOf('-');
            String core = dash < 0 ? rest : rest.substring(0, dash);
            String[] parts = core.split("\\.", -1);
            if (parts.length > 3 || core.isEmpty()) {
                throw invalid(text, "expected a version, got " + MalformedInputException.quote(s));
            }
            Long[] n = new Long[3];
            boolean x = false;
            for (int i = 0; i < parts.length; i++) {
                String part = parts[i];
                if (part.equals("x") || part.equals("X") || part.equals("*")) {
                    x = true;
                } else {
                    long value;
                    try {
                        value = NpmVersion.number(part, s);
                    } catch (MalformedInputException e) {
                        throw invalid(text, "expected a number, x or * in " + MalformedInputException.quote(s));
                    }
                    if (x && numberAfterXIsError) {
                        throw invalid(text, "a number after x in " + MalformedInputException.quote(s));
                    }
                    if (!x) {
                        n[i] = value; // after an x, later numbers do not narrow anything
                    }
                }
            }
            if ((dash >= 0 || plus >= 0) && parts.length < 3) {
                throw invalid(text, "a pre-release or build needs a full version: " + MalformedInputException.quote(s));
            }
            try {
                return new Partial(n[0], n[1], n[2],
                        NpmVersion.identifiers(dash < 0 ? null : rest.substring(dash + 1), true, s),
                        NpmVersion.identifiers(plus < 0 ? null : s.substring(plus + 1), false, s));
            } catch (MalformedInputException e) {
                throw invalid(text, e.problem());
            }
        }

        /** The lowest version the partial allows: missing parts are 0, the pre-release kept. */
        NpmVersion filled() {
            return new NpmVersion(major == null ? 0 : major, minor == null ? 0 : minor, patch == null ? 0 : patch,
                    patch == null ? List.of() : prerelease, List.of());
        }
    }
}
