package org.debindex.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.debindex.core.MalformedInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A differential check against apt itself through python3-apt: for generated apt roots (a
 * {@code sources.list}, {@code .list} and {@code .sources} files, names apt ignores, options,
 * flat repositories, {@code $(ARCH)}, disabled stanzas, and now and then a malformed line or two
 * entries that conflict), {@code apt_pkg.SourceList.read_main_list} with {@code Dir} set to the
 * root and debindex's {@link HostSources#load} must both refuse the configuration, or both accept
 * it with the same repositories (URI and suite, in order) and the same index targets per
 * repository: {@code Packages} per component and architecture (the host's {@code amd64 i386}
 * changed by {@code arch}, {@code arch+=} and {@code arch-=}, plus apt's implicit {@code all}),
 * {@code Sources} per component, one {@code Packages} or {@code Sources} for a flat repository.
 *
 * <p>Skipped with a reason when {@code /usr/bin/python3} or python3-apt is missing. The seed is
 * printed; replay with {@code -Ddebindex.seed=N}.
 */
class SourcesAptOracleTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final List<String> HOST_ARCHITECTURES = List.of("amd64", "i386");
    private static final int ROOTS = 250;

    /**
     * For each root on the command line, one line: {@code ERROR} and apt's message, or the
     * repositories as {@code uri|dist|kind:component:arch,...} separated by tabs.
     */
    private static final String SCRIPT = String.join("\n",
            "import sys, apt_pkg",
            "apt_pkg.init_config()",
            "apt_pkg.config.set('APT::Architecture', 'amd64')",
            "apt_pkg.config.clear('APT::Architectures')",
            "apt_pkg.config.set('APT::Architectures::', 'amd64')",
            "apt_pkg.config.set('APT::Architectures::', 'i386')",
            "apt_pkg.config.clear('APT::Sources::With')",
            "apt_pkg.init_system()",
            "out = []",
            "for root in sys.argv[1:]:",
            "    apt_pkg.config.set('Dir', root)",
            "    apt_pkg.config.set('Dir::Etc', 'etc/apt/')",
            "    apt_pkg.config.set('Dir::Etc::sourcelist', 'sources.list')",
            "    apt_pkg.config.set('Dir::Etc::sourceparts', 'sources.list.d')",
            "    sl = apt_pkg.SourceList()",
            "    try:",
            "        sl.read_main_list()",
            "    except SystemError as e:",
            "        out.append('ERROR ' + str(e).replace('\\n', ' '))",
            "        continue",
            "    repos = []",
            "    for m in sl.list:",
            "        targets = set()",
            "        for f in m.index_files:",
            "            d = f.describe.rsplit(' (', 1)[0]",
            "            rest = d.split(' ', 1)[1] if ' ' in d else ''",
            "            words = rest.rsplit(' ', 1)",
            "            kind = words[-1]",
            "            if kind not in ('Packages', 'Sources'):",
            "                continue",
            "            head = words[0] if len(words) > 1 else ''",
            "            if m.dist.endswith('/'):",
            "                targets.add(kind + '::')",
            "            elif kind == 'Sources':",
            "                targets.add(kind + ':' + head[len(m.dist) + 1:] + ':')",
            "            else:",
            "                comp, arch = head.rsplit(' ', 1)",
            "                targets.add(kind + ':' + comp[len(m.dist) + 1:] + ':' + arch)",
            "        repos.append(m.uri + '|' + m.dist + '|' + ','.join(sorted(targets)))",
            "    out.append('\\t'.join(repos))",
            "sys.stdout.write('\\n'.join(out) + '\\n')",
            "");

    @TempDir
    Path tmp;

    @Test
    void generatedConfigurationsAgreeWithApt() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), PYTHON + " missing: differential check against python3-apt skipped");
        assumeTrue(run(List.of(PYTHON.toString(), "-c", "import apt_pkg"), null) == 0,
                "python3-apt (apt_pkg) not importable: differential check against apt skipped");
        long seed = seed();
        System.out.println("SourcesAptOracleTest: seed " + seed + " (replay with -Ddebindex.seed=" + seed + ")");
        Random random = new Random(seed);
        List<Path> roots = new ArrayList<>();
        for (int i = 0; i < ROOTS; i++) {
            Path root = tmp.resolve("root" + i);
            new Generator(random).write(root);
            roots.add(root);
        }
        Comparison c = compare(roots);
        System.out.println("SourcesAptOracleTest: apt and debindex agree on " + (ROOTS - c.disagreements.size())
                + " of " + ROOTS + " generated configurations: " + c.accepted + " accepted (" + c.entries + " entries, "
                + c.repositories + " repositories), " + c.refused + " refused by both");
        assertTrue(c.disagreements.isEmpty(), c.disagreements.size() + " disagreements [seed " + seed + "]:\n"
                + String.join("\n", c.disagreements.subList(0, Math.min(5, c.disagreements.size()))));
        assertTrue(c.refused > 0 && c.refused < ROOTS / 2,
                "the generator should make some, but not mostly, refused configurations: " + c.refused);
    }

    /**
     * Configurations written by hand, one file each, for the corners the generator does not reach:
     * the file name decides the format.
     */
    private static final String[][] CASES = {
        {"a.list", "deb http://mirror.example/d $(ARCH) main\n"},
        {"a.list", "deb http://mirror.example/$(ARCH)/d x main\n"},
        {"a.list", "deb http://mirror.example/universe unstable/binary-$(ARCH)/\n"},
        {"a.list", "deb [arch=amd64] http://mirror.example/d x\n"},
        {"a.list", "deb http://mirror.example/d x/ main\n"},
        {"a.list", "deb [ arch=amd64 ]http://mirror.example/d x main\n"},
        {"a.list", "deb [arch=amd64]http://mirror.example/d x main\n"},
        {"a.list", "deb [arch=amd64 lang=de] http://mirror.example/d x main\n"},
        {"a.list", "deb [ ] http://mirror.example/d x main\n"},
        {"a.list", "deb [arch]  http://mirror.example/d x main\n"},
        {"a.list", "deb [a=] http://mirror.example/d x main\n"},
        {"a.list", "deb [=a] http://mirror.example/d x main\n"},
        {"a.list", "deb [ab] http://mirror.example/d x main\n"},
        {"a.list", "deb [a=b c=d\n"},
        {"a.list", "deb [arch=amd64 # c] http://mirror.example/d x main\n"},
        {"a.list", "deb [signed-by=/k#1.gpg] http://mirror.example/d x main # c\n"},
        {"a.list", "deb [ arch=amd64 ] [ lang=de ] http://mirror.example/d x main\n"},
        {"a.list", "deb [foo=bar Arch=i386 trusted+=yes] http://mirror.example/d x main\n"},
        {"a.list", "deb mirror.example/d x main\n"},
        {"a.list", "deb\thttp://mirror.example/d\tx\tmain # c\n"},
        {"a.list", "  deb http://mirror.example/d x main\r\n"},
        {"a.list", "deb http://u:p@mirror.example:8080/d x main\n"},
        {"a.list", "deb http://[::1]:8080/d x main\n"},
        {"a.list", "deb file:///srv/x y main\ndeb file:/srv/y/ z main\ndeb http://mirror.example x main\n"},
        {"a.list", "deb http://mirror.example/d ./\ndeb http://mirror.example/d /\n"},
        {"a.list", "deb http://mirror.example/d x main main\n"},
        {"a.list", "deb \"http://mirror.example/d\" \"x\" main\n"},
        {"a.list", "deb \"http://mirror.example/d x main\n"},
        {"a.list", "deb [arch+=i386 arch-=amd64] http://mirror.example/d x main\n"},
        {"a.list", "deb [arch=armhf arch+=i386 arch-=armhf] http://mirror.example/d x main\n"},
        {"a.list", "deb [arch=amd64] http://mirror.example/d x main\ndeb [arch=i386] http://mirror.example/d x contrib\n"},
        {"a.list", "rpm http://mirror.example/d x main\n"},
        {"a.list", "Deb http://mirror.example/d x main\n"},
        {"a.list", "deb\n"},
        {"a.list", "deb http://mirror.example/d\n"},
        {"a.list", "deb http://mirror.example/d # x main\n"},
        {"a.list", "deb [signed-by=abc] http://mirror.example/d x main\n"},
        {"a.list", "deb [signed-by=rel/x.gpg] http://mirror.example/d x main\n"},
        {"a.list", "deb [signed-by=0123456789abcdef0123456789ABCDEF01234567!] http://mirror.example/d x main\n"},
        {"a.list", "deb [signed-by=/a.gpg,0123456789ABCDEF0123456789ABCDEF01234567] http://mirror.example/d x main\n"},
        {"a.list", "deb [signed-by=/a.gpg] http://mirror.example/d x main\ndeb [signed-by=/a.gpg] https://mirror.example/d x c\n"},
        {"a.list", "deb [signed-by=/a.gpg] http://mirror.example/d x main\ndeb [signed-by=/b.gpg] https://mirror.example/d x c\n"},
        {"a.list", "deb http://mirror.example/d x main\ndeb [signed-by=/b.gpg] http://mirror.example/d x contrib\n"},
        {"a.list", "deb [signed-by=/b.gpg] http://mirror.example/d x main\ndeb http://mirror.example/d x contrib\n"},
        {"a.list", "deb [valid-until-min=5] http://mirror.example/d x main\ndeb http://mirror.example/d x contrib\n"},
        {"a.list", "deb http://mirror.example/d x main\ndeb [valid-until-min=5] http://mirror.example/d x contrib\n"},
        {"a.list", "deb [trusted=yes] http://mirror.example/d x main\ndeb [trusted=true] http://mirror.example/d x c\n"},
        {"a.list", "deb [trusted=yes] http://mirror.example/d x main\ndeb [trusted=maybe] http://mirror.example/d x c\n"},
        {"a.list", "deb [trusted=no] http://mirror.example/d x main\ndeb [trusted=maybe] http://mirror.example/d x c\n"},
        {"a.list", "deb-src [trusted=yes] http://mirror.example/d x main\ndeb http://mirror.example/d x main\n"},
        {"a.list", "deb [allow-insecure=yes] http://mirror.example/d x main\ndeb http://mirror.example/d x c\n"},
        {"a.list", "deb [allow-insecure=maybe] http://mirror.example/d x main\ndeb http://mirror.example/d x c\n"},
        {"a.list", "deb [inrelease-path=In] http://mirror.example/d x main\ndeb http://mirror.example/d x c\n"},
        {"a.list", "deb [check-date=no] http://mirror.example/d x main\ndeb [check-date=0] http://mirror.example/d x c\n"},
        {"a.sources", "Types: deb\nURIs: http://mirror.example/d\nSuites: x\nComponents: main\nEnabled: no\n"},
        {"a.sources", "Types: foo\nURIs: http://mirror.example/d\nSuites: x\nComponents: main\nEnabled: no\n"},
        {"a.sources", "URIs: http://mirror.example/d\nSuites: x\nComponents: main\nEnabled: no\n"},
        {"a.sources", "Types: deb\nURIs: http://mirror.example/d\nEnabled: 0\n"},
        {"a.sources", "Types: deb\nURIs: http://mirror.example/d\nSuites: x\nComponents: main\nEnabled: maybe\n"},
        {"a.sources", "Types: deb\nURIs: http://mirror.example/d\nSuites: x/ $(ARCH)/\n"},
        {"a.sources", "Types: deb\nURIs: http://mirror.example/d\nSuites: x/ y\nComponents: main\n"},
        {"a.sources", "Types: deb\nURIs: http://mirror.example/d\nSuites: y x/\nComponents: main\n"},
        {"a.sources", "types: deb\nuris: http://mirror.example/d\nsuites: y\ncomponents: main\narchitectures: i386\n"},
        {"a.sources", "Types: deb\nURIs: http://mirror.example/d\nSuites: y\n  z\nComponents: main\n"},
        {"a.sources", "Types:\nURIs: http://mirror.example/d\nSuites: y\nComponents: main\n"},
        {"a.sources", "Types: deb\nURIs: http://mirror.example/d\nSuites: y\nComponents: main\nArchitectures-Add: armhf\n"},
        {"a.sources", "Types: deb\nURIs: http://mirror.example/d\nSuites: $(ARCH)\nComponents: main\n"},
        {"a.sources", "Types: deb\nURIs: http://mirror.example/d\nSuites: y\nComponents: main\nArchitectures: amd64,i386\n"},
        {"a.sources", "Types: deb deb-src\nURIs: http://mirror.example/d file:/srv/m\nSuites: a b\nComponents: main non-free\n"},
        {"a.sources", "Types: deb\nURIs: http://mirror.example/d\nSuites: y\nComponents: main\nSigned-By: /a.gpg\n /b.gpg\n\n"
                + "Types: deb\nURIs: http://mirror.example/d\nSuites: y\nComponents: c\nSigned-By: /a.gpg,/b.gpg\n"},
        {"a.sources", "Types: deb\nURIs: http://mirror.example/d\nSuites: y\nComponents: main\nSigned-By:\n"
                + " -----BEGIN PGP PUBLIC KEY BLOCK-----\n .\n mDMEYCQjIxYJ\n -----END PGP PUBLIC KEY BLOCK-----\n"},
        {"a.sources", "Types: deb\nURIs: http://mirror.example/d\nSuites: y\nComponents: main\nSigned-By:\n"},
        {"a.sources", "Types: deb\nURIs: http://mirror.example/d\nSuites: y\nComponents: main\nSigned-By: keys.gpg\n"},
        {"a.sources", "Types: deb\nURIs: mirror.example/d\nSuites: y\nComponents: main\n"},
        {"a.sources", "Types: deb\nSuites: y\nComponents: main\n"},
        {"a.sources", "Types: deb\nURIs: http://mirror.example/d\nComponents: main\n"},
        {"a.sources", "Types: deb\nURIs: http://mirror.example/d\nSuites: y\nComponents: main\nAllow-Insecure: yes\n\n"
                + "Types: deb\nURIs: http://mirror.example/d\nSuites: y\nComponents: c\n"},
        {"a.sources", "Types: deb\nURIs: http://mirror.example/d\nSuites: y\n# Components: main\nComponents: c\n"},
        {"a.sources", "Types: deb\nURIs: http://mirror.example/d\nSuites: y\n# a comment\n z\nComponents: main\n"},
        {"a.sources", "Types: deb\r\nURIs: http://mirror.example/d\r\nSuites: y\r\nComponents: main\r\n"},
        {"a.sources", "Types: deb\nURIs: http://mirror.example/d\nSuites: y\nComponents: main\nTrusted: yes\n\n"
                + "Types: deb\nURIs: http://mirror.example/d\nSuites: y\nComponents: c\nTrusted: no\n"},
        {"a.list", "deb http://mirror.example/[x y main\n"},
        {"a.list", "deb http://mirror.example/d%C3%A9 x main\n"},
        {"a.list", "deb http://mirror.example/d x main\n\n\n# done"},
    };

    @Test
    void handWrittenCornersAgreeWithApt() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), PYTHON + " missing: differential check against python3-apt skipped");
        assumeTrue(run(List.of(PYTHON.toString(), "-c", "import apt_pkg"), null) == 0,
                "python3-apt (apt_pkg) not importable: differential check against apt skipped");
        List<Path> roots = new ArrayList<>();
        for (int i = 0; i < CASES.length; i++) {
            Path root = tmp.resolve("case" + i);
            Path parts = Files.createDirectories(root.resolve("etc/apt/sources.list.d"));
            Files.writeString(parts.resolve(CASES[i][0]), CASES[i][1], StandardCharsets.UTF_8);
            roots.add(root);
        }
        Comparison c = compare(roots);
        System.out.println("SourcesAptOracleTest: apt and debindex agree on " + (CASES.length - c.disagreements.size())
                + " of " + CASES.length + " hand-written configurations: " + c.accepted + " accepted, "
                + c.refused + " refused by both");
        assertTrue(c.disagreements.isEmpty(), c.disagreements.size() + " disagreements:\n"
                + String.join("\n", c.disagreements));
    }

    /** How debindex and apt compare on a set of roots. */
    private static final class Comparison {
        final List<String> disagreements = new ArrayList<>();
        int accepted;
        int refused;
        int entries;
        int repositories;
    }

    /**
     * Where apt's first error says a one-line file is malformed: its line number and file (apt goes on
     * reading the other files and reports every error; debindex stops at the first).
     */
    private static final java.util.regex.Pattern APT_LOCATION = java.util.regex.Pattern.compile(
            "^ERROR E:(?:Malformed entry |Malformed line |Type '[^']*' is not known on line )(\\d+)"
                    + " in (?:list file|source list) (\\S+\\.list)");

    private Comparison compare(List<Path> roots) throws IOException, InterruptedException {
        List<String> apt = apt(roots);
        assertEquals(roots.size(), apt.size(), "one apt answer per root");
        Comparison c = new Comparison();
        for (int i = 0; i < roots.size(); i++) {
            Path root = roots.get(i);
            String expected = apt.get(i);
            String actual;
            int entries = 0;
            try {
                SourceList list = HostSources.load(root, "amd64");
                entries = list.entries().size();
                actual = describe(list);
            } catch (MalformedInputException e) {
                actual = "ERROR " + e.getMessage();
            }
            boolean aptRefused = expected.startsWith("ERROR ");
            boolean weRefused = actual.startsWith("ERROR ");
            if (aptRefused && weRefused) {
                c.refused++;
                java.util.regex.Matcher where = APT_LOCATION.matcher(expected);
                if (where.find() && !actual.startsWith("ERROR " + where.group(2) + ":" + where.group(1) + ": ")) {
                    c.disagreements.add(root.getFileName() + ": refused at another place\n  apt:      " + expected
                            + "\n  debindex: " + actual + "\n" + dump(root));
                }
            } else if (!expected.equals(actual)) {
                c.disagreements.add(root.getFileName() + ":\n  apt:      " + expected + "\n  debindex: " + actual
                        + "\n" + dump(root));
            } else {
                c.accepted++;
                c.entries += entries;
                c.repositories += expected.isEmpty() ? 0 : expected.split("\t").length;
            }
        }
        return c;
    }

    /** The same line the script prints for a configuration apt accepts. */
    private static String describe(SourceList list) {
        Map<String, String> uris = new LinkedHashMap<>();
        Map<String, TreeSet<String>> targets = new LinkedHashMap<>();
        for (SourceEntry e : list.entries()) {
            String key = SourceList.repositoryKey(e);
            // apt verifies one Release per repository and keeps the URI of the first entry for it
            uris.putIfAbsent(key, e.uri() + "|" + e.suite());
            TreeSet<String> t = targets.computeIfAbsent(key, k -> new TreeSet<>());
            String kind = e.type() == SourceType.DEB ? "Packages" : "Sources";
            if (e.isFlat()) {
                t.add(kind + "::");
                continue;
            }
            for (String component : e.components()) {
                if (e.type() == SourceType.DEB_SRC) {
                    t.add(kind + ":" + component + ":");
                    continue;
                }
                List<String> architectures = new ArrayList<>(e.architectures(HOST_ARCHITECTURES));
                // apt adds the implicit "all" unless "arch-=" names it
                if (!architectures.contains("all") && !e.options().architectures().removed().contains("all")) {
                    architectures.add("all");
                }
                for (String arch : architectures) {
                    t.add(kind + ":" + component + ":" + arch);
                }
            }
        }
        List<String> out = new ArrayList<>();
        uris.forEach((key, uri) -> out.add(uri + "|" + String.join(",", targets.get(key))));
        return String.join("\t", out);
    }

    private List<String> apt(List<Path> roots) throws IOException, InterruptedException {
        Path script = Files.writeString(tmp.resolve("sources_oracle.py"), SCRIPT, StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), script.toString()));
        for (Path root : roots) {
            command.add(root.toString());
        }
        Path out = tmp.resolve("apt.out");
        assertEquals(0, run(command, out), () -> read(out));
        return Files.readAllLines(out, StandardCharsets.UTF_8);
    }

    private int run(List<String> command, Path output) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("LC_ALL", "C");
        if (output == null) {
            pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        } else {
            pb.redirectOutput(output.toFile()).redirectError(tmp.resolve("apt.err").toFile());
        }
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("python3-apt did not finish: " + command.get(0));
        }
        return p.exitValue();
    }

    private String read(Path file) {
        try {
            return Files.readString(file) + Files.readString(tmp.resolve("apt.err"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static String dump(Path root) {
        StringBuilder out = new StringBuilder();
        try (var files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.append("  --- ").append(root.relativize(file)).append('\n');
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    out.append("  | ").append(line).append('\n');
                }
            }
        } catch (IOException e) {
            out.append(e);
        }
        return out.toString();
    }

    private static long seed() {
        String configured = System.getProperty("debindex.seed", "");
        return configured.isEmpty() ? new Random().nextLong() : Long.parseLong(configured);
    }

    /** Writes one random apt root. */
    private static final class Generator {
        private static final String[] URIS = {
            "http://mirror.example/debian", "https://mirror.example/debian", "file:/srv/mirror", "file:///srv/flat",
            "http://mirror.example:8080/d", "http://user:pw@mirror.example/private", "http://mirror.example/$(ARCH)/d",
            "mirror+file:/etc/apt/mirrors.txt", "http://mirror.example/debian/",
        };
        private static final String[] SUITES = {"trixie", "bookworm", "sid", "trixie-updates", "stable/updates"};
        private static final String[] FLAT = {"./", "sub/", "$(ARCH)/", "dists-$(ARCH)/", "/"};
        private static final String[] COMPONENTS = {"main", "contrib", "non-free", "non-free-firmware", "updates/main"};
        private static final String[] KEYS = {
            "/usr/share/keyrings/one.gpg", "/etc/apt/keyrings/two.asc", "0123456789ABCDEF0123456789ABCDEF01234567",
        };
        private static final String[][] ONE_LINE_OPTIONS = {
            {"arch=amd64"}, {"arch=i386,amd64"}, {"arch+=armhf"}, {"arch-=i386"}, {"arch-=all"}, {"arch=armhf", "arch+=s390x"},
            {"lang=de"}, {"foo=bar"}, {"pdiffs=no"}, {"by-hash=force"},
        };
        private static final String[][] DEB822_OPTIONS = {
            {"Architectures: amd64"}, {"Architectures: i386 amd64"}, {"Architectures-Add: armhf"},
            {"Architectures-Remove: i386"}, {"Architectures-Remove: all"}, {"X-Unknown: yes"}, {"PDiffs: no"},
            {"Architectures: armhf", "Architectures-Add: s390x"}, {"languages: de"},
        };
        private static final String[] MALFORMED = {
            "deb http://mirror.example/broken trixie", "deb-src http://mirror.example/broken ./ main", "deb [arch] http://mirror.example/ y z",
            "rpm http://mirror.example/broken x main", "deb mirror.example/broken x main", "deb [signed-by=rel.gpg] http://mirror.example/ y z",
        };

        private final Random random;
        /** One Signed-By per repository most of the time, so that most configurations are accepted. */
        private final Map<String, String> signedBy = new LinkedHashMap<>();

        Generator(Random random) {
            this.random = random;
        }

        void write(Path root) throws IOException {
            Path etc = Files.createDirectories(root.resolve("etc/apt"));
            Path parts = etc.resolve("sources.list.d");
            if (random.nextInt(4) != 0) {
                Files.writeString(etc.resolve("sources.list"), oneLineFile());
            }
            if (random.nextInt(5) != 0) {
                Files.createDirectories(parts);
                int files = random.nextInt(4);
                for (int i = 0; i < files; i++) {
                    if (random.nextBoolean()) {
                        Files.writeString(parts.resolve("f" + i + ".list"), oneLineFile());
                    } else {
                        Files.writeString(parts.resolve("f" + i + ".sources"), deb822File());
                    }
                }
                String[] ignored = {"x.list.save", "y.list.dpkg-old", "README", "bad name.list", ".hidden.sources", "z.sources~"};
                if (random.nextInt(3) == 0) {
                    Files.writeString(parts.resolve(pick(ignored)), "this is not read\n");
                }
            }
        }

        private String oneLineFile() {
            StringBuilder out = new StringBuilder();
            int lines = 1 + random.nextInt(5);
            for (int i = 0; i < lines; i++) {
                switch (random.nextInt(12)) {
                    case 0 -> out.append("# a comment\n");
                    case 1 -> out.append('\n');
                    case 2 -> out.append(random.nextInt(6) == 0 ? pick(MALFORMED) + "\n" : oneLine() + "\n");
                    default -> out.append(oneLine()).append(random.nextBoolean() ? "  # trailing comment\n" : "\n");
                }
            }
            return out.toString();
        }

        private String oneLine() {
            String type = random.nextInt(3) == 0 ? "deb-src" : "deb";
            String uri = pick(URIS);
            boolean flat = random.nextInt(4) == 0;
            String suite = flat ? pick(FLAT) : pick(SUITES);
            List<String> options = new ArrayList<>();
            if (random.nextBoolean()) {
                options.addAll(List.of(pick(ONE_LINE_OPTIONS)));
            }
            String key = signedByFor(uri, suite);
            if (key != null) {
                options.add("signed-by=" + key);
            }
            if (random.nextInt(15) == 0) {
                options.add("trusted=yes");
            }
            StringBuilder out = new StringBuilder(type);
            if (!options.isEmpty()) {
                out.append(random.nextBoolean() ? " [ " + String.join(" ", options) + " ]" : " [" + String.join(" ", options) + "]");
            }
            out.append(' ').append(uri).append(' ').append(suite);
            if (!flat) {
                for (String c : components()) {
                    out.append(random.nextInt(5) == 0 ? "\t" : " ").append(c);
                }
            }
            return out.toString();
        }

        private String deb822File() {
            StringBuilder out = new StringBuilder();
            int stanzas = 1 + random.nextInt(3);
            for (int i = 0; i < stanzas; i++) {
                if (i > 0) {
                    out.append(random.nextBoolean() ? "\n" : "\n# next stanza\n\n");
                }
                out.append(stanza());
            }
            return out.toString();
        }

        private String stanza() {
            List<String> lines = new ArrayList<>();
            int types = random.nextInt(4);
            lines.add("Types: " + (types == 0 ? "deb deb-src" : types == 1 ? "deb-src" : "deb"));
            List<String> uris = new ArrayList<>();
            int n = 1 + random.nextInt(2);
            for (int i = 0; i < n; i++) {
                uris.add(pick(URIS));
            }
            lines.add("URIs: " + String.join(" ", uris));
            boolean flat = random.nextInt(4) == 0;
            List<String> suites = new ArrayList<>();
            int s = 1 + random.nextInt(3);
            for (int i = 0; i < s; i++) {
                suites.add(flat ? pick(FLAT) : pick(SUITES));
            }
            lines.add("Suites: " + String.join(random.nextInt(4) == 0 ? "\n " : " ", suites));
            if (!flat || random.nextInt(25) == 0) {
                if (random.nextInt(25) != 0) {
                    lines.add("Components: " + String.join(" ", components()));
                }
            }
            if (random.nextBoolean()) {
                lines.addAll(List.of(pick(DEB822_OPTIONS)));
            }
            // every URI of the stanza gets the stanza's one Signed-By
            String key = signedByFor(uris.get(0), suites.get(0));
            boolean same = true;
            for (String uri : uris) {
                for (String suite : suites) {
                    same &= java.util.Objects.equals(key, signedByFor(uri, suite));
                }
            }
            if (key != null && (same || random.nextInt(3) == 0)) {
                lines.add(random.nextBoolean() ? "Signed-By: " + key : "signed-by:\n " + key);
            }
            if (random.nextInt(8) == 0) {
                lines.add("Enabled: " + (random.nextBoolean() ? "no" : "yes"));
            }
            if (random.nextInt(6) == 0) {
                lines.add("# a comment inside");
            }
            java.util.Collections.shuffle(lines.subList(1, lines.size()), random);
            return String.join("\n", lines) + "\n";
        }

        private List<String> components() {
            List<String> out = new ArrayList<>();
            int n = 1 + random.nextInt(3);
            for (int i = 0; i < n; i++) {
                out.add(pick(COMPONENTS));
            }
            return out;
        }

        /** The repository's Signed-By, chosen once; now and then a different one, so that apt refuses the conflict. */
        private String signedByFor(String uri, String suite) {
            String key = uri.replaceFirst("^[a-z+]+:(//)?", "").replaceFirst("user:pw@", "") + " " + suite;
            if (random.nextInt(40) == 0) {
                return random.nextBoolean() ? null : pick(KEYS);
            }
            return signedBy.computeIfAbsent(key, k -> random.nextInt(3) == 0 ? "" : pick(KEYS)).isEmpty()
                    ? null : signedBy.get(key);
        }

        private String pick(String[] values) {
            return values[random.nextInt(values.length)];
        }

        private String[] pick(String[][] values) {
            return values[random.nextInt(values.length)];
        }
    }
}
