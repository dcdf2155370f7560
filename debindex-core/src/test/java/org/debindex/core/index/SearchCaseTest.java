package org.debindex.core.index;

import static org.debindex.core.index.Fixture.TRIXIE;
import static org.debindex.core.index.TestArchive.pkg;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search matches a term against the {@code Locale.ROOT} lower case of a description, though the
 * index keeps descriptions in their original case: ASCII letters fold as the text is scanned, and
 * a description whose lower case changes other letters (Ä, Д, the Kelvin sign, the dotted I) is
 * searched in its lower-cased copy. Both the index built in memory and its snapshot file are asked.
 */
class SearchCaseTest {

    private static final String KELVIN = "\u212A";
    private static final String DOTTED_I = "\u0130";

    @TempDir
    static Path dir;

    static PackageIndex built;
    static PackageIndex opened;

    @BeforeAll
    static void build() throws Exception {
        TestArchive a = new TestArchive(dir);
        a.packages(TRIXIE, false,
                pkg("x1", "1", "amd64").field("Description",
                        TestArchive.fullDescription("MiXeD CaSe Tool", "Reads ZIP [Archives] @Home.")),
                pkg("x2", "1", "amd64").field("Description",
                        TestArchive.fullDescription("ÄRGER über Umlaute", "ÉCOLE and Д in CAPITALS.")),
                pkg("x3", "1", "amd64").field("Description", KELVIN + "elvin degrees"),
                pkg("x4", "1", "amd64").field("Description", DOTTED_I + "STANBUL guide"),
                pkg("x5", "1", "amd64").field("Description", "nothing special"));
        built = PackageIndex.build(a.inputs());
        Path file = dir.resolve("case.idx");
        built.write(file);
        opened = PackageIndex.open(file);
    }

    private static List<String> names(PackageIndex index, SearchQuery q) throws Exception {
        List<String> out = new ArrayList<>();
        for (SearchHit h : index.search(q)) {
            out.add(h.entry().name());
        }
        return out;
    }

    private static void assertFinds(List<String> expected, SearchQuery q) throws Exception {
        assertEquals(expected, names(built, q), q.toString());
        assertEquals(expected, names(opened, q), q.toString());
    }

    @Test
    void asciiLettersMatchInEitherCase() throws Exception {
        assertFinds(List.of("x1"), SearchQuery.of("mixed case"));
        assertFinds(List.of("x1"), SearchQuery.of("MIXED", "zip"));
        assertFinds(List.of("x1"), SearchQuery.of("[archives] @home"));
        // folding touches letters only: '[' is not '{', '@' is not '`'
        assertFinds(List.of(), SearchQuery.of("{archives}"));
        assertFinds(List.of(), SearchQuery.of("`home"));
    }

    @Test
    void nonAsciiUpperCaseLettersMatchTheirLowerCase() throws Exception {
        assertFinds(List.of("x2"), SearchQuery.of("ärger"));
        assertFinds(List.of("x2"), SearchQuery.of("ÄRGER"));
        assertFinds(List.of("x2"), SearchQuery.of("Über"));
        assertFinds(List.of("x2"), SearchQuery.of("école", "д", "capitals"));
        assertFinds(List.of("x2"), SearchQuery.of("umlaute"));
        assertFinds(List.of("x3"), SearchQuery.of("kelvin"));
        assertFinds(List.of("x4"), SearchQuery.of("i\u0307stanbul"));
        assertFinds(List.of(), SearchQuery.of("istanbul"));   // as before: i, a combining dot, stanbul
        assertFinds(List.of("x2"), SearchQuery.of("^ärger über", "д in capitals").withRegex(true));
        assertFinds(List.of("x3"), SearchQuery.of("^kelvin").withRegex(true));
        assertFinds(List.of("x1"), SearchQuery.of("^mixed case tool").withRegex(true));
    }

    @Test
    void synopsisAndLongDescriptionKeepTheirCase() throws Exception {
        for (PackageIndex index : List.of(built, opened)) {
            PackageEntry umlaut = index.packages("x2").get(0);
            assertEquals("ÄRGER über Umlaute", umlaut.summary());
            assertEquals(Optional.of("ÉCOLE and Д in CAPITALS."), index.longDescription(umlaut));
            PackageEntry kelvin = index.packages("x3").get(0);
            assertEquals(KELVIN + "elvin degrees", kelvin.summary());
            assertEquals(Optional.empty(), index.longDescription(kelvin));
        }
    }
}
