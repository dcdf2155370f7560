package org.debindex.verify.deps.ruby;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.debindex.core.MalformedInputException;

/**
 * A RubyGems version, ordered as {@code Gem::Version} orders it: the text is split into numeric
 * and alphabetic segments (at dots and at every letter/digit boundary, so {@code 1.0b1} is
 * {@code 1, 0, "b", 1}); numbers compare numerically, letters by their bytes, and a letter segment
 * (a pre-release) sorts before any number. Trailing zero segments do not count ({@code 1.0}
 * equals {@code 1}, {@code 1.0.a} equals {@code 1.a}). A {@code -} starts a pre-release and is read
 * as {@code .pre.} ({@code 1.0-rc1} is {@code 1.0.pre.rc1}).
 *
 * <p>{@link #equals} and {@link #compareTo} agree (like Ruby's {@code ==}, not {@code eql?}).
 *
 * <p>Instances are immutable and thread-safe.
 *
 * <p>Rules: RubyGems {@code lib/rubygems/version.rb} ({@code VERSION_PATTERN}, {@code <=>},
 * {@code canonical_segments}, {@code bump}, {@code release}).
 */
public final class GemVersion implements Comparable<GemVersion> {

    /** {@code Gem::Version::VERSION_PATTERN}, anchored; surrounding blanks are stripped first. */
    private static final Pattern PATTERN =
            Pattern.compile("[0-9]+(\\.[0-9a-zA-Z]+)*(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?");
    /** Numbers are {@link BigInteger}, letters {@link String}. */
    private final List<Object> segments;
    private final List<Object> canonical;
    private final String version;

    private GemVersion(String version) {
        this.version = version;
        this.segments = split(version);
        this.canonical = canonical(segments);
    }

    /**
     * Parses a version; blanks around it are ignored.
     *
     * @throws MalformedInputException if the text is not a RubyGems version (empty, a leading
     *     {@code v}, {@code _}, {@code +}, ...)
     * @throws NullPointerException if {@code text} is null
     */
    public static GemVersion parse(String text) throws MalformedInputException {
        String s = Objects.requireNonNull(text, "text").strip();
        if (!PATTERN.matcher(s).matches()) {
            // Ruby reads an empty string as "0"; an empty requirement means "any" here instead
            throw MalformedInputException.ofValue("invalid gem version " + MalformedInputException.quote(text)
                    + "; expected digits and dot-separated letters or digits, as 1.2.3 or 1.0.rc1");
        }
        return new GemVersion(s.replace("-", ".pre."));
    }

    /**
     * Whether the text parses as a version.
     *
     * @throws NullPointerException if {@code text} is null
     */
    public static boolean isValid(String text) {
        return PATTERN.matcher(Objects.requireNonNull(text, "text").strip()).matches();
    }

    private static List<Object> split(String v) {
        List<Object> out = new ArrayList<>();
        int i = 0;
        while (i < v.length()) {
            char c = v.charAt(i);
            int j = i;
            if (isDigit(c)) {
                while (j < v.length() && isDigit(v.charAt(j))) {
                    j++;
                }
                out.add(new BigInteger(v.substring(i, j)));
            } else if (isLetter(c)) {
                while (j < v.length() && isLetter(v.charAt(j))) {
                    j++;
                }
                out.add(v.substring(i, j));
            } else {
                j++; // a dot
            }
            i = j;
        }
        return List.copyOf(out);
    }

    /** Trailing zeros dropped from the numeric part and from the part from the first letter on. */
    private static List<Object> canonical(List<Object> segments) {
        int firstString = 0;
        while (firstString < segments.size() && !(segments.get(firstString) instanceof String)) {
            firstString++;
        }
        List<Object> out = new ArrayList<>(dropTrailingZeros(segments.subList(0, firstString)));
        out.addAll(dropTrailingZeros(segments.subList(firstString, segments.size())));
        return List.copyOf(out);
    }

    private static List<Object> dropTrailingZeros(List<Object> part) {
        int n = part.size();
        while (n > 0 && BigInteger.ZERO.equals(part.get(n - 1))) {
            n--;
        }
        return part.subList(0, n);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** Whether it is a pre-release: it has a letter ({@code Gem::Version#prerelease?}). */
    public boolean isPrerelease() {
        return segments.stream().anyMatch(String.class::isInstance);
    }

    /**
     * The segments as text, numbers without leading zeros: {@code 1.0b1} is
     * {@code [1, 0, b, 1]}.
     */
    public List<String> segments() {
        return segments.stream().map(Object::toString).toList();
    }

    /**
     * The upper bound of {@code ~>} ({@code Gem::Version#bump}): letter segments and what follows
     * the first of them dropped, then the last segment dropped unless it is the only one, then the
     * last remaining one incremented: {@code 1.2.3} → {@code 1.3}, {@code 1.2} → {@code 2},
     * {@code 1} → {@code 2}, {@code 1.2.3.a} → {@code 1.3}.
     */
    public GemVersion bump() {
        List<Object> s = new ArrayList<>(segments);
        while (s.stream().anyMatch(String.class::isInstance)) {
            s.remove(s.size() - 1);
        }
        if (s.size() > 1) {
            s.remove(s.size() - 1);
        }
        s.set(s.size() - 1, ((BigInteger) s.get(s.size() - 1)).add(BigInteger.ONE));
        return new GemVersion(join(s));
    }

    /**
     * The release this pre-release leads to ({@code Gem::Version#release}): letter segments and
     * what follows them dropped ({@code 1.2.0.rc1} → {@code 1.2.0}); a release is itself.
     */
    public GemVersion release() {
        if (!isPrerelease()) {
            return this;
        }
        List<Object> s = new ArrayList<>(segments);
        while (s.stream().anyMatch(String.class::isInstance)) {
            s.remove(s.size() - 1);
        }
        return new GemVersion(join(s));
    }

    private static String join(List<Object> s) {
        StringBuilder out = new StringBuilder();
        for (Object o : s) {
            if (out.length() > 0) {
                out.append('.');
            }
            out.append(o);
        }
        return out.toString();
    }

    /** {@code Gem::Version#<=>}. */
    @Override
    public int compareTo(GemVersion other) {
        List<Object> l = canonical;
        List<Object> r = other.canonical;
        int n = Math.max(l.size(), r.size());
        for (int i = 0; i < n; i++) {
            Object a = i < l.size() ? l.get(i) : BigInteger.ZERO;
            Object b = i < r.size() ? r.get(i) : BigInteger.ZERO;
            if (a.equals(b)) {
                continue;
            }
            if (a instanceof String && b instanceof BigInteger) {
                return -1;
            }
            if (a instanceof BigInteger && b instanceof String) {
                return 1;
            }
            int c = a instanceof String sa ? sa.compareTo((String) b) : ((BigInteger) a).compareTo((BigInteger) b);
            return Integer.signum(c);
        }
        return 0;
    }

    /** Equal when {@link #compareTo} is 0: {@code 1.0} equals {@code 1}. */
    @Override
    public boolean equals(Object o) {
        return o instanceof GemVersion v && canonical.equals(v.canonical);
    }

    @Override
    public int hashCode() {
        return canonical.hashCode();
    }

    /** The version as RubyGems keeps it: stripped, a {@code -} written {@code .pre.}. */
    @Override
    public String toString() {
        return version;
    }
}
