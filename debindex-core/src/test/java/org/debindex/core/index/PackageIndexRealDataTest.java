package org.debindex.core.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.debindex.core.relation.RelationField;
import org.debindex.core.testdata.HostPrograms;
import org.debindex.core.testdata.SharedTestData;
import org.debindex.core.version.DebianVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.XZInputStream;

/**
 * The index of the real trixie and bookworm data (skipped visibly without it), checked against
 * the raw files split independently of the project's reader, and against apt-cache where the
 * host has it.
 */
class PackageIndexRealDataTest {

    @TempDir
    static Path dir;

    static PackageIndex index;

    @BeforeAll
    static void build() throws Exception {
        List<IndexInput> inputs = RealIndex.inputs();
        Path file = dir.resolve("packages.idx");
        PackageIndex.build(inputs).write(file);
        index = PackageIndex.open(file);
    }

    /** One raw stanza: its exact bytes and the three fields that identify it. */
    record RawStanza(String name, String version, String architecture, byte[] bytes) {
    }

    /** The stanzas of a Packages.xz, split at blank lines without the project's reader. */
    static List<RawStanza> raw(Path xz) throws IOException {
        byte[] data;
        try (InputStream in = new XZInputStream(new BufferedInputStream(Files.newInputStream(xz), 1 << 16))) {
            data = in.readAllBytes();
        }
        List<RawStanza> out = new ArrayList<>(70_000);
        int start = 0;
        while (start < data.length) {
            int end = start;
            while (end < data.length && !(data[end] == '\n' && (end + 1 == data.length || data[end + 1] == '\n'))) {
                end++;
            }
            byte[] bytes = Arrays.copyOfRange(data, start, end);
            String text = new String(bytes, StandardCharsets.UTF_8);
            out.add(new RawStanza(field(text, "Package"), field(text, "Version"), field(text, "Architecture"), bytes));
            start = end + 2;
        }
        return out;
    }

    private static String field(String stanza, String name) {
        for (String line : stanza.split("\n")) {
            if (line.startsWith(name + ": ")) {
                return line.substring(name.length() + 2);
            }
        }
        throw new AssertionError("no " + name + " in " + stanza.substring(0, Math.min(80, stanza.length())));
    }

    @Test
    void everyStanzaIsReachableByNameWithItsExactBytes() throws Exception {
        assertEquals(68_829 + 63_440, index.size());
        Map<String, List<String>> expected = new HashMap<>();
        int count = 0;
        for (String suite : List.of("trixie", "bookworm")) {
            for (RawStanza s : raw(RealIndex.packagesXz(suite))) {
                count++;
                expected.computeIfAbsent(s.name(), k -> new ArrayList<>())
                        .add(s.version() + " " + s.architecture() + " " + suite);
                PackageEntry found = null;
                for (PackageEntry e : index.packages(s.name())) {
                    if (e.version().toString().equals(s.version()) && e.architecture().equals(s.architecture())
                            && e.origin().codename().equals(suite)) {
                        found = e;
                    }
                }
                assertTrue(found != null, s.name() + " " + s.version() + " in " + suite);
                assertArrayEquals(s.bytes(), index.stanzaBytes(found), s.name() + " " + s.version());
            }
        }
        assertEquals(index.size(), count);
        for (Map.Entry<String, List<String>> e : expected.entrySet()) {
            List<PackageEntry> entries = index.packages(e.getKey());
            List<String> actual = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                PackageEntry p = entries.get(i);
                actual.add(p.version() + " " + p.architecture() + " " + p.origin().codename());
                if (i > 0) {
                    assertTrue(entries.get(i - 1).version().compareTo(p.version()) >= 0, "newest first: " + entries);
                }
            }
            List<String> want = new ArrayList<>(e.getValue());
            want.sort(null);
            actual.sort(null);
            assertEquals(want, actual, e.getKey());
        }
    }

    @Test
    void longDescriptionsComeFromTranslationAcrossSuites() throws Exception {
        List<PackageEntry> bash = index.packages("bash");
        assertEquals(List.of("trixie", "bookworm"), bash.stream().map(e -> e.origin().codename()).toList());
        assertEquals("GNU Bourne Again SHell", bash.get(0).summary());
        assertTrue(index.longDescription(bash.get(0)).orElseThrow().startsWith("Bash is an sh-compatible command"));
        // bookworm has no Translation: the trixie entry with the same Description-md5 serves
        assertEquals(index.longDescription(bash.get(0)), index.longDescription(bash.get(1)));
        assertEquals("bash", index.source(bash.get(0)).name());
    }

    @Test
    void virtualPackagesHaveProvidersAndReverseDependencies() throws Exception {
        Set<String> providers = new TreeSet<>();
        for (Provider p : index.providers("mail-transport-agent")) {
            providers.add(p.provider().name() + " " + p.provider().origin().codename());
        }
        assertTrue(providers.containsAll(List.of("postfix trixie", "postfix bookworm", "exim4-daemon-light trixie",
                "exim4-daemon-light bookworm")), providers.toString());
        Set<String> rdepends = new TreeSet<>();
        for (ReverseDependency d : index.reverseDependencies("mail-transport-agent")) {
            rdepends.add(d.dependent().name());
            assertEquals("mail-transport-agent", d.relation().packageName());
        }
        assertTrue(rdepends.containsAll(List.of("bsd-mailx", "mutt", "postfix")), rdepends.toString());
        // through Provides: whoever depends on mail-transport-agent depends on what postfix provides
        Set<String> viaPostfix = new TreeSet<>();
        for (ReverseDependency d : index.reverseDependencies("postfix")) {
            if (d.viaProvides() && d.relation().packageName().equals("mail-transport-agent")) {
                viaPostfix.add(d.dependent().name());
            }
        }
        assertEquals(rdepends, viaPostfix);
    }

    @Test
    void searchFindsWhatTheNameAndDescriptionSay() throws Exception {
        List<SearchHit> hits = index.search(SearchQuery.of("nginx"));
        assertEquals(MatchKind.EXACT_NAME, hits.get(0).match());
        assertEquals("nginx", hits.get(0).entry().name());
        for (int i = 1; i < hits.size(); i++) {
            assertTrue(hits.get(i - 1).match().compareTo(hits.get(i).match()) <= 0, "ranked: " + hits.get(i));
        }
        for (SearchHit h : index.search(SearchQuery.of("python3", "yaml"))) {
            String text = (h.entry().name() + "\n" + h.entry().summary() + "\n"
                    + index.longDescription(h.entry()).orElse("") + "\n"
                    + index.binaryPackage(h.entry()).relations(RelationField.PROVIDES)).toLowerCase(java.util.Locale.ROOT);
            assertTrue(text.contains("python3") && text.contains("yaml"), h.toString());
        }
        assertTrue(index.closeMatches("ngnix", 5).contains("nginx"));
    }

    /** Package names apt-cache prints for a command, one per line before " - " or indented. */
    static Set<String> aptNames(Path tool, Path aptDir, String... command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(tool.toString(), aptDir.toString()));
        cmd.addAll(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), String.join(" ", cmd));
        Set<String> names = new TreeSet<>();
        boolean reverse = false;
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (command[0].equals("apt-cache") && command[1].equals("search")) {
                names.add(line.substring(0, line.indexOf(" - ")));
            } else if (line.equals("Reverse Depends:")) {
                reverse = true;
            } else if (reverse && line.startsWith(" ")) {
                // "  name" for a plain dependency, " |name" for one alternative of several
                names.add(line.strip().replaceFirst("^\\|", ""));
            }
        }
        return names;
    }

    @Test
    void findsEverythingAptCacheFinds() throws Exception {
        Path tool = Path.of(System.getProperty("debindex.isolatedApt",
                SharedTestData.root().resolveSibling("tools").resolve("isolated-apt").toString()));
        assumeTrue(Files.isExecutable(tool), "isolated-apt not found at " + tool + ": apt-cache cross-check skipped");
        HostPrograms.require("apt-cache", "the apt-cache cross-check");
        HostPrograms.require("apt-get", "the apt-cache cross-check");
        Path root = SharedTestData.require();
        Path apt = dir.resolve("apt");
        String keyring = root.resolve("keyrings/debian-archive-keyring.gpg").toString();
        String mirror = "file:" + root.resolve("debian");
        // bookworm has no Translation-en: with lang=none apt does not try to fetch it, since a
        // failed fetch makes apt drop that suite's Packages too
        run(tool, apt, "init", "deb [signed-by=" + keyring + "] " + mirror + " trixie main",
                "deb [signed-by=" + keyring + " lang=none] " + mirror + " bookworm main");
        run(tool, apt, "apt-get", "update", "-q");
        for (List<String> terms : List.of(List.of("nginx"), List.of("python3", "yaml"), List.of("libc6"),
                List.of("transport", "agent"))) {
            List<String> command = new ArrayList<>(List.of("apt-cache", "search"));
            command.addAll(terms);
            Set<String> expected = aptNames(tool, apt, command.toArray(new String[0]));
            assertTrue(!expected.isEmpty(), "apt-cache found nothing for " + terms);
            Set<String> actual = new TreeSet<>();
            for (SearchHit h : index.search(new SearchQuery(terms, false, false, java.util.Optional.empty(),
                    java.util.Optional.empty(), Integer.MAX_VALUE))) {
                actual.add(h.entry().name());
            }
            Set<String> missing = new TreeSet<>(expected);
            missing.removeAll(actual);
            assertEquals(Set.of(), missing, "found by apt-cache search " + terms + " but not by debindex");
        }
        // apt-cache rdepends prints nothing for a virtual package: CachedIndexRealDataTest checks
        // those against apt-cache showpkg
        for (String name : List.of("libc6", "zlib1g")) {
            Set<String> expected = aptNames(tool, apt, "apt-cache", "rdepends", name);
            assertTrue(expected.size() > 100, "apt-cache rdepends " + name + " gave " + expected.size() + " names");
            Set<String> actual = new TreeSet<>();
            for (ReverseDependency d : index.reverseDependencies(name)) {
                actual.add(d.dependent().name());
            }
            Set<String> missing = new TreeSet<>(expected);
            missing.removeAll(actual);
            assertEquals(Set.of(), missing, "found by apt-cache rdepends " + name + " but not by debindex");
        }
    }

    private static void run(Path tool, Path apt, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(tool.toString(), apt.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + ":\n" + out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void versionsAreDebianVersions() throws Exception {
        List<PackageEntry> libc = index.packages("libc6");
        assertEquals(2, libc.size());
        assertTrue(libc.get(0).version().compareTo(DebianVersion.of("2.36")) > 0);
    }
}
