package org.debindex.verify.deps.perl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.debindex.core.MalformedInputException;
import org.debindex.verify.deps.DeclaredDependency;
import org.debindex.verify.deps.Ecosystem;
import org.debindex.verify.deps.ManifestReader;

/**
 * Reads a {@code cpanfile}: the Perl DSL of Module::CPANfile, read as text, never run.
 *
 * <p>Understood statements, each with optional parentheses around its arguments and {@code ,}
 * or {@code =>} between them:
 * <ul>
 *   <li>{@code requires}, {@code recommends}, {@code suggests} {@code 'Module::Name' [, 'RANGE']
 *       [, key => value...]}: a dependency whose requested text is the range as written
 *       ({@link PerlRequirement}); a number or v-string literal version is kept as written.
 *       {@code recommends} and {@code suggests} are not needed at run time and give scope
 *       {@code recommends} or {@code suggests}. A {@code url} or {@code git} option adds
 *       {@code url} (no registry version to compare).
 *   <li>{@code conflicts}: not a dependency, checked for form and skipped.
 *   <li>{@code test_requires}, {@code build_requires}, {@code configure_requires},
 *       {@code author_requires}: {@code requires} in phase test, build, configure, develop.
 *   <li>{@code on 'PHASE' => sub { ... };}: the phase of the statements inside; only
 *       {@code runtime} is needed at run time, the others give their name as scope.
 *   <li>{@code feature 'name'[, 'description'] => sub { ... };}: scope {@code feature:name} and
 *       {@code optional}.
 *   <li>{@code osname 'NAME' => sub { ... };}: scope {@code osname:NAME}.
 *   <li>{@code if}/{@code unless}/{@code for}... {@code (...) { ... }}: the statements of the
 *       block, with scope {@code conditional}; so is a relationship with an {@code if} or
 *       {@code unless} modifier.
 *   <li>{@code requires 'perl', 'VERSION'}: the interpreter, scope {@code platform}.
 * </ul>
 * Scope tokens are joined by commas in that order (phase, relationship, feature, optional,
 * osname, conditional, url, platform). Any other statement ({@code mirror}, {@code use strict},
 * assignments, {@code sub} definitions) is skipped up to its {@code ;} or, for a block, its
 * {@code }}. {@code #} comments, POD ({@code =pod} ... {@code =cut} at the start of a line) and
 * everything after {@code __END__} or {@code __DATA__} are ignored.
 *
 * <p>Strict where guessing would drop a dependency: a relationship whose module name is not a
 * literal ({@code requires $_ for ...}), an unknown phase, an invalid range, an unterminated
 * string or unbalanced braces are errors naming the line.
 *
 * <p>Immutable and thread-safe.
 *
 * <p>Format: cpanfile(5) of Module::CPANfile 1.1004 and CPAN::Meta::Spec ("Prereq Spec").
 */
public final class CpanfileReader implements ManifestReader {

    /** Largest cpanfile read, in bytes. */
    public static final int MAX_SIZE = 4 << 20;

    private static final Set<String> PHASES = Set.of("configure", "build", "test", "runtime", "develop");
    private static final Map<String, String> PHASE_SHORTHANDS = Map.of("test_requires", "test",
            "build_requires", "build", "configure_requires", "configure", "author_requires", "develop");
    private static final Set<String> RELATIONSHIPS = Set.of("requires", "recommends", "suggests", "conflicts");
    private static final Set<String> COMPOUND = Set.of("if", "unless", "elsif", "else", "for", "foreach",
            "while", "until");

    /** Creates a reader. */
    public CpanfileReader() {
    }

    @Override
    public boolean accepts(Path file) {
        Path name = Objects.requireNonNull(file, "file").getFileName();
        return name != null && name.toString().equals("cpanfile");
    }

    @Override
    public List<DeclaredDependency> read(Path file) throws IOException, MalformedInputException {
        String source = file.toString();
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_SIZE + 1);
        }
        if (bytes.length > MAX_SIZE) {
            throw new MalformedInputException(source, -1, -1, "file is larger than the limit of " + MAX_SIZE + " bytes");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedInputException(source, -1, -1, "invalid UTF-8; expected UTF-8 text");
        }
        Parse p = new Parse(source, new Lexer(source, text).tokens());
        p.statements(new Context("runtime", Optional.empty(), Optional.empty(), false), -1);
        return List.copyOf(p.out);
    }

    private enum Kind { WORD, STRING, NUMBER, PUNCT, OTHER }

    private record Token(Kind kind, String text, int line) {
        boolean is(String s) {
            return (kind == Kind.PUNCT || kind == Kind.WORD) && text.equals(s);
        }

        boolean isComma() {
            return is(",") || is("=>");
        }
    }

    /** Where a statement stands: its phase and the blocks around it. */
    private record Context(String phase, Optional<String> feature, Optional<String> osname, boolean conditional) {}

    /** Splits the text into the few tokens the DSL needs; the rest of Perl becomes OTHER. */
    private static final class Lexer {
        private final String source;
        private final String s;
        private final List<Token> tokens = new ArrayList<>();
        private int i;
        private int line = 1;

        Lexer(String source, String s) {
            this.source = source;
            this.s = s;
        }

        List<Token> tokens() throws MalformedInputException {
            while (i < s.length()) {
                char c = s.charAt(i);
                boolean lineStart = i == 0 || s.charAt(i - 1) == '\n';
                if (c == '\n') {
                    line++;
                    i++;
                } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                    i++;
                } else if (c == '#') {
                    skipLine();
                } else if (lineStart && c == '=' && i + 1 < s.length() && isLetter(s.charAt(i + 1))) {
                    pod();
                } else if (c == '\'' || c == '"') {
                    string(c);
                } else if (isDigit(c) || c == '.' && i + 1 < s.length() && isDigit(s.charAt(i + 1))
                        || c == 'v' && i + 1 < s.length() && isDigit(s.charAt(i + 1))) {
                    int start = i++;
                    while (i < s.length() && (isDigit(s.charAt(i)) || s.charAt(i) == '.' || s.charAt(i) == '_')) {
                        i++;
                    }
                    tokens.add(new Token(Kind.NUMBER, s.substring(start, i), line));
                } else if (isLetter(c)) {
                    int start = i;
                    while (i < s.length() && (isLetter(s.charAt(i)) || isDigit(s.charAt(i))
                            || s.startsWith("::", i) && i + 2 < s.length() && isLetter(s.charAt(i + 2)))) {
                        i += s.charAt(i) == ':' ? 2 : 1;
                    }
                    String word = s.substring(start, i);
                    if (lineStart && (word.equals("__END__") || word.equals("__DATA__"))) {
                        break;
                    }
                    tokens.add(new Token(Kind.WORD, word, line));
                } else if (s.startsWith("=>", i)) {
                    tokens.add(new Token(Kind.PUNCT, "=>", line));
                    i += 2;
                } else if (",;{}()".indexOf(c) >= 0) {
                    tokens.add(new Token(Kind.PUNCT, String.valueOf(c), line));
                    i++;
                } else {
                    tokens.add(new Token(Kind.OTHER, String.valueOf(c), line));
                    i++;
                }
            }
            return tokens;
        }

        private void skipLine() {
            while (i < s.length() && s.charAt(i) != '\n') {
                i++;
            }
        }

        /** POD runs from a line starting with {@code =word} to the line starting with {@code =cut}. */
        private void pod() {
            while (i < s.length()) {
                boolean cut = s.startsWith("=cut", i) && (i + 4 == s.length() || !isLetter(s.charAt(i + 4)));
                skipLine();
                if (i < s.length()) {
                    i++;
                    line++;
                }
                if (cut) {
                    return;
                }
            }
        }

        private void string(char quote) throws MalformedInputException {
            int startLine = line;
            int start = i++;
            StringBuilder value = new StringBuilder();
            while (true) {
                if (i >= s.length()) {
                    throw new MalformedInputException(source, startLine, -1, "unterminated string "
                            + MalformedInputException.quote(s.substring(start, Math.min(s.length(), start + 40)))
                            + "; expected a closing " + quote);
                }
                char c = s.charAt(i++);
                if (c == quote) {
                    break;
                }
                if (c == '\n') {
                    line++;
                }
                if (c == '\\' && i < s.length()) {
                    char e = s.charAt(i++);
                    if (e == '\n') {
                        line++;
                    }
                    // single quotes only unescape \\ and \'; "\n" and friends are not in module names
                    if (quote == '\'' && e != '\\' && e != '\'') {
                        value.append('\\');
                    }
                    value.append(e);
                } else {
                    value.append(c);
                }
            }
            tokens.add(new Token(Kind.STRING, value.toString(), startLine));
        }

        private static boolean isLetter(char c) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }
    }

    /** The state of one reading. */
    private static final class Parse {
        private final String source;
        private final List<Token> tokens;
        private final List<DeclaredDependency> out = new ArrayList<>();
        private int i;

        Parse(String source, List<Token> tokens) {
            this.source = source;
            this.tokens = tokens;
        }

        /** Statements up to the {@code }} closing a block opened on {@code openLine}, or the end when -1. */
        void statements(Context ctx, int openLine) throws MalformedInputException {
            while (true) {
                if (i >= tokens.size()) {
                    if (openLine >= 0) {
                        throw new MalformedInputException(source, openLine, -1,
                                "block is not closed; expected \"}\" before the end of the file");
                    }
                    return;
                }
                Token t = tokens.get(i);
                if (t.is("}")) {
                    if (openLine < 0) {
                        throw error(t, "unbalanced \"}\"; expected a statement");
                    }
                    i++;
                    return;
                }
                if (t.is(";")) {
                    i++;
                } else if (t.kind() == Kind.WORD && (RELATIONSHIPS.contains(t.text())
                        || PHASE_SHORTHANDS.containsKey(t.text()))) {
                    i++;
                    relationship(t, ctx);
                } else if (t.is("on")) {
                    i++;
                    String phase = name(t, "a phase");
                    if (!PHASES.contains(phase)) {
                        throw error(t, "unknown phase " + MalformedInputException.quote(phase)
                                + "; expected configure, build, test, runtime or develop");
                    }
                    block(t, new Context(phase, ctx.feature(), ctx.osname(), ctx.conditional()));
                } else if (t.is("feature")) {
                    i++;
                    String feature = name(t, "a feature name");
                    if (i + 1 < tokens.size() && tokens.get(i).isComma() && tokens.get(i + 1).kind() == Kind.STRING) {
                        i += 2; // the description
                    }
                    block(t, new Context(ctx.phase(), Optional.of(feature), ctx.osname(), ctx.conditional()));
                } else if (t.is("osname")) {
                    i++;
                    String os = name(t, "an OS name");
                    block(t, new Context(ctx.phase(), ctx.feature(), Optional.of(os), ctx.conditional()));
                } else if (t.kind() == Kind.WORD && COMPOUND.contains(t.text())) {
                    compound(ctx);
                } else {
                    skip();
                }
            }
        }

        /** {@code if (...) { ... }}: the block's statements are read, under a condition. */
        private void compound(Context ctx) throws MalformedInputException {
            int depth = 0;
            while (i < tokens.size()) {
                Token t = tokens.get(i);
                if (t.is("(")) {
                    depth++;
                } else if (t.is(")")) {
                    depth--;
                } else if (t.is("{") && depth <= 0) {
                    i++;
                    statements(new Context(ctx.phase(), ctx.feature(), ctx.osname(), true), t.line());
                    return;
                } else if (t.is(";") && depth <= 0) {
                    return; // a statement modifier like "foo() if $x;", not a block
                } else if (t.is("}") && depth <= 0) {
                    return;
                }
                i++;
            }
        }

        /** Skips a statement: to its {@code ;} outside braces, or the end of its block. */
        private void skip() throws MalformedInputException {
            boolean sub = tokens.get(i).is("sub");
            List<Token> open = new ArrayList<>();
            while (i < tokens.size()) {
                Token t = tokens.get(i);
                if (t.is("{")) {
                    open.add(t);
                } else if (t.is("}")) {
                    if (open.isEmpty()) {
                        return; // closes the enclosing block: statements() handles it
                    }
                    open.remove(open.size() - 1);
                    if (open.isEmpty() && sub) {
                        i++;
                        return; // "sub name { ... }" needs no ";"
                    }
                } else if (t.is(";") && open.isEmpty()) {
                    i++;
                    return;
                }
                i++;
            }
            if (!open.isEmpty()) {
                throw error(open.get(open.size() - 1),
                        "block is not closed; expected \"}\" before the end of the file");
            }
        }

        /** {@code , sub { ... } ;} after a phase, feature or OS name. */
        private void block(Token keyword, Context inner) throws MalformedInputException {
            if (i < tokens.size() && tokens.get(i).isComma()) {
                i++;
            }
            if (!(i + 1 < tokens.size() && tokens.get(i).is("sub") && tokens.get(i + 1).is("{"))) {
                throw error(keyword, keyword.text() + " needs a block; expected \"" + keyword.text()
                        + " 'NAME' => sub { ... };\"");
            }
            int open = tokens.get(i + 1).line();
            i += 2;
            statements(inner, open);
            if (i < tokens.size() && tokens.get(i).is(")")) {
                i++;
            }
        }

        /** A phase, feature or OS name: a string, or a word that {@code =>} quotes. */
        private String name(Token keyword, String what) throws MalformedInputException {
            boolean paren = i < tokens.size() && tokens.get(i).is("(");
            if (paren) {
                i++;
            }
            if (i < tokens.size() && (tokens.get(i).kind() == Kind.STRING || tokens.get(i).kind() == Kind.WORD
                    && i + 1 < tokens.size() && tokens.get(i + 1).is("=>"))) {
                return tokens.get(i++).text();
            }
            throw error(keyword, keyword.text() + " needs " + what + "; expected \"" + keyword.text()
                    + " 'NAME' => sub { ... };\"");
        }

        private void relationship(Token verb, Context ctx) throws MalformedInputException {
            boolean paren = i < tokens.size() && tokens.get(i).is("(");
            if (paren) {
                i++;
            }
            String form = "; expected \"" + verb.text() + " 'Module::Name', 'VERSION';\"";
            if (i >= tokens.size() || !(tokens.get(i).kind() == Kind.STRING || tokens.get(i).kind() == Kind.WORD
                    && !tokens.get(i).text().contains("::") && i + 1 < tokens.size() && tokens.get(i + 1).is("=>"))) {
                throw error(verb, verb.text() + " needs a quoted module name" + form);
            }
            Token module = tokens.get(i++);
            if (module.text().isEmpty()) {
                throw error(module, "empty module name" + form);
            }
            List<Token> args = new ArrayList<>();
            while (i < tokens.size() && tokens.get(i).isComma()) {
                i++;
                if (i < tokens.size() && (tokens.get(i).kind() == Kind.STRING || tokens.get(i).kind() == Kind.NUMBER
                        || tokens.get(i).kind() == Kind.WORD && i + 1 < tokens.size() && tokens.get(i + 1).is("=>"))) {
                    args.add(tokens.get(i++));
                } else if (i < tokens.size() && !tokens.get(i).is(";") && !tokens.get(i).is(")")) {
                    throw error(tokens.get(i), "unexpected " + MalformedInputException.quote(tokens.get(i).text())
                            + " in " + verb.text() + form);
                }
            }
            if (paren) {
                if (i >= tokens.size() || !tokens.get(i).is(")")) {
                    throw error(verb, "unclosed \"(\" in " + verb.text() + form);
                }
                i++;
            }
            boolean modifier = i < tokens.size() && (tokens.get(i).is("if") || tokens.get(i).is("unless"));
            if (modifier) {
                skip(); // "requires 'Win32' if $^O eq 'MSWin32';": the condition is Perl
            } else if (i < tokens.size() && !tokens.get(i).is(";") && !tokens.get(i).is("}")) {
                throw error(tokens.get(i), "unexpected " + MalformedInputException.quote(tokens.get(i).text())
                        + " after " + verb.text() + form);
            }
            String version = "";
            boolean url = false;
            int k = 0;
            if (args.size() % 2 == 1) {
                version = args.get(0).text();
                k = 1;
            }
            for (; k + 1 < args.size(); k += 2) {
                String key = args.get(k).text();
                url |= key.equals("url") || key.equals("git");
            }
            try {
                PerlRequirement.parse(version);
            } catch (MalformedInputException e) {
                throw e.at(source, module.line(), -1);
            }
            if (verb.is("conflicts")) {
                return;
            }
            String phase = PHASE_SHORTHANDS.getOrDefault(verb.text(), ctx.phase());
            String relationship = PHASE_SHORTHANDS.containsKey(verb.text()) ? "requires" : verb.text();
            List<String> scope = new ArrayList<>();
            if (!phase.equals("runtime")) {
                scope.add(phase);
            }
            if (!relationship.equals("requires")) {
                scope.add(relationship);
            }
            ctx.feature().ifPresent(f -> {
                scope.add("feature:" + f);
                scope.add("optional");
            });
            ctx.osname().ifPresent(os -> scope.add("osname:" + os));
            if (ctx.conditional() || modifier) {
                scope.add("conditional");
            }
            if (url) {
                scope.add("url");
            }
            if (module.text().equals("perl")) {
                scope.add("platform");
            }
            out.add(new DeclaredDependency(Ecosystem.PERL, module.text(), version,
                    scope.isEmpty() ? Optional.empty() : Optional.of(String.join(",", scope)),
                    phase.equals("runtime") && relationship.equals("requires"), source, module.line()));
        }

        private MalformedInputException error(Token at, String problem) {
            return new MalformedInputException(source, at.line(), -1, problem);
        }
    }
}
