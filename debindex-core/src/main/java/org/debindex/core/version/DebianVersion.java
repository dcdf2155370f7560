package org.debindex.core.version;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import org.debindex.core.MalformedInputException;

/**
 * A Debian package version, {@code [epoch:]upstream_version[-debian_revision]}, ordered exactly
 * as dpkg orders them.
 *
 * <p>Syntax and order follow Debian Policy §5.6.12 and dpkg's {@code parseversion} and
 * {@code verrevcmp}. Parsing is stricter than dpkg in one way: a character outside the allowed
 * sets, which dpkg only warns about, is an error here, so that nothing is compared by guesswork.
 * An upstream version that does not start with a digit is accepted, as dpkg accepts it with a
 * warning; {@link #startsWithDigit()} tells.
 *
 * <p>{@link #equals(Object)} compares the text as written, while {@link #compareTo} compares by
 * Debian rules, under which {@code 1.0}, {@code 0:1.0} and {@code 1.0-0} are equal (like {@code
 * BigDecimal}'s {@code 1.0} and {@code 1.00}). Use {@link #isSameVersionAs} for the Debian
 * equality.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class DebianVersion implements Comparable<DebianVersion> {

    /** Debian order; equal versions compare as 0 even when written differently. */
    public static final Comparator<DebianVersion> ORDER = DebianVersion::compareTo;

    private final String text;
    private final int epoch;
    private final String upstream;
    private final String revision;

    private DebianVersion(String text, int epoch, String upstream, String revision) {
        this.text = text;
        this.epoch = epoch;
        this.upstream = upstream;
        this.revision = revision;
    }

    /**
     * Parses a version as it appears in a {@code Version} field or a relation.
     *
     * <p>Surrounding spaces and tabs are ignored, as dpkg ignores them; any other whitespace or
     * control character is invalid.
     *
     * @param text the version text
     * @return the parsed version
     * @throws MalformedInputException if the text is not a valid Debian version; the message
     *     quotes it and says why
     * @throws NullPointerException if {@code text} is null
     */
    public static DebianVersion parse(CharSequence text) throws MalformedInputException {
        String s = trim(text);
        String problem = problem(s);
        if (problem != null) {
            throw MalformedInputException.ofValue(
                    "invalid version " + MalformedInputException.quote(text) + ": " + problem);
        }
        return build(s);
    }

    /**
     * Parses a version known to be valid, such as a constant in code.
     *
     * @throws IllegalArgumentException if {@code text} is not a valid Debian version
     * @throws NullPointerException if {@code text} is null
     */
    public static DebianVersion of(String text) {
        try {
            return parse(text);
        } catch (MalformedInputException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * Tells whether {@code text} is a valid version, and if not, why.
     *
     * @param text the version text; surrounding spaces and tabs are ignored as in {@link #parse}
     * @return empty when valid, else the reason (lower-case, no final period, without the version)
     * @throws NullPointerException if {@code text} is null
     */
    public static Optional<String> problemWith(CharSequence text) {
        return Optional.ofNullable(problem(trim(text)));
    }

    /**
     * Removes surrounding blanks as dpkg does: only spaces and tabs, because dpkg compares any
     * other whitespace as a character, so trimming it would change the order silently.
     */
    private static String trim(CharSequence text) {
        String s = Objects.requireNonNull(text, "text").toString();
        int start = 0;
        int end = s.length();
        while (start < end && isBlank(s.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** The reason {@code s} (already trimmed) is not a valid version, or null when it is. */
    private static String problem(String s) {
        if (s.isEmpty()) {
            return "version string is empty";
        }
        for (int i = 0; i < s.length(); i++) {
            if (isBlank(s.charAt(i))) {
                return "version string has embedded spaces";
            }
        }
        int colon = s.indexOf(':');
        if (colon >= 0) {
            String epochText = s.substring(0, colon);
            if (epochText.isEmpty()) {
                return "epoch in version is empty";
            }
            if (epochText.charAt(0) == '-') {
                return "epoch in version is negative";
            }
            for (int i = 0; i < epochText.length(); i++) {
                if (!isDigit(epochText.charAt(i))) {
                    return "epoch in version is not a number";
                }
            }
            if (parseEpoch(epochText) < 0) {
                return "epoch in version is too big";
            }
            if (colon == s.length() - 1) {
                return "nothing after colon in version number";
            }
        }
        int hyphen = s.lastIndexOf('-');
        if (hyphen > colon && hyphen == s.length() - 1) {
            return "revision number is empty";
        }
        int upstreamEnd = hyphen > colon ? hyphen : s.length();
        if (upstreamEnd == colon + 1) {
            return "version number is empty";
        }
        for (int i = colon + 1; i < upstreamEnd; i++) {
            char c = s.charAt(i);
            if (!isAlnum(c) && ".-+~:".indexOf(c) < 0) {
                return invalidCharacter(s, i, "version number");
            }
        }
        for (int i = upstreamEnd + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isAlnum(c) && ".+~".indexOf(c) < 0) {
                return invalidCharacter(s, i, "revision number");
            }
        }
        return null;
    }

    /** Names the whole code point at {@code i}, not half of a surrogate pair. */
    private static String invalidCharacter(String s, int i, String part) {
        return "invalid character " + MalformedInputException.quote(Character.toString(s.codePointAt(i)))
                + " in " + part;
    }

    private static DebianVersion build(String s) {
        int colon = s.indexOf(':');
        int epoch = colon >= 0 ? parseEpoch(s.substring(0, colon)) : 0;
        int hyphen = s.lastIndexOf('-');
        if (hyphen > colon) {
            return new DebianVersion(s, epoch, s.substring(colon + 1, hyphen), s.substring(hyphen + 1));
        }
        return new DebianVersion(s, epoch, s.substring(colon + 1), "");
    }

    /** The epoch as an int, or -1 when it does not fit (dpkg's limit is INT_MAX). */
    private static int parseEpoch(String digits) {
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            value = value * 10 + (digits.charAt(i) - '0');
            if (value > Integer.MAX_VALUE) {
                return -1;
            }
        }
        return (int) value;
    }

    /** The epoch; 0 when none is written. */
    public int epoch() {
        return epoch;
    }

    /** Whether an epoch is written, even {@code 0:}. */
    public boolean hasEpoch() {
        return text.indexOf(':') >= 0;
    }

    /** The upstream part, between the epoch and the last hyphen. */
    public String upstream() {
        return upstream;
    }

    /** The Debian revision after the last hyphen; empty when none is written (native package). */
    public String revision() {
        return revision;
    }

    /** Whether a Debian revision is written. */
    public boolean hasRevision() {
        return !revision.isEmpty();
    }

    /** Whether the upstream part starts with a digit, as Policy asks (dpkg only warns otherwise). */
    public boolean startsWithDigit() {
        return isDigit(upstream.charAt(0));
    }

    /** Whether the two versions are equal by Debian rules ({@code 1.0} and {@code 0:1.0-0} are). */
    public boolean isSameVersionAs(DebianVersion other) {
        return compareTo(other) == 0;
    }

    /**
     * Compares by Debian rules: epoch numerically, then upstream and revision with dpkg's
     * {@code verrevcmp}.
     *
     * @throws NullPointerException if {@code other} is null
     */
    @Override
    public int compareTo(DebianVersion other) {
        if (epoch != other.epoch) {
            return epoch < other.epoch ? -1 : 1;
        }
        int c = compareFragment(upstream, other.upstream);
        if (c != 0) {
            return c;
        }
        return compareFragment(revision, other.revision);
    }

    /**
     * dpkg's {@code verrevcmp}: alternate non-digit runs (compared by {@link #weight}) and digit
     * runs (compared numerically, leading zeros ignored, so no overflow on long runs).
     */
    static int compareFragment(String a, String b) {
        int i = 0;
        int j = 0;
        int na = a.length();
        int nb = b.length();
        while (i < na || j < nb) {
            while ((i < na && !isDigit(a.charAt(i))) || (j < nb && !isDigit(b.charAt(j)))) {
                int wa = i < na && !isDigit(a.charAt(i)) ? weight(a.charAt(i)) : 0;
                int wb = j < nb && !isDigit(b.charAt(j)) ? weight(b.charAt(j)) : 0;
                if (wa != wb) {
                    return wa < wb ? -1 : 1;
                }
                if (i < na && !isDigit(a.charAt(i))) {
                    i++;
                }
                if (j < nb && !isDigit(b.charAt(j))) {
                    j++;
                }
            }
            while (i < na && a.charAt(i) == '0') {
                i++;
            }
            while (j < nb && b.charAt(j) == '0') {
                j++;
            }
            int firstDiff = 0;
            while (i < na && isDigit(a.charAt(i)) && j < nb && isDigit(b.charAt(j))) {
                if (firstDiff == 0) {
                    firstDiff = a.charAt(i) - b.charAt(j);
                }
                i++;
                j++;
            }
            if (i < na && isDigit(a.charAt(i))) {
                return 1;
            }
            if (j < nb && isDigit(b.charAt(j))) {
                return -1;
            }
            if (firstDiff != 0) {
                return firstDiff < 0 ? -1 : 1;
            }
        }
        return 0;
    }

    /** dpkg's {@code order()}: {@code ~} first, then end of run, then letters, then the rest. */
    private static int weight(char c) {
        if (c == '~') {
            return -1;
        }
        if (isAlpha(c)) {
            return c;
        }
        return c + 256;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAlnum(char c) {
        return isDigit(c) || isAlpha(c);
    }

    /** dpkg's {@code c_isblank}: the only whitespace dpkg trims or calls "embedded spaces". */
    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /** The text as written (surrounding spaces and tabs removed). */
    @Override
    public String toString() {
        return text;
    }

    /** Textual equality; see the class comment for the Debian equality. */
    @Override
    public boolean equals(Object o) {
        return o instanceof DebianVersion other && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
