package org.debindex.verify.deps.python;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.debindex.core.MalformedInputException;
import org.debindex.verify.deps.DeclaredDependency;
import org.debindex.verify.deps.Ecosystem;
import org.debindex.verify.deps.ManifestReader;

/**
 * Reads pip requirements files ({@code requirements.txt}, {@code dev-requirements.txt},
 * {@code requirements/*.txt}): one PEP 508 requirement per logical line, as pip's
 * "Requirements File Format" describes.
 *
 * <ul>
 *   <li>A line ending in {@code \} continues on the next; a dependency gets the line its logical
 *       line starts on. {@code #} at the start or after whitespace starts a comment.</li>
 *   <li>{@code -r}/{@code --requirement} includes another file, relative to the including one;
 *       each file is read once, and an include cycle is an error.</li>
 *   <li>{@code -c}/{@code --constraint} files are noted in {@link Result#constraintFiles()} and
 *       not read: a constraint is not a dependency.</li>
 *   <li>{@code -e}/{@code --editable}, index and build options are ignored, and so are the
 *       per-requirement options {@code --hash}, {@code --config-settings},
 *       {@code --global-option}; an unknown option is an error.</li>
 *   <li>{@code name @ url} gives an empty requested version and scope {@code url}; a marker
 *       gives scope {@code marker:<text>} and is not evaluated (see {@link Pep508Requirement}).</li>
 *   <li>{@code ${VAR}} references are left as written. A bare path or URL without a name cannot be
 *       mapped and is an error rather than silently dropped.</li>
 * </ul>
 *
 * <p>All dependencies are reported as runtime ones, with the name as written. Immutable and
 * thread-safe.
 *
 * @see "pip's requirements file format"
 */
public final class RequirementsReader implements ManifestReader {

    /** Largest file read, 16 MiB, as for other manifests. */
    public static final long MAX_BYTES = 16L << 20;

    private static final Pattern COMMENT = Pattern.compile("(^|\\s+)#.*$");
    private static final Pattern TOKEN = Pattern.compile("\\S+");
    private static final Set<String> IGNORED_WITH_VALUE = Set.of("-i", "--index-url", "--extra-index-url", "-f",
            "--find-links", "--no-binary", "--only-binary", "--trusted-host", "--use-feature", "-e", "--editable");
    private static final Set<String> IGNORED_FLAGS = Set.of("--no-index", "--prefer-binary", "--require-hashes",
            "--pre");
    private static final Set<String> PER_REQUIREMENT = Set.of("--hash", "--config-settings", "--global-option");

    /**
     * What a requirements file (with its includes) declares.
     *
     * @param dependencies    the requirements, in file order, includes in place
     * @param constraintFiles the {@code -c} files named, resolved against the naming file
     */
    public record Result(List<DeclaredDependency> dependencies, List<Path> constraintFiles) {
        /** Copies. @throws NullPointerException if a list or element is null */
        public Result {
            dependencies = List.copyOf(dependencies);
            constraintFiles = List.copyOf(constraintFiles);
        }
    }

    /** {@inheritDoc} Names containing {@code requirements} and ending in {@code .txt}, or any {@code .txt} in a {@code requirements} directory. */
    @Override
    public boolean accepts(Path file) {
        Objects.requireNonNull(file, "file");
        Path name = file.getFileName();
        if (name == null) {
            return false;
        }
        String n = name.toString().toLowerCase(Locale.ROOT);
        if (!n.endsWith(".txt")) {
            return false;
        }
        Path parent = file.getParent();
        return n.contains("requirements")
                || (parent != null && parent.getFileName() != null && parent.getFileName().toString().equals("requirements"));
    }

    @Override
    public List<DeclaredDependency> read(Path file) throws IOException, MalformedInputException {
        return readAll(file).dependencies();
    }

    /**
     * Reads the file and its includes, noting constraint files.
     *
     * @throws MalformedInputException if a line is not a requirement or known option (file:line), or
     *     an include forms a cycle
     * @throws IOException if a file cannot be read
     * @throws NullPointerException if {@code file} is null
     */
    public Result readAll(Path file) throws IOException, MalformedInputException {
        Objects.requireNonNull(file, "file");
        List<DeclaredDependency> deps = new ArrayList<>();
        List<Path> constraints = new ArrayList<>();
        readFile(file, new ArrayList<>(), new HashSet<>(), deps, constraints, null, 0);
        return new Result(deps, constraints);
    }

    private void readFile(Path file, List<Path> stack, Set<Path> done, List<DeclaredDependency> deps,
                          List<Path> constraints, String includer, int includerLine)
            throws IOException, MalformedInputException {
        Path key = file.toAbsolutePath().normalize();
        if (stack.contains(key)) {
            throw new MalformedInputException(includer, includerLine, -1, "include cycle: "
                    + MalformedInputException.quote(file.toString()) + " is already being read");
        }
        if (!done.add(key)) {
            return;
        }
        stack.add(key);
        String source = file.toString();
        List<String> lines = lines(file, source);
        StringBuilder logical = new StringBuilder();
        int start = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (logical.length() == 0) {
                start = i + 1;
            }
            // as pip's join_lines: a comment line ends a continuation instead of joining it, and
            // gets a space so that the comment rule still sees it
            boolean commentLine = COMMENT.matcher(line).lookingAt();
            if (line.endsWith("\\") && !commentLine) {
                logical.append(line, 0, line.length() - 1);
                if (i < lines.size() - 1) {
                    continue;
                }
            } else {
                logical.append(commentLine ? " " : "").append(line);
            }
            String text = COMMENT.matcher(logical).replaceFirst("").strip();
            logical.setLength(0);
            if (!text.isEmpty()) {
                line(text, file, source, start, stack, done, deps, constraints);
            }
        }
        stack.remove(stack.size() - 1);
    }

    private void line(String text, Path file, String source, int line, List<Path> stack, Set<Path> done,
                      List<DeclaredDependency> deps, List<Path> constraints) throws IOException, MalformedInputException {
        String[] tokens = text.split("\\s+");
        if (text.startsWith("-")) {
            String opt = tokens[0];
            String value = tokens.length > 1 ? tokens[1] : null;
            int eq = opt.indexOf('=');
            if (opt.startsWith("--") && eq > 0) {
                value = opt.substring(eq + 1);
                opt = opt.substring(0, eq);
            } else if (!opt.startsWith("--") && opt.length() > 2) {
                value = opt.substring(2);
                opt = opt.substring(0, 2);
            }
            boolean include = opt.equals("-r") || opt.equals("--requirement");
            boolean constraint = opt.equals("-c") || opt.equals("--constraint");
            if (include || constraint || IGNORED_WITH_VALUE.contains(opt)) {
                if (value == null || value.isEmpty()) {
                    throw new MalformedInputException(source, line, -1, "option " + MalformedInputException.quote(opt)
                            + " needs a value");
                }
                Path dir = file.toAbsolutePath().getParent();
                if (include) {
                    readFile(dir.resolve(value), stack, done, deps, constraints, source, line);
                } else if (constraint) {
                    constraints.add(dir.resolve(value));
                }
                return;
            }
            if (IGNORED_FLAGS.contains(opt)) {
                return;
            }
            throw new MalformedInputException(source, line, -1, "unknown option " + MalformedInputException.quote(opt)
                    + "; expected a requirement or a pip option such as -r, -c, -e, --index-url");
        }
        // pip's break_args_options: the requirement ends at the first token that is an option;
        // cut the original text there so that marker strings keep their spacing
        int t = 0;
        int cut = text.length();
        Matcher token = TOKEN.matcher(text);
        while (token.find()) {
            if (token.group().startsWith("-")) {
                cut = token.start();
                break;
            }
            t++;
        }
        String r = text.substring(0, cut).strip();
        for (; t < tokens.length; t++) {
            if (tokens[t].startsWith("-")) {
                String opt = tokens[t].contains("=") ? tokens[t].substring(0, tokens[t].indexOf('=')) : tokens[t];
                if (!PER_REQUIREMENT.contains(opt)) {
                    throw new MalformedInputException(source, line, -1, "unknown option "
                            + MalformedInputException.quote(opt) + " after a requirement; expected --hash, --config-settings"
                            + " or --global-option");
                }
                if (!tokens[t].contains("=")) {
                    t++;
                }
            }
        }
        if (looksLikePathOrUrl(r)) {
            throw new MalformedInputException(source, line, -1, "requirement " + MalformedInputException.quote(r)
                    + " has no name; expected name @ url so that it can be checked");
        }
        Pep508Requirement p;
        try {
            p = Pep508Requirement.parse(r);
        } catch (MalformedInputException e) {
            throw e.at(source, line, -1);
        }
        deps.add(new DeclaredDependency(Ecosystem.PYPI, p.name(), p.url().isPresent() ? "" : p.specifiers(),
                p.scope(), true, source, line));
    }

    private static boolean looksLikePathOrUrl(String r) {
        int at = r.indexOf('@');
        String head = at < 0 ? r : r.substring(0, at);
        return head.contains("/") || head.contains("://") || head.endsWith(".whl") || head.endsWith(".tar.gz")
                || head.endsWith(".zip") || head.startsWith(".");
    }

    private static List<String> lines(Path file, String source) throws IOException, MalformedInputException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) {
            throw new MalformedInputException(source, -1, -1, "file is larger than the limit of " + MAX_BYTES + " bytes");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        if (decoder.decode(in, out, true).isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new MalformedInputException(source, line, in.position(), "invalid UTF-8 byte sequence");
        }
        decoder.flush(out);
        String text = out.flip().toString();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}
