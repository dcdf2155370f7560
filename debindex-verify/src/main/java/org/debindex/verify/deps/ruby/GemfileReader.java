package org.debindex.verify.deps.ruby;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.debindex.core.MalformedInputException;
import org.debindex.verify.deps.DeclaredDependency;
import org.debindex.verify.deps.Ecosystem;
import org.debindex.verify.deps.ManifestReader;

/**
 * Reads a Bundler {@code Gemfile} (or {@code gems.rb}): the declarative subset gemfile(5)
 * documents, without running Ruby.
 *
 * <ul>
 *   <li>{@code gem NAME, REQUIREMENT..., key: value...} (also {@code :key => value}, parentheses,
 *       a requirement array): the requirements are joined by {@code ", "} into the requested text
 *       ({@link GemRequirement}); each is checked as Bundler would check it.
 *   <li>Options: {@code group:}/{@code groups:} add groups; {@code git:}, {@code github:},
 *       {@code gist:}, {@code bitbucket:} and any name declared by {@code git_source} give scope
 *       {@code url}, {@code path:} gives {@code path}; {@code platforms:}, {@code require:},
 *       {@code branch:} and the rest do not change the check.
 *   <li>Blocks: {@code group ... do}, {@code path ... do} (scope {@code path}), {@code git ... do} and
 *       {@code github ... do} (scope {@code url}), {@code platforms}, {@code source}, {@code env} and
 *       {@code install_if ... do} (no change); blocks nest and {@code ;} separates statements.
 *   <li>Other Ruby is skipped, never guessed at: {@code if}/{@code unless}/{@code case}/{@code begin}
 *       and other {@code do ... end} blocks are transparent (a {@code gem} inside counts), a
 *       trailing {@code if}/{@code unless} modifier is ignored, and a {@code gem} whose
 *       requirement or options are not literals is kept with an empty requested text and scope
 *       {@code dynamic}. A {@code gem} whose name is not a literal string names nothing and is
 *       skipped, as are gems inside a multi-line <code>{ }</code> block (read as one expression).
 *   <li>{@code source}, {@code ruby}, {@code gemspec} (the gemspec is Ruby code and is not read)
 *       and {@code git_source} declare no dependency.
 * </ul>
 *
 * <p>Groups {@code development} and {@code test} are not runtime (Bundler's convention, as
 * {@code bundle install --without development test} uses them); a gem in the default group or in
 * any other group is. The scope is the groups other than {@code default} joined by commas, then
 * {@code url}, {@code path} or {@code dynamic}.
 *
 * <p>Malformed input (an unterminated string or {@code %w} list, an unclosed bracket, an
 * {@code end} without a block or a block without its {@code end}, a {@code gem} without a name,
 * an invalid requirement) is a {@link MalformedInputException} naming the file and line.
 *
 * <p>Immutable and thread-safe.
 *
 * <p>Format: Bundler's gemfile(5) manual ("Gemfile"), and the Ruby syntax it relies on.
 */
public final class GemfileReader implements ManifestReader {

    /** Largest Gemfile read, in bytes. */
    public static final int MAX_SIZE = 4 << 20;

    /** DSL methods that take a block whose gems they qualify. */
    private static final Set<String> DSL_BLOCKS = Set.of("group", "platforms", "platform", "source", "path", "git",
            "github", "install_if", "env");
    /** Keywords that open a block when they start a statement (or an expression, for if and the like). */
    private static final Set<String> OPENERS = Set.of("if", "unless", "while", "until", "case", "begin", "def",
            "class", "module", "for");
    /** Keywords that open a block only at the start of a statement; elsewhere they are modifiers. */
    private static final Set<String> MODIFIERS = Set.of("if", "unless", "while", "until");
    /** Keywords that continue an open if, case or begin. */
    private static final Set<String> CLAUSES = Set.of("else", "elsif", "when", "in", "rescue", "ensure");
    /** Tokens after which an if or unless begins an expression rather than modifying one. */
    private static final Set<String> EXPRESSION_START = Set.of("=", "(", ",", "||", "&&", "!", "return", "[", "<<");
    /** Tokens at a line end that continue the statement on the next line. */
    private static final Set<String> CONTINUING = Set.of(",", "=>", "&&", "||", ".", "&.", "=", "+", "-", "*",
            "\\");
    private static final Set<String> GIT_SOURCES = Set.of("git", "github", "gist", "bitbucket");
    private static final Set<String> DEV_GROUPS = Set.of("development", "test");

    /** Creates a reader. */
    public GemfileReader() {
    }

    @Override
    public boolean accepts(Path file) {
        Path name = Objects.requireNonNull(file, "file").getFileName();
        return name != null && (name.toString().equals("Gemfile") || name.toString().equals("gems.rb"));
    }

    @Override
    public List<DeclaredDependency> read(Path file) throws IOException, MalformedInputException {
        String source = Objects.requireNonNull(file, "file").toString();
        String text = RubySource.read(file, MAX_SIZE);
        return new Parse(source).run(new Lexer(source, text).tokens());
    }

    /** Token kinds. */
    private enum Kind { IDENT, LABEL, SYMBOL, STRING, WORDS, NUMBER, PUNCT, NEWLINE }

    /**
     * A token; {@code literal} is false for a string with interpolation or a heredoc, whose value
     * is not known without running Ruby.
     */
    private record Tok(Kind kind, String text, List<String> words, int line, boolean literal) {
        boolean is(String s) {
            return (kind == Kind.PUNCT || kind == Kind.IDENT) && text.equals(s);
        }
    }

    /** Splits Ruby source into the tokens the DSL needs; strings and comments are fully understood. */
    private static final class Lexer {
        private final String source;
        private final String s;
        private final List<Tok> out = new ArrayList<>();
        private final List<String[]> heredocs = new ArrayList<>(); // {terminator, squiggly-or-dash}
        private int i;
        private int line = 1;

        Lexer(String source, String s) {
            this.source = source;
            this.s = s;
        }

        List<Tok> tokens() throws MalformedInputException {
            while (i < s.length()) {
                char c = s.charAt(i);
                boolean lineStart = i == 0 || s.charAt(i - 1) == '\n';
                if (lineStart && s.startsWith("=begin", i)) {
                    skipEmbeddedDocument();
                } else if (lineStart && s.startsWith("__END__", i) && endOfLine(i + 7)) {
                    break;
                } else if (c == '\n') {
                    out.add(new Tok(Kind.NEWLINE, "\n", List.of(), line, true));
                    i++;
                    line++;
                    skipHeredocBodies();
                } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                    i++;
                } else if (c == '\\' && i + 1 < s.length() && (s.charAt(i + 1) == '\n' || s.startsWith("\r\n", i + 1))) {
                    i = s.indexOf('\n', i) + 1; // an escaped line end joins the lines
                    line++;
                } else if (c == '#') {
                    while (i < s.length() && s.charAt(i) != '\n') {
                        i++;
                    }
                } else if (c == '"' || c == '\'' || c == '`') {
                    int start = line;
                    i++;
                    String[] text = new String[1];
                    boolean literal = quoted(c, c, 0, c != '\'', text, start);
                    label(Kind.STRING, text[0], start, literal);
                } else if (c == '%' && percentLiteral()) {
                    continue;
                } else if (c == ':' && i + 1 < s.length() && (isIdentStart(s.charAt(i + 1)) || s.charAt(i + 1) == '"'
                        || s.charAt(i + 1) == '\'')) {
                    i++;
                    if (s.charAt(i) == '"' || s.charAt(i) == '\'') {
                        char q = s.charAt(i++);
                        String[] text = new String[1];
                        boolean literal = quoted(q, q, 0, q == '"', text, line);
                        out.add(new Tok(Kind.SYMBOL, text[0], List.of(), line, literal));
                    } else {
                        out.add(new Tok(Kind.SYMBOL, identifier(), List.of(), line, true));
                    }
                } else if (c == '<' && s.startsWith("<<", i) && heredocStart()) {
                    continue;
                } else if (isIdentStart(c) || c == '$' || c == '@') {
                    int start = i;
                    while (i < s.length() && (s.charAt(i) == '$' || s.charAt(i) == '@')) {
                        i++;
                    }
                    String id = s.substring(start, i) + identifier();
                    label(Kind.IDENT, id, line, true);
                } else if (c >= '0' && c <= '9') {
                    int start = i;
                    while (i < s.length() && (isIdentPart(s.charAt(i)) || s.charAt(i) == '.' && i + 1 < s.length()
                            && Character.isDigit(s.charAt(i + 1)))) {
                        i++;
                    }
                    out.add(new Tok(Kind.NUMBER, s.substring(start, i), List.of(), line, true));
                } else {
                    String op = operator();
                    out.add(new Tok(Kind.PUNCT, op, List.of(), line, true));
                    i += op.length();
                }
            }
            out.add(new Tok(Kind.NEWLINE, "\n", List.of(), line, true));
            return out;
        }

        private boolean endOfLine(int j) {
            return j >= s.length() || s.charAt(j) == '\n' || s.charAt(j) == '\r';
        }

        private String operator() {
            for (String op : List.of("=>", "&&", "||", "&.", "::", "==", "!=", "<<", "->")) {
                if (s.startsWith(op, i)) {
                    return op;
                }
            }
            return String.valueOf(s.charAt(i));
        }

        /** An identifier followed by {@code :} (not {@code ::}) is a hash label, {@code key:}; so is {@code "key":}. */
        private void label(Kind kind, String text, int at, boolean literal) {
            if (i < s.length() && s.charAt(i) == ':' && (i + 1 >= s.length() || s.charAt(i + 1) != ':')
                    && (kind == Kind.IDENT || i + 1 >= s.length() || s.charAt(i + 1) == ' ' || s.charAt(i + 1) == '\t')) {
                i++;
                out.add(new Tok(Kind.LABEL, text, List.of(), at, literal));
            } else {
                out.add(new Tok(kind, text, List.of(), at, literal));
            }
        }

        private String identifier() {
            int start = i;
            while (i < s.length() && isIdentPart(s.charAt(i))) {
                i++;
            }
            if (i < s.length() && (s.charAt(i) == '?' || s.charAt(i) == '!')
                    && (i + 1 >= s.length() || s.charAt(i + 1) != '=')) {
                i++;
            }
            return s.substring(start, i);
        }

        /**
         * Reads a quoted body up to {@code close} (nesting {@code open} when it differs); returns
         * whether it has no interpolation. Starts after the opening quote.
         */
        private boolean quoted(char open, char close, int depth, boolean interpolating, String[] text, int start)
                throws MalformedInputException {
            StringBuilder b = new StringBuilder();
            boolean literal = true;
            int nest = depth;
            while (true) {
                if (i >= s.length()) {
                    throw new MalformedInputException(source, start, -1, "unterminated string "
                            + MalformedInputException.quote(open + b.toString()) + "; expected a closing " + close);
                }
                char d = s.charAt(i);
                if (d == '\n') {
                    line++;
                }
                if (d == '\\' && i + 1 < s.length()) {
                    char e = s.charAt(i + 1);
                    if (e == '\n') {
                        line++;
                    }
                    if (interpolating) {
                        b.append(switch (e) {
                            case 'n' -> '\n';
                            case 't' -> '\t';
                            default -> e;
                        });
                    } else {
                        // single quotes keep the backslash except before the quote or a backslash
                        if (e != close && e != '\\') {
                            b.append('\\');
                        }
                        b.append(e);
                    }
                    i += 2;
                } else if (interpolating && d == '#' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
                    literal = false;
                    i += 2;
                    skipInterpolation(start);
                } else if (d == close && nest == 0) {
                    i++;
                    text[0] = b.toString();
                    return literal;
                } else {
                    if (open != close && d == open) {
                        nest++;
                    } else if (open != close && d == close) {
                        nest--;
                    }
                    b.append(d);
                    i++;
                }
            }
        }

        /** Skips {@code #{...}} up to its closing brace, over nested braces and strings. */
        private void skipInterpolation(int start) throws MalformedInputException {
            int depth = 1;
            while (depth > 0) {
                if (i >= s.length()) {
                    throw new MalformedInputException(source, start, -1,
                            "unterminated interpolation \"#{\" in a string; expected \"}\"");
                }
                char d = s.charAt(i);
                if (d == '"' || d == '\'') {
                    i++;
                    quoted(d, d, 0, d == '"', new String[1], line);
                    continue;
                }
                if (d == '\n') {
                    line++;
                }
                depth += d == '{' ? 1 : d == '}' ? -1 : 0;
                i++;
            }
        }

        /** {@code %w[...]}, {@code %i(...)}, {@code %q{...}}, {@code %(...)}: returns false for a modulo sign. */
        private boolean percentLiteral() throws MalformedInputException {
            Tok prev = out.isEmpty() ? null : out.get(out.size() - 1);
            if (prev != null && (prev.kind() == Kind.NUMBER || prev.kind() == Kind.STRING
                    || prev.is(")") || prev.is("]") || prev.is("}")
                    || prev.kind() == Kind.IDENT && i > 0 && s.charAt(i - 1) != ' ' && s.charAt(i - 1) != '(')) {
                return false; // an operand before: x % y
            }
            int j = i + 1;
            char type = j < s.length() && "wWiIqQ".indexOf(s.charAt(j)) >= 0 ? s.charAt(j++) : 'Q';
            if (j >= s.length() || "([{<|!/".indexOf(s.charAt(j)) < 0) {
                return false;
            }
            char open = s.charAt(j);
            char close = switch (open) {
                case '(' -> ')';
                case '[' -> ']';
                case '{' -> '}';
                case '<' -> '>';
                default -> open;
            };
            int start = line;
            i = j + 1;
            String[] text = new String[1];
            boolean literal = quoted(open, close, 0, type == 'W' || type == 'I' || type == 'Q', text, start);
            if (type == 'q' || type == 'Q') {
                out.add(new Tok(Kind.STRING, text[0], List.of(), start, literal));
            } else {
                List<String> words = List.of(text[0].strip().split("\\s+"));
                out.add(new Tok(Kind.WORDS, text[0], text[0].isBlank() ? List.of() : words, start, literal));
            }
            return true;
        }

        /** {@code <<~EOS}, {@code <<-EOS}, {@code <<EOS}: the body is skipped after the line ends. */
        private boolean heredocStart() {
            int j = i + 2;
            boolean indented = j < s.length() && (s.charAt(j) == '~' || s.charAt(j) == '-');
            if (indented) {
                j++;
            }
            if (j >= s.length()) {
                return false;
            }
            char q = s.charAt(j);
            int start;
            int end;
            if (q == '"' || q == '\'' || q == '`') {
                start = j + 1;
                end = s.indexOf(q, start);
                if (end < 0 || s.substring(start, end).contains("\n")) {
                    return false;
                }
                i = end + 1;
            } else if (Character.isUpperCase(q) || q == '_' && !indented) {
                start = j;
                end = j;
                while (end < s.length() && isIdentPart(s.charAt(end))) {
                    end++;
                }
                i = end;
            } else {
                return false;
            }
            heredocs.add(new String[] {s.substring(start, end), indented ? "-" : ""});
            out.add(new Tok(Kind.STRING, "", List.of(), line, false));
            return true;
        }

        private void skipHeredocBodies() throws MalformedInputException {
            for (String[] h : heredocs) {
                int start = line;
                while (true) {
                    if (i >= s.length()) {
                        throw new MalformedInputException(source, start - 1, -1, "unterminated heredoc; expected a line "
                                + MalformedInputException.quote(h[0]));
                    }
                    int eol = s.indexOf('\n', i);
                    String l = s.substring(i, eol < 0 ? s.length() : eol).replace("\r", "");
                    i = eol < 0 ? s.length() : eol + 1;
                    line++;
                    if ((h[1].isEmpty() ? l : l.strip()).equals(h[0])) {
                        break;
                    }
                }
            }
            heredocs.clear();
        }

        private void skipEmbeddedDocument() throws MalformedInputException {
            int start = line;
            while (true) {
                int eol = s.indexOf('\n', i);
                if (eol < 0) {
                    throw new MalformedInputException(source, start, -1, "unterminated \"=begin\"; expected \"=end\"");
                }
                i = eol + 1;
                line++;
                if (s.startsWith("=end", i) && (i + 4 >= s.length() || Character.isWhitespace(s.charAt(i + 4)))) {
                    int next = s.indexOf('\n', i);
                    i = next < 0 ? s.length() : next; // the newline itself ends the statement
                    return;
                }
            }
        }

        private static boolean isIdentStart(char c) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 0x80;
        }

        private static boolean isIdentPart(char c) {
            return isIdentStart(c) || c >= '0' && c <= '9';
        }
    }

    /** A block the DSL opened, or a transparent one (Ruby control flow). */
    private record Frame(String opener, List<String> groups, String kind, int line) {}

    /** What a gem's options say. */
    private static final class Options {
        final List<String> groups = new ArrayList<>();
        String kind = "";
        boolean dynamic;
    }

    /** The state of one reading. */
    private final class Parse {
        private final String source;
        private final Deque<Frame> frames = new ArrayDeque<>();
        private final Set<String> gitSources = new HashSet<>(GIT_SOURCES);
        private final List<DeclaredDependency> out = new ArrayList<>();

        Parse(String source) {
            this.source = source;
        }

        List<DeclaredDependency> run(List<Tok> tokens) throws MalformedInputException {
            Deque<Tok> brackets = new ArrayDeque<>();
            List<Tok> statement = new ArrayList<>();
            for (int k = 0; k < tokens.size(); k++) {
                Tok t = tokens.get(k);
                if (t.kind() == Kind.NEWLINE) {
                    if (statement.isEmpty() || !brackets.isEmpty() || continues(statement, tokens, k)) {
                        continue;
                    }
                    statement(statement);
                    statement = new ArrayList<>();
                    continue;
                }
                if (t.is(";") && brackets.isEmpty()) {
                    if (!statement.isEmpty()) {
                        statement(statement);
                    }
                    statement = new ArrayList<>();
                    continue;
                }
                if (t.is("(") || t.is("[") || t.is("{")) {
                    brackets.push(t);
                } else if (t.is(")") || t.is("]") || t.is("}")) {
                    String expected = brackets.isEmpty() ? null : closing(brackets.peek().text());
                    if (!t.text().equals(expected)) {
                        throw new MalformedInputException(source, t.line(), -1, "unexpected "
                                + MalformedInputException.quote(t.text())
                                + (expected == null ? "; expected no closing bracket here"
                                : "; expected " + MalformedInputException.quote(expected) + " to close the "
                                + MalformedInputException.quote(brackets.peek().text()) + " of line "
                                + brackets.peek().line()));
                    }
                    brackets.pop();
                }
                statement.add(t);
            }
            if (!brackets.isEmpty()) {
                Tok open = brackets.peekLast();
                throw new MalformedInputException(source, open.line(), -1, MalformedInputException.quote(open.text())
                        + " is not closed; expected " + MalformedInputException.quote(closing(open.text())));
            }
            if (!statement.isEmpty()) {
                statement(statement); // the last line ended in a comma or an operator
            }
            if (!frames.isEmpty()) {
                Frame f = frames.peek();
                throw new MalformedInputException(source, f.line(), -1, "block opened by "
                        + MalformedInputException.quote(f.opener()) + " is not closed; expected \"end\"");
            }
            return List.copyOf(out);
        }

        private static String closing(String open) {
            return switch (open) {
                case "(" -> ")";
                case "[" -> "]";
                default -> "}";
            };
        }

        /** A line ending in an operator or comma, or followed by a line starting with a method call, goes on. */
        private boolean continues(List<Tok> statement, List<Tok> tokens, int newline) {
            Tok last = statement.get(statement.size() - 1);
            if (last.kind() == Kind.PUNCT && CONTINUING.contains(last.text())) {
                return true;
            }
            int k = newline + 1;
            while (k < tokens.size() && tokens.get(k).kind() == Kind.NEWLINE) {
                k++;
            }
            return k < tokens.size() && (tokens.get(k).is(".") || tokens.get(k).is("&."));
        }

        private void statement(List<Tok> s) throws MalformedInputException {
            if (s.isEmpty()) {
                return;
            }
            Tok first = s.get(0);
            if (first.kind() == Kind.IDENT) {
                String verb = first.text();
                if (verb.equals("end")) {
                    close(first);
                    scan(s, 1); // "end.each do", "end while x": what follows is an expression
                    return;
                }
                if (verb.equals("gem")) {
                    gem(s);
                    return;
                }
                if (verb.equals("git_source")) {
                    s.stream().skip(1).filter(t -> t.kind() == Kind.SYMBOL || t.kind() == Kind.STRING).findFirst()
                            .ifPresent(t -> gitSources.add(t.text()));
                    return;
                }
                int doAt = indexOf(s, "do");
                if (DSL_BLOCKS.contains(verb) && doAt > 0) {
                    dslBlock(s.subList(0, doAt), s.subList(afterBlockParameters(s, doAt), s.size()));
                    return;
                }
                if (verb.equals("def") && isEndless(s)) {
                    return; // def name(args) = expression: Ruby 3's method without end
                }
                if (OPENERS.contains(verb)) {
                    frames.push(new Frame(verb, List.of(), "", first.line()));
                    // "while x do": the do belongs to the loop; "if x then gem ..." goes on after then
                    int then = indexOf(s, "then");
                    List<Tok> rest = s.subList(1, s.size());
                    if (then > 0 && !verb.equals("def") && !verb.equals("class") && !verb.equals("module")) {
                        statement(s.subList(then + 1, s.size()));
                        return;
                    }
                    if ((verb.equals("while") || verb.equals("until") || verb.equals("for")) && doAt > 0) {
                        rest = s.subList(doAt + 1, s.size());
                    }
                    scan(rest, 0);
                    return;
                }
                if (CLAUSES.contains(verb)) {
                    int then = indexOf(s, "then");
                    if (verb.equals("else") || verb.equals("ensure")) {
                        statement(s.subList(1, s.size()));
                    } else if (then > 0) {
                        statement(s.subList(then + 1, s.size()));
                    }
                    return;
                }
            }
            scan(s, 0);
        }

        private boolean isEndless(List<Tok> s) {
            int depth = 0;
            for (Tok t : s) {
                if (t.is("(")) {
                    depth++;
                } else if (t.is(")")) {
                    depth--;
                } else if (depth == 0 && t.is("=")) {
                    return true;
                }
            }
            return false;
        }

        /** Other Ruby: only its blocks matter, so that a later {@code end} closes the right one. */
        private void scan(List<Tok> s, int from) throws MalformedInputException {
            for (int k = from; k < s.size(); k++) {
                Tok t = s.get(k);
                if (t.kind() != Kind.IDENT) {
                    continue;
                }
                Tok prev = k == 0 ? null : s.get(k - 1);
                if (prev != null && (prev.is(".") || prev.is("&.") || prev.is("::"))) {
                    continue; // a method named like a keyword: self.class, x.then
                }
                String w = t.text();
                boolean opens = w.equals("do")
                        || OPENERS.contains(w) && (!MODIFIERS.contains(w) || prev == null
                        || EXPRESSION_START.contains(prev.text()) && prev.kind() == Kind.PUNCT || prev.is("return"));
                if (opens) {
                    frames.push(new Frame(w, List.of(), "", t.line()));
                } else if (w.equals("end")) {
                    close(t);
                }
            }
        }

        private void close(Tok end) throws MalformedInputException {
            if (frames.isEmpty()) {
                throw new MalformedInputException(source, end.line(), -1,
                        "unexpected \"end\"; expected no block to close here (do, if, def, ...)");
            }
            frames.pop();
        }

        private int indexOf(List<Tok> s, String keyword) {
            for (int k = 0; k < s.size(); k++) {
                if (s.get(k).kind() == Kind.IDENT && s.get(k).text().equals(keyword)
                        && (k == 0 || !s.get(k - 1).is(".") && !s.get(k - 1).is("&."))) {
                    return k;
                }
            }
            return -1;
        }

        /** The index after {@code do} and its {@code |params|}. */
        private int afterBlockParameters(List<Tok> s, int doAt) {
            int k = doAt + 1;
            if (k < s.size() && s.get(k).is("|")) {
                k++;
                while (k < s.size() && !s.get(k).is("|")) {
                    k++;
                }
                k = Math.min(k + 1, s.size());
            }
            return k;
        }

        private void dslBlock(List<Tok> head, List<Tok> rest) throws MalformedInputException {
            Tok verb = head.get(0);
            List<String> groups = new ArrayList<>();
            String kind = switch (verb.text()) {
                case "path" -> "path";
                case "git", "github" -> "url";
                default -> "";
            };
            if (verb.text().equals("group")) {
                for (List<Tok> arg : arguments(head.subList(1, head.size()))) {
                    if (isKeyword(arg)) {
                        continue; // optional: true
                    }
                    List<String> names = literals(arg);
                    if (names == null) {
                        kind = "dynamic"; // group names we cannot know
                    } else {
                        groups.addAll(names);
                    }
                }
            }
            frames.push(new Frame(verb.text(), groups, kind, verb.line()));
            statement(rest);
        }

        /** Splits call arguments at top-level commas, inside the call's parentheses when it has them. */
        private List<List<Tok>> arguments(List<Tok> s) throws MalformedInputException {
            List<Tok> args = s;
            if (!s.isEmpty() && s.get(0).is("(")) {
                int close = matching(s, 0);
                args = s.subList(1, close);
            }
            List<List<Tok>> out = new ArrayList<>();
            List<Tok> current = new ArrayList<>();
            int depth = 0;
            for (Tok t : args) {
                if (t.is("(") || t.is("[") || t.is("{")) {
                    depth++;
                } else if (t.is(")") || t.is("]") || t.is("}")) {
                    depth--;
                }
                if (depth == 0 && t.is(",")) {
                    if (current.isEmpty()) {
                        throw new MalformedInputException(source, t.line(), -1,
                                "unexpected \",\"; expected an argument before it");
                    }
                    out.add(current);
                    current = new ArrayList<>();
                } else {
                    current.add(t);
                }
            }
            if (!current.isEmpty()) {
                out.add(current);
            }
            return out;
        }

        private int matching(List<Tok> s, int open) {
            int depth = 0;
            for (int k = open; k < s.size(); k++) {
                if (s.get(k).is("(") || s.get(k).is("[") || s.get(k).is("{")) {
                    depth++;
                } else if (s.get(k).is(")") || s.get(k).is("]") || s.get(k).is("}")) {
                    if (--depth == 0) {
                        return k;
                    }
                }
            }
            return s.size(); // the statement splitter keeps brackets balanced
        }

        /** The call up to a trailing modifier ({@code if}, {@code unless}) or a one-line block's {@code end}. */
        private int callEnd(List<Tok> s) {
            int depth = 0;
            for (int k = 1; k < s.size(); k++) {
                Tok t = s.get(k);
                if (t.is("(") || t.is("[") || t.is("{")) {
                    depth++;
                } else if (t.is(")") || t.is("]") || t.is("}")) {
                    depth--;
                } else if (depth == 0 && t.kind() == Kind.IDENT && (t.text().equals("if") || t.text().equals("unless")
                        || t.text().equals("end")) && !s.get(k - 1).is(".")) {
                    return k;
                }
            }
            return s.size();
        }

        private void gem(List<Tok> s) throws MalformedInputException {
            int end = callEnd(s);
            gem(s.get(0), arguments(s.subList(1, end)));
            if (end < s.size() && s.get(end).text().equals("end")) {
                statement(s.subList(end, s.size())); // a one-line block closes after its gem
            }
        }

        private void gem(Tok verb, List<List<Tok>> args) throws MalformedInputException {
            if (args.isEmpty() || args.get(0).isEmpty()) {
                throw new MalformedInputException(source, verb.line(), -1, "gem without a name; expected gem \"NAME\"");
            }
            List<Tok> name = args.get(0);
            if (name.size() != 1 || name.get(0).kind() != Kind.STRING || !name.get(0).literal()) {
                return; // a computed name names no gem we can look up
            }
            if (name.get(0).text().isBlank()) {
                throw new MalformedInputException(source, verb.line(), -1, "empty gem name; expected gem \"NAME\"");
            }
            List<String> requirements = new ArrayList<>();
            Options options = new Options();
            for (List<Tok> arg : args.subList(1, args.size())) {
                if (arg.size() >= 2 && arg.get(0).is("{") && arg.get(arg.size() - 1).is("}")) {
                    for (List<Tok> pair : arguments(arg.subList(1, arg.size() - 1))) {
                        option(pair, options);
                    }
                } else if (isKeyword(arg) || arg.get(0).is("**")) {
                    option(arg, options);
                } else {
                    List<String> values = literals(arg);
                    if (values == null || arg.get(0).kind() == Kind.SYMBOL || arg.get(0).kind() == Kind.WORDS
                            && arg.get(0).text().isEmpty()) {
                        options.dynamic = true;
                    } else {
                        for (String v : values) {
                            try {
                                if (GemRequirement.parse(v).comparators().size() != 1) {
                                    // Gem::Requirement reads one comparator per string
                                    throw MalformedInputException.ofValue("requirement "
                                            + MalformedInputException.quote(v) + " of gem "
                                            + MalformedInputException.quote(name.get(0).text())
                                            + " holds several comparators; expected one per string,"
                                            + " as \"~> 1.2\", \">= 1.2.3\"");
                                }
                            } catch (MalformedInputException e) {
                                throw e.at(source, arg.get(0).line(), -1);
                            }
                            requirements.add(v.strip());
                        }
                    }
                }
            }
            add(name.get(0).text(), requirements, options, verb.line());
        }

        private boolean isKeyword(List<Tok> arg) {
            return arg.get(0).kind() == Kind.LABEL
                    || arg.size() >= 2 && arg.get(1).is("=>") && (arg.get(0).kind() == Kind.SYMBOL
                    || arg.get(0).kind() == Kind.STRING);
        }

        private void option(List<Tok> pair, Options options) throws MalformedInputException {
            if (!isKeyword(pair)) {
                options.dynamic = true; // **opts or something computed: it may name groups or sources
                return;
            }
            String key = pair.get(0).text();
            List<Tok> value = pair.subList(pair.get(0).kind() == Kind.LABEL ? 1 : 2, pair.size());
            if (key.equals("group") || key.equals("groups")) {
                List<String> names = value.isEmpty() ? null : literals(value);
                if (names == null) {
                    options.dynamic = true;
                } else {
                    options.groups.addAll(names);
                }
            } else if (key.equals("path")) {
                options.kind = "path";
            } else if (gitSources.contains(key)) {
                options.kind = "url";
            }
        }

        /**
         * The literal strings or symbols of an argument: one, a {@code %w}/{@code %i} list or an
         * array of them, possibly spread with {@code *}; null when it is anything else.
         */
        private List<String> literals(List<Tok> arg) throws MalformedInputException {
            if (arg.size() >= 2 && arg.get(0).is("*")) {
                return literals(arg.subList(1, arg.size())); // group *%w[a b]: a literal list spread
            }
            if (arg.size() == 1) {
                Tok t = arg.get(0);
                if ((t.kind() == Kind.STRING || t.kind() == Kind.SYMBOL) && t.literal()) {
                    return List.of(t.text());
                }
                return t.kind() == Kind.WORDS && t.literal() ? t.words() : null;
            }
            if (arg.size() >= 2 && arg.get(0).is("[") && arg.get(arg.size() - 1).is("]")) {
                List<String> out = new ArrayList<>();
                for (List<Tok> element : arguments(arg.subList(1, arg.size() - 1))) {
                    List<String> v = element.size() == 1 && element.get(0).kind() != Kind.WORDS ? literals(element) : null;
                    if (v == null) {
                        return null;
                    }
                    out.addAll(v);
                }
                return out;
            }
            return null;
        }

        private void add(String name, List<String> requirements, Options options, int line) {
            Set<String> groups = new LinkedHashSet<>();
            String kind = "";
            boolean dynamic = options.dynamic;
            for (var it = frames.descendingIterator(); it.hasNext(); ) {
                Frame f = it.next();
                groups.addAll(f.groups());
                if (f.kind().equals("dynamic")) {
                    dynamic = true;
                } else if (!f.kind().isEmpty()) {
                    kind = f.kind(); // the innermost source block wins
                }
            }
            groups.addAll(options.groups);
            groups.remove("default");
            if (!options.kind.isEmpty()) {
                kind = options.kind;
            }
            List<String> scope = new ArrayList<>(groups);
            if (!kind.isEmpty()) {
                scope.add(kind);
            }
            if (dynamic) {
                scope.add("dynamic");
            }
            boolean runtime = groups.isEmpty() || !DEV_GROUPS.containsAll(groups);
            out.add(new DeclaredDependency(Ecosystem.RUBYGEMS, name, dynamic ? "" : String.join(", ", requirements),
                    scope.isEmpty() ? Optional.empty() : Optional.of(String.join(",", scope)), runtime, source, line));
        }
    }

}
