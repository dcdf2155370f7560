package org.debindex.verify.deps.ruby;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.debindex.verify.deps.ruby.GemfileLock.LockedSpec;
import org.debindex.core.MalformedInputException;
import org.debindex.verify.deps.DeclaredDependency;
import org.debindex.verify.deps.Ecosystem;
import org.debindex.verify.deps.ManifestReader;

/**
 * Reads a Bundler lock file ({@code Gemfile.lock}, {@code gems.locked}).
 *
 * <p>A section starts with an unindented upper-case title. {@code DEPENDENCIES} lists the direct
 * dependencies, two spaces in: {@code name}, {@code name (REQUIREMENT)} with comparators joined by
 * {@code ", "} ({@link GemRequirement}), and a final {@code !} when the gem comes from a
 * {@code GIT} or {@code PATH} source: those get scope {@code path} when a {@code PATH} section
 * locks the gem and {@code url} otherwise (as {@link GemfileReader} gives them). They are all runtime: the lock
 * does not record groups (the Gemfile does). {@code GEM}, {@code GIT} and {@code PATH} hold
 * {@code remote:} and other two-space options, {@code specs:}, locked gems four spaces in
 * ({@code name (VERSION[-PLATFORM])}) and their own dependencies six spaces in; those are kept in
 * {@link GemfileLock#specs()}, not checked. {@code PLATFORMS}, {@code RUBY VERSION} and
 * {@code BUNDLED WITH} are kept; other sections ({@code CHECKSUMS}, {@code PLUGIN SOURCE}, ...) are
 * read for form only.
 *
 * <p>Malformed input (text before the first section, tabs or indentation a section does not use,
 * an entry without its parenthesis, an invalid version or requirement) is a
 * {@link MalformedInputException} naming the file and line.
 *
 * <p>Immutable and thread-safe.
 *
 * <p>Format: Bundler's {@code lib/bundler/lockfile_parser.rb} and {@code lockfile_generator.rb}.
 */
public final class GemfileLockReader implements ManifestReader {

    /** Largest lock file read, in bytes. */
    public static final int MAX_SIZE = 16 << 20;

    private static final Set<String> SOURCES = Set.of("GEM", "GIT", "PATH");
    /** Bundler's NAME_VERSION, after the indentation: a name, an optional parenthesis, an optional {@code !}. */
    private static final Pattern ENTRY = Pattern.compile("([^ ()!]+)(?: \\(([^)]*)\\))?(!)?");
    private static final Pattern TITLE = Pattern.compile("[A-Z][A-Z ]*");

    /** Creates a reader. */
    public GemfileLockReader() {
    }

    @Override
    public boolean accepts(Path file) {
        Path name = Objects.requireNonNull(file, "file").getFileName();
        return name != null && (name.toString().equals("Gemfile.lock") || name.toString().equals("gems.locked"));
    }

    @Override
    public List<DeclaredDependency> read(Path file) throws IOException, MalformedInputException {
        return parse(file).dependencies();
    }

    /**
     * Reads the whole lock file.
     *
     * @throws MalformedInputException if the file is not a valid lock file: the message names the
     *     file and line and what was expected
     * @throws IOException if the file cannot be read
     * @throws NullPointerException if {@code file} is null
     */
    public GemfileLock parse(Path file) throws IOException, MalformedInputException {
        String source = Objects.requireNonNull(file, "file").toString();
        String text = RubySource.read(file, MAX_SIZE);
        String section = null;
        String remote = "";
        boolean inSpecs = false;
        List<LockedSpec> specs = new ArrayList<>();
        List<String[]> deps = new ArrayList<>(); // name, requirement, bang, line
        List<String> platforms = new ArrayList<>();
        String ruby = null;
        String bundler = null;
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            int line = n + 1;
            String l = lines[n].endsWith("\r") ? lines[n].substring(0, lines[n].length() - 1) : lines[n];
            if (l.isBlank()) {
                continue;
            }
            if (l.indexOf('\t') >= 0) {
                throw new MalformedInputException(source, line, -1, "tab in " + MalformedInputException.quote(l)
                        + "; expected spaces for indentation");
            }
            int indent = 0;
            while (indent < l.length() && l.charAt(indent) == ' ') {
                indent++;
            }
            String body = l.substring(indent);
            if (indent == 0) {
                if (!TITLE.matcher(body).matches()) {
                    throw new MalformedInputException(source, line, -1, "unexpected " + MalformedInputException.quote(body)
                            + "; expected a section title in upper case (GEM, DEPENDENCIES, ...)");
                }
                section = body;
                remote = "";
                inSpecs = false;
                continue;
            }
            if (section == null) {
                throw new MalformedInputException(source, line, -1, "indented line before any section; expected a "
                        + "section title (GEM, GIT, PATH, PLATFORMS, DEPENDENCIES)");
            }
            if (SOURCES.contains(section)) {
                if (indent == 2) {
                    inSpecs = body.equals("specs:");
                    if (!inSpecs) {
                        int colon = body.indexOf(": ");
                        if (colon <= 0 && !body.endsWith(":")) {
                            throw new MalformedInputException(source, line, -1, "unexpected "
                                    + MalformedInputException.quote(body) + " in " + section + "; expected \"key: value\" or \"specs:\"");
                        }
                        if (body.startsWith("remote: ")) {
                            remote = body.substring("remote: ".length());
                        }
                    }
                } else if (indent == 4 && inSpecs) {
                    Matcher m = entry(source, line, body, true);
                    String version = m.group(2);
                    int dash = version.indexOf('-');
                    String v = dash < 0 ? version : version.substring(0, dash);
                    version(source, line, v);
                    specs.add(new LockedSpec(m.group(1), v, dash < 0 ? Optional.empty()
                            : Optional.of(version.substring(dash + 1)), section, remote, line));
                } else if (indent == 6 && inSpecs) {
                    Matcher m = entry(source, line, body, false);
                    if (m.group(2) != null) {
                        requirement(source, line, m.group(2));
                    }
                } else {
                    throw indentation(source, line, indent, section, inSpecs ? "2, 4 or 6" : "2");
                }
            } else if (section.equals("DEPENDENCIES")) {
                if (indent != 2) {
                    throw indentation(source, line, indent, section, "2");
                }
                Matcher m = entry(source, line, body, false);
                if (m.group(2) != null) {
                    requirement(source, line, m.group(2));
                }
                deps.add(new String[] {m.group(1), m.group(2) == null ? "" : m.group(2), m.group(3) == null ? "" : "!",
                        String.valueOf(line)});
            } else if (section.equals("PLATFORMS")) {
                if (indent != 2) {
                    throw indentation(source, line, indent, section, "2");
                }
                platforms.add(body);
            } else if (section.equals("RUBY VERSION")) {
                ruby = body.strip();
            } else if (section.equals("BUNDLED WITH")) {
                version(source, line, body.strip());
                bundler = body.strip();
            }
            // other sections (CHECKSUMS, PLUGIN SOURCE, ...) are Bundler's own business
        }
        List<DeclaredDependency> dependencies = new ArrayList<>();
        for (String[] d : deps) {
            boolean pinned = d[2].equals("!");
            Optional<String> scope = Optional.empty();
            if (pinned) {
                boolean path = specs.stream().anyMatch(s -> s.name().equals(d[0]) && s.source().equals("PATH"));
                scope = Optional.of(path ? "path" : "url");
            }
            dependencies.add(new DeclaredDependency(Ecosystem.RUBYGEMS, d[0], d[1], scope, true, source,
                    Integer.parseInt(d[3])));
        }
        return new GemfileLock(dependencies, specs, platforms, Optional.ofNullable(ruby), Optional.ofNullable(bundler));
    }

    private static Matcher entry(String source, int line, String body, boolean versionNeeded)
            throws MalformedInputException {
        Matcher m = ENTRY.matcher(body);
        if (!m.matches() || versionNeeded && (m.group(2) == null || m.group(3) != null)) {
            throw new MalformedInputException(source, line, -1, "unexpected " + MalformedInputException.quote(body)
                    + (versionNeeded ? "; expected \"name (version)\"" : "; expected \"name\" or \"name (requirement)\""));
        }
        return m;
    }

    private static void version(String source, int line, String v) throws MalformedInputException {
        try {
            GemVersion.parse(v);
        } catch (MalformedInputException e) {
            throw e.at(source, line, -1);
        }
    }

    private static void requirement(String source, int line, String r) throws MalformedInputException {
        try {
            GemRequirement.parse(r);
        } catch (MalformedInputException e) {
            throw e.at(source, line, -1);
        }
    }

    private static MalformedInputException indentation(String source, int line, int indent, String section,
                                                       String expected) {
        return new MalformedInputException(source, line, -1, "indentation of " + indent + " spaces in " + section
                + "; expected " + expected);
    }
}
