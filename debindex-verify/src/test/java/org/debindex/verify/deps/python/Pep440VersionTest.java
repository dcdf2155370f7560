package org.debindex.verify.deps.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.debindex.core.MalformedInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Pep440VersionTest {

    static Pep440Version v(String s) throws MalformedInputException {
        return Pep440Version.parse(s);
    }

    /** PEP 440, "Summary of permitted suffixes and relative ordering", in order. */
    static final List<String> PEP_ORDER = List.of(
            "1.dev0", "1.0.dev456", "1.0a1", "1.0a2.dev456", "1.0a12.dev456", "1.0a12", "1.0b1.dev456", "1.0b2",
            "1.0b2.post345.dev456", "1.0b2.post345", "1.0rc1.dev456", "1.0rc1", "1.0", "1.0+abc.5", "1.0+abc.7",
            "1.0+5", "1.0.post456.dev34", "1.0.post456", "1.0.15", "1.1.dev1", "1!0.1");

    @Test
    void pepOrderingTable() throws MalformedInputException {
        List<Pep440Version> versions = new ArrayList<>();
        for (String s : PEP_ORDER) {
            versions.add(v(s));
        }
        for (int i = 0; i < versions.size(); i++) {
            for (int j = 0; j < versions.size(); j++) {
                assertEquals(Integer.signum(Integer.compare(i, j)), Integer.signum(versions.get(i).compareTo(versions.get(j))),
                        PEP_ORDER.get(i) + " vs " + PEP_ORDER.get(j));
            }
        }
        List<Pep440Version> shuffled = new ArrayList<>(versions);
        Collections.shuffle(shuffled, new Random(440));
        Collections.sort(shuffled);
        assertEquals(versions, shuffled);
    }

    @Test
    void orderIsTotalAndConsistentWithEquals() throws MalformedInputException {
        List<Pep440Version> vs = new ArrayList<>();
        for (String s : Pep440OracleTest.versions()) {
            try {
                vs.add(v(s));
            } catch (MalformedInputException e) {
                // the oracle's list holds invalid spellings on purpose
            }
        }
        assertTrue(vs.size() > 350);
        for (Pep440Version a : vs) {
            for (Pep440Version b : vs) {
                int ab = Integer.signum(a.compareTo(b));
                assertEquals(-ab, Integer.signum(b.compareTo(a)), a + " vs " + b);
                assertEquals(ab == 0, a.equals(b), a + " vs " + b);
                if (ab == 0) {
                    assertEquals(a.hashCode(), b.hashCode(), a + " vs " + b);
                }
            }
        }
        List<Pep440Version> sorted = new ArrayList<>(vs);
        Collections.sort(sorted);
        for (int i = 0; i + 2 < sorted.size(); i += 3) {
            for (int j = i + 1; j < sorted.size(); j += 7) {
                assertTrue(sorted.get(i).compareTo(sorted.get(j)) <= 0, sorted.get(i) + " <= " + sorted.get(j));
            }
        }
        assertEquals(v("1.0rc1").toString(), v("1.0c1").toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            1.0                | 1.0
            v1.0               | 1.0
            1!2.0              | 1!2.0
            0!1.0              | 1.0
            1.0alpha1          | 1.0a1
            1.0-Beta.2         | 1.0b2
            1.0c1              | 1.0rc1
            1.0pre             | 1.0rc0
            1.0.preview_3      | 1.0rc3
            1.0-1              | 1.0.post1
            1.0.post           | 1.0.post0
            1.0rev4            | 1.0.post4
            1.0_r4             | 1.0.post4
            1.0-dev            | 1.0.dev0
            1.0DEV2            | 1.0.dev2
            1.0+Ubuntu-1       | 1.0+ubuntu.1
            1.0+abc_007        | 1.0+abc.7
            01.002.0003        | 1.2.3
            '  1.0  '          | 1.0
            1.0a1.post2.dev3+x | 1.0a1.post2.dev3+x
            """)
    void normalisation(String input, String normal) throws MalformedInputException {
        assertEquals(normal, v(input).toString());
    }

    @Test
    void equalityIgnoresTrailingZerosOnly() throws MalformedInputException {
        assertEquals(v("1.0"), v("1.0.0.0"));
        assertEquals(v("1.0").hashCode(), v("1.0.0").hashCode());
        assertEquals(v("1.0a0"), v("1.0a"));
        assertFalse(v("1.0").equals(v("1.0+0")));
        assertTrue(v("1.0+abc").compareTo(v("1.0+1")) < 0, "alphanumeric local segments sort before numeric ones");
        assertTrue(v("1.0+1").compareTo(v("1.0+1.0")) < 0);
        assertTrue(v("1.0.dev1").isPrerelease());
        assertTrue(v("1.0rc1").isPrerelease());
        assertFalse(v("1.0.post1").isPrerelease());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            1.0.           | invalid PEP 440 version "1.0."
            1..0           | invalid PEP 440 version "1..0"
            1.0+           | invalid PEP 440 version "1.0+"
            1.0_+x         | invalid PEP 440 version "1.0_+x"
            '1.0 rc1'      | invalid PEP 440 version "1.0 rc1"
            2.0.0-SNAPSHOT | invalid PEP 440 version "2.0.0-SNAPSHOT"
            99999999999999999999 | number too large in version "99999999999999999999"
            """)
    void invalid(String input, String message) {
        assertEquals(message, assertThrows(MalformedInputException.class, () -> v(input)).getMessage());
    }
}
