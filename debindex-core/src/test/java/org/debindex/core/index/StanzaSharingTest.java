package org.debindex.core.index;

import static org.debindex.core.index.Fixture.BOOKWORM;
import static org.debindex.core.index.Fixture.TRIXIE;
import static org.debindex.core.index.TestArchive.pkg;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.debindex.core.index.internal.SectionEntry;
import org.debindex.core.index.internal.SectionKind;
import org.debindex.core.index.internal.SnapshotHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Packages stanza identical to one of an earlier input is stored once, and both packages still
 * give their exact stanza, in memory and from the snapshot file.
 */
class StanzaSharingTest {

    @TempDir
    Path dir;

    @Test
    void identicalStanzasAreStoredOnce() throws Exception {
        TestArchive.Stanza common = pkg("common", "1.0", "all").description("in both suites", "");
        TestArchive.Stanza newer = pkg("own", "2.0", "amd64").description("only in trixie", "");
        TestArchive.Stanza older = pkg("own", "1.0", "amd64").description("only in bookworm", "");
        // the same package, but not the same bytes: a field differs
        TestArchive.Stanza nearly = pkg("near", "1.0", "all").description("near twin", "");
        TestArchive.Stanza nearlyOther = pkg("near", "1.0", "all").description("near twin", "")
                .field("Tag", "x");
        TestArchive a = new TestArchive(dir);
        a.packages(TRIXIE, false, newer, common, nearly).packages(BOOKWORM, true, older, nearlyOther, common);
        PackageIndex built = PackageIndex.build(a.inputs());
        Path file = dir.resolve("shared.idx");
        built.write(file);
        PackageIndex opened = PackageIndex.open(file);

        for (PackageIndex index : List.of(built, opened)) {
            List<PackageEntry> commons = index.packages("common");
            assertEquals(2, commons.size());
            for (PackageEntry e : commons) {
                assertEquals(stored(common), index.stanza(e), e.toString());
            }
            assertEquals(stored(newer), index.stanza(index.packages("own").get(0)));
            assertEquals(stored(older), index.stanza(index.packages("own").get(1)));
            Map<String, String> nears = new HashMap<>();
            for (PackageEntry e : index.packages("near")) {
                nears.put(e.origin().codename(), index.stanza(e));
            }
            assertEquals(Map.of("trixie", stored(nearly), "bookworm", stored(nearlyOther)), nears);
        }
        // bookworm's text holds its two stanzas of its own, not the shared one
        assertEquals(bytes(older) + bytes(nearlyOther), stanzaTextLength(file, 1));
        assertEquals(bytes(newer) + bytes(common) + bytes(nearly), stanzaTextLength(file, 0));
    }

    /** A stanza as stored: without its last line break. */
    private static String stored(TestArchive.Stanza s) {
        return s.text().substring(0, s.text().length() - 1);
    }

    private static int bytes(TestArchive.Stanza s) {
        return stored(s).getBytes(StandardCharsets.UTF_8).length;
    }

    /** The uncompressed length L from the block table of the stanza section of input {@code ordinal}. */
    private static int stanzaTextLength(Path file, int ordinal) throws Exception {
        byte[] data = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        SnapshotHeader header = SnapshotHeader.decode(b, file.toString(), data.length);
        for (SectionEntry e : header.sections()) {
            if (e.kind() == SectionKind.STANZAS && e.ordinal() == ordinal) {
                return b.getInt((int) e.offset() + 8);
            }
        }
        throw new AssertionError("no stanza section " + ordinal);
    }
}
