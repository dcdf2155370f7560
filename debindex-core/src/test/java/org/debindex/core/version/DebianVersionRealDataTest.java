package org.debindex.core.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every version in the shared real Debian data is valid, and sorts consistently. */
class DebianVersionRealDataTest {

    private static RealVersions cached;

    /**
     * Read once for the class, but by each test rather than in {@code @BeforeAll}: without the
     * data every test is then reported as skipped, with the reason, instead of none being run.
     */
    private static synchronized RealVersions real() throws IOException {
        if (cached == null) {
            cached = RealVersions.read();
        }
        return cached;
    }

    @Test
    void readsOneVersionFieldPerStanza() throws IOException {
        // the stanza counts of testdata/README.md: proves the line scan missed no stanza
        assertEquals(Map.of(
                "trixie/main/binary-amd64/Packages.xz", 68_829,
                "trixie/main/source/Sources.xz", 37_652,
                "bookworm/main/binary-amd64/Packages.xz", 63_440), real().fieldsPerFile());
        assertEquals(37_732, real().distinct().size());
    }

    @Test
    void everyVersionParses() throws IOException {
        List<String> invalid = new ArrayList<>();
        for (String text : real().distinct()) {
            Optional<String> problem = DebianVersion.problemWith(text);
            problem.ifPresent(why -> invalid.add(text + ": " + why));
        }
        assertEquals(List.of(), invalid);
    }

    @Test
    void everyUpstreamVersionStartsWithADigit() throws IOException {
        List<String> nonDigit = real().parsed().stream()
                .filter(v -> !v.startsWithDigit())
                .map(DebianVersion::toString)
                .toList();
        assertEquals(List.of(), nonDigit);
    }

    @Test
    void sortedVersionsAreInNonDecreasingOrder() throws IOException {
        List<DebianVersion> sorted = new ArrayList<>(real().parsed());
        sorted.sort(DebianVersion.ORDER);
        for (int i = 1; i < sorted.size(); i++) {
            assertTrue(sorted.get(i - 1).compareTo(sorted.get(i)) <= 0, sorted.get(i - 1) + " <= " + sorted.get(i));
        }
    }
}
