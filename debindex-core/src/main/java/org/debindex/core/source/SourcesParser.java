package org.debindex.core.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.debindex.core.MalformedInputException;
import org.debindex.core.deb822.Deb822Options;
import org.debindex.core.deb822.Deb822Reader;
import org.debindex.core.deb822.Field;
import org.debindex.core.deb822.Paragraph;

/**
 * Reads apt's sources formats exactly as apt 2.6 reads them (sources.list(5); apt's
 * {@code apt-pkg/sourcelist.cc} and {@code apt-pkg/deb/debmetaindex.cc}).
 *
 * <p><b>One-line format</b> ({@code .list} files, {@code --repo}): one entry per line,
 * {@code deb [ opt=val opt2=v1,v2 ] URI suite [component...]}. A {@code #} starts a comment
 * anywhere except inside the option brackets; blank lines are skipped; white space and one
 * {@code \r} around the line are dropped. Words are read like apt's {@code ParseQuoteWord}: text
 * in double quotes may hold spaces (the quotes are removed) and {@code %xx} escapes are decoded.
 * Each option must be {@code name=value} with a name and a value; {@code name+=value} and
 * {@code name-=value} add to or remove from the default of the multivalue options {@code arch},
 * {@code lang} and {@code target}. Option names are case-sensitive.
 *
 * <p><b>deb822 format</b> ({@code .sources} files): stanzas of fields (read with
 * {@link Deb822Reader}, {@code #} comment lines allowed), field names case-insensitive, multiple
 * values separated by white space. {@code Types} is required in every stanza, even a disabled one,
 * and each type must be known; then a stanza with {@code Enabled: no} (any false value of apt's
 * {@code StringToBool}) is skipped whole. {@code URIs} and {@code Suites} are required; the stanza
 * expands to one entry per type, URI and suite, in that order. A {@code Signed-By} value (paths
 * and fingerprints, or an embedded key block with its {@code .} lines) is kept verbatim.
 *
 * <p><b>Suites</b>: a suite ending in {@code /} is an exact path (a flat repository) and must
 * have no components; any other suite needs at least one. {@code $(ARCH)} is replaced by the host
 * architecture in every URI, in every deb822 suite, and in a one-line suite only when it is flat:
 * apt leaves it alone in a one-line suite that is not (a warning says so). URIs must contain a
 * colon and are normalised as apt does ({@link SourceEntry}).
 *
 * <p><b>Errors</b> ({@link MalformedInputException}, {@code file:line: what is wrong}) are what
 * apt refuses: an unknown type, a missing URI, suite or component, components after a flat
 * suite, a malformed option, a {@code Signed-By} that is neither absolute paths, 40-digit
 * fingerprints nor a key block, and conflicting options between entries for one repository
 * ({@link SourceList}). Stricter than apt, an empty suite or component ({@code ""}) and invalid
 * UTF-8 are errors too. <b>Warnings</b> ({@link SourceWarning}) are what apt ignores silently: an
 * unknown option or field, a boolean option that is not a boolean, a stanza with an empty
 * {@code Types}.
 *
 * <p>Immutable and thread-safe.
 */
public final class SourcesParser {

    /** The source name of entries given with {@link #parseRepo}. */
    public static final String REPO_SOURCE = "--repo";

    private static final String ONE_LINE_FORM = "expected \"deb [options] URI suite [component...]\"";

    /** apt's multivalue options: the only ones {@code +=} and {@code -=} apply to. */
    private static final Set<String> MULTIVALUE = Set.of("arch", "lang", "target");

    /** apt's tri-state options, where an unrecognised value reads as no ({@code GetTriStateOption}). */
    private static final Set<String> TRI_STATE = Set.of("trusted", "check-valid-until", "check-date");

    /** Boolean options whose unrecognised value leaves apt's default ({@code GetBoolOption}). */
    private static final Set<String> BOOLEAN = Set.of("pdiffs", "allow-insecure", "allow-weak",
            "allow-downgrade-to-insecure");

    private static final Set<String> SECONDS = Set.of("valid-until-min", "valid-until-max", "date-max-future");

    private static final Set<String> STRINGS = Set.of("signed-by", "by-hash", "inrelease-path");

    /**
     * Index target identifiers apt's default configuration and Debian's usual packages (apt-file,
     * appstream, command-not-found) define; as one-line options they switch a target on or off.
     * Other identifiers depend on the host's {@code Acquire::IndexTargets} and get a warning.
     */
    private static final Set<String> TARGET_IDENTIFIERS = Set.of("Packages", "Sources", "Translations",
            "Contents-deb", "Contents-udeb", "Contents-dsc", "Contents-deb-legacy", "DEP-11", "DEP-11-icons",
            "DEP-11-icons-small", "DEP-11-icons-large", "DEP-11-icons-hidpi", "DEP-11-icons-large-hidpi", "CNF");

    /** deb822 option fields, lower-case, and the one-line option apt maps each to ({@code ParseStanza}). */
    private static final Map<String, String> DEB822_OPTIONS = Map.ofEntries(
            Map.entry("architectures", "arch"), Map.entry("architectures-add", "arch+"),
            Map.entry("architectures-remove", "arch-"),
            Map.entry("languages", "lang"), Map.entry("languages-add", "lang+"), Map.entry("languages-remove", "lang-"),
            Map.entry("targets", "target"), Map.entry("targets-add", "target+"), Map.entry("targets-remove", "target-"),
            Map.entry("trusted", "trusted"), Map.entry("check-valid-until", "check-valid-until"),
            Map.entry("valid-until-min", "valid-until-min"), Map.entry("valid-until-max", "valid-until-max"),
            Map.entry("check-date", "check-date"), Map.entry("date-max-future", "date-max-future"),
            Map.entry("signed-by", "signed-by"), Map.entry("pdiffs", "pdiffs"), Map.entry("by-hash", "by-hash"));

    /** deb822 spellings of options apt 2.6 reads only from one-line entries. */
    private static final Map<String, String> DEB822_IGNORED = Map.of(
            "allow-insecure", "allow-insecure", "allow-weak", "allow-weak",
            "allow-downgrade-to-insecure", "allow-downgrade-to-insecure", "inrelease-path", "inrelease-path");

    private static final Set<String> DEB822_STRUCTURE = Set.of("types", "uris", "suites", "components", "enabled");

    private final String hostArchitecture;

    /**
     * A parser for a host of the given architecture, which replaces {@code $(ARCH)}.
     *
     * @param hostArchitecture the Debian architecture apt would use ({@code APT::Architecture},
     *                         what {@code dpkg --print-architecture} prints), such as {@code amd64}
     * @throws NullPointerException if {@code hostArchitecture} is null
     * @throws IllegalArgumentException if it is not a Debian architecture name (lower-case ASCII
     *         letters, digits and {@code -})
     */
    public SourcesParser(String hostArchitecture) {
        Objects.requireNonNull(hostArchitecture, "hostArchitecture");
        if (hostArchitecture.isEmpty() || !hostArchitecture.chars().allMatch(
                c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
            throw new IllegalArgumentException("hostArchitecture must be a Debian architecture name: \""
                    + hostArchitecture + "\"");
        }
        this.hostArchitecture = hostArchitecture;
    }

    /** The architecture {@code $(ARCH)} is replaced with. */
    public String hostArchitecture() {
        return hostArchitecture;
    }

    /**
     * Whether apt reads a file as deb822: the text after the last {@code .} of its path (the whole
     * path if there is none) is {@code sources} (apt's {@code ReadAppend} with {@code flExtension});
     * every other file is read in the one-line format.
     *
     * @throws NullPointerException if {@code file} is null
     */
    public static boolean isDeb822(Path file) {
        String path = file.toString();
        return path.substring(path.lastIndexOf('.') + 1).equals("sources");
    }

    /**
     * Reads a sources file, in the format its name says ({@link #isDeb822}); messages name it as
     * given.
     *
     * @throws MalformedInputException if the file is not valid in its format (see the class comment)
     * @throws IOException if it cannot be read
     * @throws NullPointerException if {@code file} is null
     */
    public SourceList parseFile(Path file) throws IOException, MalformedInputException {
        byte[] data = Files.readAllBytes(file);
        String source = file.toString();
        if (isDeb822(file)) {
            return parseDeb822(data, source);
        }
        return parseOneLine(decode(data, source), source);
    }

    /**
     * Reads text in the one-line format.
     *
     * @param text   the file's contents
     * @param source the name used in messages and in {@link SourceEntry#source()}
     * @throws MalformedInputException at the first line apt would refuse, or if two entries for one
     *         repository conflict
     * @throws NullPointerException if an argument is null
     */
    public SourceList parseOneLine(String text, String source) throws MalformedInputException {
        Objects.requireNonNull(text, "text");
        Collector out = new Collector(source);
        int lineNo = 0;
        int pos = 0;
        while (pos < text.length()) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? text.length() : nl;
            lineNo++;
            parseLine(text.substring(pos, end), lineNo, out);
            pos = end + 1;
        }
        return SourceList.of(out.entries, out.warnings);
    }

    /**
     * Reads one one-line entry given on the command line; its source name is {@value #REPO_SOURCE}
     * and its line 1.
     *
     * @throws MalformedInputException if the text is not exactly one entry (a comment or blank text
     *         is not one) or apt would refuse it
     * @throws NullPointerException if {@code line} is null
     */
    public SourceList parseRepo(String line) throws MalformedInputException {
        Objects.requireNonNull(line, "line");
        if (line.indexOf('\n') >= 0) {
            throw new MalformedInputException(REPO_SOURCE, 1, -1, "a --repo value must be one line; " + ONE_LINE_FORM);
        }
        SourceList list = parseOneLine(line, REPO_SOURCE);
        if (list.entries().isEmpty()) {
            throw new MalformedInputException(REPO_SOURCE, 1, -1, "no source in "
                    + MalformedInputException.quote(line) + "; " + ONE_LINE_FORM);
        }
        return list;
    }

    /**
     * Reads text in the deb822 format.
     *
     * @param text   the file's contents
     * @param source the name used in messages and in {@link SourceEntry#source()}
     * @throws MalformedInputException at the first stanza apt would refuse, or if two entries for one
     *         repository conflict
     * @throws NullPointerException if an argument is null
     */
    public SourceList parseDeb822(String text, String source) throws MalformedInputException {
        return parseDeb822(Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8), source);
    }

    private SourceList parseDeb822(byte[] data, String source) throws MalformedInputException {
        Collector out = new Collector(source);
        Deb822Options options = Deb822Options.controlFile()
                .withWarnings(w -> out.warnings.add(new SourceWarning(w.source(), w.line(), w.message())));
        try (Deb822Reader reader = Deb822Reader.of(data, source, options)) {
            Optional<Paragraph> next;
            while ((next = reader.next()).isPresent()) {
                parseStanza(next.get(), out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading a byte array cannot fail", e);
        }
        return SourceList.of(out.entries, out.warnings);
    }

    // --- one-line format ------------------------------------------------------------------------

    /** apt's {@code ParseFileOldStyle} and {@code Type::ParseLine} for one line. */
    private void parseLine(String raw, long lineNo, Collector out) throws MalformedInputException {
        String buffer = stripComment(raw);
        int from = 0;
        int to = buffer.length();
        while (from < to && " \t\r".indexOf(buffer.charAt(from)) >= 0) {
            from++;
        }
        while (to > from && " \t\r".indexOf(buffer.charAt(to - 1)) >= 0) {
            to--;
        }
        buffer = buffer.substring(from, to);
        if (buffer.isEmpty()) {
            return;
        }
        int typeEnd = 0;
        while (typeEnd < buffer.length() && " \t\u000B".indexOf(buffer.charAt(typeEnd)) < 0) {
            typeEnd++;
        }
        String typeWord = buffer.substring(0, typeEnd);
        if (typeEnd == buffer.length()) {
            throw out.error(lineNo, "line " + MalformedInputException.quote(buffer) + " has only one word; " + ONE_LINE_FORM);
        }
        SourceType type = SourceType.forKeyword(typeWord).orElseThrow(() -> out.error(lineNo,
                "unknown type " + MalformedInputException.quote(typeWord) + "; expected \"deb\" or \"deb-src\""));

        int pos = AptSyntax.skipSpace(buffer, typeEnd);
        Options options = new Options(out);
        if (pos < buffer.length() && buffer.charAt(pos) == '[') {
            pos = AptSyntax.skipSpace(buffer, pos + 1);
            while (pos >= buffer.length() || buffer.charAt(pos) != ']') {
                AptSyntax.Word word = word(buffer, pos, lineNo, out, "option");
                if (word == null) {
                    throw out.error(lineNo, "options are not closed with \"]\"; " + ONE_LINE_FORM);
                }
                String option = word.text();
                pos = word.next();
                if (option.length() < 3) {
                    throw out.error(lineNo, "option " + MalformedInputException.quote(option)
                            + " is too short; expected \"name=value\"");
                }
                if (option.endsWith("]")) {
                    // the last option may touch the closing bracket, as apt allows
                    pos = buffer.lastIndexOf(']', pos);
                    if (pos < 0) {
                        // only a decoded %5D: apt would search for the bracket before the line's start
                        throw out.error(lineNo, "options are not closed with \"]\"; " + ONE_LINE_FORM);
                    }
                    option = option.substring(0, option.length() - 1);
                }
                int eq = option.indexOf('=');
                if (eq < 0) {
                    throw out.error(lineNo, "option " + MalformedInputException.quote(option)
                            + " has no \"=\"; expected \"name=value\"");
                }
                if (eq == 0) {
                    throw out.error(lineNo, "option " + MalformedInputException.quote(option)
                            + " has no name; expected \"name=value\"");
                }
                if (eq == option.length() - 1) {
                    throw out.error(lineNo, "option " + MalformedInputException.quote(option)
                            + " has no value; expected \"name=value\"");
                }
                options.put(option.substring(0, eq), option.substring(eq + 1), lineNo,
                        MalformedInputException.quote(option));
            }
            pos = AptSyntax.skipSpace(buffer, pos + 1);
        }

        AptSyntax.Word uriWord = word(buffer, pos, lineNo, out, "URI");
        if (uriWord == null) {
            throw out.error(lineNo, "no URI after the type; " + ONE_LINE_FORM);
        }
        AptSyntax.Word suiteWord = word(buffer, uriWord.next(), lineNo, out, "suite");
        if (suiteWord == null) {
            throw out.error(lineNo, "no suite after the URI " + MalformedInputException.quote(uriWord.text())
                    + "; " + ONE_LINE_FORM);
        }
        AptUri uri = uri(uriWord.text(), lineNo, out);
        String suite = suiteWord.text();
        List<String> components = new ArrayList<>();
        if (!suite.isEmpty() && suite.endsWith("/")) {
            AptSyntax.Word extra = word(buffer, suiteWord.next(), lineNo, out, "component");
            if (extra != null) {
                throw out.error(lineNo, "flat repository suite " + MalformedInputException.quote(suite)
                        + " (ending in \"/\") must not be followed by components, found "
                        + MalformedInputException.quote(extra.text()));
            }
            suite = AptSyntax.substituteArch(suite, hostArchitecture);
        } else {
            if (suite.isEmpty()) {
                throw out.error(lineNo, "empty suite; " + ONE_LINE_FORM);
            }
            int next = suiteWord.next();
            AptSyntax.Word component;
            while ((component = word(buffer, next, lineNo, out, "component")) != null) {
                if (component.text().isEmpty()) {
                    throw out.error(lineNo, "empty component; " + ONE_LINE_FORM);
                }
                components.add(component.text());
                next = component.next();
            }
            if (components.isEmpty()) {
                throw out.error(lineNo, "no component after suite " + MalformedInputException.quote(suite)
                        + "; expected at least one, or a suite ending in \"/\" for a flat repository");
            }
            if (suite.contains(AptSyntax.ARCH_VARIABLE)) {
                out.warn(lineNo, "\"$(ARCH)\" in suite " + MalformedInputException.quote(suite)
                        + " is kept as written: apt replaces it in a one-line entry only when the suite ends in \"/\"");
            }
        }
        Optional<String> signedBy = options.signedBy();
        out.entries.add(new SourceEntry(type, uri.uri(), suite, components, signedBy, options.build(),
                out.source, lineNo));
    }

    /** apt's comment rule: a {@code #} starts a comment unless more {@code [} than {@code ]} precede it. */
    private static String stripComment(String line) {
        int at = 0;
        while ((at = line.indexOf('#', at)) >= 0) {
            int open = 0;
            int close = 0;
            for (int i = 0; i < at; i++) {
                char c = line.charAt(i);
                if (c == '[') {
                    open++;
                } else if (c == ']') {
                    close++;
                }
            }
            if (open > close) {
                at++;
                continue;
            }
            return line.substring(0, at);
        }
        return line;
    }

    /** The next word, or null at the end of the line. */
    private static AptSyntax.Word word(String buffer, int pos, long lineNo, Collector out, String what)
            throws MalformedInputException {
        try {
            return AptSyntax.quoteWord(buffer, pos).orElse(null);
        } catch (CharacterCodingException e) {
            throw out.error(lineNo, "the " + what + " is not valid UTF-8 once its %-escapes are decoded");
        } catch (AptSyntax.UnclosedException e) {
            throw out.error(lineNo, e.opening() == '"' ? "the " + what + " has a double quote that is not closed"
                    : "the " + what + " has a \"[\" that is not closed with \"]\"");
        }
    }

    private AptUri uri(String written, long lineNo, Collector out) throws MalformedInputException {
        String substituted = AptSyntax.substituteArch(written, hostArchitecture);
        if (substituted.indexOf(':') < 0) {
            throw out.error(lineNo, "URI " + MalformedInputException.quote(written)
                    + " has no scheme; expected one such as \"http:\", \"https:\" or \"file:\"");
        }
        return AptUri.parse(substituted).orElseThrow(() -> out.error(lineNo, "URI "
                + MalformedInputException.quote(written) + " cannot be read as a URI"));
    }

    // --- deb822 format --------------------------------------------------------------------------

    /** apt's {@code ParseFileDeb822} and {@code Type::ParseStanza} for one stanza. */
    private void parseStanza(Paragraph stanza, Collector out) throws MalformedInputException {
        Map<String, Field> fields = new LinkedHashMap<>();
        for (Field field : stanza.fields()) {
            fields.put(field.name().toLowerCase(Locale.ROOT), field);
        }
        Field typesField = fields.get("types");
        if (typesField == null) {
            throw out.error(stanza.line(), "stanza has no Types field; expected \"Types: deb\", \"Types: deb-src\" or both");
        }
        List<SourceType> types = new ArrayList<>();
        for (String keyword : AptSyntax.splitSpace(typesField.value())) {
            types.add(SourceType.forKeyword(keyword).orElseThrow(() -> out.error(typesField.line(),
                    "unknown type " + MalformedInputException.quote(keyword) + "; expected \"deb\" or \"deb-src\"")));
        }
        Field enabled = fields.get("enabled");
        if (enabled != null && !enabled.value().isEmpty()) {
            int on = AptSyntax.stringToBool(enabled.value(), -1);
            if (on == 0) {
                return;
            }
            if (on == -1) {
                out.warn(enabled.line(), "Enabled value " + MalformedInputException.quote(enabled.value())
                        + " is not a boolean; apt keeps the stanza enabled");
            }
        }
        if (types.isEmpty()) {
            out.warn(typesField.line(), "Types is empty: the stanza defines no source");
            return;
        }

        Options options = new Options(out);
        for (Map.Entry<String, Field> e : fields.entrySet()) {
            String name = e.getKey();
            Field field = e.getValue();
            String key = DEB822_OPTIONS.get(name);
            if (key != null) {
                String value = field.value();
                if (MULTIVALUE.contains(key.replaceAll("[+-]$", ""))) {
                    value = String.join(",", AptSyntax.splitSpace(value));
                }
                if (key.equals("signed-by") && value.isBlank()) {
                    continue;   // apt: an empty Signed-By sets nothing
                }
                options.put(key, value, field.line(), "field " + MalformedInputException.quote(field.name()));
            } else if (DEB822_IGNORED.containsKey(name)) {
                out.warn(field.line(), "field " + MalformedInputException.quote(field.name())
                        + " ignored: apt reads it only as the one-line option " + DEB822_IGNORED.get(name));
            } else if (!DEB822_STRUCTURE.contains(name)) {
                out.warn(field.line(), "unknown field " + MalformedInputException.quote(field.name())
                        + " ignored (apt ignores it too)");
            }
        }

        Field urisField = fields.get("uris");
        Field suitesField = fields.get("suites");
        Field componentsField = fields.get("components");
        List<String> uris = urisField == null ? List.of() : AptSyntax.splitSpace(urisField.value());
        List<String> suites = new ArrayList<>();
        for (String suite : suitesField == null ? List.<String>of() : AptSyntax.splitSpace(suitesField.value())) {
            suites.add(AptSyntax.substituteArch(suite, hostArchitecture));
        }
        List<String> components = componentsField == null ? List.of() : AptSyntax.splitSpace(componentsField.value());
        if (uris.isEmpty()) {
            throw out.error(urisField == null ? stanza.line() : urisField.line(),
                    "stanza has no URIs; expected \"URIs: URI...\"");
        }
        if (suites.isEmpty()) {
            throw out.error(suitesField == null ? stanza.line() : suitesField.line(),
                    "stanza has no Suites; expected \"Suites: suite...\"");
        }
        Optional<String> signedBy = options.signedBy();
        SourceOptions built = options.build();
        for (SourceType type : types) {
            for (String written : uris) {
                AptUri uri = uri(written, urisField.line(), out);
                for (String suite : suites) {
                    if (suite.endsWith("/")) {
                        if (!components.isEmpty()) {
                            throw out.error(componentsField.line(), "flat repository suite "
                                    + MalformedInputException.quote(suite)
                                    + " (ending in \"/\") must not have Components in the same stanza");
                        }
                        out.entries.add(new SourceEntry(type, uri.uri(), suite, List.of(), signedBy, built,
                                out.source, stanza.line()));
                    } else {
                        if (components.isEmpty()) {
                            throw out.error(suitesField.line(), "suite " + MalformedInputException.quote(suite)
                                    + " needs Components; expected at least one, or a suite ending in \"/\" for a flat repository");
                        }
                        out.entries.add(new SourceEntry(type, uri.uri(), suite, components, signedBy, built,
                                out.source, stanza.line()));
                    }
                }
            }
        }
    }

    // --- options --------------------------------------------------------------------------------

    /** The options of one entry or stanza, by apt's one-line name; the last value of a name wins. */
    private static final class Options {
        private final Collector out;
        private final Map<String, String> values = new LinkedHashMap<>();
        private final Map<String, Long> lines = new LinkedHashMap<>();
        private final Map<String, String> written = new LinkedHashMap<>();

        Options(Collector out) {
            this.out = out;
        }

        void put(String key, String value, long line, String as) {
            values.remove(key);
            values.put(key, value);
            lines.put(key, line);
            written.put(key, as);
        }

        Optional<String> signedBy() throws MalformedInputException {
            String value = values.get("signed-by");
            if (value == null) {
                return Optional.empty();
            }
            Optional<String> problem = AptSyntax.signedByProblem(value);
            if (problem.isPresent()) {
                throw out.error(lines.get("signed-by"), problem.get());
            }
            return Optional.of(value);
        }

        SourceOptions build() {
            Map<String, Boolean> switches = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : values.entrySet()) {
                String key = e.getKey();
                String value = e.getValue();
                long line = lines.get(key);
                String base = key.endsWith("+") || key.endsWith("-") ? key.substring(0, key.length() - 1) : key;
                if (MULTIVALUE.contains(base)) {
                    continue;
                }
                if (TRI_STATE.contains(key) || BOOLEAN.contains(key)) {
                    if (!AptSyntax.isBool(value)) {
                        out.warn(line, written.get(key) + ": " + MalformedInputException.quote(value) + " is not a boolean; "
                                + (TRI_STATE.contains(key) ? "apt reads it as no" : "apt ignores it and keeps its default"));
                    }
                } else if (SECONDS.contains(key)) {
                    if (!AptSyntax.isDigits(value)) {
                        out.warn(line, written.get(key) + ": " + MalformedInputException.quote(value)
                                + " is not a whole number of seconds; apt reads it as " + AptSyntax.leadingNumber(value));
                    }
                } else if (key.equals("by-hash")) {
                    if (!value.equals("force") && !AptSyntax.isBool(value)) {
                        out.warn(line, written.get(key) + ": " + MalformedInputException.quote(value)
                                + " is not yes, no or force");
                    }
                } else if (STRINGS.contains(key)) {
                    continue;
                } else if (TARGET_IDENTIFIERS.contains(key)) {
                    switches.put(key, AptSyntax.stringToBool(value, -1) != 0);
                } else if (base.length() < key.length() && (TRI_STATE.contains(base) || BOOLEAN.contains(base)
                        || SECONDS.contains(base) || STRINGS.contains(base))) {
                    out.warn(line, "option " + written.get(key) + " ignored: only arch, lang and target take \"+=\" and \"-=\"");
                } else {
                    out.warn(line, "unknown option " + written.get(key) + " ignored (apt ignores it too)");
                }
            }
            return new SourceOptions(multi("arch"), multi("lang"), multi("target"), switches,
                    triState("trusted"), triState("check-valid-until"), triState("check-date"),
                    seconds("valid-until-min"), seconds("valid-until-max"), seconds("date-max-future"),
                    bool("pdiffs"), Optional.ofNullable(values.get("by-hash")), bool("allow-insecure"),
                    bool("allow-weak"), bool("allow-downgrade-to-insecure"),
                    Optional.ofNullable(values.get("inrelease-path")));
        }

        private MultiValueOption multi(String name) {
            return new MultiValueOption(Optional.ofNullable(values.get(name)).map(v -> list(name, v)),
                    Optional.ofNullable(values.get(name + "+")).map(v -> list(name + "+", v)).orElse(List.of()),
                    Optional.ofNullable(values.get(name + "-")).map(v -> list(name + "-", v)).orElse(List.of()));
        }

        private List<String> list(String key, String value) {
            List<String> out = new ArrayList<>();
            boolean empty = false;
            for (String part : value.split(",", -1)) {
                if (part.isEmpty()) {
                    empty = true;
                } else {
                    out.add(part);
                }
            }
            if (empty) {
                this.out.warn(lines.get(key), written.get(key) + ": empty value in the list ignored");
            }
            return out;
        }

        private Optional<Boolean> triState(String name) {
            String value = values.get(name);
            return value == null ? Optional.empty() : Optional.of(AptSyntax.stringToBool(value, 0) == 1);
        }

        private Optional<Boolean> bool(String name) {
            String value = values.get(name);
            if (value == null || !AptSyntax.isBool(value)) {
                return Optional.empty();
            }
            return Optional.of(AptSyntax.stringToBool(value, 0) == 1);
        }

        private Optional<Duration> seconds(String name) {
            String value = values.get(name);
            long seconds = value == null ? 0 : AptSyntax.leadingNumber(value);
            return seconds == 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        }
    }

    // --- plumbing -------------------------------------------------------------------------------

    /** What one file yields: its entries and warnings. */
    private static final class Collector {
        final String source;
        final List<SourceEntry> entries = new ArrayList<>();
        final List<SourceWarning> warnings = new ArrayList<>();

        Collector(String source) {
            this.source = Objects.requireNonNull(source, "source");
        }

        MalformedInputException error(long line, String problem) {
            return new MalformedInputException(source, line, -1, problem);
        }

        void warn(long line, String message) {
            warnings.add(new SourceWarning(source, line, message));
        }
    }

    private static String decode(byte[] data, String source) throws MalformedInputException {
        StringBuilder text = new StringBuilder(data.length);
        int line = 1;
        int from = 0;
        while (from <= data.length) {
            int to = from;
            while (to < data.length && data[to] != '\n') {
                to++;
            }
            try {
                text.append(StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(data, from, to - from)));
            } catch (CharacterCodingException e) {
                throw new MalformedInputException(source, line, from, "invalid UTF-8", e);
            }
            if (to < data.length) {
                text.append('\n');
            }
            from = to + 1;
            line++;
        }
        return text.toString();
    }
}
