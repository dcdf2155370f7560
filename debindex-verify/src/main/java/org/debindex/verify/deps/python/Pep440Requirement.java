package org.debindex.verify.deps.python;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.debindex.core.MalformedInputException;
import org.debindex.verify.deps.VersionRequirement;

/**
 * A PEP 440 version specifier set such as {@code >=1.4,!=1.5.*,<2}: every clause must hold.
 *
 * <p>Operators {@code ~= == != < <= > >= ===} and the prefix forms {@code ==1.*}, {@code !=1.*},
 * evaluated as PEP 440 "Version specifiers" and Python's {@code packaging} (26.x) do: {@code <V}
 * excludes pre-releases of V, {@code >V} excludes post-releases and local versions of V, {@code ==}
 * ignores a candidate's local label unless the specifier has one. Pre-releases (and development
 * releases) satisfy the set only when one of its clauses other than {@code !=} and prefix matches
 * names a pre-release, as when pip is not given {@code --pre}. An empty set accepts every final
 * release.
 *
 * <p>Stricter than {@code packaging}: an empty clause ({@code ">=1.0,"}) is refused, as PEP 508's
 * grammar has none; and the {@code ~=} prefix is taken from the normalised version, so
 * {@code ~=1.0.2c2} means {@code ==1.0.*} (packaging reads the spelling {@code c2} as a release
 * number there and would ask for {@code ==1.0.2.*}).
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @see "PEP 440, version specifiers"
 */
public final class Pep440Requirement implements VersionRequirement {

    private enum Op {
        COMPATIBLE("~="), EQUAL("=="), NOT_EQUAL("!="), LESS_EQUAL("<="), GREATER_EQUAL(">="), LESS("<"),
        GREATER(">"), ARBITRARY("===");

        final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }
    }

    private record Clause(Op op, String versionText, Pep440Version version, boolean prefix) {
    }

    private static final Pattern CLAUSE = Pattern.compile("\\s*(~=|===|==|!=|<=|>=|<|>)\\s*([^\\s=<>!~]\\S*)\\s*");
    private static final Pattern PREFIX = Pattern.compile("v?(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)*", Pattern.CASE_INSENSITIVE);

    private final String text;
    private final List<Clause> clauses;
    private final boolean allowsPrereleases;

    private Pep440Requirement(String text, List<Clause> clauses) {
        this.text = text;
        this.clauses = List.copyOf(clauses);
        boolean pre = false;
        for (Clause c : clauses) {
            if (c.op() != Op.NOT_EQUAL && !c.prefix() && c.version() != null && c.version().isPrerelease()) {
                pre = true;
            }
        }
        this.allowsPrereleases = pre;
    }

    /**
     * Parses a specifier set; the empty string (or only spaces) is the set that accepts any final
     * release.
     *
     * @throws MalformedInputException (without a location) naming the bad clause and what was expected
     * @throws NullPointerException if {@code text} is null
     */
    public static Pep440Requirement parse(String text) throws MalformedInputException {
        Objects.requireNonNull(text, "text");
        List<Clause> clauses = new ArrayList<>();
        if (!text.isBlank()) {
            for (String part : text.split(",", -1)) {
                clauses.add(clause(part));
            }
        }
        return new Pep440Requirement(text.strip(), clauses);
    }

    private static Clause clause(String part) throws MalformedInputException {
        Matcher m = CLAUSE.matcher(part);
        if (!m.matches()) {
            throw MalformedInputException.ofValue("invalid version specifier " + MalformedInputException.quote(part.strip())
                    + "; expected an operator (~= == != < <= > >= ===) and a version");
        }
        Op op = opOf(m.group(1));
        String v = m.group(2);
        if (op == Op.ARBITRARY) {
            Pep440Version parsed;
            try {
                parsed = Pep440Version.parse(v);
            } catch (MalformedInputException e) {
                parsed = null;
            }
            return new Clause(op, v, parsed, false);
        }
        if (v.endsWith(".*")) {
            String base = v.substring(0, v.length() - 2);
            if ((op != Op.EQUAL && op != Op.NOT_EQUAL) || !PREFIX.matcher(base).matches()) {
                throw MalformedInputException.ofValue("invalid version specifier " + MalformedInputException.quote(part.strip())
                        + "; expected \".*\" only after \"==\" or \"!=\" and a release such as 1.2");
            }
            return new Clause(op, v, Pep440Version.parse(base), true);
        }
        Pep440Version parsed = Pep440Version.parse(v);
        if (parsed.hasLocal() && op != Op.EQUAL && op != Op.NOT_EQUAL) {
            throw MalformedInputException.ofValue("invalid version specifier " + MalformedInputException.quote(part.strip())
                    + "; a local version label is allowed only after \"==\" or \"!=\"");
        }
        if (op == Op.COMPATIBLE && parsed.release().size() < 2) {
            throw MalformedInputException.ofValue("invalid version specifier " + MalformedInputException.quote(part.strip())
                    + "; expected at least two release numbers after \"~=\"");
        }
        return new Clause(op, v, parsed, false);
    }

    private static Op opOf(String symbol) {
        for (Op op : Op.values()) {
            if (op.symbol.equals(symbol)) {
                return op;
            }
        }
        throw new AssertionError(symbol);
    }

    @Override
    public String text() {
        return text;
    }

    /** Whether a clause names a pre-release, which lets pre-releases satisfy the set. */
    public boolean allowsPrereleases() {
        return allowsPrereleases;
    }

    /**
     * {@inheritDoc} A text that is not a PEP 440 version satisfies only {@code ===} clauses that
     * spell it.
     */
    @Override
    public boolean isSatisfiedBy(String upstreamVersion) {
        Objects.requireNonNull(upstreamVersion, "upstreamVersion");
        Pep440Version v;
        try {
            v = Pep440Version.parse(upstreamVersion);
        } catch (MalformedInputException e) {
            for (Clause c : clauses) {
                if (c.op() != Op.ARBITRARY || !c.versionText().equalsIgnoreCase(upstreamVersion.strip())) {
                    return false;
                }
            }
            return !clauses.isEmpty();
        }
        return isSatisfiedBy(v);
    }

    /**
     * Whether a version satisfies every clause, pre-releases admitted as the class comment says.
     *
     * @throws NullPointerException if {@code v} is null
     */
    public boolean isSatisfiedBy(Pep440Version v) {
        Objects.requireNonNull(v, "v");
        if (v.isPrerelease() && !allowsPrereleases) {
            return false;
        }
        for (Clause c : clauses) {
            if (!matches(c, v)) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(Clause c, Pep440Version v) {
        Pep440Version spec = c.version();
        return switch (c.op()) {
            case ARBITRARY -> v.toString().equalsIgnoreCase(c.versionText());
            case EQUAL -> equal(c, v);
            case NOT_EQUAL -> !equal(c, v);
            case LESS_EQUAL -> v.publicVersion().compareTo(spec) <= 0;
            case GREATER_EQUAL -> v.publicVersion().compareTo(spec) >= 0;
            case LESS -> v.compareTo(spec) < 0
                    && !(!spec.isPrerelease() && v.isPrerelease() && v.compareTo(spec.earliestPrerelease()) >= 0);
            case GREATER -> v.compareTo(spec) > 0
                    && !(!spec.isPostrelease() && v.isPostrelease() && v.postBase().equals(spec))
                    && !(v.hasLocal() && v.publicVersion().equals(spec));
            case COMPATIBLE -> v.publicVersion().compareTo(spec) >= 0
                    && prefixMatches(spec.epoch(), spec.release().subList(0, spec.release().size() - 1), v);
        };
    }

    private static boolean equal(Clause c, Pep440Version v) {
        if (c.prefix()) {
            return prefixMatches(c.version().epoch(), c.version().release(), v);
        }
        return (c.version().hasLocal() ? v : v.publicVersion()).equals(c.version());
    }

    /** {@code ==prefix.*}: same epoch, and the release padded with zeros starts with the prefix. */
    private static boolean prefixMatches(long epoch, List<Long> prefix, Pep440Version v) {
        if (v.epoch() != epoch) {
            return false;
        }
        List<Long> r = v.release();
        for (int i = 0; i < prefix.size(); i++) {
            long x = i < r.size() ? r.get(i) : 0;
            if (x != prefix.get(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return text;
    }
}
