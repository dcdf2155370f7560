package org.debindex.verify.deps.go;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * Reads a Go {@code go.mod}: {@code module}, {@code go}, {@code toolchain}, {@code require}
 * (single and block form), {@code replace} and {@code exclude}; {@code retract}, {@code godebug},
 * {@code tool} and {@code ignore} are checked for form only. Comments ({@code //}) and quoted paths
 * ({@code "..."}, {@code `...`}) are understood; an unknown directive is an error.
 *
 * <p>Each {@code require} is a runtime dependency whose requested text is the minimum version
 * ({@link GoRequirement}); {@code // indirect} gives scope {@code indirect}. A {@code replace}
 * whose left side matches the requirement (by path, and by version when it names one; a
 * versioned replace wins over an unversioned one) adds scope {@code replaced:TARGET}: for a
 * module target the requested text becomes the target's version (a requirement on TARGET, not on
 * the required path), for a directory target it becomes empty (nothing is fetched).
 * {@code exclude}d versions are not dependencies: they are listed in {@link GoMod#exclusions()}
 * and do not change the requirements.
 *
 * <p>Immutable and thread-safe.
 *
 * <p>Format: the Go Modules Reference, section "go.mod files".
 */
public final class GoModReader implements ManifestReader {

    /** Largest go.mod read, in bytes. */
    public static final int MAX_SIZE = 16 << 20;

    private static final Set<String> BLOCK_VERBS = Set.of("require", "exclude", "replace", "retract", "godebug",
            "tool", "ignore");
    private static final String VERBS = "module, go, toolchain, godebug, require, exclude, replace, retract, tool or ignore";

    /** Creates a reader. */
    public GoModReader() {
    }

    @Override
    public boolean accepts(Path file) {
        Path name = Objects.requireNonNull(file, "file").getFileName();
        return name != null && name.toString().equals("go.mod");
    }

    @Override
    public List<DeclaredDependency> read(Path file) throws IOException, MalformedInputException {
        return parse(file).requirements();
    }

    /**
     * Reads everything the file says that a check needs.
     *
     * @throws MalformedInputException if the file is not a valid go.mod: the message names the file
     *     and line and what was expected
     * @throws IOException if the file cannot be read
     * @throws NullPointerException if {@code file} is null
     */
    public GoMod parse(Path file) throws IOException, MalformedInputException {
        String source = file.toString();
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_SIZE + 1);
        }
        if (bytes.length > MAX_SIZE) {
            throw new MalformedInputException(source, -1, -1, "file is larger than the limit of " + MAX_SIZE + " bytes");
        }
        return new Parse(source).run(bytes);
    }

    /** A token: its text and whether it was quoted (so {@code "("} is a path, not a block). */
    private record Token(String text, boolean quoted) {
        boolean is(String s) {
            return !quoted && text.equals(s);
        }
    }

    private record Require(String path, String version, boolean indirect, int line) {}

    private record Replace(String oldPath, String oldVersion, String newPath, String newVersion, int line) {}

    /** The state of one reading. */
    private static final class Parse {
        private final String source;
        private int line;
        private String module;
        private String goVersion;
        private String toolchain;
        private final List<Require> requires = new ArrayList<>();
        private final List<Replace> replaces = new ArrayList<>();
        private final List<GoMod.Exclusion> exclusions = new ArrayList<>();
        private final Map<String, Integer> replaced = new LinkedHashMap<>();

        Parse(String source) {
            this.source = source;
        }

        GoMod run(byte[] bytes) throws MalformedInputException {
            String block = null;
            int blockLine = 0;
            int start = 0;
            line = 0;
            while (start < bytes.length) {
                int end = start;
                while (end < bytes.length && bytes[end] != '\n') {
                    end++;
                }
                line++;
                String text = decode(bytes, start, end);
                start = end + 1;
                List<Token> tokens = new ArrayList<>();
                boolean indirect = tokenize(text, tokens);
                if (tokens.isEmpty()) {
                    continue;
                }
                if (block != null) {
                    if (tokens.get(0).is(")")) {
                        if (tokens.size() > 1) {
                            throw error("unexpected " + MalformedInputException.quote(tokens.get(1).text())
                                    + " after \")\"; expected the end of the line");
                        }
                        block = null;
                    } else {
                        statement(block, tokens, indirect);
                    }
                    continue;
                }
                Token verb = tokens.get(0);
                if (verb.quoted()) {
                    throw error("quoted " + MalformedInputException.quote(verb.text()) + "; expected a directive (" + VERBS + ")");
                }
                if (tokens.size() >= 2 && tokens.get(1).is("(")) {
                    if (!BLOCK_VERBS.contains(verb.text())) {
                        throw error(MalformedInputException.quote(verb.text()) + " cannot start a block; expected one of "
                                + String.join(", ", BLOCK_VERBS.stream().sorted().toList()));
                    }
                    if (tokens.size() == 3 && tokens.get(2).is(")")) {
                        continue; // "require ()"
                    }
                    if (tokens.size() > 2) {
                        throw error("unexpected " + MalformedInputException.quote(tokens.get(2).text())
                                + " after \"(\"; expected the end of the line");
                    }
                    block = verb.text();
                    blockLine = line;
                    continue;
                }
                statement(verb.text(), tokens.subList(1, tokens.size()), indirect);
            }
            if (block != null) {
                throw new MalformedInputException(source, blockLine, -1, MalformedInputException.quote(block)
                        + " block is not closed; expected \")\" on a line of its own");
            }
            return new GoMod(Optional.ofNullable(module), Optional.ofNullable(goVersion), Optional.ofNullable(toolchain),
                    requirements(), exclusions);
        }

        private String decode(byte[] bytes, int start, int end) throws MalformedInputException {
            try {
                return StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes, start, end - start)).toString();
            } catch (CharacterCodingException e) {
                throw error("invalid UTF-8; expected UTF-8 text");
            }
        }

        /** Splits a line into tokens; returns whether its comment says {@code indirect}. */
        private boolean tokenize(String s, List<Token> out) throws MalformedInputException {
            int i = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == ' ' || c == '\t' || c == '\r') {
                    i++;
                } else if (s.startsWith("//", i)) {
                    // modfile: "// indirect" or "// indirect; other text"
                    String comment = s.substring(i + 2).strip();
                    return comment.equals("indirect") || comment.startsWith("indirect;");
                } else if (c == '(' || c == ')') {
                    out.add(new Token(String.valueOf(c), false));
                    i++;
                } else if (s.startsWith("=>", i)) {
                    out.add(new Token("=>", false));
                    i += 2;
                } else if (c == '"' || c == '`') {
                    StringBuilder text = new StringBuilder();
                    int j = i + 1;
                    while (true) {
                        if (j >= s.length()) {
                            throw error("unterminated quoted string " + MalformedInputException.quote(s.substring(i))
                                    + "; expected a closing " + c);
                        }
                        char d = s.charAt(j);
                        if (d == c) {
                            break;
                        }
                        if (c == '"' && d == '\\') {
                            char e = j + 1 < s.length() ? s.charAt(j + 1) : 0;
                            if (e != '"' && e != '\\') {
                                throw error("unsupported escape in " + MalformedInputException.quote(s.substring(i))
                                        + "; expected \\\" or \\\\");
                            }
                            text.append(e);
                            j += 2;
                        } else {
                            text.append(d);
                            j++;
                        }
                    }
                    out.add(new Token(text.toString(), true));
                    i = j + 1;
                } else {
                    int j = i;
                    while (j < s.length() && " \t\r()\"`".indexOf(s.charAt(j)) < 0 && !s.startsWith("//", j)
                            && !s.startsWith("=>", j)) {
                        j++;
                    }
                    out.add(new Token(s.substring(i, j), false));
                    i = j;
                }
            }
            return false;
        }

        private void statement(String verb, List<Token> args, boolean indirect) throws MalformedInputException {
            for (Token t : args) {
                if (t.is("(") || t.is(")")) {
                    throw error("unexpected " + MalformedInputException.quote(t.text()) + " in " + verb
                            + "; expected \"(\" only after the directive at the end of a line");
                }
            }
            switch (verb) {
                case "module" -> {
                    want(args.size() == 1, "module needs one module path; expected \"module PATH\"");
                    if (module != null) {
                        throw error("repeated module directive; expected one");
                    }
                    module = path(args.get(0));
                }
                case "go" -> {
                    want(args.size() == 1, "go needs one version; expected \"go 1.N\"");
                    if (goVersion != null) {
                        throw error("repeated go directive; expected one");
                    }
                    String v = args.get(0).text();
                    want(v.matches("[1-9][0-9]*\\.(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))?([a-z]+[0-9]+)?"),
                            "invalid go version " + MalformedInputException.quote(v) + "; expected 1.N, 1.N.P or 1.NrcP");
                    goVersion = v;
                }
                case "toolchain" -> {
                    want(args.size() == 1, "toolchain needs one name; expected \"toolchain goVERSION\"");
                    if (toolchain != null) {
                        throw error("repeated toolchain directive; expected one");
                    }
                    toolchain = args.get(0).text();
                }
                case "require" -> {
                    want(args.size() == 2, "require needs a module path and a version; expected \"require PATH VERSION\"");
                    String path = path(args.get(0));
                    String version = args.get(1).text();
                    requirement(path, version);
                    requires.add(new Require(path, version, indirect, line));
                }
                case "exclude" -> {
                    want(args.size() == 2, "exclude needs a module path and a version; expected \"exclude PATH VERSION\"");
                    String path = path(args.get(0));
                    String version = args.get(1).text();
                    requirement(path, version);
                    exclusions.add(new GoMod.Exclusion(path, version, line));
                }
                case "replace" -> replace(args);
                case "retract", "godebug", "tool", "ignore" -> want(!args.isEmpty(),
                        verb + " needs an argument; expected \"" + verb + " ...\"");
                default -> throw error("unknown directive " + MalformedInputException.quote(verb) + "; expected " + VERBS);
            }
        }

        private void replace(List<Token> args) throws MalformedInputException {
            int arrow = -1;
            for (int i = 0; i < args.size(); i++) {
                if (args.get(i).is("=>")) {
                    arrow = i;
                    break;
                }
            }
            String form = "; expected \"replace PATH [VERSION] => PATH [VERSION]\"";
            want(arrow == 1 || arrow == 2, "replace needs \"=>\" after the module path and optional version" + form);
            int right = args.size() - arrow - 1;
            want(right == 1 || right == 2, "replace needs a module path or directory after \"=>\"" + form);
            String oldPath = path(args.get(0));
            String oldVersion = arrow == 2 ? args.get(1).text() : "";
            if (!oldVersion.isEmpty()) {
                requirement(oldPath, oldVersion);
            }
            String target = args.get(arrow + 1).text();
            String newVersion = right == 2 ? args.get(arrow + 2).text() : "";
            if (right == 1) {
                want(isDirectory(target), "replacement " + MalformedInputException.quote(target)
                        + " without a version is no directory; expected ./DIR, ../DIR, /DIR or PATH VERSION");
            } else {
                path(args.get(arrow + 1));
                requirement(target, newVersion);
            }
            String key = oldPath + " " + oldVersion;
            Integer first = replaced.putIfAbsent(key, line);
            if (first != null) {
                throw error("repeated replacement of " + MalformedInputException.quote(key.strip()) + " (first on line "
                        + first + "); expected one");
            }
            replaces.add(new Replace(oldPath, oldVersion, target, newVersion, line));
        }

        private List<DeclaredDependency> requirements() {
            List<DeclaredDependency> out = new ArrayList<>();
            for (Require r : requires) {
                Replace applied = null;
                for (Replace p : replaces) {
                    if (p.oldPath().equals(r.path()) && (p.oldVersion().equals(r.version())
                            || (p.oldVersion().isEmpty() && applied == null))) {
                        applied = p;
                    }
                }
                List<String> scope = new ArrayList<>();
                if (r.indirect()) {
                    scope.add("indirect");
                }
                String requested = r.version();
                if (applied != null) {
                    scope.add("replaced:" + applied.newPath());
                    requested = applied.newVersion();
                }
                out.add(new DeclaredDependency(Ecosystem.GO, r.path(), requested,
                        scope.isEmpty() ? Optional.empty() : Optional.of(String.join(",", scope)), true, source, r.line()));
            }
            return out;
        }

        /** modfile.IsDirectoryPath: a local path, not a module path. */
        private static boolean isDirectory(String s) {
            return s.equals(".") || s.equals("..") || s.startsWith("./") || s.startsWith("../") || s.startsWith("/")
                    || s.startsWith(".\\") || s.startsWith("..\\") || (s.length() >= 3 && s.charAt(1) == ':'
                    && (s.charAt(2) == '\\' || s.charAt(2) == '/'));
        }

        /** A module path: a light form of module.CheckPath (the go command enforces the rest). */
        private String path(Token t) throws MalformedInputException {
            String p = t.text();
            boolean ok = !p.isEmpty() && !p.startsWith("/") && !p.endsWith("/") && !p.contains("//") && !p.startsWith("-");
            for (int i = 0; ok && i < p.length(); i++) {
                char c = p.charAt(i);
                ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~/+".indexOf(c) >= 0;
            }
            want(ok, "invalid module path " + MalformedInputException.quote(p)
                    + "; expected ASCII letters, digits and -._~/+ without empty elements");
            return p;
        }

        private void requirement(String path, String version) throws MalformedInputException {
            try {
                GoRequirement.parse(path, version);
            } catch (MalformedInputException e) {
                throw e.at(source, line, -1);
            }
        }

        private void want(boolean condition, String problem) throws MalformedInputException {
            if (!condition) {
                throw error(problem);
            }
        }

        private MalformedInputException error(String problem) {
            return new MalformedInputException(source, line, -1, problem);
        }
    }
}
