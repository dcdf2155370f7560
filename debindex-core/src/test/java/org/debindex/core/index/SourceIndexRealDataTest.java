package org.debindex.core.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.debindex.core.deb822.Deb822Reader;
import org.debindex.core.deb822.Paragraph;
import org.debindex.core.model.SourcePackage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.XZInputStream;

/**
 * The source packages of the real trixie {@code main/source/Sources.xz} (skipped visibly without
 * it), written to a snapshot and reopened, checked against the raw file decompressed and read
 * apart from the index build.
 */
class SourceIndexRealDataTest {

    @TempDir
    static Path dir;

    static PackageIndex index;
    static List<RawStanza> raw;

    /** One raw stanza: name and version as the deb822 reader reads them, bytes as split at blank lines. */
    record RawStanza(String name, String version, byte[] bytes) {
    }

    @BeforeAll
    static void build() throws Exception {
        IndexInput input = RealIndex.trixieSources();
        Path file = dir.resolve("sources.idx");
        PackageIndex.build(List.of(input)).write(file);
        index = PackageIndex.open(file);
        raw = raw(RealIndex.sourcesXz("trixie"));
    }

    /** The stanzas of a Sources.xz, decompressed by xz-java rather than the project's decoder. */
    static List<RawStanza> raw(Path xz) throws Exception {
        byte[] data;
        try (InputStream in = new XZInputStream(new BufferedInputStream(Files.newInputStream(xz), 1 << 16))) {
            data = in.readAllBytes();
        }
        List<byte[]> split = new ArrayList<>(40_000);
        int start = 0;
        while (start < data.length) {
            int end = start;
            while (end < data.length && !(data[end] == '\n' && (end + 1 == data.length || data[end + 1] == '\n'))) {
                end++;
            }
            split.add(Arrays.copyOfRange(data, start, end));
            start = end + 2;
        }
        List<RawStanza> out = new ArrayList<>(split.size());
        try (Deb822Reader reader = Deb822Reader.of(data, "trixie/main/source/Sources")) {
            for (Optional<Paragraph> p = reader.next(); p.isPresent(); p = reader.next()) {
                Paragraph paragraph = p.get();
                String name = paragraph.get("Package").or(() -> paragraph.get("Source")).orElseThrow();
                String version = paragraph.get("Version").orElseThrow();
                if (out.size() >= split.size()) {
                    throw new AssertionError("the reader finds more stanzas than the blank lines split: " + name);
                }
                out.add(new RawStanza(name, version, split.get(out.size())));
            }
        }
        assertEquals(split.size(), out.size(), "stanzas found by the reader and by splitting at blank lines");
        return out;
    }

    @Test
    void everyStanzaIsReachableByNameWithItsExactBytes() throws Exception {
        assertEquals(37_652, raw.size(), "the stanzas of trixie's main/source/Sources");
        assertEquals(raw.size(), index.sourcesSize());
        BitSet matched = new BitSet(index.sourcesSize());
        for (RawStanza s : raw) {
            SourceEntry found = null;
            for (SourceEntry e : index.sourcePackages(s.name())) {
                if (!matched.get(e.id()) && e.version().toString().equals(s.version())
                        && Arrays.equals(s.bytes(), index.sourceStanzaBytes(e))) {
                    found = e;
                    break;
                }
            }
            assertTrue(found != null, s.name() + " " + s.version());
            assertEquals(RealIndex.TRIXIE_SRC, found.origin());
            matched.set(found.id());
        }
        assertEquals(index.sourcesSize(), matched.cardinality());
    }

    @Test
    void sourcePackagesComeNewestFirstAndReadAsTheModel() throws Exception {
        Set<String> names = new HashSet<>();
        for (RawStanza s : raw) {
            names.add(s.name());
        }
        int entries = 0;
        for (String name : names) {
            List<SourceEntry> found = index.sourcePackages(name);
            entries += found.size();
            for (int i = 0; i < found.size(); i++) {
                SourceEntry e = found.get(i);
                assertEquals(name, e.name());
                if (i > 0) {
                    assertTrue(found.get(i - 1).version().compareTo(e.version()) >= 0, "newest first: " + found);
                }
                SourcePackage model = index.sourcePackage(e);
                assertEquals(e.version(), model.version());
                assertEquals(name, model.name());
            }
        }
        assertEquals(index.sourcesSize(), entries);
        SourceEntry bash = index.sourcePackages("bash").get(0);
        assertTrue(index.sourcePackage(bash).binaries().contains("bash"), index.sourceStanza(bash));
        assertArrayEquals(index.sourceStanzaBytes(bash), index.sourceStanza(bash).getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(List.of(), index.packages("bash"), "no Packages input");
    }

    @Test
    void theSnapshotPassesAFullCheck() throws IOException, org.debindex.core.IndexFormatException {
        index.verify();
    }
}
