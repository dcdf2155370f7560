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
 * {@code verrevcmp}. Parsing is stricter than dpkg where dpkg would compare by guesswork: a
 * character outside the allowed sets, which dpkg only warns about, is an error here, and so is an
 * epoch with a sign ({@code +1:}), which dpkg's {@code strtol} accepts. An upstream version that
 * does not start with a digit is accepted, as dpkg accepts it with a warning;
 * {@link #startsWithDigit()} tells. The whole real archive (trixie and bookworm) parses, and its
 * order is checked against dpkg itself by the tests.
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
    public static final Comparator<DebianVersion> ORDER = Comparator.naturalOrder();   // no lambda: made at every start

    // The parts are kept as positions in the text rather than as substrings: a version is parsed
    // far more often than its parts are asked for, and the positions cost no allocation.
    private final String text;
    private final int epoch;
    /** Where the upstream version starts: after the epoch's colon, else 0. */
    private final int upstreamStart;
    /** Where the upstream version ends: at the last hyphen, else at the end of the text. */
    private final int upstreamEnd;

    private DebianVersion(String text, int epoch, int upstreamStart, int upstreamEnd) {
        this.text = text;
        this.epoch = epoch;
        this.upstreamStart = upstreamStart;
        this.upstreamEnd = upstreamEnd;
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
        int colon = s.indexOf(':');
        int upstreamEnd = upstreamEnd(s, colon);
        String problem = problem(s, colon, upstreamEnd);
        if (problem != null) {
            throw MalformedInputException.ofValue(
                    "invalid version " + MalformedInputException.quote(text) + ": " + problem);
        }
        return new DebianVersion(s, colon < 0 ? 0 : (int) parseEpoch(s, colon), colon + 1, upstreamEnd);
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
        String s = trim(text);
        int colon = s.indexOf(':');
        return Optional.ofNullable(problem(s, colon, upstreamEnd(s, colon)));
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

    /** The last hyphen after the epoch, which starts the revision, or the end of the text. */
    private static int upstreamEnd(String s, int colon) {
        int hyphen = s.lastIndexOf('-');
        return hyphen > colon ? hyphen : s.length();
    }

    /**
     * The reason {@code s} (already trimmed) is not a valid version, or null when it is; checked
     * in dpkg's order, so that the first problem reported is the one dpkg reports.
     */
    private static String problem(String s, int colon, int upstreamEnd) {
        int length = s.length();
        if (length == 0) {
            return "version string is empty";
        }
        for (int i = 0; i < length; i++) {
            if (isBlank(s.charAt(i))) {
                return "version string has embedded spaces";
            }
        }
        if (colon >= 0) {
            if (colon == 0) {
                return "epoch in version is empty";
            }
            if (s.charAt(0) == '-') {
                return "epoch in version is negative";
            }
            for (int i = 0; i < colon; i++) {
                if (!isDigit(s.charAt(i))) {
                    return "epoch in version is not a number";
                }
            }
            if (parseEpoch(s, colon) > Integer.MAX_VALUE) {
                return "epoch in version is too big";
            }
            if (colon == length - 1) {
                return "nothing after colon in version number";
            }
        }
        if (upstreamEnd == length - 1) {
            return "revision number is empty";
        }
        if (upstreamEnd == colon + 1) {
            return "version number is empty";
        }
        for (int i = colon + 1; i < upstreamEnd; i++) {
            char c = s.charAt(i);
            if (!isAlnum(c) && c != '.' && c != '+' && c != '~' && c != '-' && c != ':') {
                return invalidCharacter(s, i, "version number");
            }
        }
        for (int i = upstreamEnd + 1; i < length; i++) {
            char c = s.charAt(i);
            if (!isAlnum(c) && c != '.' && c != '+' && c != '~') {
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

    /**
     * The value of the digits before {@code colon}, saturated just above {@code INT_MAX} (dpkg's
     * limit) so that any number of digits is safe.
     */
    private static long parseEpoch(String s, int colon) {
        long value = 0;
        for (int i = 0; i < colon && value <= Integer.MAX_VALUE; i++) {
            value = value * 10 + (s.charAt(i) - '0');
        }
        return value;
    }

    /** The epoch; 0 when none is written. */
    public int epoch() {
        return epoch;
    }

    /** Whether an epoch is written, even {@code 0:}. */
    public boolean hasEpoch() {
        return upstreamStart > 0;
    }

    /** The upstream part, between the epoch and the last hyphen. */
    public String upstream() {
        return text.substring(upstreamStart, upstreamEnd);
    }

    /** The Debian revision after the last hyphen; empty when none is written (native package). */
    public String revision() {
        return hasRevision() ? text.substring(upstreamEnd + 1) : "";
    }

    /** Whether a Debian revision is written. */
    public boolean hasRevision() {
        return upstreamEnd < text.length();
    }

    /** Whether the upstream part starts with a digit, as Policy asks (dpkg only warns otherwise). */
    public boolean startsWithDigit() {
        return isDigit(text.charAt(upstreamStart));
    }

    /**
     * Whether the two versions are equal by Debian rules ({@code 1.0} and {@code 0:1.0-0} are).
     *
     * @throws NullPointerException if {@code other} is null
     */
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
        int c = compareFragment(text, upstreamStart, upstreamEnd, other.text, other.upstreamStart, other.upstreamEnd);
        if (c != 0) {
            return c;
        }
        return compareFragment(text, revisionStart(), text.length(), other.text, other.revisionStart(), other.text.length());
    }

    private int revisionStart() {
        return hasRevision() ? upstreamEnd + 1 : upstreamEnd;
    }

    /**
     * dpkg's {@code verrevcmp} on {@code a[i, aEnd)} and {@code b[j, bEnd)}: alternate non-digit
     * runs, compared character by character by {@link #weight}, and digit runs, compared
     * numerically with leading zeros skipped (so a run of any length cannot overflow).
     */
    private static int compareFragment(String a, int i, int aEnd, String b, int j, int bEnd) {
        // Versions compared while sorting share long prefixes ("2.36-9+deb12u4" and
        // "2.36-9+deb12u10"): skip the common prefix with a cheap loop, then back up to the start
        // of the digit run it ends in, where verrevcmp would be in the same state.
        int common = 0;
        int shorter = Math.min(aEnd - i, bEnd - j);
        while (common < shorter && a.charAt(i + common) == b.charAt(j + common)) {
            common++;
        }
        if (common == aEnd - i && common == bEnd - j) {
            return 0;
        }
        while (common > 0 && isDigit(a.charAt(i + common - 1))) {
            common--;
        }
        i += common;
        j += common;
        while (i < aEnd || j < bEnd) {
            while (true) {
                char ca = i < aEnd ? a.charAt(i) : '0';
                char cb = j < bEnd ? b.charAt(j) : '0';
                boolean aInRun = !isDigit(ca);
                boolean bInRun = !isDigit(cb);
                if (!aInRun && !bInRun) {
                    break;
                }
                // a character in a run never weighs 0, the weight of a run's end: equal weights
                // mean both runs go on
                int wa = aInRun ? weight(ca) : 0;
                int wb = bInRun ? weight(cb) : 0;
                if (wa != wb) {
                    return wa < wb ? -1 : 1;
                }
                i++;
                j++;
            }
            while (i < aEnd && a.charAt(i) == '0') {
                i++;
            }
            while (j < bEnd && b.charAt(j) == '0') {
                j++;
            }
            int firstDiff = 0;
            while (true) {
                boolean aDigit = i < aEnd && isDigit(a.charAt(i));
                boolean bDigit = j < bEnd && isDigit(b.charAt(j));
                if (!aDigit || !bDigit) {
                    if (aDigit) {
                        return 1;
                    }
                    if (bDigit) {
                        return -1;
                    }
                    break;
                }
                if (firstDiff == 0) {
                    firstDiff = a.charAt(i) - b.charAt(j);
                }
                i++;
                j++;
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

    /** The hash of the text as written, consistent with {@link #equals(Object)}. */
    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
