package org.debindex.core.update;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.debindex.core.IndexFormatException;
import org.debindex.core.cache.CacheLayout;
import org.debindex.core.deb822.Deb822Reader;
import org.debindex.core.deb822.Paragraph;
import org.debindex.core.index.IndexBuildOptions;
import org.debindex.core.index.PackageEntry;
import org.debindex.core.index.PackageIndex;
import org.debindex.core.index.PackageOrigin;
import org.debindex.core.index.Provider;
import org.debindex.core.index.ReverseDependency;
import org.debindex.core.index.SearchHit;
import org.debindex.core.index.SearchQuery;
import org.debindex.core.index.internal.Layout;
import org.debindex.core.index.internal.SectionEntry;
import org.debindex.core.index.internal.SectionKind;
import org.debindex.core.index.internal.SnapshotHeader;
import org.debindex.core.relation.RelationField;
import org.debindex.core.source.SourceList;
import org.debindex.core.source.SourcesParser;
import org.debindex.core.testdata.HostPrograms;
import org.debindex.core.testdata.SharedTestData;
import org.debindex.core.version.DebianVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.XZInputStream;

/**
 * Proof for the index as an update leaves it (issue 5): trixie and bookworm {@code main} amd64
 * are acquired from the shared mirror into a cache once, {@link CachedIndex#open} builds the
 * snapshot, and its answers are checked against the raw Packages files (decompressed with xz-java
 * and split by the deb822 reader, not through the index) and against apt-cache on the same data.
 * Skipped visibly without the shared data, and the apt-cache parts without apt.
 */
class CachedIndexRealDataTest {

    static final List<String> SUITES = List.of("trixie", "bookworm");
    static final List<String> VIRTUALS = List.of("mail-transport-agent", "awk", "c-compiler");

    @TempDir
    static Path dir;

    static Path root;
    static CacheLayout cache;
    static PackageIndex index;
    /** Raw stanzas by name: "version architecture codename" of each. */
    static Map<String, List<String>> rawEntries;
    /** The fields {@link PackageIndex#reverseDependencies} reads. */
    static final List<RelationField> RDEPENDS_FIELDS = List.of(RelationField.DEPENDS, RelationField.PRE_DEPENDS,
            RelationField.RECOMMENDS, RelationField.SUGGESTS, RelationField.ENHANCES, RelationField.BREAKS,
            RelationField.CONFLICTS, RelationField.REPLACES);

    /** Per virtual name: "name version codename Field" of each raw stanza naming it in a relation field. */
    static Map<String, Set<String>> rawDependents;
    /** Per virtual name: "name version codename" of each raw stanza naming it in Provides. */
    static Map<String, Set<String>> rawProviders;
    static int rawCount;

    @BeforeAll
    static void acquireAndOpen() throws Exception {
        root = SharedTestData.require();
        Path keyring = SharedTestData.file("keyrings/debian-archive-keyring.gpg");
        String mirror = "file:" + root.resolve("debian");
        SourcesParser parser = new SourcesParser("amd64");
        SourceList sources = SourceList.concat(List.of(
                parser.parseRepo("deb [signed-by=" + keyring + "] " + mirror + " trixie main"),
                parser.parseRepo("deb [signed-by=" + keyring + "] " + mirror + " bookworm main")));
        cache = new CacheLayout(dir.resolve("cache"));
        List<AcquisitionReport> reports = new Acquisition(AcquisitionTest.fetcher(), cache,
                AcquisitionOptions.defaults(List.of("amd64")).at(Instant.parse("2026-11-26T00:00:00Z")),
                AcquisitionProgress.none()).run(sources, List.of());
        assertEquals(2, reports.size());
        for (AcquisitionReport r : reports) {
            assertEquals(AcquisitionReport.Outcome.UPDATED, r.outcome(), r.findings().toString());
        }
        CachedIndex.Opened opened = CachedIndex.open(cache, IndexBuildOptions.defaults());
        assertEquals(Optional.of("there was none"), opened.rebuiltBecause());
        index = opened.index();
        summarizeRawFiles();
    }

    /** The decompressed Packages of a suite, read from the mirror with xz-java. */
    static byte[] rawPackages(String suite) throws Exception {
        Path xz = SharedTestData.dists(suite, "main/binary-amd64/Packages.xz");
        try (InputStream in = new XZInputStream(new BufferedInputStream(Files.newInputStream(xz), 1 << 16))) {
            return in.readAllBytes();
        }
    }

    static Deb822Reader reader(String suite, byte[] data) {
        return Deb822Reader.of(data, suite + "/main/binary-amd64/Packages");
    }

    static String key(Paragraph p, String suite) {
        return p.get("Package").orElseThrow() + " " + p.get("Version").orElseThrow() + " " + suite;
    }

    static void summarizeRawFiles() throws Exception {
        rawEntries = new HashMap<>();
        rawDependents = new TreeMap<>();
        rawProviders = new TreeMap<>();
        for (String v : VIRTUALS) {
            rawDependents.put(v, new TreeSet<>());
            rawProviders.put(v, new TreeSet<>());
        }
        rawCount = 0;
        for (String suite : SUITES) {
            try (Deb822Reader reader = reader(suite, rawPackages(suite))) {
                for (Optional<Paragraph> o = reader.next(); o.isPresent(); o = reader.next()) {
                    Paragraph p = o.get();
                    rawCount++;
                    rawEntries.computeIfAbsent(p.get("Package").orElseThrow(), k -> new ArrayList<>())
                            .add(p.get("Version").orElseThrow() + " " + p.get("Architecture").orElseThrow() + " "
                                    + suite);
                    for (RelationField field : RDEPENDS_FIELDS) {
                        Set<String> named = names(p.get(field.fieldName()).orElse(""));
                        for (String v : VIRTUALS) {
                            if (named.contains(v)) {
                                rawDependents.get(v).add(key(p, suite) + " " + field.fieldName());
                            }
                        }
                    }
                    Set<String> provides = names(p.get("Provides").orElse(""));
                    for (String v : VIRTUALS) {
                        if (provides.contains(v)) {
                            rawProviders.get(v).add(key(p, suite));
                        }
                    }
                }
            }
        }
    }

    /**
     * The package names a relation field names, split by hand (Policy §7.1): alternatives
     * separated by {@code ,} and {@code |}, each a name followed by an optional
     * {@code :arch} qualifier, version, architecture list or build profiles.
     */
    static Set<String> names(String field) {
        Set<String> out = new TreeSet<>();
        for (String group : field.split(",")) {
            for (String alternative : group.split("\\|")) {
                String a = alternative.strip();
                int end = 0;
                while (end < a.length() && " (:[<\n\t".indexOf(a.charAt(end)) < 0) {
                    end++;
                }
                if (end > 0) {
                    out.add(a.substring(0, end));
                }
            }
        }
        return out;
    }

    static String key(PackageEntry e) {
        return e.name() + " " + e.version() + " " + e.origin().codename();
    }

    @Test
    void everyRawStanzaIsReachableByNameWithItsExactText() throws Exception {
        assertEquals(rawCount, index.size(), "index entries against raw stanzas");
        assertEquals(68_829 + 63_440, rawCount, "stanzas as grep -c '^Package:' counts them");
        BitSet reached = new BitSet(index.size());
        for (String suite : SUITES) {
            int stanzas = 0;
            try (Deb822Reader reader = reader(suite, rawPackages(suite))) {
                for (Optional<Paragraph> o = reader.next(); o.isPresent(); o = reader.next()) {
                    Paragraph p = o.get();
                    stanzas++;
                    String name = p.get("Package").orElseThrow();
                    String version = p.get("Version").orElseThrow();
                    String architecture = p.get("Architecture").orElseThrow();
                    List<PackageEntry> found = new ArrayList<>();
                    for (PackageEntry e : index.packages(name)) {
                        if (e.version().toString().equals(version) && e.architecture().equals(architecture)
                                && e.origin().codename().equals(suite)) {
                            found.add(e);
                        }
                    }
                    assertEquals(1, found.size(), name + " " + version + " " + architecture + " in " + suite
                            + ": " + index.packages(name));
                    PackageEntry e = found.get(0);
                    assertEquals(new PackageOrigin(suite.equals("trixie") ? "stable" : "oldstable", suite, "main",
                            "amd64"), e.origin());
                    assertFalse(reached.get(e.id()), "two stanzas reach " + e);
                    reached.set(e.id());
                    // the index keeps the stanza as the reader delimits it: without its final newline
                    byte[] raw = p.toBytes();
                    byte[] stored = index.stanzaBytes(e);
                    if (!java.util.Arrays.equals(raw, stored)) {
                        assertEquals(p.toString(), index.stanza(e), e.toString());
                        assertArrayEquals(raw, stored, e.toString());
                    }
                }
            }
            int inSuite = 0;
            for (int id = 0; id < index.size(); id++) {
                if (index.entry(id).origin().codename().equals(suite)) {
                    inSuite++;
                }
            }
            assertEquals(stanzas, inSuite, suite);
        }
        assertEquals(index.size(), reached.cardinality());
    }

    @Test
    void versionsOfPackagesInBothSuitesAreTheRawOnesNewestFirst() throws Exception {
        List<String> origins = index.origins().stream().map(PackageOrigin::codename).toList();
        int both = 0;
        for (Map.Entry<String, List<String>> raw : new TreeMap<>(rawEntries).entrySet()) {
            Set<String> suites = new TreeSet<>();
            for (String s : raw.getValue()) {
                suites.add(s.substring(s.lastIndexOf(' ') + 1));
            }
            if (suites.size() < 2) {
                continue;
            }
            both++;
            List<PackageEntry> entries = index.packages(raw.getKey());
            List<String> actual = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                PackageEntry e = entries.get(i);
                actual.add(e.version() + " " + e.architecture() + " " + e.origin().codename());
                if (i > 0) {
                    PackageEntry prev = entries.get(i - 1);
                    int c = prev.version().compareTo(e.version());
                    assertTrue(c > 0 || c == 0 && origins.indexOf(prev.origin().codename())
                            <= origins.indexOf(e.origin().codename()), "newest first, then input order: " + entries);
                }
            }
            List<String> want = new ArrayList<>(raw.getValue());
            want.sort(null);
            List<String> got = new ArrayList<>(actual);
            got.sort(null);
            assertEquals(want, got, raw.getKey());
            // the order newest first, computed from the raw versions alone
            List<DebianVersion> rawOrder = new ArrayList<>();
            for (String s : raw.getValue()) {
                rawOrder.add(DebianVersion.parse(s.substring(0, s.indexOf(' '))));
            }
            rawOrder.sort(java.util.Comparator.reverseOrder());
            assertEquals(rawOrder.stream().map(DebianVersion::toString).toList(),
                    entries.stream().map(e -> e.version().toString()).toList(), raw.getKey());
        }
        assertTrue(both > 30_000, "packages in both suites: " + both);
        List<PackageEntry> bash = index.packages("bash");
        assertEquals(List.of("5.2.37-2+b10 trixie", "5.2.15-2+b13 bookworm"),
                bash.stream().map(e -> e.version() + " " + e.origin().codename()).toList());
    }

    @Test
    void virtualPackagesHaveTheirRawDependentsAndProviders() throws Exception {
        for (String v : VIRTUALS) {
            assertTrue(index.packages(v).isEmpty(), v + " is purely virtual here");
            Set<String> dependents = new TreeSet<>();
            for (ReverseDependency d : index.reverseDependencies(v)) {
                assertEquals(v, d.relation().packageName(), d.toString());
                assertFalse(d.viaProvides(), d.toString());
                dependents.add(key(d.dependent()) + " " + d.field().fieldName());
            }
            assertEquals(rawDependents.get(v), dependents, "relation fields naming " + v);
            Set<String> providers = new TreeSet<>();
            for (Provider p : index.providers(v)) {
                assertTrue(index.packages(p.provider().name()).contains(p.provider()), "provider exists: " + p);
                providers.add(key(p.provider()));
            }
            assertFalse(providers.isEmpty(), v);
            assertEquals(rawProviders.get(v), providers, "Provides naming " + v);
        }
        assertTrue(rawDependents.get("mail-transport-agent").stream().anyMatch(d -> d.endsWith(" Depends")));
        assertTrue(rawDependents.get("awk").stream().anyMatch(d -> d.endsWith(" Pre-Depends")));
        assertTrue(rawDependents.get("c-compiler").stream().anyMatch(d -> d.endsWith(" Depends")));
    }

    // ---- apt-cache, on the same data ----

    static Path aptTool;
    static Path aptDir;

    /** isolated-apt beside the testdata with both suites updated; skips the test without apt. */
    static synchronized Path apt() throws Exception {
        Path tool = root.resolveSibling("tools").resolve("isolated-apt");
        assumeTrue(Files.isExecutable(tool), "isolated-apt not found at " + tool + ": apt-cache cross-check skipped");
        HostPrograms.require("apt-cache", "the apt-cache cross-check");
        HostPrograms.require("apt-get", "the apt-cache cross-check");
        if (aptDir == null) {
            Path apt = dir.resolve("apt");
            String keyring = root.resolve("keyrings/debian-archive-keyring.gpg").toString();
            String mirror = "file:" + root.resolve("debian");
            // bookworm has no Translation-en: apt-get update fails on it unless told lang=none.
            // The Releases have no Valid-Until, so apt's clock does not matter.
            run(tool, apt, "init", "deb [signed-by=" + keyring + "] " + mirror + " trixie main",
                    "deb [signed-by=" + keyring + " lang=none] " + mirror + " bookworm main");
            run(tool, apt, "apt-get", "update", "-q");
            aptTool = tool;
            aptDir = apt;
        }
        return aptDir;
    }

    static String run(Path tool, Path apt, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(tool.toString(), apt.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), String.join(" ", cmd));
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + ":\n" + text);
        return text;
    }

    static Set<String> hitNames(SearchQuery query) throws Exception {
        Set<String> out = new TreeSet<>();
        for (SearchHit h : index.search(query)) {
            out.add(h.entry().name());
        }
        return out;
    }

    static String firstFew(Set<String> names) {
        return names.size() + " " + names.stream().limit(15).toList();
    }

    @Test
    void searchFindsEverythingAptCacheSearchFinds() throws Exception {
        Path apt = apt();
        record Case(List<String> terms, boolean namesOnly, boolean regex) {
        }
        for (Case c : List.of(new Case(List.of("nginx"), false, false), new Case(List.of("json", "parser"), false, false),
                new Case(List.of("python3", "yaml"), false, false), new Case(List.of("^libssl"), true, true),
                new Case(List.of("^nginx$"), false, true))) {
            List<String> command = new ArrayList<>(List.of("apt-cache", "search"));
            if (c.namesOnly()) {
                command.add("--names-only");
            }
            command.addAll(c.terms());
            Set<String> expected = new TreeSet<>();
            for (String line : run(aptTool, apt, command.toArray(new String[0])).split("\n")) {
                if (!line.isEmpty()) {
                    expected.add(line.substring(0, line.indexOf(" - ")));
                }
            }
            assertFalse(expected.isEmpty(), "apt-cache found nothing for " + c);
            SearchQuery query = new SearchQuery(c.terms(), c.namesOnly(), c.regex(), Optional.empty(), Optional.empty(),
                    Integer.MAX_VALUE);
            Set<String> actual = hitNames(query);
            if (!c.regex()) {
                // apt-cache takes every term as a regular expression; these have no metacharacters
                assertEquals(actual, hitNames(query.withRegex(true)), "the same as regular expressions: " + c);
            }
            Set<String> missing = new TreeSet<>(expected);
            missing.removeAll(actual);
            Set<String> extra = new TreeSet<>(actual);
            extra.removeAll(expected);
            assertEquals(Set.of(), missing, "apt-cache " + String.join(" ", command.subList(1, command.size()))
                    + ": found by apt-cache (" + expected.size() + ") but not by debindex (" + actual.size()
                    + "): " + missing + "; found only by debindex: " + firstFew(extra));
        }
    }

    @Test
    void virtualPackagesAnswerAsAptCacheShowpkg() throws Exception {
        Path apt = apt();
        for (String v : VIRTUALS) {
            // apt-cache rdepends prints nothing for a package without versions: showpkg lists both
            String text = run(aptTool, apt, "apt-cache", "showpkg", v);
            Set<String> reverseDepends = new TreeSet<>();
            Set<String> reverseProvides = new TreeSet<>();
            String part = "";
            for (String line : text.split("\n")) {
                if (!line.startsWith(" ") && line.endsWith(":") || line.matches("^[A-Z][A-Za-z ]+: ?$")) {
                    part = line.strip();
                    continue;
                }
                if (line.isBlank()) {
                    continue;
                }
                if (part.equals("Reverse Depends:")) {
                    reverseDepends.add(line.strip().substring(0, line.strip().indexOf(',')));
                } else if (part.equals("Reverse Provides:")) {
                    String[] words = line.strip().split(" ");
                    reverseProvides.add(words[0] + " " + words[1]);
                }
            }
            assertFalse(reverseDepends.isEmpty() || reverseProvides.isEmpty(), v + ":\n" + text);
            Set<String> dependents = new TreeSet<>();
            for (ReverseDependency d : index.reverseDependencies(v)) {
                dependents.add(d.dependent().name());
            }
            Set<String> missing = new TreeSet<>(reverseDepends);
            missing.removeAll(dependents);
            Set<String> extra = new TreeSet<>(dependents);
            extra.removeAll(reverseDepends);
            assertEquals(Set.of(), missing, "Reverse Depends of " + v + " from apt-cache showpkg but not debindex; "
                    + "only debindex: " + firstFew(extra));
            Set<String> providers = new TreeSet<>();
            for (Provider p : index.providers(v)) {
                providers.add(p.provider().name() + " " + p.provider().version());
            }
            assertEquals(reverseProvides, providers, "Reverse Provides of " + v);
        }
    }

    // ---- the snapshot on disk ----

    /** A sample of names: every 97th of the raw names, plus a few with many relations. */
    static List<String> sample() {
        List<String> names = new ArrayList<>(new TreeSet<>(rawEntries.keySet()));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i += 97) {
            out.add(names.get(i));
        }
        out.addAll(List.of("bash", "libc6", "nginx", "postfix", "python3", "gcc", "mawk", "zlib1g"));
        out.addAll(VIRTUALS);
        return out;
    }

    /** What the index answers about the sample. */
    static List<Object> answers(PackageIndex index) throws Exception {
        List<Object> out = new ArrayList<>();
        out.add(index.size());
        out.add(index.inputs());
        out.add(index.origins());
        for (String name : sample()) {
            List<PackageEntry> entries = index.packages(name);
            out.add(entries);
            for (PackageEntry e : entries) {
                out.add(index.stanza(e));
                out.add(index.longDescription(e));
                out.add(index.source(e));
            }
            out.add(index.providers(name));
            out.add(index.bySource(name));
        }
        for (String name : List.of("libc6", "zlib1g", "mail-transport-agent", "postfix", "awk", "mawk")) {
            out.add(index.reverseDependencies(name));
        }
        out.add(index.search(SearchQuery.of("nginx")));
        out.add(index.search(SearchQuery.of("^libssl").withRegex(true).withNamesOnly(true)));
        return out;
    }

    @Test
    void theWrittenSnapshotAnswersAsAFreshBuildAfterAReopen() throws Exception {
        Path file = CachedIndex.snapshot(cache);
        PackageIndex reopened = PackageIndex.open(file);
        PackageIndex fresh = PackageIndex.build(CachedIndex.inputs(SuiteManifest.verifiedIndexes(cache)));
        List<Object> expected = answers(fresh);
        List<Object> actual = answers(reopened);
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), "answer " + i);
        }
        assertEquals(expected, answers(index));
        Path again = dir.resolve("again.idx");
        fresh.write(again);
        assertEquals(-1L, Files.mismatch(file, again), "the same lists give the same snapshot bytes");
        reopened.verify();
        assertEquals(Optional.empty(), CachedIndex.open(cache, IndexBuildOptions.defaults()).rebuiltBecause());
    }

    /** A copy of the cache (lists and snapshot), to damage without disturbing the other tests. */
    static CacheLayout copyOfCache(String name) throws Exception {
        CacheLayout copy = new CacheLayout(dir.resolve(name));
        Files.createDirectories(copy.lists());
        Files.createDirectories(copy.index());
        try (var files = Files.list(cache.lists())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, copy.lists().resolve(f.getFileName()));
            }
        }
        Files.copy(CachedIndex.snapshot(cache), CachedIndex.snapshot(copy));
        return copy;
    }

    static SectionEntry section(byte[] header, long size, SectionKind kind) throws Exception {
        for (SectionEntry e : SnapshotHeader.decode(ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN), "copy",
                size).sections()) {
            if (e.kind() == kind) {
                return e;
            }
        }
        throw new AssertionError("no section " + kind);
    }

    static void flip(Path file, long at) throws Exception {
        try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.READ,
                java.nio.file.StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(1);
            channel.read(b, at);
            b.flip();
            b.put(0, (byte) (b.get(0) ^ 0x5A));
            channel.write(b, at);
        }
    }

    static byte[] headerOf(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] fixed = in.readNBytes(Layout.FIXED_HEADER);
            int length = ByteBuffer.wrap(fixed).order(ByteOrder.LITTLE_ENDIAN).getInt(12);
            byte[] all = java.util.Arrays.copyOf(fixed, length);
            System.arraycopy(in.readNBytes(length - fixed.length), 0, all, fixed.length, length - fixed.length);
            return all;
        }
    }

    @Test
    void aCorruptedSnapshotIsRebuiltNotTrusted() throws Exception {
        Path good = CachedIndex.snapshot(cache);
        CacheLayout copy = copyOfCache("damaged");
        Path file = CachedIndex.snapshot(copy);
        SectionEntry packages = section(headerOf(file), Files.size(file), SectionKind.PACKAGES);
        int id = index.size() / 2;
        PackageEntry victim = index.entry(id);
        flip(file, packages.offset() + (long) id * Layout.PACKAGE_RECORD + Layout.P_VERSION);

        CachedIndex.Opened opened = CachedIndex.open(copy, IndexBuildOptions.defaults());
        assertEquals(Optional.empty(), opened.rebuiltBecause(), "the header is intact: the body is checked when read");
        IndexFormatException e = assertThrows(IndexFormatException.class, () -> opened.index().packages(victim.name()),
                "a damaged package record must not be answered from");
        assertEquals("packages", e.section(), e.getMessage());
        assertThrows(IndexFormatException.class, () -> opened.index().entry(id));
        assertEquals(index.packages("bash"), opened.index().packages("bash"), "other regions still answer");

        PackageIndex rebuilt = CachedIndex.rebuild(copy, IndexBuildOptions.defaults());
        assertEquals(index.packages(victim.name()), rebuilt.packages(victim.name()));
        assertEquals(index.stanza(victim), rebuilt.stanza(rebuilt.entry(id)));
        assertEquals(-1L, Files.mismatch(good, file), "the rebuilt snapshot is the good one");
        PackageIndex.open(file).verify();

        flip(file, 30);   // in the header: refused at open and rebuilt there
        CachedIndex.Opened again = CachedIndex.open(copy, IndexBuildOptions.defaults());
        String reason = again.rebuiltBecause().orElseThrow(() -> new AssertionError("damaged header trusted"));
        assertTrue(reason.startsWith("it was unusable: " + file + ": header: "), reason);
        assertEquals(index.packages(victim.name()), again.index().packages(victim.name()));
        assertEquals(-1L, Files.mismatch(good, file));
        assertEquals(Optional.empty(), CachedIndex.open(copy, IndexBuildOptions.defaults()).rebuiltBecause());
    }
}
