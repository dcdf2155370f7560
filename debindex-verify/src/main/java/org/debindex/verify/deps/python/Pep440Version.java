package org.debindex.verify.deps.python;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.debindex.core.MalformedInputException;

/**
 * A version in the PEP 440 scheme, normalised: {@code [N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local]},
 * with the spellings PEP 440 accepts ({@code alpha}, {@code beta}, {@code c}, {@code pre},
 * {@code preview}, {@code -1} for a post-release, {@code rev}, {@code r}, separators, a leading
 * {@code v}, implicit numbers). Ordered as PEP 440 "Summary of permitted suffixes and relative
 * ordering" says: {@code 1.0.dev0 < 1.0a1 < 1.0 < 1.0.post1}, trailing zeros of the release do not
 * count, local versions sort after their public version.
 *
 * <p>Equality is PEP 440's ({@code 1.0 == 1.0.0}), consistent with {@link #compareTo}.
 * Instances are immutable and thread-safe.
 *
 * @see "PEP 440"
 */
public final class Pep440Version implements Comparable<Pep440Version> {

    // The pattern packaging.version uses, which is PEP 440's appendix B.
    private static final Pattern PATTERN = Pattern.compile(
            "\\s*v?(?:(?:(?<epoch>[0-9]+)!)?(?<release>[0-9]+(?:\\.[0-9]+)*)"
            + "(?<pre>[-_.]?(?<preL>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<preN>[0-9]+)?)?"
            + "(?<post>(?:-(?<postN1>[0-9]+))|(?:[-_.]?(?<postL>post|rev|r)[-_.]?(?<postN2>[0-9]+)?))?"
            + "(?<dev>[-_.]?(?<devL>dev)[-_.]?(?<devN>[0-9]+)?)?)"
            + "(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?\\s*",
            Pattern.CASE_INSENSITIVE);

    private final long epoch;
    private final List<Long> release;
    private final String preLetter;
    private final long preNumber;
    private final long post;
    private final long dev;
    private final List<String> local;

    private Pep440Version(long epoch, List<Long> release, String preLetter, long preNumber, long post, long dev,
                          List<String> local) {
        this.epoch = epoch;
        this.release = List.copyOf(release);
        this.preLetter = preLetter;
        this.preNumber = preNumber;
        this.post = post;
        this.dev = dev;
        this.local = List.copyOf(local);
    }

    /**
     * Parses and normalises a version.
     *
     * @throws MalformedInputException (without a location) if the text is not a PEP 440 version or a
     *     number in it does not fit 63 bits
     * @throws NullPointerException if {@code text} is null
     */
    public static Pep440Version parse(String text) throws MalformedInputException {
        Objects.requireNonNull(text, "text");
        Matcher m = PATTERN.matcher(text);
        if (!m.matches()) {
            throw MalformedInputException.ofValue("invalid PEP 440 version " + MalformedInputException.quote(text));
        }
        try {
            long epoch = m.group("epoch") == null ? 0 : Long.parseLong(m.group("epoch"));
            List<Long> release = new ArrayList<>();
            for (String part : m.group("release").split("\\.")) {
                release.add(Long.parseLong(part));
            }
            String preLetter = "";
            long preNumber = 0;
            if (m.group("preL") != null) {
                String l = m.group("preL").toLowerCase(Locale.ROOT);
                preLetter = switch (l) {
                    case "alpha", "a" -> "a";
                    case "beta", "b" -> "b";
                    default -> "rc";
                };
                preNumber = number(m.group("preN"));
            }
            long post = -1;
            if (m.group("post") != null) {
                post = m.group("postN1") != null ? Long.parseLong(m.group("postN1")) : number(m.group("postN2"));
            }
            long dev = m.group("dev") != null ? number(m.group("devN")) : -1;
            List<String> local = new ArrayList<>();
            if (m.group("local") != null) {
                for (String part : m.group("local").toLowerCase(Locale.ROOT).split("[-_.]")) {
                    // numeric segments are compared as numbers, so keep them without leading zeros
                    local.add(part.chars().allMatch(c -> c >= '0' && c <= '9') ? Long.toString(Long.parseLong(part)) : part);
                }
            }
            return new Pep440Version(epoch, release, preLetter, preNumber, post, dev, local);
        } catch (NumberFormatException e) {
            throw MalformedInputException.ofValue("number too large in version " + MalformedInputException.quote(text));
        }
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }

    /** The epoch, 0 when not written. */
    public long epoch() {
        return epoch;
    }

    /** The release segment as written, trailing zeros included. */
    public List<Long> release() {
        return release;
    }

    /** Whether it is a pre-release or a development release (PEP 440 treats both as pre-releases). */
    public boolean isPrerelease() {
        return !preLetter.isEmpty() || dev >= 0;
    }

    /** Whether it has a post-release segment. */
    public boolean isPostrelease() {
        return post >= 0;
    }

    /** Whether it has a development-release segment. */
    public boolean isDevrelease() {
        return dev >= 0;
    }

    /** Whether it has a local version label. */
    public boolean hasLocal() {
        return !local.isEmpty();
    }

    /** The same version without its local label. */
    public Pep440Version publicVersion() {
        return local.isEmpty() ? this : new Pep440Version(epoch, release, preLetter, preNumber, post, dev, List.of());
    }

    /** Epoch and release only. */
    public Pep440Version baseVersion() {
        return new Pep440Version(epoch, release, "", 0, -1, -1, List.of());
    }

    /** The same version without post, dev and local segments. */
    Pep440Version postBase() {
        return new Pep440Version(epoch, release, preLetter, preNumber, -1, -1, List.of());
    }

    /** The earliest pre-release of this version, {@code .dev0} added, local dropped. */
    Pep440Version earliestPrerelease() {
        return new Pep440Version(epoch, release, preLetter, preNumber, post, 0, List.of());
    }

    @Override
    public int compareTo(Pep440Version o) {
        int c = Long.compare(epoch, o.epoch);
        if (c != 0) {
            return c;
        }
        c = compareRelease(release, o.release);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(preRank(), o.preRank());
        if (c != 0 || preLetter.isEmpty()) {
            if (c != 0) {
                return c;
            }
        } else {
            c = Long.compare(preNumber, o.preNumber);
            if (c != 0) {
                return c;
            }
        }
        c = Long.compare(post, o.post);
        if (c != 0) {
            return c;
        }
        // no dev segment sorts after every dev release
        c = Long.compare(dev < 0 ? Long.MAX_VALUE : dev, o.dev < 0 ? Long.MAX_VALUE : o.dev);
        if (c != 0) {
            return c;
        }
        return compareLocal(local, o.local);
    }

    /** 0 for a bare dev release (before every pre-release), 1-3 for a, b, rc, 4 for none. */
    private int preRank() {
        if (preLetter.isEmpty()) {
            return post < 0 && dev >= 0 ? 0 : 4;
        }
        return switch (preLetter) {
            case "a" -> 1;
            case "b" -> 2;
            default -> 3;
        };
    }

    private static int compareRelease(List<Long> a, List<Long> b) {
        int n = Math.max(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            long x = i < a.size() ? a.get(i) : 0;
            long y = i < b.size() ? b.get(i) : 0;
            if (x != y) {
                return Long.compare(x, y);
            }
        }
        return 0;
    }

    private static int compareLocal(List<String> a, List<String> b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            String x = a.get(i);
            String y = b.get(i);
            boolean xn = isNumeric(x);
            boolean yn = isNumeric(y);
            int c;
            if (xn && yn) {
                c = Long.compare(Long.parseLong(x), Long.parseLong(y));
            } else if (xn != yn) {
                // PEP 440: alphanumeric segments sort before numeric ones
                c = xn ? 1 : -1;
            } else {
                c = x.compareTo(y);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static boolean isNumeric(String s) {
        return s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pep440Version v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        List<Long> r = new ArrayList<>(release);
        while (!r.isEmpty() && r.get(r.size() - 1) == 0) {
            r.remove(r.size() - 1);
        }
        return Objects.hash(epoch, r, preLetter, preLetter.isEmpty() ? 0 : preNumber, post, dev, local);
    }

    /** The normalised form, as {@code str(packaging.version.Version(text))} prints it. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        if (epoch != 0) {
            b.append(epoch).append('!');
        }
        for (int i = 0; i < release.size(); i++) {
            if (i > 0) {
                b.append('.');
            }
            b.append(release.get(i));
        }
        if (!preLetter.isEmpty()) {
            b.append(preLetter).append(preNumber);
        }
        if (post >= 0) {
            b.append(".post").append(post);
        }
        if (dev >= 0) {
            b.append(".dev").append(dev);
        }
        if (!local.isEmpty()) {
            b.append('+').append(String.join(".", local));
        }
        return b.toString();
    }
}
