package org.debindex.verify.deps.php;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.debindex.core.MalformedInputException;
import org.debindex.verify.deps.VersionRequirement;

/**
 * A Composer version constraint with composer/semver's semantics: {@code ||} or {@code |} between
 * alternatives, a comma or whitespace as AND within one, and each part desugared into primitive
 * comparisons exactly as {@code VersionParser::parseConstraint} does:
 * <ul>
 *   <li>{@code ^1.2.3} → {@code >=1.2.3.0-dev <2.0.0.0-dev}; {@code ^0.3} → {@code <0.4}; {@code
 *       ^0.0.3} → {@code <0.0.4}.
 *   <li>{@code ~1.2} → {@code >=1.2.0.0-dev <2.0.0.0-dev} (the last given number may change, so
 *       {@code ~1.2} allows 1.9, unlike npm); {@code ~1.2.3} → {@code <1.3.0.0-dev}.
 *   <li>{@code 1.2.*} → {@code >=1.2.0.0-dev <1.3.0.0-dev}; {@code *} any version.
 *   <li>{@code 1.0 - 2.0} → {@code >=1.0.0.0-dev <2.1.0.0-dev}; a full upper end is inclusive:
 *       {@code 1.0.0 - 2.1.0} → {@code <=2.1.0.0}.
 *   <li>{@code >= > <= < != <> == =} and a bare version (exact); {@code <2.0} and {@code >=1.0}
 *       without a modifier mean {@code <2.0.0.0-dev} and {@code >=1.0.0.0-dev}, so {@code <2.0}
 *       excludes 2.0's pre-releases.
 *   <li>A branch ({@code dev-main}, {@code 1.x-dev}) only equals itself: no release satisfies it.
 * </ul>
 *
 * <p>A stability flag ({@code 1.0@dev}, {@code @beta}) is stripped: in Composer it lowers the
 * project's {@code minimum-stability} for that package, a filter of the solver, not part of the
 * constraint, and it only ever admits more versions; a stable version satisfies {@code 1.0@dev}
 * as it satisfies {@code 1.0}. {@link #isSatisfiedBy} is composer/semver's {@code
 * Semver::satisfies}, which applies no stability filter either: {@code ^1.0} is satisfied by
 * {@code 1.5.0-beta1}. Debian ships releases, so this rarely matters.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * <p>Rules: composer/semver {@code VersionParser::parseConstraints}, {@code Constraint::matchSpecific}
 * and {@code Constraint::versionCompare}; Composer's documentation, "Versions and constraints".
 */
public final class ComposerConstraint implements VersionRequirement {

    /** One primitive comparison with a normalised version. */
    record Comparison(String op, String version) {
        boolean test(String v) {
            boolean vBranch = v.startsWith("dev-");
            boolean cBranch = version.startsWith("dev-");
            if (op.equals("!=") && (vBranch || cBranch)) {
                return !v.equals(version);
            }
            if (vBranch || cBranch) {
                // Constraint::versionCompare: branches only equal themselves
                return vBranch && cBranch && op.equals("==") && v.equals(version);
            }
            int c = ComposerVersion.compare(v, version);
            return switch (op) {
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                case "!=" -> c != 0;
                default -> c == 0;
            };
        }

        @Override
        public String toString() {
            return op + version;
        }
    }

    /** Longest constraint accepted: real ones are below 200 characters. */
    public static final int MAX_LENGTH = 1024;

    private static final Pattern OR = Pattern.compile("\\s*\\|\\|?\\s*");
    private static final Pattern AND = Pattern.compile("(?<!^|as|[=>< ,]) *(?<!-)[, ](?!-) *(?!,|as|$)");
    private static final Pattern ALIAS = Pattern.compile("^([^,\\s]++) ++as ++([^,\\s]++)$");
    private static final Pattern FLAG = Pattern.compile("^([^,\\s]*?)@(stable|RC|beta|alpha|dev)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern REF = Pattern.compile("^(dev-[^,\\s@]+?|[^,\\s@]+?\\.x-dev)#.+$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ANY = Pattern.compile("^(v)?[xX*](\\.[xX*])*$", Pattern.CASE_INSENSITIVE);
    /** Groups: 1-4 numbers, 5 stability, 6 its number, 7 dev, 8 {@code .x-dev}. */
    private static final String VERSION = "v?(\\d++)(?:\\.(\\d++))?(?:\\.(\\d++))?(?:\\.(\\d++))?(?:"
            + ComposerVersion.MODIFIER + "|\\.([xX*][.-]?dev))(?:\\+[^\\s]+)?";
    private static final Pattern TILDE = Pattern.compile("^~>?" + VERSION + "$", Pattern.CASE_INSENSITIVE);
    private static final Pattern CARET = Pattern.compile("^\\^" + VERSION + "$", Pattern.CASE_INSENSITIVE);
    private static final Pattern WILDCARD = Pattern.compile("^v?(\\d++)(?:\\.(\\d++))?(?:\\.(\\d++))?(?:\\.[xX*])++$");
    /** Groups: 1 from, 2-9 its parts; 10 to, 11-18 its parts. */
    private static final Pattern HYPHEN = Pattern.compile("^(" + VERSION + ") +- +(" + VERSION + ")$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BASIC = Pattern.compile("^(<>|!=|>=?|<=?|==?)?\\s*(.*)");
    private static final Pattern HAS_MODIFIER = Pattern.compile("-" + ComposerVersion.MODIFIER + "$");
    private static final Pattern BRANCHY = Pattern.compile("^[0-9a-zA-Z-./]+$");

    private final String text;
    /** Alternatives joined by OR, each an AND of comparisons; an empty AND matches everything. */
    private final List<List<Comparison>> alternatives;

    private ComposerConstraint(String text, List<List<Comparison>> alternatives) {
        this.text = text;
        this.alternatives = alternatives;
    }

    /**
     * Parses a constraint as written in {@code composer.json}.
     *
     * @throws MalformedInputException if the text is no constraint; the message quotes the part
     *     that is not and says what was expected
     * @throws NullPointerException if {@code text} is null
     */
    public static ComposerConstraint parse(String text) throws MalformedInputException {
        Objects.requireNonNull(text, "text");
        if (text.length() > MAX_LENGTH) {
            throw MalformedInputException.ofValue("constraint is longer than " + MAX_LENGTH + " characters");
        }
        List<List<Comparison>> alternatives = new ArrayList<>();
        for (String or : OR.split(text.strip(), -1)) {
            List<Comparison> and = new ArrayList<>();
            for (String part : AND.split(or, -1)) {
                and.addAll(parsePart(part, text));
            }
            alternatives.add(List.copyOf(and));
        }
        return new ComposerConstraint(text, List.copyOf(alternatives));
    }

    @Override
    public boolean isSatisfiedBy(String upstreamVersion) {
        Objects.requireNonNull(upstreamVersion, "upstreamVersion");
        Optional<ComposerVersion> v = ComposerVersion.tryParse(upstreamVersion);
        if (v.isEmpty()) {
            return false;
        }
        String n = v.get().normalized();
        return alternatives.stream().anyMatch(and -> and.stream().allMatch(c -> c.test(n)));
    }

    @Override
    public String text() {
        return text;
    }

    /** The primitive comparisons, {@code ||} between alternatives: {@code >=1.2.0.0-dev <2.0.0.0-dev}. */
    @Override
    public String toString() {
        return alternatives.stream()
                .map(and -> and.isEmpty() ? "*" : and.stream().map(Comparison::toString).collect(Collectors.joining(" ")))
                .collect(Collectors.joining(" || "));
    }

    private static List<Comparison> parsePart(String part, String text) throws MalformedInputException {
        String c = part;
        Matcher m = ALIAS.matcher(c);
        if (m.matches()) {
            c = m.group(1);
        }
        String stabilityModifier = "";
        if ((m = FLAG.matcher(c)).matches()) {
            c = m.group(1).isEmpty() ? "*" : m.group(1);
            if (!m.group(2).equals("stable")) {
                stabilityModifier = m.group(2);
            }
        }
        if ((m = REF.matcher(c)).matches()) {
            c = m.group(1);
        }
        if ((m = ANY.matcher(c)).matches()) {
            return m.group(1) != null || m.group(2) != null
                    ? List.of(new Comparison(">=", "0.0.0.0-dev")) : List.of();
        }
        if ((m = TILDE.matcher(c)).matches()) {
            if (c.startsWith("~>")) {
                throw invalid(text, c, "operator \"~>\" is not Composer's; expected \"~\"");
            }
            int position = has(m, 4) ? 4 : has(m, 3) ? 3 : has(m, 2) ? 2 : 1;
            if (has(m, 8)) {
                position++; // 2.x-dev: the x counts as a given number
            }
            String suffix = !has(m, 5) && !has(m, 7) && !has(m, 8) ? "-dev" : "";
            return List.of(new Comparison(">=", normalize(c.substring(1) + suffix, text)),
                    new Comparison("<", bump(groups(m, 1), Math.max(1, position - 1)) + "-dev"));
        }
        if ((m = CARET.matcher(c)).matches()) {
            int position = !m.group(1).equals("0") || !has(m, 2) ? 1
                    : !m.group(2).equals("0") || !has(m, 3) ? 2 : 3;
            String suffix = !has(m, 5) && !has(m, 7) && !has(m, 8) ? "-dev" : "";
            return List.of(new Comparison(">=", normalize(c.substring(1) + suffix, text)),
                    new Comparison("<", bump(groups(m, 1), position) + "-dev"));
        }
        if ((m = WILDCARD.matcher(c)).matches()) {
            int position = has(m, 3) ? 3 : has(m, 2) ? 2 : 1;
            String low = pad(groups(m, 1), position) + "-dev";
            Comparison high = new Comparison("<", bump(groups(m, 1), position) + "-dev");
            return low.equals("0.0.0.0-dev") ? List.of(high) : List.of(new Comparison(">=", low), high);
        }
        if ((m = HYPHEN.matcher(c)).matches()) {
            String lowSuffix = !has(m, 6) && !has(m, 8) && !has(m, 9) ? "-dev" : "";
            Comparison low = new Comparison(">=", normalize(m.group(1), text) + lowSuffix);
            String to = normalize(m.group(10), text);
            // a full upper end (or one with a modifier) is inclusive, a partial one covers its tuple
            if (has(m, 12) && has(m, 13) || has(m, 15) || has(m, 17) || has(m, 18)) {
                return List.of(low, new Comparison("<=", to));
            }
            return List.of(low, new Comparison("<", bump(groups(m, 11), has(m, 12) ? 2 : 1) + "-dev"));
        }
        m = BASIC.matcher(c);
        m.lookingAt(); // always: every group is optional
        String op = m.group(1) == null ? "=" : m.group(1);
        String written = m.group(2);
        String version;
        try {
            version = ComposerVersion.normalize(written);
        } catch (MalformedInputException e) {
            // composer/semver reads foo-dev as the branch dev-foo
            if (written.endsWith("-dev") && BRANCHY.matcher(written).matches()) {
                version = ComposerVersion.normalize("dev-" + written.substring(0, written.length() - 4));
            } else {
                throw invalid(text, part, "expected a version, a range such as ^1.2, ~1.2.3, 1.2.*, "
                        + ">=1.0 <2.0 or 1.0 - 2.0, or a branch such as dev-main");
            }
        }
        if (!op.equals("==") && !op.equals("=") && !stabilityModifier.isEmpty()
                && ComposerVersion.stabilityOf(version) == ComposerVersion.Stability.STABLE) {
            version = version + "-" + stabilityModifier;
        } else if ((op.equals("<") || op.equals(">="))
                && !HAS_MODIFIER.matcher(written.toLowerCase(java.util.Locale.ROOT)).find()
                && !written.startsWith("dev-")) {
            version = version + "-dev";
        }
        return List.of(new Comparison(switch (op) {
            case "=" -> "==";
            case "<>" -> "!=";
            default -> op;
        }, version));
    }

    private static String normalize(String version, String text) throws MalformedInputException {
        try {
            return ComposerVersion.normalize(version);
        } catch (MalformedInputException e) {
            throw invalid(text, version, "expected a version such as 1.2.3");
        }
    }

    private static boolean has(Matcher m, int group) {
        return m.group(group) != null && !m.group(group).isEmpty();
    }

    /** The four numbers from {@code first} on, missing ones as empty strings. */
    private static String[] groups(Matcher m, int first) {
        String[] parts = new String[4];
        for (int i = 0; i < 4; i++) {
            parts[i] = first + i > m.groupCount() || m.group(first + i) == null ? "" : m.group(first + i);
        }
        return parts;
    }

    /** {@code manipulateVersionString} without increment: zeros after {@code position}. */
    private static String pad(String[] parts, int position) {
        return change(parts, position, false);
    }

    /** {@code manipulateVersionString} with increment 1 at {@code position}, zeros after it. */
    private static String bump(String[] parts, int position) {
        return change(parts, position, true);
    }

    private static String change(String[] parts, int position, boolean increment) {
        String[] p = parts.clone();
        for (int i = 4; i > 0; i--) {
            if (i > position) {
                p[i - 1] = "0";
            } else if (i == position && increment) {
                p[i - 1] = new java.math.BigInteger(p[i - 1].isEmpty() ? "0" : p[i - 1]).add(java.math.BigInteger.ONE)
                        .toString();
            }
        }
        return String.join(".", p);
    }

    private static MalformedInputException invalid(String text, String part, String expected) {
        return MalformedInputException.ofValue("invalid constraint " + MalformedInputException.quote(text)
                + (part.equals(text) ? "" : " at " + MalformedInputException.quote(part)) + "; " + expected);
    }
}
