package org.debindex.core.relation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.debindex.core.MalformedInputException;
import org.debindex.core.version.DebianVersion;

/**
 * The scanner behind {@link RelationList#parse}: one pass over the characters, no regular
 * expressions and no splitting, because it runs on every relation field of every stanza while
 * indexing.
 *
 * <p>Grammar (Policy §7.1, deb-src-control(5)), whitespace allowed between any two tokens:
 * <pre>
 * list        = [ group *( "," group ) [ "," ] ]        trailing "," only in source fields
 * group       = relation *( "|" relation )
 * relation    = name [ ":" qualifier ] [ "(" op version ")" ] [ "[" arch+ "]" ] *( "<" term+ ">" )
 * </pre>
 *
 * <p>One instance parses one value; not thread-safe, never shared.
 */
final class RelationParser {

    private static final String EXPECTED_OPERATORS = "expected \"<<\", \"<=\", \"=\", \">=\" or \">>\"";

    private final String s;
    private final int n;
    private final RelationField field;
    private int pos;

    RelationParser(String value, RelationField field) {
        this.s = value;
        this.n = value.length();
        this.field = field;
    }

    RelationList parseList() throws MalformedInputException {
        skipWhitespace();
        if (pos == n) {
            return RelationList.empty();
        }
        List<Alternatives> groups = new ArrayList<>();
        while (true) {
            groups.add(parseGroup());
            if (pos == n) {
                break;
            }
            // parseGroup stops only at the end or at a comma
            int comma = pos++;
            skipWhitespace();
            if (pos == n) {
                if (!field.allowsTrailingComma()) {
                    throw error(comma, "trailing \",\" not allowed in " + field);
                }
                break;
            }
        }
        return new RelationList(groups);
    }

    /** Parses relations separated by "|"; stops at the end or at a comma. */
    private Alternatives parseGroup() throws MalformedInputException {
        Relation first = parseRelation();
        if (pos == n || s.charAt(pos) == ',') {
            return new Alternatives(List.of(first));
        }
        List<Relation> alternatives = new ArrayList<>(4);
        alternatives.add(first);
        while (pos < n && s.charAt(pos) == '|') {
            int bar = pos++;
            if (!field.allowsAlternatives()) {
                throw error(bar, "alternatives (\"|\") not allowed in " + field);
            }
            skipWhitespace();
            if (pos == n || s.charAt(pos) == ',' || s.charAt(pos) == '|') {
                throw error(bar, "empty alternative after \"|\"; expected a package name");
            }
            alternatives.add(parseRelation());
        }
        return new Alternatives(alternatives);
    }

    /**
     * Parses one relation starting at a non-blank character; returns with {@code pos} at the end,
     * at a comma or at a bar, trailing whitespace skipped.
     */
    private Relation parseRelation() throws MalformedInputException {
        int start = pos;
        // the common case, a valid name, is checked while scanning; the rest only for the message
        int nameEnd = start;
        while (nameEnd < n && Tokens.isPackageNameChar(s.charAt(nameEnd))) {
            nameEnd++;
        }
        boolean isClean = nameEnd == n || isNameEnd(s.charAt(nameEnd));
        if (!isClean) {
            // take in the offending characters so that the message quotes the whole word
            nameEnd = scanWord(nameEnd, true);
        }
        if (nameEnd == start) {
            char c = s.charAt(start);
            if (c == ',') {
                throw error(start, "empty relation before \",\"; expected a package name");
            }
            if (c == '|') {
                throw error(start, "empty alternative before \"|\"; expected a package name");
            }
            throw error(start, "unexpected " + quoteToken(start) + "; expected a package name");
        }
        String name = s.substring(start, nameEnd);
        if (!isClean || !Tokens.isAlnum(name.charAt(0))) {
            throw error(start, "invalid package name " + quote(name) + ": " + Tokens.packageNameProblem(name));
        }
        pos = nameEnd;

        Optional<String> qualifier = Optional.empty();
        if (pos < n && s.charAt(pos) == ':') {
            qualifier = Optional.of(parseQualifier(name));
        }
        skipWhitespace();

        Optional<VersionConstraint> version = Optional.empty();
        if (pos < n && s.charAt(pos) == '(') {
            version = Optional.of(parseVersion(name));
            skipWhitespace();
        } else if (field.requiresVersion()) {
            throw error(start, "missing version for " + quote(name) + "; " + field + " requires \"(= version)\"");
        }

        Optional<ArchitectureRestriction> architectures = Optional.empty();
        if (pos < n && s.charAt(pos) == '[') {
            architectures = Optional.of(parseArchitectures(start));
            skipWhitespace();
        }

        Optional<BuildProfileFormula> profiles = Optional.empty();
        if (pos < n && s.charAt(pos) == '<') {
            profiles = Optional.of(parseProfiles(start));
        }

        if (pos < n && s.charAt(pos) != ',' && s.charAt(pos) != '|') {
            throw misplaced(start, version.isPresent(), architectures.isPresent(), profiles.isPresent());
        }
        return new Relation(name, qualifier, version, architectures, profiles);
    }

    /** Parses ":qualifier" at {@code pos}. */
    private String parseQualifier(String name) throws MalformedInputException {
        int colon = pos++;
        int end = scanWord(pos, false);
        if (end == pos) {
            throw error(colon, "missing architecture qualifier after " + quote(name + ":"));
        }
        String qualifier = s.substring(pos, end);
        String problem = Tokens.architectureNameProblem(qualifier);
        if (problem != null) {
            throw error(pos, "invalid architecture qualifier " + quote(qualifier) + " of " + quote(name) + ": "
                    + problem);
        }
        if (!field.allowsNativeQualifier() && qualifier.equals("native")) {
            throw error(pos, "architecture qualifier \":native\" not allowed in " + field);
        }
        pos = end;
        // the common qualifiers share one instance: an index holds tens of thousands of them
        switch (qualifier) {
            case "any":
                return "any";
            case "native":
                return "native";
            default:
                return qualifier;
        }
    }

    /** Parses "(op version)" at {@code pos}. */
    private VersionConstraint parseVersion(String name) throws MalformedInputException {
        int open = pos++;
        skipWhitespace();
        int opStart = pos;
        while (pos < n && isOperatorChar(s.charAt(pos))) {
            pos++;
        }
        int opLength = pos - opStart;
        if (opLength == 0) {
            if (pos == n) {
                throw unterminated(open, "version restriction", name, ")");
            }
            if (s.charAt(pos) == ')') {
                throw error(open, "empty version restriction " + quote(s.substring(open, pos + 1))
                        + " after " + quote(name) + "; " + EXPECTED_OPERATORS + " and a version");
            }
            throw error(opStart, "missing operator before " + quoteToken(opStart)
                    + " in version restriction of " + quote(name) + "; " + EXPECTED_OPERATORS);
        }
        Operator operator = operator(opStart, opLength);
        if (operator == null) {
            throw error(opStart, "bad operator " + quote(s.substring(opStart, pos))
                    + " in version restriction of " + quote(name) + "; " + EXPECTED_OPERATORS);
        }
        boolean legacy = opLength == 1 && operator != Operator.EXACTLY_EQUAL;
        if (!field.allowsOperator(operator)) {
            throw error(opStart, "operator " + quote(s.substring(opStart, pos)) + " not allowed in " + field
                    + "; only \"=\"");
        }
        skipWhitespace();
        int versionStart = pos;
        while (pos < n && !Tokens.isWhitespace(s.charAt(pos)) && !Tokens.isDelimiter(s.charAt(pos))) {
            pos++;
        }
        if (pos == versionStart) {
            if (pos == n) {
                throw unterminated(open, "version restriction", name, ")");
            }
            if (s.charAt(pos) == ')') {
                throw error(pos, "missing version after " + quote(s.substring(opStart, opStart + opLength))
                        + " in version restriction of " + quote(name));
            }
            throw error(pos, "unexpected " + quoteToken(pos) + " in version restriction of " + quote(name)
                    + "; expected a version");
        }
        String versionText = s.substring(versionStart, pos);
        DebianVersion version;
        try {
            version = DebianVersion.parse(versionText);
        } catch (MalformedInputException e) {
            throw error(versionStart, "invalid version " + quote(versionText) + " in relation to " + quote(name)
                    + ": " + DebianVersion.problemWith(versionText).orElse("invalid"));
        }
        skipWhitespace();
        if (pos == n) {
            throw unterminated(open, "version restriction", name, ")");
        }
        if (s.charAt(pos) != ')') {
            throw error(pos, "unexpected " + quoteToken(pos) + " in version restriction of " + quote(name)
                    + "; expected \")\"");
        }
        pos++;
        return new VersionConstraint(operator, version, legacy);
    }

    private static boolean isOperatorChar(char c) {
        return c == '<' || c == '>' || c == '=' || c == '!';
    }

    /** The operator spelled by the {@code length} characters at {@code at}, or null. */
    private Operator operator(int at, int length) {
        char a = s.charAt(at);
        if (length == 1) {
            switch (a) {
                case '=':
                    return Operator.EXACTLY_EQUAL;
                case '<':
                    return Operator.EARLIER_OR_EQUAL;
                case '>':
                    return Operator.LATER_OR_EQUAL;
                default:
                    return null;
            }
        }
        if (length == 2) {
            char b = s.charAt(at + 1);
            if (a == '<') {
                return b == '<' ? Operator.STRICTLY_EARLIER : b == '=' ? Operator.EARLIER_OR_EQUAL : null;
            }
            if (a == '>') {
                return b == '>' ? Operator.STRICTLY_LATER : b == '=' ? Operator.LATER_OR_EQUAL : null;
            }
        }
        return null;
    }

    /** Parses "[arch ...]" at {@code pos}. */
    private ArchitectureRestriction parseArchitectures(int relationStart) throws MalformedInputException {
        int open = pos;
        if (!field.allowsArchitectureRestrictions()) {
            throw error(open, "architecture restriction " + quote(bracketed(open, ']')) + " not allowed in " + field);
        }
        pos++;
        skipWhitespace();
        List<String> names = new ArrayList<>(4);
        boolean negated = false;
        while (true) {
            if (pos == n) {
                throw unterminated(open, "architecture restriction", context(relationStart, open), "]");
            }
            char c = s.charAt(pos);
            if (c == ']') {
                break;
            }
            int termStart = pos;
            boolean isNegated = c == '!';
            if (isNegated) {
                pos++;
            }
            int end = scanWord(pos, false);
            if (end == pos) {
                if (isNegated) {
                    throw error(termStart, "missing architecture name after \"!\" in " + quote(bracketed(open, ']')));
                }
                throw error(pos, "unexpected " + quoteToken(pos) + " in architecture restriction "
                        + quote(s.substring(open, pos).stripTrailing()) + "; expected \"]\"");
            }
            String arch = s.substring(pos, end);
            String problem = Tokens.architectureNameProblem(arch);
            if (problem != null) {
                throw error(pos, "invalid architecture " + quote(arch) + " in " + quote(bracketed(open, ']'))
                        + ": " + problem);
            }
            if (names.isEmpty()) {
                negated = isNegated;
            } else if (negated != isNegated) {
                throw error(termStart, "mixed negated and plain architectures in " + quote(bracketed(open, ']')));
            }
            names.add(arch);
            pos = end;
            skipWhitespace();
        }
        if (names.isEmpty()) {
            throw error(open, "empty architecture restriction " + quote(s.substring(open, pos + 1))
                    + " after " + quote(context(relationStart, open)));
        }
        pos++;
        return new ArchitectureRestriction(negated, names);
    }

    /** Parses one or more "<term ...>" lists at {@code pos}; trailing whitespace skipped. */
    private BuildProfileFormula parseProfiles(int relationStart) throws MalformedInputException {
        List<BuildProfileList> lists = new ArrayList<>(2);
        while (pos < n && s.charAt(pos) == '<') {
            int open = pos;
            if (!field.allowsBuildProfiles()) {
                throw error(open, "build profile list " + quote(bracketed(open, '>')) + " not allowed in " + field);
            }
            pos++;
            skipWhitespace();
            List<BuildProfileTerm> terms = new ArrayList<>(2);
            while (true) {
                if (pos == n) {
                    throw unterminated(open, "build profile list", context(relationStart, open), ">");
                }
                char c = s.charAt(pos);
                if (c == '>') {
                    break;
                }
                int termStart = pos;
                boolean isNegated = c == '!';
                if (isNegated) {
                    pos++;
                }
                int end = scanWord(pos, false);
                if (end == pos) {
                    if (isNegated) {
                        throw error(termStart, "missing build profile name after \"!\" in "
                                + quote(bracketed(open, '>')));
                    }
                    throw error(pos, "unexpected " + quoteToken(pos) + " in build profile list "
                            + quote(s.substring(open, pos).stripTrailing()) + "; expected \">\"");
                }
                String profile = s.substring(pos, end);
                String problem = Tokens.profileNameProblem(profile);
                if (problem != null) {
                    throw error(pos, "invalid build profile " + quote(profile) + " in "
                            + quote(bracketed(open, '>')) + ": " + problem);
                }
                terms.add(new BuildProfileTerm(isNegated, profile));
                pos = end;
                skipWhitespace();
            }
            if (terms.isEmpty()) {
                throw error(open, "empty build profile list " + quote(s.substring(open, pos + 1))
                        + " after " + quote(context(relationStart, open)));
            }
            pos++;
            lists.add(new BuildProfileList(terms));
            skipWhitespace();
        }
        return new BuildProfileFormula(lists);
    }

    /** The error for a character after a complete relation that is not ",", "|" or the end. */
    private MalformedInputException misplaced(int start, boolean hasVersion, boolean hasArchitectures,
            boolean hasProfiles) {
        char c = s.charAt(pos);
        String after = quote(context(start, pos));
        if (c == '(' && hasVersion) {
            return error(pos, "second version restriction " + quote(bracketed(pos, ')')) + " after " + after
                    + "; only one is allowed");
        }
        if (c == '(' && (hasArchitectures || hasProfiles)) {
            return error(pos, "version restriction " + quote(bracketed(pos, ')'))
                    + " must come right after the package name; found after " + after);
        }
        if (c == '[' && hasArchitectures) {
            return error(pos, "second architecture restriction " + quote(bracketed(pos, ']')) + " after " + after
                    + "; only one is allowed");
        }
        if (c == '[' && hasProfiles) {
            return error(pos, "architecture restriction " + quote(bracketed(pos, ']'))
                    + " must come before the build profile lists; found after " + after);
        }
        String expected = field.allowsAlternatives() ? "\",\", \"|\" or end of value" : "\",\" or end of value";
        return error(pos, "unexpected " + quoteToken(pos) + " after " + after + "; expected " + expected);
    }

    private MalformedInputException unterminated(int open, String what, String after, String close) {
        return error(open, "unterminated " + what + " " + quote(s.substring(open).stripTrailing()) + " after "
                + quote(after) + "; expected " + quote(close));
    }

    /** Whether {@code c} ends a package name: whitespace, a delimiter or the qualifier's colon. */
    private static boolean isNameEnd(char c) {
        return Tokens.isWhitespace(c) || Tokens.isDelimiter(c) || c == ':';
    }

    /** End of the word at {@code from}: up to whitespace, a delimiter, and (for names) a colon. */
    private int scanWord(int from, boolean stopAtColon) {
        int i = from;
        while (i < n) {
            char c = s.charAt(i);
            if (Tokens.isWhitespace(c) || Tokens.isDelimiter(c) || (stopAtColon && c == ':')) {
                break;
            }
            i++;
        }
        return i;
    }

    private void skipWhitespace() {
        while (pos < n && Tokens.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }

    /** The relation text from {@code start} up to {@code end}, for "after ..." in messages. */
    private String context(int start, int end) {
        return s.substring(start, end).strip();
    }

    /** The text from {@code open} through the next {@code close}, or to the end of the value. */
    private String bracketed(int open, char close) {
        int end = s.indexOf(close, open + 1);
        return end < 0 ? s.substring(open).stripTrailing() : s.substring(open, end + 1);
    }

    /** A delimiter alone, or the word starting at {@code at}, quoted. */
    private String quoteToken(int at) {
        char c = s.charAt(at);
        if (Tokens.isDelimiter(c) || c == ':') {
            return quote(String.valueOf(c));
        }
        return quote(s.substring(at, Math.max(scanWord(at, false), at + 1)));
    }

    private static String quote(CharSequence text) {
        return MalformedInputException.quote(text);
    }

    private static MalformedInputException error(int offset, String problem) {
        return new MalformedInputException("", -1, offset, problem);
    }
}
