package org.debindex.verify.deps.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Order laws over every version the tables and the oracle test use: pairs and triples. Maven's
 * order is not transitive for a few odd versions (a leading "-", a zero before a qualifier in a
 * sub-list); those are left out of the transitivity test and pinned in {@link #mavensOwnCycle()}.
 */
class MavenVersionPropertyTest {

    static final List<MavenVersion> VERSIONS =
            MavenOracleTest.VERSIONS.stream().map(MavenVersion::parse).toList();

    static final List<MavenVersion> ORDINARY = MavenOracleTest.VERSIONS.stream()
            .filter(v -> !v.startsWith("-") && !v.startsWith(".") && !v.contains("-0-") && !v.contains("-0.")
                    && !v.contains("--") && !v.contains(".."))
            .map(MavenVersion::parse).toList();

    @Test
    void mavensOwnCycle() {
        MavenVersion one = MavenVersion.parse("1");
        MavenVersion sp = MavenVersion.parse("1-sp");
        MavenVersion zeroAlpha = MavenVersion.parse("1-0-alpha");
        assertTrue(one.compareTo(sp) < 0);
        assertTrue(sp.compareTo(zeroAlpha) < 0);
        assertTrue(zeroAlpha.compareTo(one) < 0, "as Maven 3.8.7 has it: 1-0-alpha reads as [1, [[alpha]]]");
        MavenVersion minusOne = MavenVersion.parse("-1");
        assertEquals("1", minusOne.canonical());
        assertTrue(minusOne.compareTo(one) < 0);
        assertTrue(!minusOne.equals(one), "equal canonical forms, but not equal in the order");
    }

    @Test
    void antisymmetricAndConsistentWithEquals() {
        for (MavenVersion a : VERSIONS) {
            assertEquals(0, a.compareTo(a), a.text());
            for (MavenVersion b : VERSIONS) {
                int ab = Integer.signum(a.compareTo(b));
                assertEquals(-ab, Integer.signum(b.compareTo(a)), a + " vs " + b);
                assertEquals(ab == 0, a.equals(b), a + " equals " + b);
                if (ab == 0) {
                    assertEquals(a.hashCode(), b.hashCode(), a + " hash " + b);
                }
            }
        }
    }

    @Test
    void transitiveForOrdinaryVersions() {
        assertTrue(ORDINARY.size() > 90, "ordinary versions: " + ORDINARY.size());
        for (MavenVersion a : ORDINARY) {
            for (MavenVersion b : ORDINARY) {
                if (a.compareTo(b) > 0) {
                    continue;
                }
                for (MavenVersion c : ORDINARY) {
                    if (b.compareTo(c) <= 0) {
                        assertTrue(a.compareTo(c) <= 0, a + " <= " + b + " <= " + c);
                    }
                }
            }
        }
    }
}
