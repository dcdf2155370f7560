package org.debindex.verify.deps.cargo;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.debindex.core.MalformedInputException;
import org.debindex.verify.deps.VersionRequirement;

/**
 * A Cargo version requirement with the semantics of the semver crate's {@code VersionReq}:
 * comparators joined by {@code ,} (AND), each an operator {@code ^ ~ = > >= < <=} or none (caret)
 * before a version whose minor and patch may be missing or a wildcard ({@code *}, {@code x},
 * {@code X}); {@code *} alone allows every release.
 *
 * <ul>
 *   <li>{@code ^1.2.3} (and bare {@code 1.2.3}) is {@code >=1.2.3, <2.0.0}; {@code ^0.2.3}
 *       {@code <0.3.0}; {@code ^0.0.3} {@code <0.0.4}; {@code ^1.2} {@code <2.0.0}; {@code ^0.0}
 *       {@code <0.1.0}; {@code ^1} and {@code ^0} the whole major.</li>
 *   <li>{@code ~1.2.3} is {@code >=1.2.3, <1.3.0}; {@code ~1.2} is {@code 1.2.*}; {@code ~1} is
 *       {@code 1.*}.</li>
 *   <li>{@code =1.2} is {@code 1.2.*}; {@code >1.2} is {@code >=1.3.0}; {@code <=1.2} is
 *       {@code <1.3.0}; {@code >=1.2} and {@code <1.2} fill with zeros.</li>
 * </ul>
 *
 * <p>A pre-release version satisfies the requirement only if some comparator names a pre-release
 * of the same {@code MAJOR.MINOR.PATCH}: {@code >=1.2.3-alpha} admits {@code 1.2.3-beta}, never
 * {@code 1.3.0-alpha}. Space-separated comparators ({@code >=1, <2} written {@code >=1 <2}),
 * {@code ||}, hyphen ranges and {@code v} prefixes are npm's, not Cargo's, and are refused.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * <p>Rules: The Cargo Book, "Specifying Dependencies"; the semver crate's {@code VersionReq}
 * ({@code parse.rs}, {@code eval.rs}).
 */
public final class CargoRequirement implements VersionRequirement {

    /** The semver crate's operators; {@code WILDCARD} is a bare version with a {@code *} in it. */
    private enum Op { EXACT, GREATER, GREATER_EQ, LESS, LESS_EQ, TILDE, CARET, WILDCARD }

    /** One comparator; {@code minor} and {@code patch} are -1 when missing or a wildcard. */
    private record Comparator(Op op, long major, long minor, long patch, List<String> pre) {

        boolean matches(CargoVersion v) {
            return switch (op) {
                case EXACT, WILDCARD -> exact(v);
                case GREATER -> greater(v);
                case GREATER_EQ -> exact(v) || greater(v);
                case LESS -> less(v);
                case LESS_EQ -> exact(v) || less(v);
                case TILDE -> tilde(v);
                case CARET -> caret(v);
            };
        }

        private int pre(CargoVersion v) {
            return CargoVersion.comparePrerelease(v.prerelease(), pre);
        }

        private boolean exact(CargoVersion v) {
            return v.major() == major && (minor < 0 || v.minor() == minor) && (patch < 0 || v.patch() == patch)
                    && pre(v) == 0;
        }

        private boolean greater(CargoVersion v) {
            if (v.major() != major) {
                return v.major() > major;
            }
            if (minor < 0) {
                return false; // >1 is >=2.0.0
            }
            if (v.minor() != minor) {
                return v.minor() > minor;
            }
            if (patch < 0) {
                return false;
            }
            return v.patch() != patch ? v.patch() > patch : pre(v) > 0;
        }

        private boolean less(CargoVersion v) {
            if (v.major() != major) {
                return v.major() < major;
            }
            if (minor < 0) {
                return false; // <1 is <1.0.0
            }
            if (v.minor() != minor) {
                return v.minor() < minor;
            }
            if (patch < 0) {
                return false;
            }
            return v.patch() != patch ? v.patch() < patch : pre(v) < 0;
        }

        private boolean tilde(CargoVersion v) {
            if (v.major() != major || (minor >= 0 && v.minor() != minor)) {
                return false;
            }
            if (patch >= 0 && v.patch() != patch) {
                return v.patch() > patch;
            }
            return pre(v) >= 0;
        }

        private boolean caret(CargoVersion v) {
            if (v.major() != major) {
                return false;
            }
            if (minor < 0) {
                return true;
            }
            if (patch < 0) {
                // ^1.2 may move the minor up, ^0.2 may not
                return major > 0 ? v.minor() >= minor : v.minor() == minor;
            }
            if (major > 0) {
                if (v.minor() != minor) {
                    return v.minor() > minor;
                }
                if (v.patch() != patch) {
                    return v.patch() > patch;
                }
            } else if (minor > 0) {
                if (v.minor() != minor) {
                    return false;
                }
                if (v.patch() != patch) {
                    return v.patch() > patch;
                }
            } else if (v.minor() != minor || v.patch() != patch) {
                return false; // ^0.0.3 is =0.0.3
            }
            return pre(v) >= 0;
        }

        /** Whether this names a pre-release of the version's own MAJOR.MINOR.PATCH. */
        boolean admitsPrereleaseOf(CargoVersion v) {
            return !pre.isEmpty() && major == v.major() && minor == v.minor() && patch == v.patch();
        }
    }

    private final String text;
    /** Empty for {@code *}: every release. */
    private final List<Comparator> comparators;

    private CargoRequirement(String text, List<Comparator> comparators) {
        this.text = text;
        this.comparators = comparators;
    }

    /**
     * Parses a requirement as written in {@code Cargo.toml}; spaces (not tabs) around
     * comparators and after operators are allowed.
     *
     * @throws MalformedInputException if the text is not a Cargo requirement; the message says
     *     what was expected
     * @throws NullPointerException if {@code text} is null
     */
    public static CargoRequirement parse(String text) throws MalformedInputException {
        Objects.requireNonNull(text, "text");
        String s = spaces(text);
        if (s.isEmpty()) {
            throw invalid(text, "empty; expected a version requirement such as 1.2.3");
        }
        if (isWildcard(s.charAt(0))) {
            String rest = spaces(s.substring(1));
            if (rest.isEmpty()) {
                return new CargoRequirement(text, List.of());
            }
            throw invalid(text, rest.startsWith(",") ? "a wildcard must be the only comparator"
                    : "unexpected " + MalformedInputException.quote(rest) + " after the wildcard");
        }
        List<Comparator> out = new ArrayList<>();
        for (String part : s.split(",", -1)) {
            out.add(comparator(spaces(part), text));
        }
        return new CargoRequirement(text, List.copyOf(out));
    }

    private static Comparator comparator(String c, String text) throws MalformedInputException {
        Op op;
        int i;
        if (c.startsWith(">=")) {
            op = Op.GREATER_EQ;
            i = 2;
        } else if (c.startsWith("<=")) {
            op = Op.LESS_EQ;
            i = 2;
        } else if (c.startsWith(">")) {
            op = Op.GREATER;
            i = 1;
        } else if (c.startsWith("<")) {
            op = Op.LESS;
            i = 1;
        } else if (c.startsWith("=")) {
            op = Op.EXACT;
            i = 1;
        } else if (c.startsWith("~")) {
            op = Op.TILDE;
            i = 1;
        } else if (c.startsWith("^")) {
            op = Op.CARET;
            i = 1;
        } else {
            op = null; // none written: caret, or wildcard if a * follows
            i = 0;
        }
        String v = spaces(c.substring(i));
        if (v.isEmpty()) {
            throw invalid(text, c.isEmpty() ? "empty comparator; expected a version between commas"
                    : "operator " + MalformedInputException.quote(c) + " without a version");
        }
        int space = 0;
        while (space < v.length() && !Character.isWhitespace(v.charAt(space))) {
            space++;
        }
        if (space < v.length()) {
            // npm separates comparators by spaces; Cargo needs commas
            throw invalid(text, "expected a comma after " + MalformedInputException.quote(v.substring(0, space))
                    + ", got " + MalformedInputException.quote(v.substring(space).strip()));
        }
        try {
            return comparator(op, v);
        } catch (MalformedInputException e) {
            throw invalid(text, e.problem() + " in " + MalformedInputException.quote(v));
        }
    }

    /** The comparator of one version text without spaces; messages say only what is wrong. */
    private static Comparator comparator(Op written, String v) throws MalformedInputException {
        Op op = written;
        int end = 0;
        while (end < v.length() && v.charAt(end) != '-' && v.charAt(end) != '+') {
            end++;
        }
        String core = v.substring(0, end);
        String suffix = v.substring(end);
        String[] parts = core.split("\\.", -1);
        if (parts.length > 3) {
            throw MalformedInputException.ofValue("expected at most MAJOR.MINOR.PATCH");
        }
        long major = CargoVersion.number(parts[0]);
        long minor = -1;
        long patch = -1;
        boolean wildcard = false;
        if (parts.length > 1) {
            if (isWildcardPart(parts[1])) {
                wildcard = true;
            } else {
                minor = CargoVersion.number(parts[1]);
            }
        }
        if (parts.length > 2) {
            if (isWildcardPart(parts[2])) {
                wildcard = true;
            } else if (wildcard) {
                throw MalformedInputException.ofValue("expected a wildcard after a wildcard");
            } else {
                patch = CargoVersion.number(parts[2]);
            }
        }
        if (op == null) {
            op = wildcard ? Op.WILDCARD : Op.CARET;
        }
        List<String> pre = List.of();
        if (!suffix.isEmpty()) {
            if (patch < 0) {
                throw MalformedInputException.ofValue("a pre-release or build needs MAJOR.MINOR.PATCH");
            }
            int plus = suffix.indexOf('+');
            String preText = suffix.startsWith("-") ? (plus < 0 ? suffix.substring(1) : suffix.substring(1, plus)) : null;
            pre = CargoVersion.identifiers(preText, true);
            // build metadata is checked for form and ignored, as the semver crate does
            CargoVersion.identifiers(plus < 0 ? null : suffix.substring(plus + 1), false);
        }
        return new Comparator(op, major, minor, patch, pre);
    }

    /** Trims ASCII spaces, the only blank the semver crate allows (a tab is an error there too). */
    private static String spaces(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && s.charAt(from) == ' ') {
            from++;
        }
        while (to > from && s.charAt(to - 1) == ' ') {
            to--;
        }
        return s.substring(from, to);
    }

    private static boolean isWildcard(char c) {
        return c == '*' || c == 'x' || c == 'X';
    }

    private static boolean isWildcardPart(String p) {
        return p.length() == 1 && isWildcard(p.charAt(0));
    }

    private static MalformedInputException invalid(String text, String why) {
        return MalformedInputException.ofValue("invalid Cargo version requirement " + MalformedInputException.quote(text)
                + ": " + why);
    }

    /**
     * Whether an upstream version satisfies every comparator (and the pre-release rule). A
     * version of one or two numbers is padded with {@code .0} ({@code 1.2} is {@code 1.2.0}); a
     * text that is no version satisfies nothing.
     *
     * @throws NullPointerException if {@code upstreamVersion} is null
     */
    @Override
    public boolean isSatisfiedBy(String upstreamVersion) {
        Objects.requireNonNull(upstreamVersion, "upstreamVersion");
        CargoVersion v;
        try {
            v = CargoVersion.parsePadded(upstreamVersion.strip());
        } catch (MalformedInputException e) {
            return false;
        }
        return isSatisfiedBy(v);
    }

    /**
     * Whether the version satisfies every comparator and the pre-release rule.
     *
     * @throws NullPointerException if {@code version} is null
     */
    public boolean isSatisfiedBy(CargoVersion version) {
        Objects.requireNonNull(version, "version");
        for (Comparator c : comparators) {
            if (!c.matches(version)) {
                return false;
            }
        }
        return !version.isPrerelease() || comparators.stream().anyMatch(c -> c.admitsPrereleaseOf(version));
    }

    @Override
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
