package org.debindex.verify.deps.php;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.debindex.core.MalformedInputException;

/**
 * A Composer package version, normalised as composer/semver's {@code VersionParser::normalize}
 * does and ordered as Composer orders them (PHP's {@code version_compare} on the normalised form).
 *
 * <p>Normalisation: an alias ({@code 1.0.x-dev as 1.0.0}) keeps its source, a stability flag
 * ({@code @dev}) and build metadata ({@code +build}) are dropped, a leading {@code v} too; a
 * classical version is padded to four numbers ({@code 1.2} → {@code 1.2.0.0}); a date version
 * ({@code 2010.01.02}) keeps its numbers; a modifier is spelled out ({@code a}→{@code alpha},
 * {@code b}→{@code beta}, {@code p}/{@code pl}→{@code patch}, {@code rc}→{@code RC}) after a
 * hyphen, with its number ({@code 1.0b2} → {@code 1.0.0.0-beta2}), and a {@code dev} suffix
 * becomes {@code -dev}; {@code 1.2.x-dev} is the numeric branch {@code 1.2.9999999.9999999-dev};
 * {@code dev-name} (and {@code master}, {@code trunk}, {@code default}) is a branch.
 *
 * <p>Order: {@code dev} &lt; {@code alpha} &lt; {@code beta} &lt; {@code RC} &lt; the release
 * &lt; {@code patch}, so {@code 1.0.0.0-dev} &lt; {@code 1.0.0.0-alpha1} &lt; {@code 1.0.0.0}
 * &lt; {@code 1.0.0.0-patch1}. Branches ({@code dev-name}) compare by PHP's rules only for this
 * ordering; {@link ComposerConstraint} never lets a branch satisfy a numeric bound, as Composer.
 *
 * <p>Instances are immutable and thread-safe; equal when their normalised forms are. The order is
 * consistent with equals except for leading zeros, which PHP ignores ({@code 2010.01.02.0} and
 * {@code 2010.1.2.0} compare as equal but are not equal).
 *
 * <p>Rules: composer/semver {@code VersionParser::normalize}, {@code VersionParser::parseStability},
 * PHP's {@code version_compare} (ext/standard/versioning.c).
 */
public final class ComposerVersion implements Comparable<ComposerVersion> {

    /** The stabilities Composer knows, lowest first ({@code patch} versions are stable). */
    public enum Stability {
        /** A development version: a branch or {@code -dev}. */
        DEV,
        /** {@code -alpha}, {@code -a}. */
        ALPHA,
        /** {@code -beta}, {@code -b}. */
        BETA,
        /** {@code -RC}. */
        RC,
        /** A release (also {@code -patch}). */
        STABLE
    }

    /** composer/semver's modifier: groups stability, its number, dev. */
    static final String MODIFIER = "[._-]?(?:(stable|beta|b|RC|alpha|a|patch|pl|p)((?:[.-]?\\d+)*+)?)?([.-]?dev)?";

    private static final Pattern ALIAS = Pattern.compile("^([^,\\s]++) ++as ++([^,\\s]++)$");
    private static final Pattern FLAG = Pattern.compile("@(?:stable|RC|beta|alpha|dev)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern BUILD = Pattern.compile("^([^,\\s+]++)\\+\\S++$");
    private static final Pattern CLASSICAL = Pattern.compile(
            "^v?(\\d{1,5})(\\.\\d++)?(\\.\\d++)?(\\.\\d++)?" + MODIFIER + "$", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE = Pattern.compile(
            "^v?(\\d{4}(?:[.:-]?\\d{2}){1,6}(?:[.:-]?\\d{1,3})?)" + MODIFIER + "$", Pattern.CASE_INSENSITIVE);
    private static final Pattern DEV_SUFFIX = Pattern.compile("(.*?)[.-]?dev$", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMERIC_BRANCH = Pattern.compile(
            "^v?(\\d++)(\\.(?:\\d++|[xX*]))?(\\.(?:\\d++|[xX*]))?(\\.(?:\\d++|[xX*]))?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern STABILITY = Pattern.compile(MODIFIER + "(?:\\+.*)?$", Pattern.CASE_INSENSITIVE);
    /** Longest version text accepted: real ones are below 100 characters. */
    private static final int MAX_LENGTH = 256;

    /** version_compare's special forms, by prefix, in the order PHP tries them. */
    private static final String[] FORMS = {"dev", "alpha", "a", "beta", "b", "RC", "rc", "#", "pl", "p"};
    private static final int[] FORM_ORDER = {0, 1, 1, 2, 2, 3, 3, 4, 5, 5};

    private final String normalized;
    private final List<String> parts;

    private ComposerVersion(String normalized) {
        this.normalized = normalized;
        this.parts = canonicalParts(normalized);
    }

    /**
     * Parses and normalises a version as Composer does.
     *
     * @throws MalformedInputException if the text is no Composer version
     * @throws NullPointerException if {@code text} is null
     */
    public static ComposerVersion parse(String text) throws MalformedInputException {
        return new ComposerVersion(normalize(text));
    }

    /**
     * The version, or empty when the text is no Composer version.
     *
     * @throws NullPointerException if {@code text} is null
     */
    public static Optional<ComposerVersion> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (MalformedInputException e) {
            return Optional.empty();
        }
    }

    /** The normalised form: {@code 1.2.0.0}, {@code 1.0.0.0-beta2}, {@code dev-main}. */
    public String normalized() {
        return normalized;
    }

    /** Whether it names a branch ({@code dev-name}), which has no place in a numeric order. */
    public boolean isBranch() {
        return normalized.startsWith("dev-");
    }

    /** Its stability, as {@code VersionParser::parseStability} says. */
    public Stability stability() {
        return stabilityOf(normalized);
    }

    /** The stability of a normalised version or constraint version. */
    static Stability stabilityOf(String version) {
        if (version.startsWith("dev-") || version.endsWith("-dev")) {
            return Stability.DEV;
        }
        Matcher m = STABILITY.matcher(version.toLowerCase(Locale.ROOT));
        if (!m.find()) {
            return Stability.STABLE;
        }
        if (m.group(3) != null && !m.group(3).isEmpty()) {
            return Stability.DEV;
        }
        String s = m.group(1) == null ? "" : m.group(1);
        return switch (s) {
            case "beta", "b" -> Stability.BETA;
            case "alpha", "a" -> Stability.ALPHA;
            case "rc" -> Stability.RC;
            default -> Stability.STABLE;
        };
    }

    /**
     * Composer's normal form of a version text.
     *
     * @throws MalformedInputException if the text is no Composer version
     */
    static String normalize(String text) throws MalformedInputException {
        Objects.requireNonNull(text, "text");
        if (text.length() > MAX_LENGTH) {
            throw MalformedInputException.ofValue("version is longer than " + MAX_LENGTH + " characters");
        }
        String version = text.strip();
        Matcher m = ALIAS.matcher(version);
        if (m.matches()) {
            version = m.group(1);
        }
        m = FLAG.matcher(version);
        if (m.find()) {
            version = version.substring(0, m.start());
        }
        if (version.equals("master") || version.equals("trunk") || version.equals("default")) {
            version = "dev-" + version;
        }
        if (version.regionMatches(true, 0, "dev-", 0, 4)) {
            return "dev-" + version.substring(4);
        }
        m = BUILD.matcher(version);
        if (m.matches()) {
            version = m.group(1);
        }
        int index;
        String base;
        if ((m = CLASSICAL.matcher(version)).matches()) {
            base = m.group(1) + orZero(m.group(2)) + orZero(m.group(3)) + orZero(m.group(4));
            index = 5;
        } else if ((m = DATE.matcher(version)).matches()) {
            base = m.group(1).replaceAll("\\D", ".");
            index = 2;
        } else {
            Matcher dev = DEV_SUFFIX.matcher(version);
            if (dev.matches()) {
                String branch = normalizeBranch(dev.group(1));
                // "foo-dev" is no version: only a numeric branch may end in -dev
                if (!branch.contains("dev-")) {
                    return branch;
                }
            }
            throw MalformedInputException.ofValue("invalid version " + MalformedInputException.quote(text)
                    + "; expected a version such as 1.2.3, v1.2, 1.0-beta2 or dev-main");
        }
        StringBuilder out = new StringBuilder(base);
        String stability = m.group(index);
        if (stability != null && !stability.isEmpty()) {
            if (stability.equals("stable")) {
                return base;
            }
            String number = m.group(index + 1) == null ? "" : m.group(index + 1).replaceFirst("^[.-]+", "");
            out.append('-').append(expandStability(stability)).append(number);
        }
        if (m.group(index + 2) != null && !m.group(index + 2).isEmpty()) {
            out.append("-dev");
        }
        return out.toString();
    }

    /** {@code VersionParser::normalizeBranch}: {@code 1.2.x} as {@code 1.2.9999999.9999999-dev}. */
    private static String normalizeBranch(String name) {
        String n = name.strip();
        Matcher m = NUMERIC_BRANCH.matcher(n);
        if (!m.matches()) {
            return "dev-" + n;
        }
        StringBuilder v = new StringBuilder();
        for (int i = 1; i < 5; i++) {
            v.append(m.group(i) == null ? ".x" : m.group(i).replace('*', 'x').replace('X', 'x'));
        }
        return v.toString().replace("x", "9999999") + "-dev";
    }

    private static String orZero(String part) {
        return part == null || part.isEmpty() ? ".0" : part;
    }

    private static String expandStability(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "a" -> "alpha";
            case "b" -> "beta";
            case "p", "pl" -> "patch";
            case "rc" -> "RC";
            default -> lower;
        };
    }

    /**
     * Compares by PHP's {@code version_compare}, which Composer applies to normalised versions.
     *
     * @throws NullPointerException if {@code other} is null
     */
    @Override
    public int compareTo(ComposerVersion other) {
        return compare(parts, other.parts);
    }

    /** PHP's {@code version_compare} of two normalised versions: negative, zero or positive. */
    static int compare(String a, String b) {
        return compare(canonicalParts(a), canonicalParts(b));
    }

    /**
     * PHP's canonical form split at its dots: {@code -}, {@code _}, {@code +} and other
     * non-alphanumerics are separators, and so is every change between digits and non-digits.
     */
    private static List<String> canonicalParts(String v) {
        List<String> out = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        int kind = -1; // 0 digit, 1 other alphanumeric (or PHP's kept first character)
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            boolean alnum = digit || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            if (!alnum && i > 0) {
                flush(part, out);
                kind = -1;
                continue;
            }
            int k = digit ? 0 : 1;
            if (kind >= 0 && k != kind) {
                flush(part, out);
            }
            part.append(c);
            kind = k;
        }
        flush(part, out);
        return List.copyOf(out);
    }

    private static void flush(StringBuilder part, List<String> out) {
        if (part.length() > 0) {
            out.add(part.toString());
            part.setLength(0);
        }
    }

    private static int compare(List<String> a, List<String> b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            int c = comparePart(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        if (a.size() > n) {
            return isDigits(a.get(n)) ? 1 : Integer.signum(form(a.get(n)) - form("#"));
        }
        if (b.size() > n) {
            return isDigits(b.get(n)) ? -1 : Integer.signum(form("#") - form(b.get(n)));
        }
        return 0;
    }

    private static int comparePart(String x, String y) {
        boolean dx = isDigits(x);
        boolean dy = isDigits(y);
        if (dx && dy) {
            return compareNumbers(x, y);
        }
        return Integer.signum(form(dx ? "#" : x) - form(dy ? "#" : y));
    }

    /** Decimal strings by value, without overflow. */
    private static int compareNumbers(String x, String y) {
        String a = x.replaceFirst("^0+(?=.)", "");
        String b = y.replaceFirst("^0+(?=.)", "");
        return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : Integer.signum(a.compareTo(b));
    }

    /** The order of a special form by prefix; an unknown word ranks below {@code dev}. */
    private static int form(String s) {
        for (int i = 0; i < FORMS.length; i++) {
            if (s.startsWith(FORMS[i])) {
                return FORM_ORDER[i];
            }
        }
        return -1;
    }

    private static boolean isDigits(String s) {
        return !s.isEmpty() && s.charAt(0) >= '0' && s.charAt(0) <= '9';
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ComposerVersion v && v.normalized.equals(normalized);
    }

    @Override
    public int hashCode() {
        return normalized.hashCode();
    }

    /** The normalised form. */
    @Override
    public String toString() {
        return normalized;
    }
}
