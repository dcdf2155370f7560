package org.debindex.verify.deps.php;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.debindex.core.MalformedInputException;
import org.debindex.verify.deps.php.ComposerVersion.Stability;
import org.junit.jupiter.api.Test;

/**
 * Normalisation, stability and order. The normal forms are those composer/semver's own
 * VersionParserTest lists for the same inputs (read, not run: no PHP on this machine).
 */
class ComposerVersionTest {

    private static final String[][] NORMALIZED = {
        {"1.0.0", "1.0.0.0"},
        {"1.2.3.4", "1.2.3.4"},
        {"1.2", "1.2.0.0"},
        {"0", "0.0.0.0"},
        {"v1.2.3", "1.2.3.0"},
        {"V1.0", "1.0.0.0"},
        {"1.0.0RC1dev", "1.0.0.0-RC1-dev"},
        {"1.0.0-rC15-dev", "1.0.0.0-RC15-dev"},
        {"1.0.0.RC.15-dev", "1.0.0.0-RC15-dev"},
        {"1.0.0-rc1", "1.0.0.0-RC1"},
        {"1.0.0.pl3-dev", "1.0.0.0-patch3-dev"},
        {"1.0-dev", "1.0.0.0-dev"},
        {"10.4.13-beta", "10.4.13.0-beta"},
        {"10.4.13beta2", "10.4.13.0-beta2"},
        {"10.4.13beta.2", "10.4.13.0-beta2"},
        {"v1.13.11-beta.0", "1.13.11.0-beta0"},
        {"10.4.13-b", "10.4.13.0-beta"},
        {"10.4.13-b5", "10.4.13.0-beta5"},
        {"1.0.0-a1", "1.0.0.0-alpha1"},
        {"1.0.0-alpha.3", "1.0.0.0-alpha3"},
        {"2.1.0-p1", "2.1.0.0-patch1"},
        {"2.1.0-patch", "2.1.0.0-patch"},
        {"1.0.0-stable", "1.0.0.0"},
        {"2010.01", "2010.01.0.0"},
        {"2010.01.02", "2010.01.02.0"},
        {"v20100102", "20100102"},
        {"2010-01-02", "2010.01.02"},
        {"2010-01-02.5", "2010.01.02.5"},
        {"20100102-203040", "20100102.203040"},
        {"20100102203040-10", "20100102203040.10"},
        {"20100102-203040-p1", "20100102.203040-patch1"},
        {"dev-master", "dev-master"},
        {"master", "dev-master"},
        {"dev-trunk", "dev-trunk"},
        {"DEV-FOOBAR", "dev-FOOBAR"},
        {"dev-feature/foo", "dev-feature/foo"},
        {"1.x-dev", "1.9999999.9999999.9999999-dev"},
        {"2.1.x-dev", "2.1.9999999.9999999-dev"},
        {"dev-master as 1.0.0", "dev-master"},
        {"1.0.0+foo", "1.0.0.0"},
        {"1.0.0-beta.5+foo", "1.0.0.0-beta5"},
        {"1.0.0+foo as 2.0", "1.0.0.0"},
        {"1.0.0@dev", "1.0.0.0"},
        {"00.01.03.04", "00.01.03.04"},
        {"  1.0.0  ", "1.0.0.0"},
    };

    @Test
    void normalizesAsComposer() throws Exception {
        for (String[] row : NORMALIZED) {
            assertEquals(row[1], ComposerVersion.parse(row[0]).normalized(), row[0]);
        }
    }

    @Test
    void refusesWhatIsNoVersion() {
        for (String bad : List.of("", "a", "1.0.0-meh", "1.0.0.0.0", "feature-foo", "1.0 .2", "^1.0", "1.0.0+foo bar",
                "1.0.0-SNAPSHOT", "~1", "1.0.0-foo")) {
            MalformedInputException e = assertThrows(MalformedInputException.class, () -> ComposerVersion.parse(bad),
                    bad);
            assertTrue(e.getMessage().contains("expected a version"), e.getMessage());
            assertTrue(ComposerVersion.tryParse(bad).isEmpty(), bad);
        }
        assertThrows(MalformedInputException.class, () -> ComposerVersion.parse("1".repeat(300)));
    }

    @Test
    void stabilityAsParseStability() throws Exception {
        String[][] rows = {
            {"1.0.0", "STABLE"}, {"1.0-dev", "DEV"}, {"dev-master", "DEV"}, {"1.0.0-alpha1", "ALPHA"},
            {"1.0.0a", "ALPHA"}, {"1.0.0-b1", "BETA"}, {"1.0.0RC1", "RC"}, {"1.0.0-patch1", "STABLE"},
            {"3.1.2-pl2", "STABLE"}, {"1.0.0-rc1-dev", "DEV"}, {"1.x-dev", "DEV"},
        };
        for (String[] row : rows) {
            assertEquals(Stability.valueOf(row[1]), ComposerVersion.parse(row[0]).stability(), row[0]);
        }
    }

    /** Ascending, each strictly below the next; ties are on one row. */
    private static final String[][] ORDER = {
        {"0.0.1"},
        {"0.1"},
        {"1.0.0-dev", "1.0-dev"},
        {"1.0.0-alpha", "1.0a"},
        {"1.0.0-alpha1", "1.0.0a1"},
        {"1.0.0-alpha2"},
        {"1.0.0-beta1", "1.0b1"},
        {"1.0.0-beta2"},
        {"1.0.0-beta10"},
        {"1.0.0-RC1", "1.0rc1"},
        {"1.0.0", "v1.0", "1", "1.0.0.0"},
        {"1.0.0-patch1", "1.0.0-p1", "1.0.0-pl1"},
        {"1.0.0.1"},
        {"1.0.1"},
        {"1.9"},
        {"1.10"},
        {"2.0.0-beta"},
        {"2.0.0"},
        {"10.0"},
        {"2010.01.02"},
    };

    @Test
    void ordersAsComposer() throws Exception {
        List<ComposerVersion> ranks = new ArrayList<>();
        for (int i = 0; i < ORDER.length; i++) {
            for (String a : ORDER[i]) {
                for (String b : ORDER[i]) {
                    assertEquals(0, ComposerVersion.parse(a).compareTo(ComposerVersion.parse(b)), a + " = " + b);
                }
                if (i + 1 < ORDER.length) {
                    ComposerVersion v = ComposerVersion.parse(a);
                    ComposerVersion next = ComposerVersion.parse(ORDER[i + 1][0]);
                    assertTrue(v.compareTo(next) < 0, a + " < " + ORDER[i + 1][0]);
                    assertTrue(next.compareTo(v) > 0, ORDER[i + 1][0] + " > " + a);
                }
            }
            ranks.add(ComposerVersion.parse(ORDER[i][0]));
        }
        List<ComposerVersion> shuffled = new ArrayList<>(ranks);
        Collections.shuffle(shuffled, new Random(42));
        Collections.sort(shuffled);
        assertEquals(ranks, shuffled);
    }

    @Test
    void equalByNormalForm() throws Exception {
        assertEquals(ComposerVersion.parse("v1.2"), ComposerVersion.parse("1.2.0.0"));
        assertEquals(ComposerVersion.parse("v1.2").hashCode(), ComposerVersion.parse("1.2.0.0").hashCode());
        assertFalse(ComposerVersion.parse("1.2").equals(ComposerVersion.parse("1.2.1")));
        assertTrue(ComposerVersion.parse("dev-main").isBranch());
        assertFalse(ComposerVersion.parse("1.x-dev").isBranch());
        assertEquals("1.2.0.0-beta1", ComposerVersion.parse("1.2b1").toString());
    }
}
