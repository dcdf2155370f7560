package org.debindex.verify.deps.perl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.debindex.core.MalformedInputException;

/**
 * A Perl module or distribution version, as {@code version.pm} parses and orders it.
 *
 * <p>Two forms, told apart by their text:
 * <ul>
 *   <li>dotted-decimal: a leading {@code v} ({@code v1.2}, {@code v5}) or two or more dots
 *       ({@code 1.2.3}); each component is an integer ({@code 1.2.10 > 1.2.9});
 *   <li>decimal: at most one dot ({@code 1.10}, {@code 1.002003}, {@code .5}); the fraction is
 *       read in groups of three digits, padded on the right, so {@code 1.10} is {@code v1.100.0}
 *       and sorts below {@code 1.9} ({@code v1.900.0}), and {@code 1.002003} equals {@code v1.2.3}.
 * </ul>
 * An underscore marks an alpha (trial) version ({@code 1.23_01}, {@code v1.2.3_4}): as in
 * {@code version.pm} 0.9921 and later it is dropped and the digits around it joined
 * ({@code 1.23_01} equals {@code 1.2301}, {@code v1.2.3_4} equals {@code v1.2.34}); it is allowed
 * once, in the fraction of a decimal or the last component of a dotted-decimal version.
 * Comparison is by the components, missing ones counting as zero; the alpha mark does not count.
 *
 * <p>Stricter than {@code version.pm} where it only warns: trailing text ({@code "1 2"}),
 * components above 2<sup>31</sup>-1 (which it clamps), the string {@code undef}, and a trailing
 * underscore ({@code 1.2.3_}) are rejected. Leading and trailing whitespace is ignored.
 *
 * <p>Instances are immutable and thread-safe. {@link #equals} agrees with {@link #compareTo}:
 * {@code 1.002003} equals {@code v1.2.3}.
 *
 * <p>Rules: the {@code version} module's documentation ("version::Internals", "How to compare
 * a Decimal and a Dotted-Decimal version"); tables in the tests come from perl 5.36's
 * {@code version.pm} 0.9929.
 */
public final class PerlVersion implements Comparable<PerlVersion> {

    /** Longest version text accepted. */
    public static final int MAX_LENGTH = 256;

    private final String text;
    private final int[] components;
    private final boolean dotted;
    private final boolean alpha;

    private PerlVersion(String text, int[] components, boolean dotted, boolean alpha) {
        this.text = text;
        this.components = components;
        this.dotted = dotted;
        this.alpha = alpha;
    }

    /**
     * Parses a version.
     *
     * @throws MalformedInputException if {@code text} is not a version: the message says which
     *     form was expected
     * @throws NullPointerException if {@code text} is null
     */
    public static PerlVersion parse(String text) throws MalformedInputException {
        Objects.requireNonNull(text, "text");
        String s = text.strip();
        if (s.length() > MAX_LENGTH) {
            throw invalid(text, "longer than " + MAX_LENGTH + " characters");
        }
        if (s.isEmpty()) {
            throw invalid(text, "empty");
        }
        boolean dotted = s.charAt(0) == 'v' || s.indexOf('.') != s.lastIndexOf('.');
        String body = s.charAt(0) == 'v' ? s.substring(1) : s;
        int underscore = body.indexOf('_');
        boolean alpha = underscore >= 0;
        if (alpha) {
            int lastDot = body.lastIndexOf('.');
            if (body.indexOf('_', underscore + 1) >= 0) {
                throw invalid(text, "more than one underscore");
            }
            if (lastDot < 0 || underscore < lastDot) {
                throw invalid(text, "an underscore before the last dot");
            }
            if (underscore == lastDot + 1 || underscore == body.length() - 1) {
                throw invalid(text, "an underscore not between digits");
            }
            body = body.substring(0, underscore) + body.substring(underscore + 1);
        }
        if (body.endsWith(".") && body.indexOf('.') == body.length() - 1 && body.length() > 1) {
            body = body.substring(0, body.length() - 1); // "1." and "v1." are 1
        }
        List<String> parts = split(body);
        for (String p : parts) {
            for (int i = 0; i < p.length(); i++) {
                if (p.charAt(i) < '0' || p.charAt(i) > '9') {
                    throw invalid(text, "a character that is not a digit, dot or underscore");
                }
            }
        }
        int[] components;
        if (dotted) {
            if (parts.isEmpty() || parts.stream().anyMatch(String::isEmpty)) {
                throw invalid(text, "an empty component");
            }
            components = new int[parts.size()];
            for (int i = 0; i < components.length; i++) {
                components[i] = integer(text, parts.get(i));
            }
        } else {
            String whole = parts.get(0);
            String fraction = parts.size() > 1 ? parts.get(1) : "";
            if (whole.isEmpty() && fraction.isEmpty()) {
                throw invalid(text, "no digits");
            }
            int groups = Math.max(1, (fraction.length() + 2) / 3);
            String padded = fraction + "0".repeat(groups * 3 - fraction.length());
            components = new int[1 + groups];
            components[0] = whole.isEmpty() ? 0 : integer(text, whole);
            for (int i = 0; i < groups; i++) {
                components[1 + i] = Integer.parseInt(padded.substring(3 * i, 3 * i + 3));
            }
        }
        return new PerlVersion(s, components, dotted, alpha);
    }

    /**
     * Whether {@code text} parses as a version.
     *
     * @throws NullPointerException if {@code text} is null
     */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (MalformedInputException e) {
            return false;
        }
    }

    /** Splits on dots, keeping empty parts. */
    private static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || s.charAt(i) == '.') {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        return out;
    }

    private static int integer(String text, String digits) throws MalformedInputException {
        String d = digits.replaceFirst("^0+(?=.)", "");
        if (d.length() > 10 || Long.parseLong(d) > Integer.MAX_VALUE) {
            throw invalid(text, "a component above " + Integer.MAX_VALUE);
        }
        return Integer.parseInt(d);
    }

    private static MalformedInputException invalid(String text, String problem) {
        return MalformedInputException.ofValue("invalid Perl version " + MalformedInputException.quote(text)
                + ": " + problem + "; expected a decimal (1.10, 1.002003) or dotted-decimal (v1.2.3, 1.2.3) "
                + "version, with at most one underscore for an alpha (1.23_01)");
    }

    /** The version as given, without surrounding whitespace. */
    public String text() {
        return text;
    }

    /** Whether it was written in dotted-decimal form. */
    public boolean isDotted() {
        return dotted;
    }

    /** Whether it is an alpha (trial) version: it has an underscore. */
    public boolean isAlpha() {
        return alpha;
    }

    /** The integer components as compared: {@code 1.10} gives {@code [1, 100]}. */
    public List<Integer> components() {
        return Arrays.stream(components).boxed().toList();
    }

    /**
     * The dotted-decimal normal form, at least three components, as {@code version->normal}:
     * {@code 1.10} is {@code v1.100.0}.
     */
    public String normal() {
        int n = Math.max(3, components.length);
        return "v" + IntStream.range(0, n)
                .mapToObj(i -> String.valueOf(i < components.length ? components[i] : 0))
                .collect(Collectors.joining("."));
    }

    @Override
    public int compareTo(PerlVersion other) {
        int n = Math.max(components.length, other.components.length);
        for (int i = 0; i < n; i++) {
            int a = i < components.length ? components[i] : 0;
            int b = i < other.components.length ? other.components[i] : 0;
            if (a != b) {
                return Integer.compare(a, b);
            }
        }
        return 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PerlVersion v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        int end = components.length;
        while (end > 0 && components[end - 1] == 0) {
            end--;
        }
        return Arrays.hashCode(Arrays.copyOf(components, end));
    }

    @Override
    public String toString() {
        return text;
    }
}
