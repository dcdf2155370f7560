package org.debindex.verify.deps.cargo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.debindex.core.MalformedInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Semver versions as Cargo reads them: strict parsing and Semantic Versioning 2.0.0 precedence. */
class CargoVersionTest {

    @Test
    void parsesAllParts() throws Exception {
        CargoVersion v = CargoVersion.parse("1.22.333-rc.1.x-y+build.007");
        assertEquals(1, v.major());
        assertEquals(22, v.minor());
        assertEquals(333, v.patch());
        assertEquals(List.of("rc", "1", "x-y"), v.prerelease());
        assertEquals(List.of("build", "007"), v.build()); // build identifiers may have leading zeros
        assertTrue(v.isPrerelease());
        assertEquals("1.22.333-rc.1.x-y+build.007", v.toString());
        assertEquals("0.0.0", CargoVersion.parse("0.0.0").toString());
        assertFalse(CargoVersion.parse("0.0.0").isPrerelease());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "1.2", "1.2.3.4", "v1.2.3", "=1.2.3", "01.2.3", "1.02.3", "1.2.03", "1.2.3-",
        "1.2.3+", "1.2.3-alpha..1", "1.2.3-01", "1.2.3-a_b", "1.2.3+a_b", " 1.2.3", "1.2.3 ", "a.b.c", "-1.2.3",
        "1.2.x", "1.2.*", "9223372036854775808.0.0", "1.2.3-α"})
    void refusesWhatIsNoStrictVersion(String text) {
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> CargoVersion.parse(text));
        assertTrue(e.getMessage().contains("invalid Cargo version"), e.getMessage());
        assertTrue(e.getMessage().contains("expected") || e.getMessage().contains("leading zero")
                || e.getMessage().contains("larger than"), e.getMessage());
    }

    @Test
    void largestNumberFitsALong() throws Exception {
        assertEquals(Long.MAX_VALUE, CargoVersion.parse("9223372036854775807.0.0").major());
    }

    /** The precedence chain of Semantic Versioning 2.0.0 section 11, plus number and length cases. */
    @Test
    void ordersBySemverPrecedence() throws Exception {
        List<String> ascending = List.of("0.0.0", "0.0.1", "0.1.0", "0.9.0", "0.10.0", "1.0.0-0", "1.0.0-1",
                "1.0.0-2", "1.0.0-10", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
                "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.2.0", "1.10.0", "2.0.0-A",
                "2.0.0-a", "2.0.0", "10.0.0");
        for (int i = 0; i < ascending.size(); i++) {
            for (int j = 0; j < ascending.size(); j++) {
                CargoVersion a = CargoVersion.parse(ascending.get(i));
                CargoVersion b = CargoVersion.parse(ascending.get(j));
                assertEquals(Integer.signum(Integer.compare(i, j)), Integer.signum(a.compareTo(b)), a + " vs " + b);
            }
        }
    }

    @Test
    void buildMetadataIsIgnored() throws Exception {
        CargoVersion a = CargoVersion.parse("1.2.3+linux");
        CargoVersion b = CargoVersion.parse("1.2.3+build.5");
        assertEquals(0, a.compareTo(b));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(CargoVersion.parse("1.2.3-x+linux"), a);
    }

    @Test
    void padsShortVersionsOnlyWhenAsked() throws Exception {
        assertEquals(CargoVersion.parse("1.0.0"), CargoVersion.parsePadded("1"));
        assertEquals(CargoVersion.parse("1.2.0"), CargoVersion.parsePadded("1.2"));
        assertEquals(CargoVersion.parse("1.2.3"), CargoVersion.parsePadded("1.2.3"));
        assertEquals(CargoVersion.parse("1.2.0-rc.1"), CargoVersion.parsePadded("1.2-rc.1"));
        assertEquals(List.of("b"), CargoVersion.parsePadded("2+b").build());
        for (String bad : List.of("", "1.", "1..2", "x", "1.2.3.4", "01.2", "-rc.1")) {
            assertThrows(MalformedInputException.class, () -> CargoVersion.parsePadded(bad), bad);
        }
    }

    @Test
    void constructorValidates() {
        assertThrows(IllegalArgumentException.class, () -> new CargoVersion(-1, 0, 0, List.of(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new CargoVersion(1, 0, 0, List.of("01"), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new CargoVersion(1, 0, 0, List.of(""), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new CargoVersion(1, 0, 0, List.of(), List.of("a.b")));
        assertThrows(NullPointerException.class, () -> CargoVersion.parse(null));
    }
}
