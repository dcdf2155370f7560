package org.debindex.verify.deps.debian;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.debindex.core.MalformedInputException;
import org.debindex.core.compress.Decompressors;
import org.debindex.core.compress.SizeLimit;
import org.debindex.verify.deps.Ecosystem;

/**
 * Which binary packages ship which ecosystem names, read from a suite's {@code Contents-<arch>}
 * and {@code Contents-all} files by one file-path rule per ecosystem.
 *
 * <p>The rules, measured on trixie in {@code docs/ecosystem-mapping.md}:
 * <ul>
 *   <li>Maven: {@code usr/share/maven-repo/<group path>/<artifactId>/<dir>/<artifactId>-<dir>.pom},
 *       keyed {@code groupId:artifactId}; a {@code <dir>} of {@code debian} or {@code N.x} is an
 *       alias, any other is the version.
 *   <li>PyPI: {@code usr/lib/python3[.N]/dist-packages/<Name>-<version>[-py3.N].(dist|egg)-info}
 *       (a directory or a file), keyed by the PEP 503 normalised name.
 *   <li>npm: {@code usr/share/nodejs/}, {@code usr/lib/nodejs/} or {@code
 *       usr/lib/<triplet>/nodejs/}, then {@code <name>/package.json} or {@code
 *       @scope/<name>/package.json}; nested modules are not top-level and do not match.
 *   <li>Cargo: {@code usr/share/cargo/registry/<crate>-<X.Y.Z…>/Cargo.toml}, keyed by the crate
 *       name lower-cased with {@code _} as {@code -} (crates.io treats them as the same name).
 *   <li>Go: {@code usr/share/gocode/src/<module path>/go.mod}, except below {@code testdata},
 *       {@code vendor} or a directory starting with {@code .} or {@code _}, which the go tool
 *       ignores. No version: it is the package's. Sources files add the modules their
 *       {@code Go-Import-Path} names ({@link Builder#addSources}).
 *   <li>RubyGems: {@code <root>/specifications[/default]/<gem>[-<version>].gemspec} for the roots
 *       {@code usr/share/rubygems-integration/<dir>}, {@code
 *       usr/lib/<triplet>/rubygems-integration/<dir>} and {@code usr/lib/ruby/gems/<rubyver>}.
 *   <li>Composer: {@code usr/share/php/<namespace path>/autoload.php}, keyed by a PSR-4 namespace
 *       as a path ({@code Symfony/Component/Console}), not by package name. No version.
 *   <li>Perl: {@code <root>/Foo/Bar.pm} keyed {@code Foo::Bar}, for the roots {@code usr/share/perl5},
 *       {@code usr/lib/<triplet>/perl5/<ver>} and the core {@code usr/share/perl/<ver>}, {@code
 *       usr/lib/<triplet>/perl/<ver>}, {@code usr/lib/<triplet>/perl-base}; not below {@code auto/}
 *       nor with a component that is no Perl identifier. No version: it is the package's.
 * </ul>
 * A Contents line is {@code path<whitespace>section/package[,section/package…]}, split on its last
 * whitespace run, since paths may hold spaces. Lines are scanned as bytes and only those whose path
 * starts like a rule and ends like its metadata file are decoded and matched, so memory holds the
 * result and one line, never a file. Names, versions, package names and candidates are shared
 * instances: bookworm's {@code main} (668 MB of Contents-all and Contents-amd64) gives 15,878
 * names and 19,219 candidates in about 3.5 MiB of heap, and 38,850 Perl modules in about 5 MiB more.
 *
 * <p>Files are taken as given: verifying them against a Release is the caller's job.
 *
 * <p>Instances are immutable and thread-safe; a {@link Builder} is for one thread.
 */
public final class ContentsMapping {

    /** Longest Contents line accepted; real lines are below 1 KiB (PATH_MAX is 4 KiB). */
    public static final int MAX_LINE_LENGTH = 64 << 10;

    private static final Pattern MAVEN = Pattern.compile(
            "usr/share/maven-repo/(.+)/([^/]+)/([^/]+)/([^/]+)\\.pom");
    private static final Pattern MAVEN_ALIAS = Pattern.compile("debian|[0-9]+(\\.[0-9]+)*\\.x");
    private static final Pattern PYTHON = Pattern.compile(
            "usr/lib/python3(?:\\.[0-9]+)?/dist-packages/([^/]+)\\.(?:dist|egg)-info(?:/|$)");
    private static final Pattern PY_TAG = Pattern.compile("-py3(?:\\.[0-9]+)?$");
    private static final Pattern PEP503_RUN = Pattern.compile("[-_.]+");
    private static final Pattern NPM = Pattern.compile(
            "usr/(?:share/nodejs|lib/nodejs|lib/[^/]+/nodejs)/((?:@[^/]+/)?[^/@][^/]*)/package\\.json");
    private static final Pattern CARGO = Pattern.compile("usr/share/cargo/registry/([^/]+)/Cargo\\.toml");
    /** A crate name may end in digits ({@code codepage-437}) but never in {@code -X.Y.Z}. */
    private static final Pattern CARGO_VERSION = Pattern.compile("-[0-9]+\\.[0-9]+\\.[0-9]+");
    private static final Pattern GO = Pattern.compile("usr/share/gocode/src/(.+)/go\\.mod");
    private static final Pattern GO_IGNORED = Pattern.compile("(?:^|/)(?:testdata|vendor|[._][^/]*)(?:/|$)");
    private static final Pattern GO_MAJOR = Pattern.compile("(.+)/v[0-9]+");
    private static final Pattern RUBY = Pattern.compile(
            "usr/(?:share/rubygems-integration/[^/]+|lib/[^/]+/rubygems-integration/[^/]+"
                    + "|lib/ruby/gems/[^/]+)/specifications/(?:default/)?([^/]+)\\.gemspec");
    private static final Pattern PHP = Pattern.compile("usr/share/php/(.+)/autoload\\.php");
    private static final Pattern PERL = Pattern.compile("usr/(?:share/perl5|share/perl/[0-9]+\\.[0-9]+(?:\\.[0-9]+)?"
            + "|lib/[^/]+/perl5?/[0-9]+\\.[0-9]+(?:\\.[0-9]+)?|lib/[^/]+/perl-base)"
            + "/((?:[A-Za-z_][A-Za-z0-9_]*/)*[A-Za-z_][A-Za-z0-9_]*)\\.pm");
    /** Gem versions hold no hyphen; gem names may. */
    private static final Pattern RUBY_VERSION = Pattern.compile("-[0-9][^-]*$");

    private static final byte[] USR_SHARE = ascii("usr/share/");
    private static final byte[] USR_LIB = ascii("usr/lib/");
    private static final byte[][] SHARE_PREFIXES = {ascii("maven-repo/"), ascii("nodejs/"),
        ascii("cargo/registry/"), ascii("gocode/src/"), ascii("rubygems-integration/"), ascii("php/"), ascii("perl")};
    private static final byte[][] SHARE_SUFFIXES = {ascii(".pom"), ascii("/package.json"),
        ascii("/Cargo.toml"), ascii("/go.mod"), ascii(".gemspec"), ascii("/autoload.php"), ascii(".pm")};
    private static final byte[] PYTHON3 = ascii("python3");
    private static final byte[] INFO = ascii("-info");
    private static final byte[] NODEJS = ascii("nodejs/");
    private static final byte[] RUBY_GEMS = ascii("ruby/gems/");
    private static final byte[] RUBYGEMS_INTEGRATION = ascii("rubygems-integration/");
    private static final byte[] PERL_DIR = ascii("perl");

    private final Map<Ecosystem, Map<String, List<Candidate>>> names;

    private ContentsMapping(Map<Ecosystem, Map<String, List<Candidate>>> names) {
        this.names = names;
    }

    /** A builder with no files read yet. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The packages that ship {@code name}, in the order the files list them; empty when none.
     *
     * <p>The name is normalised as the ecosystem compares names (PEP 503 for PyPI, {@code _} as
     * {@code -} and lower case for Cargo; exact otherwise). A Go module path ending in {@code
     * /vN} that no package ships as such is looked up without that suffix, because most Debian
     * packages install a module without it.
     *
     * @throws NullPointerException if an argument is null
     */
    public List<Candidate> candidates(Ecosystem ecosystem, String name) {
        Objects.requireNonNull(ecosystem, "ecosystem");
        Objects.requireNonNull(name, "name");
        Map<String, List<Candidate>> byName = names.getOrDefault(ecosystem, Map.of());
        List<Candidate> found = byName.getOrDefault(key(ecosystem, name), List.of());
        if (found.isEmpty() && ecosystem == Ecosystem.GO) {
            Matcher m = GO_MAJOR.matcher(name);
            if (m.matches()) {
                found = byName.getOrDefault(m.group(1), List.of());
            }
        }
        return found;
    }

    /**
     * The normalised names of one ecosystem, unordered.
     *
     * @throws NullPointerException if {@code ecosystem} is null
     */
    public Set<String> names(Ecosystem ecosystem) {
        Objects.requireNonNull(ecosystem, "ecosystem");
        return names.getOrDefault(ecosystem, Map.of()).keySet();
    }

    /** The names of one ecosystem and their candidates, for {@link CachedMapping} to keep. */
    Map<String, List<Candidate>> table(Ecosystem ecosystem) {
        return names.getOrDefault(ecosystem, Map.of());
    }

    /** A mapping of names already normalised, as {@link CachedMapping} kept them. */
    static ContentsMapping of(Map<Ecosystem, Map<String, List<Candidate>>> table) {
        Map<Ecosystem, Map<String, List<Candidate>>> frozen = new EnumMap<>(Ecosystem.class);
        table.forEach((ecosystem, byName) -> {
            Map<String, List<Candidate>> copy = new HashMap<>(byName.size() * 4 / 3 + 1);
            byName.forEach((name, candidates) -> copy.put(name, List.copyOf(candidates)));
            frozen.put(ecosystem, Collections.unmodifiableMap(copy));
        });
        return new ContentsMapping(Collections.unmodifiableMap(frozen));
    }

    /**
     * The PEP 503 form of a Python distribution name: runs of {@code -_.} as one {@code -},
     * lower case.
     *
     * @throws NullPointerException if {@code name} is null
     */
    public static String pep503(String name) {
        return PEP503_RUN.matcher(name).replaceAll("-").toLowerCase(Locale.ROOT);
    }

    private static String key(Ecosystem ecosystem, String name) {
        return switch (ecosystem) {
            case PYPI -> pep503(name);
            case CARGO -> name.toLowerCase(Locale.ROOT).replace('_', '-');
            default -> name;
        };
    }

    /**
     * Reads Contents files into a {@link ContentsMapping}. For one thread; {@link #build()} may be
     * called once.
     */
    public static final class Builder {

        private final Map<Ecosystem, Map<String, Set<Candidate>>> names = new EnumMap<>(Ecosystem.class);
        /** Shares one instance of each string and candidate: package names repeat thousands of times. */
        private final Map<Object, Object> pool = new HashMap<>();
        private boolean built;

        private Builder() {
        }

        /**
         * Reads one Contents file, compressed in any format {@link Decompressors} knows.
         *
         * @param file  the file; its path names it in error messages
         * @param limit the exact or maximum decompressed size
         * @return this builder
         * @throws MalformedInputException if a line that matches a rule has no package field, or
         *     a line is longer than {@link #MAX_LINE_LENGTH}
         * @throws IOException if the file cannot be read or decompressed, or breaks the limit
         * @throws NullPointerException if an argument is null
         * @throws IllegalStateException if {@link #build()} was called
         */
        public Builder add(Path file, SizeLimit limit) throws IOException, MalformedInputException {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(limit, "limit");
            checkOpen();
            try (InputStream in = Decompressors.open(file, limit)) {
                scan(in, file.toString());
            }
            return this;
        }

        /**
         * Reads one Contents file from a stream, compressed in any format {@link Decompressors}
         * knows, and closes it.
         *
         * @param in         the data
         * @param sourceName the name used in error messages
         * @param limit      the exact or maximum decompressed size
         * @return this builder
         * @throws MalformedInputException as for {@link #add(Path, SizeLimit)}
         * @throws IOException if the stream cannot be read or decompressed, or breaks the limit
         * @throws NullPointerException if an argument is null
         * @throws IllegalStateException if {@link #build()} was called
         */
        public Builder add(InputStream in, String sourceName, SizeLimit limit)
                throws IOException, MalformedInputException {
            Objects.requireNonNull(in, "in");
            Objects.requireNonNull(sourceName, "sourceName");
            Objects.requireNonNull(limit, "limit");
            checkOpen();
            try (InputStream data = Decompressors.open(in, sourceName, limit)) {
                scan(data, sourceName);
            }
            return this;
        }

        /**
         * The mapping of every file added so far.
         *
         * @throws IllegalStateException if called twice
         */
        public ContentsMapping build() {
            checkOpen();
            built = true;
            Map<Ecosystem, Map<String, List<Candidate>>> table = new EnumMap<>(Ecosystem.class);
            names.forEach((ecosystem, byName) -> {
                Map<String, List<Candidate>> lists = new HashMap<>(byName.size() * 4 / 3 + 1);
                byName.forEach((name, candidates) -> lists.put(name, List.copyOf(candidates)));
                table.put(ecosystem, lists);
            });
            pool.clear();
            names.clear();
            return of(table);
        }

        private void checkOpen() {
            if (built) {
                throw new IllegalStateException("build() was already called");
            }
        }

        private void scan(InputStream in, String source) throws IOException, MalformedInputException {
            byte[] buffer = new byte[64 << 10];
            int start = 0;
            int end = 0;
            int searched = 0;
            long line = 0;
            long offset = 0;
            while (true) {
                int newline = -1;
                for (int i = searched; i < end; i++) {
                    if (buffer[i] == '\n') {
                        newline = i;
                        break;
                    }
                }
                if (newline >= 0) {
                    line++;
                    line(buffer, start, newline, source, line, offset);
                    offset += newline + 1 - start;
                    start = newline + 1;
                    searched = start;
                    continue;
                }
                searched = end;
                if (start > 0) {
                    System.arraycopy(buffer, start, buffer, 0, end - start);
                    end -= start;
                    searched -= start;
                    start = 0;
                }
                if (end == buffer.length) {
                    if (buffer.length >= MAX_LINE_LENGTH) {
                        throw new MalformedInputException(source, line + 1, offset,
                                "line is longer than " + MAX_LINE_LENGTH + " bytes");
                    }
                    buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, MAX_LINE_LENGTH));
                }
                int n = in.read(buffer, end, buffer.length - end);
                if (n < 0) {
                    if (end > start) {
                        line(buffer, start, end, source, line + 1, offset);
                    }
                    return;
                }
                end += n;
            }
        }

        /** One line {@code [from, to)} without its newline. */
        private void line(byte[] b, int from, int to, String source, long line, long offset)
                throws MalformedInputException {
            if (!isCandidatePath(b, from, to)) {
                return;
            }
            int end = to;
            while (end > from && isBlank(b[end - 1])) {
                end--;
            }
            int fieldStart = end;
            while (fieldStart > from && !isBlank(b[fieldStart - 1])) {
                fieldStart--;
            }
            int pathEnd = fieldStart;
            while (pathEnd > from && isBlank(b[pathEnd - 1])) {
                pathEnd--;
            }
            if (pathEnd == from) {
                throw new MalformedInputException(source, line, offset,
                        "no package field after the path " + MalformedInputException.quote(
                                new String(b, from, to - from, StandardCharsets.UTF_8))
                                + "; expected \"path section/package[,section/package...]\"");
            }
            if (!hasMetadataSuffix(b, from, pathEnd)) {
                return;
            }
            String path = new String(b, from, pathEnd - from, StandardCharsets.UTF_8);
            Ecosystem ecosystem = null;
            String name = null;
            Optional<String> version = Optional.empty();
            Optional<String> alias = Optional.empty();
            Matcher m;
            if ((m = MAVEN.matcher(path)).matches()) {
                String artifact = m.group(2);
                String dir = m.group(3);
                if (!m.group(4).equals(artifact + "-" + dir)) {
                    return;
                }
                ecosystem = Ecosystem.MAVEN;
                name = m.group(1).replace('/', '.') + ":" + artifact;
                if (MAVEN_ALIAS.matcher(dir).matches()) {
                    alias = Optional.of(dir);
                } else {
                    version = Optional.of(dir);
                }
            } else if ((m = PYTHON.matcher(path)).lookingAt()) {
                ecosystem = Ecosystem.PYPI;
                // setuptools and wheel write "-" inside a name or version as "_": the first "-"
                // ends the name.
                String stem = PY_TAG.matcher(m.group(1)).replaceFirst("");
                int hyphen = stem.indexOf('-');
                name = hyphen < 0 ? stem : stem.substring(0, hyphen);
                if (hyphen >= 0) {
                    version = Optional.of(stem.substring(hyphen + 1));
                }
            } else if ((m = NPM.matcher(path)).matches()) {
                ecosystem = Ecosystem.NPM;
                name = m.group(1);
            } else if ((m = CARGO.matcher(path)).matches()) {
                Matcher v = CARGO_VERSION.matcher(m.group(1));
                if (!v.find()) {
                    return;
                }
                ecosystem = Ecosystem.CARGO;
                name = m.group(1).substring(0, v.start());
                version = Optional.of(m.group(1).substring(v.start() + 1));
            } else if ((m = GO.matcher(path)).matches()) {
                if (GO_IGNORED.matcher(m.group(1)).find()) {
                    return;
                }
                ecosystem = Ecosystem.GO;
                name = m.group(1);
            } else if ((m = RUBY.matcher(path)).matches()) {
                ecosystem = Ecosystem.RUBYGEMS;
                String stem = m.group(1);
                Matcher v = RUBY_VERSION.matcher(stem);
                if (v.find()) {
                    name = stem.substring(0, v.start());
                    version = Optional.of(stem.substring(v.start() + 1));
                } else {
                    name = stem;
                }
            } else if ((m = PHP.matcher(path)).matches()) {
                ecosystem = Ecosystem.COMPOSER;
                name = m.group(1);
            } else if ((m = PERL.matcher(path)).matches()) {
                if (m.group(1).startsWith("auto/")) {
                    return; // AutoLoader and XS files, and File::ShareDir data
                }
                ecosystem = Ecosystem.PERL;
                name = m.group(1).replace("/", "::");
            }
            if (ecosystem == null || name.isEmpty()) {
                return;
            }
            add(ecosystem, key(ecosystem, name), version, alias,
                    new String(b, fieldStart, end - fieldStart, StandardCharsets.UTF_8));
        }

        /** One package that ships a name by a rule outside the Contents files, without a version. */
        void addCandidate(Ecosystem ecosystem, String name, String packageName) {
            checkOpen();
            add(ecosystem, key(ecosystem, name), Optional.empty(), Optional.empty(), packageName);
        }

        /**
         * Reads the {@code Go-Import-Path} fields of a Sources file, compressed in any format
         * {@link Decompressors} knows: each names Go modules that the source's {@code -dev}
         * binary packages ship.
         *
         * @param file  the file; its path names it in error messages
         * @param limit the exact or maximum decompressed size
         * @return this builder
         * @throws MalformedInputException if the file is not valid deb822
         * @throws IOException if the file cannot be read or decompressed, or breaks the limit
         * @throws NullPointerException if an argument is null
         * @throws IllegalStateException if {@link #build()} was called
         */
        public Builder addSources(Path file, SizeLimit limit) throws IOException, MalformedInputException {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(limit, "limit");
            checkOpen();
            GoImportPaths.add(this, file, limit);
            return this;
        }

        private void add(Ecosystem ecosystem, String name, Optional<String> version, Optional<String> alias,
                String packages) {
            Set<Candidate> set = names.computeIfAbsent(ecosystem, e -> new HashMap<>())
                    .computeIfAbsent(intern(name), n -> new LinkedHashSet<>(2));
            Optional<String> v = version.map(this::intern);
            Optional<String> a = alias.map(this::intern);
            for (String entry : packages.split(",")) {
                // "section/package", where the section may be "area/section" outside main
                String pkg = entry.substring(entry.lastIndexOf('/') + 1);
                if (!pkg.isEmpty()) {
                    set.add(intern(new Candidate(intern(pkg), v, a)));
                }
            }
        }

        @SuppressWarnings("unchecked")
        private <T> T intern(T value) {
            Object known = pool.putIfAbsent(value, value);
            return known == null ? value : (T) known;
        }
    }

    /** The fast filter: a path under one of the rules' roots. */
    private static boolean isCandidatePath(byte[] b, int from, int to) {
        if (startsWith(b, from, to, USR_SHARE)) {
            int at = from + USR_SHARE.length;
            for (byte[] prefix : SHARE_PREFIXES) {
                if (startsWith(b, at, to, prefix)) {
                    return true;
                }
            }
            return false;
        }
        if (!startsWith(b, from, to, USR_LIB)) {
            return false;
        }
        int at = from + USR_LIB.length;
        if (startsWith(b, at, to, PYTHON3) || startsWith(b, at, to, NODEJS) || startsWith(b, at, to, RUBY_GEMS)) {
            return true;
        }
        int slash = indexOf(b, at, to, (byte) '/');
        return slash > at && (startsWith(b, slash + 1, to, NODEJS)
                || startsWith(b, slash + 1, to, RUBYGEMS_INTEGRATION) || startsWith(b, slash + 1, to, PERL_DIR));
    }

    /** The second filter, on the path alone: it names a metadata file of some rule. */
    private static boolean hasMetadataSuffix(byte[] b, int from, int to) {
        for (byte[] suffix : SHARE_SUFFIXES) {
            if (endsWith(b, from, to, suffix)) {
                return true;
            }
        }
        // Python metadata may be a directory, so "-info" may be anywhere in the path.
        for (int i = from; i + INFO.length <= to; i++) {
            if (b[i] == '-' && startsWith(b, i, to, INFO)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] b, int from, int to, byte[] prefix) {
        if (to - from < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[from + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean endsWith(byte[] b, int from, int to, byte[] suffix) {
        return to - from >= suffix.length && startsWith(b, to - suffix.length, to, suffix);
    }

    private static int indexOf(byte[] b, int from, int to, byte value) {
        for (int i = from; i < to; i++) {
            if (b[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isBlank(byte c) {
        return c == ' ' || c == '\t' || c == '\r';
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
