package org.debindex.core.index;

import static org.debindex.core.index.Fixture.BOOKWORM;
import static org.debindex.core.index.Fixture.BOOKWORM_SRC;
import static org.debindex.core.index.Fixture.TRIXIE;
import static org.debindex.core.index.Fixture.TRIXIE_CONTRIB_SRC;
import static org.debindex.core.index.Fixture.TRIXIE_I386;
import static org.debindex.core.index.Fixture.TRIXIE_SRC;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.debindex.core.IndexFormatException;
import org.debindex.core.MalformedInputException;
import org.debindex.core.compress.Compression;
import org.debindex.core.compress.SizeLimit;
import org.debindex.core.index.internal.SectionEntry;
import org.debindex.core.index.internal.SectionKind;
import org.debindex.core.index.internal.SnapshotHeader;
import org.debindex.core.model.HashAlgorithm;
import org.debindex.core.model.SourcePackage;
import org.debindex.core.version.DebianVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The source packages of an index built from the {@link Fixture}'s Sources files (gzip, xz and
 * plain), beside its Packages and Translation files.
 */
class SourceIndexTest {

    @TempDir
    static Path dir;

    static List<IndexInput> inputs;
    static PackageIndex index;

    @BeforeAll
    static void build() throws Exception {
        inputs = Fixture.write(dir);
        index = PackageIndex.build(inputs);
    }

    /** {@code name version codename/component} of each entry. */
    static List<String> describe(List<SourceEntry> entries) {
        List<String> out = new ArrayList<>();
        for (SourceEntry e : entries) {
            out.add(e.name() + " " + e.version() + " " + e.origin().codename() + "/" + e.origin().component());
        }
        return out;
    }

    @Test
    void countsEveryStanzaOfEverySourcesFileApartFromThePackages() throws Exception {
        assertEquals(4 + 7 + 2, index.sourcesSize());
        assertEquals(12 + 5 + 2, index.size());
        assertEquals(List.of(TRIXIE, BOOKWORM, TRIXIE_I386), index.origins(), "origins are the Packages files'");
        List<PackageOrigin> origins = new ArrayList<>();
        for (int id = 0; id < index.sourcesSize(); id++) {
            SourceEntry e = index.sourceEntry(id);
            assertEquals(id, e.id());
            assertEquals("", e.origin().architecture());
            if (!origins.contains(e.origin())) {
                origins.add(e.origin());
            }
        }
        assertTrue(origins.containsAll(List.of(BOOKWORM_SRC, TRIXIE_SRC, TRIXIE_CONTRIB_SRC)), origins.toString());
        assertThrows(IndexOutOfBoundsException.class, () -> index.sourceEntry(index.sourcesSize()));
        assertThrows(IndexOutOfBoundsException.class, () -> index.sourceEntry(-1));
    }

    @Test
    void versionsNewestFirstInDebianOrderThenInputOrder() throws Exception {
        // bookworm's Sources is the earlier input: it comes first among equal versions
        assertEquals(List.of("foo 1.6~rc1-1 trixie/main", "foo 1.5-1 bookworm/main", "foo 1.5-1 trixie/main"),
                describe(index.sourcePackages("foo")));
        assertEquals(List.of("alpha 2.0-1 trixie/main", "alpha 2.0-1 trixie/contrib", "alpha 1.0-1 bookworm/main"),
                describe(index.sourcePackages("alpha")));
        assertEquals(List.of("srconly 1:0.5-1 trixie/main", "srconly 0.9-1 bookworm/main"),
                describe(index.sourcePackages("srconly")));
        assertEquals(List.of("nginx 1.26-1 trixie/main", "nginx 1.22-1 bookworm/main"),
                describe(index.sourcePackages("nginx")));
    }

    @Test
    void idsFollowTheOrderAndEveryEntryIsFoundByItsName() throws Exception {
        for (int id = 0; id < index.sourcesSize(); id++) {
            SourceEntry e = index.sourceEntry(id);
            assertTrue(index.sourcePackages(e.name()).contains(e), e.toString());
            if (id > 0) {
                SourceEntry before = index.sourceEntry(id - 1);
                int byName = Arrays.compareUnsigned(before.name().getBytes(StandardCharsets.UTF_8),
                        e.name().getBytes(StandardCharsets.UTF_8));
                assertTrue(byName < 0 || byName == 0 && before.version().compareTo(e.version()) >= 0,
                        before + " before " + e);
            }
        }
    }

    @Test
    void stanzasExactlyAsWritten() throws Exception {
        SourceEntry nginx = index.sourcePackages("nginx").get(0);
        String expected = TestArchive.source("nginx", "1.26-1", "nginx, nginx-common, libnginx-mod-http-foo").text();
        assertEquals(expected.substring(0, expected.length() - 1), index.sourceStanza(nginx));
        assertArrayEquals(index.sourceStanza(nginx).getBytes(StandardCharsets.UTF_8), index.sourceStanzaBytes(nginx));
        assertEquals(Fixture.OLDSTYLE, index.sourceStanza(index.sourcePackages("oldstyle").get(0)));
    }

    @Test
    void sourcePackagesReadBackAsTheModel() throws Exception {
        SourceEntry srconly = index.sourcePackages("srconly").get(0);
        SourcePackage model = index.sourcePackage(srconly);
        assertEquals("srconly", model.name());
        assertEquals(DebianVersion.of("1:0.5-1"), model.version());
        assertEquals(List.of("srconly-bin"), model.binaries());
        assertEquals(List.of("Jörg Ünïcödé <jorg@example.org>"), model.uploaders());
        assertEquals(List.of("srconly_0.5-1.dsc", "srconly_0.5.orig.tar.xz"),
                model.files().stream().map(f -> f.path()).toList());
        assertEquals("pool/main/s/srconly", model.directory().orElseThrow());
        assertEquals("trixie/main/source/Sources.xz", model.paragraph().source());
        assertEquals(List.of("libfoo1", "libfoo-dev"),
                index.sourcePackage(index.sourcePackages("foo").get(1)).binaries());
    }

    @Test
    void aStanzaNamedBySourceIsFoundByThatName() throws Exception {
        List<SourceEntry> old = index.sourcePackages("oldstyle");
        assertEquals(List.of("oldstyle 0.3-2 trixie/main"), describe(old));
        assertEquals(1, index.sourcePackage(old.get(0)).checksums(HashAlgorithm.MD5).size());
    }

    @Test
    void binaryAndSourceNamesAreSeparate() throws Exception {
        assertEquals(List.of(), index.sourcePackages("libfoo1"), "a binary package only");
        assertEquals(List.of(), index.sourcePackages("mail-transport-agent"), "a virtual package");
        assertEquals(List.of(), index.sourcePackages("nonexistent"));
        assertEquals(List.of(), index.packages("srconly"), "a source package only");
        assertEquals(List.of(), index.bySource("srconly"));
        assertEquals(List.of("libfoo-dev", "libfoo1", "libfoo1"),
                index.bySource("foo").stream().map(PackageEntry::name).toList());
        // a name known only from Sources is neither suggested nor found by a search
        assertFalse(index.closeMatches("srconli", 5).contains("srconly"));
        assertEquals(List.of(), index.search(SearchQuery.of("srconly")));
        assertEquals(List.of(), index.search(SearchQuery.of("oldstyl.").withRegex(true)));
    }

    @Test
    void packageAnswersDoNotDependOnTheSources() throws Exception {
        PackageIndex without = PackageIndex.build(inputs.stream()
                .filter(i -> i.identity().kind() != IndexKind.SOURCES).toList());
        assertEquals(0, without.sourcesSize());
        assertEquals(List.of(), without.sourcePackages("foo"));
        for (String name : Fixture.NAMES) {
            assertEquals(without.packages(name), index.packages(name), name);
            assertEquals(without.providers(name), index.providers(name), name);
            assertEquals(without.reverseDependencies(name), index.reverseDependencies(name), name);
            assertEquals(without.bySource(name), index.bySource(name), name);
            assertEquals(without.closeMatches(name, 5), index.closeMatches(name, 5), name);
        }
        for (SearchQuery q : SnapshotTest.QUERIES) {
            assertEquals(without.search(q), index.search(q), q.toString());
        }
    }

    @Test
    void entriesOfAnotherIndexAreRefused() throws Exception {
        SourceEntry foo = index.sourcePackages("foo").get(0);
        SourceEntry forged = new SourceEntry(foo.id(), "bar", foo.version(), foo.origin());
        assertThrows(IllegalArgumentException.class, () -> index.sourceStanza(forged));
        SourceEntry otherVersion = new SourceEntry(foo.id(), foo.name(), DebianVersion.of("9.9"), foo.origin());
        assertThrows(IllegalArgumentException.class, () -> index.sourcePackage(otherVersion));
        SourceEntry outside = new SourceEntry(index.sourcesSize(), foo.name(), foo.version(), foo.origin());
        assertThrows(IllegalArgumentException.class, () -> index.sourceStanzaBytes(outside));
        assertThrows(NullPointerException.class, () -> index.sourceStanza(null));
        assertThrows(NullPointerException.class, () -> index.sourcePackages(null));
    }

    private static IndexInput sourcesFile(String name, String text) throws IOException {
        Path file = dir.resolve(name.replace('/', '_'));
        Files.writeString(file, text);
        return IndexInput.sources(TRIXIE_SRC, file, name, Files.size(file), "", SizeLimit.defaultLimit());
    }

    @Test
    void malformedSourcesNameTheFileAndLine() throws Exception {
        String good = TestArchive.source("a", "1.0-1", "a").text();
        List<String[]> cases = List.of(
                new String[] {"Package: b\nBinary: b\nVersion: !!\n", ":" + (lines(good) + 4) + ": "},
                new String[] {"Package: b\nBinary: b\nArchitecture: all\n", ":" + (lines(good) + 2) + ": "},
                new String[] {"Binary: b\nVersion: 1.0\n", ":" + (lines(good) + 2) + ": "},
                new String[] {"Package: b\nVersion: 1.0\nChecksums-Sha256:\n 0123 12 b.dsc\n",
                        ":" + (lines(good) + 5) + ": "},
                new String[] {"Package: b\nVersion: 1.0\nno colon on this line\n", ":" + (lines(good) + 4) + ": "});
        for (int i = 0; i < cases.size(); i++) {
            IndexInput input = sourcesFile("bad" + i + "/Sources", good + "\n" + cases.get(i)[0]);
            MalformedInputException e = assertThrows(MalformedInputException.class,
                    () -> PackageIndex.build(List.of(inputs.get(0), input)), cases.get(i)[0]);
            assertTrue(e.getMessage().startsWith("bad" + i + "/Sources" + cases.get(i)[1]), e.getMessage());
        }
    }

    /** The number of lines of a stanza text that ends with a line break. */
    private static int lines(String text) {
        return (int) text.chars().filter(c -> c == '\n').count();
    }

    @Test
    void sizeLimitIsEnforced() throws Exception {
        Path file = dir.resolve("small-Sources");
        Files.writeString(file, "Package: a\nVersion: 1.0\n");
        IndexInput input = IndexInput.sources(TRIXIE_SRC, file, "small/Sources", Files.size(file), "",
                SizeLimit.exactly(10));
        assertThrows(IOException.class, () -> PackageIndex.build(List.of(input)));
    }

    @Test
    void everyCompressionGivesTheSameSourcePackages() throws Exception {
        TestArchive.Stanza[] stanzas = {TestArchive.source("zeta", "2-1", "zeta"),
                TestArchive.source("eta", "1-1", "eta"), TestArchive.source("zeta", "10-1", "zeta")};
        List<String> expected = null;
        for (Compression c : List.of(Compression.NONE, Compression.GZIP, Compression.XZ)) {
            List<IndexInput> only = new TestArchive(Files.createDirectories(dir.resolve("c-" + c)))
                    .sources(TRIXIE_SRC, c, stanzas).inputs();
            PackageIndex small = PackageIndex.build(only);
            assertEquals(0, small.size());
            List<String> answers = new ArrayList<>();
            for (int id = 0; id < small.sourcesSize(); id++) {
                answers.add(small.sourceEntry(id) + "\n" + small.sourceStanza(small.sourceEntry(id)));
            }
            assertEquals(List.of("eta", "zeta", "zeta"),
                    List.of(small.sourceEntry(0).name(), small.sourceEntry(1).name(), small.sourceEntry(2).name()));
            assertEquals(DebianVersion.of("10-1"), small.sourcePackages("zeta").get(0).version());
            if (expected == null) {
                expected = answers;
            } else {
                assertEquals(expected, answers, c.toString());
            }
        }
    }

    @Test
    void anIndexOfSourcesOnlyIsWrittenAndReopened() throws Exception {
        List<IndexInput> only = inputs.stream().filter(i -> i.identity().kind() == IndexKind.SOURCES).toList();
        PackageIndex built = PackageIndex.build(only);
        Path file = dir.resolve("sources-only.idx");
        built.write(file);
        PackageIndex opened = PackageIndex.open(file);
        opened.verify();
        assertEquals(0, opened.size());
        assertEquals(built.sourcesSize(), opened.sourcesSize());
        for (int id = 0; id < built.sourcesSize(); id++) {
            assertEquals(built.sourceEntry(id), opened.sourceEntry(id));
            assertEquals(built.sourceStanza(built.sourceEntry(id)), opened.sourceStanza(opened.sourceEntry(id)));
        }
        assertEquals(List.of(), opened.packages("foo"));
        assertEquals(List.of(), opened.search(SearchQuery.of("foo")));
    }

    @Test
    void aDamagedSourceRecordOrStanzaIsReportedWhereItIsRead() throws Exception {
        Path file = dir.resolve("damage-base.idx");
        PackageIndex.build(inputs, IndexBuildOptions.defaults().withChunkShift(12)).write(file);
        byte[] bytes = Files.readAllBytes(file);
        PackageIndex intact = PackageIndex.open(file);
        SourceEntry nginx = intact.sourcePackages("nginx").get(0);
        SectionEntry records = null;
        SectionEntry trixieStanzas = null;
        int trixieSources = inputs.indexOf(inputs.stream().filter(i -> i.identity().displayName()
                .equals("trixie/main/source/Sources.xz")).findFirst().orElseThrow());
        SnapshotHeader header = SnapshotHeader.decode(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN),
                file.toString(), bytes.length);
        for (SectionEntry e : header.sections()) {
            if (e.kind() == SectionKind.SOURCES) {
                records = e;
            } else if (e.kind() == SectionKind.STANZAS && e.ordinal() == trixieSources) {
                trixieStanzas = e;
            }
        }
        byte[] copy = bytes.clone();
        copy[(int) (records.offset() + records.length() - 1)] ^= 0x5A;
        Path badRecords = dir.resolve("damaged-sources.idx");
        Files.write(badRecords, copy);
        PackageIndex damaged = PackageIndex.open(badRecords);
        assertEquals(intact.packages("nginx"), damaged.packages("nginx"), "package queries do not read the sources");
        IndexFormatException e = assertThrows(IndexFormatException.class, () -> damaged.sourcePackages("nginx"));
        assertEquals("sources", e.section());
        assertTrue(e.getMessage().contains("CRC32C"), e.getMessage());

        copy = bytes.clone();
        copy[(int) (trixieStanzas.offset() + 3)] ^= 0x5A;
        Path badStanzas = dir.resolve("damaged-source-stanzas.idx");
        Files.write(badStanzas, copy);
        PackageIndex damagedStanzas = PackageIndex.open(badStanzas);
        assertEquals(List.of(nginx), damagedStanzas.sourcePackages("nginx").subList(0, 1));
        IndexFormatException s = assertThrows(IndexFormatException.class, () -> damagedStanzas.sourceStanza(nginx));
        assertEquals("stanzas[" + trixieSources + "]", s.section());
        assertThrows(IndexFormatException.class, () -> damagedStanzas.sourcePackage(nginx));
        assertThrows(IndexFormatException.class, damagedStanzas::verify);
    }
}
