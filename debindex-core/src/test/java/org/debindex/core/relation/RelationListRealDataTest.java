package org.debindex.core.relation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.debindex.core.MalformedInputException;
import org.debindex.core.testdata.SharedTestData;
import org.junit.jupiter.api.Test;

/**
 * Every relation field of every stanza of real Debian index files must parse, print, and parse
 * back to an equal value; the printed text must differ from the original only in whitespace
 * (and in the spelling of legacy operators and a trailing comma, should any occur).
 *
 * <p>The expected counts were taken from the files with an independent script (Python, line
 * based); they pin the data and the reader, and the canonical-form count pins the printer.
 */
class RelationListRealDataTest {

    @Test
    void trixiePackages() throws IOException {
        Stats stats = check(SharedTestData.dists("trixie", "main/binary-amd64/Packages.xz"), false);
        assertEquals(68_829, stats.stanzas);
        assertEquals(Map.ofEntries(
                Map.entry("Breaks", 7_175), Map.entry("Built-Using", 3_780), Map.entry("Conflicts", 2_998),
                Map.entry("Depends", 60_390), Map.entry("Enhances", 1_534), Map.entry("Pre-Depends", 1_047),
                Map.entry("Provides", 12_927), Map.entry("Recommends", 10_187), Map.entry("Replaces", 7_495),
                Map.entry("Static-Built-Using", 257), Map.entry("Suggests", 11_255)), stats.valuesPerField);
        assertEquals(119_045, stats.values);
        assertEquals(0, stats.nonCanonical, stats.examples::toString);
    }

    @Test
    void trixieSources() throws IOException {
        Stats stats = check(SharedTestData.dists("trixie", "main/source/Sources.xz"), true);
        assertEquals(37_652, stats.stanzas);
        assertEquals(Map.of("Build-Conflicts", 322, "Build-Conflicts-Indep", 2, "Build-Depends", 37_608,
                "Build-Depends-Arch", 560, "Build-Depends-Indep", 7_050), stats.valuesPerField);
        assertEquals(45_542, stats.values);
        assertEquals(0, stats.nonCanonical, stats.examples::toString);
    }

    @Test
    void bookwormPackages() throws IOException {
        Stats stats = check(SharedTestData.dists("bookworm", "main/binary-amd64/Packages.xz"), false);
        assertEquals(63_440, stats.stanzas);
        assertEquals(Map.ofEntries(
                Map.entry("Breaks", 5_300), Map.entry("Built-Using", 2_720), Map.entry("Conflicts", 3_198),
                Map.entry("Depends", 55_795), Map.entry("Enhances", 1_436), Map.entry("Pre-Depends", 841),
                Map.entry("Provides", 9_615), Map.entry("Recommends", 9_914), Map.entry("Replaces", 5_953),
                Map.entry("Static-Built-Using", 23), Map.entry("Suggests", 11_208)), stats.valuesPerField);
        assertEquals(106_003, stats.values);
        assertEquals(0, stats.nonCanonical, stats.examples::toString);
    }

    /** What one file gave. */
    private static final class Stats {
        long stanzas;
        int values;
        int relations;
        int nonCanonical;
        long parseNanos;
        final Map<String, Integer> valuesPerField = new TreeMap<>();
        final List<String> failures = new ArrayList<>();
        final List<String> examples = new ArrayList<>();
    }

    private static Stats check(Path file, boolean isSources) throws IOException {
        Stats stats = new Stats();
        long start = System.nanoTime();
        stats.stanzas = TestStanzas.readXz(file, (stanza, name, value) -> {
            Optional<RelationField> field = RelationField.forName(name);
            if (field.isEmpty()) {
                return;
            }
            if (field.get().isSourceField() != isSources) {
                stats.failures.add("stanza " + stanza + ": " + name + " in the wrong kind of file");
                return;
            }
            stats.values++;
            stats.valuesPerField.merge(name, 1, Integer::sum);
            checkValue(stats, stanza, field.get(), value);
        });
        long total = System.nanoTime() - start;
        System.out.printf("%s: %,d stanzas, %,d relation fields, %,d relations, %,d not canonical;"
                        + " parse+print+reparse %d ms, read+check %d ms%n",
                file.getParent().getParent().getParent().getFileName() + "/" + file.getParent().getFileName() + "/"
                        + file.getFileName(),
                stats.stanzas, stats.values, stats.relations, stats.nonCanonical,
                stats.parseNanos / 1_000_000, total / 1_000_000);
        for (String example : stats.examples) {
            System.out.println("  not canonical: " + example);
        }
        assertTrue(stats.failures.isEmpty(), () -> stats.failures.size() + " failures, first: "
                + stats.failures.subList(0, Math.min(10, stats.failures.size())));
        return stats;
    }

    private static void checkValue(Stats stats, long stanza, RelationField field, String value) {
        try {
            long t0 = System.nanoTime();
            RelationList parsed = RelationList.parse(value, field);
            String printed = parsed.toString();
            RelationList reparsed = RelationList.parse(printed, field);
            stats.parseNanos += System.nanoTime() - t0;
            stats.relations += parsed.allRelations().size();
            if (!reparsed.equals(parsed)) {
                stats.failures.add("stanza " + stanza + " " + field + ": reparse differs: " + printed);
            }
            if (!printed.equals(reparsed.toString())) {
                stats.failures.add("stanza " + stanza + " " + field + ": printing is not stable: " + printed);
            }
            if (!withoutWhitespace(spelledAsPrinted(value)).equals(withoutWhitespace(printed))) {
                stats.failures.add("stanza " + stanza + " " + field + ": printing changed more than whitespace: "
                        + value + " -> " + printed);
            }
            if (!collapseWhitespace(value).equals(printed)) {
                stats.nonCanonical++;
                if (stats.examples.size() < 5) {
                    stats.examples.add(field + ": " + MalformedInputException.quote(value) + " -> " + printed);
                }
            }
        } catch (MalformedInputException e) {
            stats.failures.add("stanza " + stanza + " " + field + ": " + e.getMessage() + " at " + e.offset()
                    + " in " + MalformedInputException.quote(value));
        }
    }

    /** The original with a trailing comma dropped and legacy "<" and ">" written as "<=" and ">=". */
    private static String spelledAsPrinted(String value) {
        String v = withoutWhitespace(value);
        if (v.endsWith(",")) {
            v = v.substring(0, v.length() - 1);
        }
        StringBuilder out = new StringBuilder(v.length() + 8);
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            out.append(c);
            boolean legacy = (c == '<' || c == '>') && i > 0 && v.charAt(i - 1) == '('
                    && i + 1 < v.length() && v.charAt(i + 1) != c && v.charAt(i + 1) != '=';
            if (legacy) {
                out.append('=');
            }
        }
        return out.toString();
    }

    private static String withoutWhitespace(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String collapseWhitespace(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }
}
