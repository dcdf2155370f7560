package org.debindex.verify.deps.perl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.debindex.core.MalformedInputException;
import org.junit.jupiter.api.Test;

class PerlVersionTest {

    /**
     * Every version of a group equals the others; groups are in ascending order. Produced offline
     * by perl 5.36.0 with version.pm 0.9929: {@code sort { version->parse($a) <=> version->parse($b) }}
     * over these strings, neighbours grouped when {@code ==}.
     */
    private static final String[] ORDER = {
            "0 0.0 v0 00",
            "0.000_1",
            "0.001 v0.1",
            "0.01",
            "0.1",
            ".5",
            "0.99",
            "0.9929",
            "1 1.0 v1 1. v1.",
            "1.000001 v1.0.1",
            "1.00001",
            "1.0001 v1.0.100",
            "1.0010 1.001 v1.1",
            "v1.2 1.2.0 v01.02",
            "1.002003 v1.2.3 1.2.3 1.2.03",
            "1.2.3.4",
            "1.2.4 1.002004",
            "1.2.9",
            "1.2.10",
            "v1.2.3_4 1.2.3_4 v1.2.34",
            "1.2.1000",
            "1.10.0",
            "1.10.1",
            "1.02 v1.20",
            "1.02_03 1.0203",
            "v1.2_3",
            "1.10 1.1000 1.1",
            "1.1234567890",
            "01.2 1.2 1.200",
            "1.23",
            "1.23_01 1.2301",
            "1.24",
            "1.302",
            "1.302198",
            "1.9",
            "v1.1000",
            "2.22",
            "2.2203 v2.220.300",
            "2.999999",
            "3.0",
            "5.010 5.10.0",
            "5.036 v5.36.0",
            "9.9",
            "10.1"
    };

    /** Version, {@code ->normal}, alpha: perl 5.36.0, version.pm 0.9929. */
    private static final String[][] NORMAL = {
            {"0", "v0.0.0", ""},
            {"1.10", "v1.100.0", ""},
            {"1.9", "v1.900.0", ""},
            {"1.002003", "v1.2.3", ""},
            {"v1.2.3", "v1.2.3", ""},
            {"1.2.3", "v1.2.3", ""},
            {"v1.2", "v1.2.0", ""},
            {"v1", "v1.0.0", ""},
            {"1.2.3.4", "v1.2.3.4", ""},
            {"1.23_01", "v1.230.100", "alpha"},
            {"1.2301", "v1.230.100", ""},
            {"v1.2.3_4", "v1.2.34", "alpha"},
            {"1.2.3_4", "v1.2.34", "alpha"},
            {"2.2203", "v2.220.300", ""},
            {"1.302198", "v1.302.198", ""},
            {"0.9929", "v0.992.900", ""},
            {"5.010", "v5.10.0", ""},
            {"5.036", "v5.36.0", ""},
            {"1.00001", "v1.0.10", ""},
            {"0.001", "v0.1.0", ""},
            {"1.0010", "v1.1.0", ""},
            {"01.2", "v1.200.0", ""},
            {".5", "v0.500.0", ""},
            {"1.", "v1.0.0", ""},
            {"v1.", "v1.0.0", ""},
            {"v1.2_3", "v1.23.0", "alpha"},
            {"1.02_03", "v1.20.300", "alpha"},
            {"0.000_1", "v0.0.100", "alpha"},
            {"v1.1000", "v1.1000.0", ""},
            {"1.1234567890", "v1.123.456.789.0", ""},
            {"2.999999", "v2.999.999", ""},
            {" 1.2", "v1.200.0", ""},
    };

    /** Rejected by version.pm 0.9929 (perl 5.36.0) with "Invalid version format". */
    private static final String[] INVALID = {"1_2", "1..2", "-1", "abc", "1.2a", "1.2-3", "", "1.2.3.", "1e5",
        "0x10", "1.2.3_4_5", "1__2", "v1_2", "1.2_3.4", "v1.2.3.", "v.1", "v", "1._2", "_1.2", "1.2_", "V1.2",
        "1,2", "+1", "1.2._3", "1.2_3_"};

    /** Accepted by version.pm with a warning or a clamp, rejected here on purpose (see the class). */
    private static final String[] STRICTER = {"1 2", "1.2.3_", "99999999999.1", "undef"};

    @Test
    void ordersLikeVersionPm() throws Exception {
        List<List<PerlVersion>> groups = new ArrayList<>();
        for (String g : ORDER) {
            List<PerlVersion> group = new ArrayList<>();
            for (String v : g.split(" ")) {
                group.add(PerlVersion.parse(v));
            }
            groups.add(group);
        }
        for (int i = 0; i < groups.size(); i++) {
            for (int j = 0; j < groups.size(); j++) {
                for (PerlVersion a : groups.get(i)) {
                    for (PerlVersion b : groups.get(j)) {
                        assertEquals(Integer.compare(i, j), Integer.signum(a.compareTo(b)), a + " <=> " + b);
                        assertEquals(i == j, a.equals(b), a + " == " + b);
                        if (i == j) {
                            assertEquals(a.hashCode(), b.hashCode(), a + " and " + b);
                        }
                    }
                }
            }
        }
    }

    @Test
    void normalFormAndAlphaLikeVersionPm() throws Exception {
        for (String[] row : NORMAL) {
            PerlVersion v = PerlVersion.parse(row[0]);
            assertEquals(row[1], v.normal(), row[0]);
            assertEquals(!row[2].isEmpty(), v.isAlpha(), row[0]);
        }
    }

    @Test
    void decimalAndDottedForms() throws Exception {
        assertFalse(PerlVersion.parse("1.10").isDotted());
        assertTrue(PerlVersion.parse("1.2.3").isDotted());
        assertTrue(PerlVersion.parse("v1").isDotted());
        assertEquals(List.of(1, 100), PerlVersion.parse("1.10").components());
        assertEquals(List.of(1, 2, 34), PerlVersion.parse("1.2.3_4").components());
        assertEquals("1.2", PerlVersion.parse(" 1.2\t").text());
        // the reason the check needs its own comparator: dpkg would say 1.10 > 1.9
        assertTrue(PerlVersion.parse("1.10").compareTo(PerlVersion.parse("1.9")) < 0);
    }

    @Test
    void rejectsWhatVersionPmRejects() {
        for (String s : INVALID) {
            MalformedInputException e = assertThrows(MalformedInputException.class, () -> PerlVersion.parse(s), s);
            assertTrue(e.getMessage().contains("expected a decimal"), e.getMessage());
            assertFalse(PerlVersion.isValid(s), s);
        }
    }

    @Test
    void isStricterThanVersionPmWhereItOnlyWarns() {
        for (String s : STRICTER) {
            assertThrows(MalformedInputException.class, () -> PerlVersion.parse(s), s);
        }
        assertTrue(PerlVersion.isValid("2147483647.1"));
        assertThrows(MalformedInputException.class, () -> PerlVersion.parse("1".repeat(PerlVersion.MAX_LENGTH + 1)));
        assertThrows(NullPointerException.class, () -> PerlVersion.parse(null));
    }
}
