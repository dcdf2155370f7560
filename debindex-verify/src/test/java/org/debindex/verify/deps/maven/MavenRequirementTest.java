package org.debindex.verify.deps.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Maven soft versions and ranges. */
class MavenRequirementTest {

    /** Ranges every test here and the oracle test agree are valid. */
    static final List<String> VALID_RANGES = List.of("[1.0,2.0)", "(,1.0]", "[1.5,)", "[1.0]", "[1,2),(3,)",
            "(1.0,2.0]", "(,1.0),(1.0,)", "[1.0,2.0],[3.0,4.0]", "[ 1.0 , 2.0 )", "[1.0-alpha1,1.0)",
            "(,2.0-SNAPSHOT)", "[1,2],[2,3]");

    @ParameterizedTest(name = "{0} by {1}: {2}")
    @CsvSource(delimiter = ';', value = {
        "[1.0,2.0); 1.0; true", "[1.0,2.0); 1.5; true", "[1.0,2.0); 2.0; false", "[1.0,2.0); 2.0-SNAPSHOT; true",
        "[1.0,2.0); 0.9; false", "[1.0,2.0); 1.0-rc1; false",
        "(,1.0]; 1.0; true", "(,1.0]; 0.1; true", "(,1.0]; 1.0.1; false", "(,1.0]; 1.0-final; true",
        "[1.5,); 1.5; true", "[1.5,); 99; true", "[1.5,); 1.4.9; false",
        "[1.0]; 1.0; true", "[1.0]; 1; true", "[1.0]; 1.0.0; true", "[1.0]; 1.0.1; false",
        "[1,2),(3,); 1.5; true", "[1,2),(3,); 2; false", "[1,2),(3,); 2.5; false", "[1,2),(3,); 3; false",
        "[1,2),(3,); 3.0.1; true",
        "(1.0,2.0]; 1.0; false", "(1.0,2.0]; 2.0; true"})
    void ranges(String spec, String version, boolean satisfied) {
        MavenRequirement r = MavenRequirement.parse(spec);
        assertEquals(satisfied, r.isSatisfiedBy(version), spec + " by " + version);
        assertFalse(r.isSoft(), spec);
        assertEquals(spec, r.text());
        assertEquals(Optional.empty(), r.softVersion());
    }

    @Test
    void aBareVersionIsSoftAndSatisfiedFromItUpwards() {
        MavenRequirement r = MavenRequirement.parse("3.17.0");
        assertTrue(r.isSoft());
        assertEquals(Optional.of(MavenVersion.parse("3.17")), r.softVersion());
        assertTrue(r.ranges().isEmpty());
        assertTrue(r.isSatisfiedBy("3.17.0"));
        assertTrue(r.isSatisfiedBy("3.17"));
        assertTrue(r.isSatisfiedBy("4.0"));
        assertFalse(r.isSatisfiedBy("3.16.1"), "older than requested: the caller reports it");
        assertFalse(r.isSatisfiedBy("3.17.0-rc1"));
    }

    @Test
    void unionsKeepTheirRanges() {
        MavenRequirement r = MavenRequirement.parse("[1,2),(3,)");
        assertEquals(2, r.ranges().size());
        MavenRequirement.Range first = r.ranges().get(0);
        assertEquals(Optional.of(MavenVersion.parse("1")), first.lower());
        assertTrue(first.lowerInclusive());
        assertEquals(Optional.of(MavenVersion.parse("2")), first.upper());
        assertFalse(first.upperInclusive());
        assertEquals(Optional.empty(), r.ranges().get(1).upper());
    }

    @Test
    void everyValidRangeParses() {
        for (String spec : VALID_RANGES) {
            assertFalse(MavenRequirement.parse(spec).ranges().isEmpty(), spec);
        }
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"", "  ", "[1.0", "[1.0,2.0", "(1.0)", "[1.0)", "(1.0]", "[]", "[,]", "[,)",
        "[1.0,1.0]", "[2.0,1.0]", "[1,2,3]", "[1,3),[2,4)", "(,1],(,2]", "[1,2)x", "[1,2),", "[1,2) [3,4)",
        "1.0]", "1.0,2.0", "[1.0,2.0)1.5", "[[1,2]"})
    void malformedRequirementsAreRefusedWithTheText(String spec) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MavenRequirement.parse(spec));
        assertTrue(e.getMessage().startsWith("invalid Maven version requirement") || e.getMessage().contains("empty"),
                e.getMessage());
        assertTrue(e.getMessage().contains(spec.strip()), e.getMessage());
    }

    @Test
    void messagesSayWhatWasExpected() {
        assertEquals("invalid Maven version requirement \"[1.0\": unbounded range; expected \"]\" or \")\"",
                assertThrows(IllegalArgumentException.class, () -> MavenRequirement.parse("[1.0")).getMessage());
        assertEquals("invalid Maven version requirement \"(1.0)\": a single version must be in [], as in [1.0]; "
                + "found \"(1.0)\"",
                assertThrows(IllegalArgumentException.class, () -> MavenRequirement.parse("(1.0)")).getMessage());
    }

    @Test
    void nullIsAProgrammingError() {
        assertThrows(NullPointerException.class, () -> MavenRequirement.parse(null));
        assertThrows(NullPointerException.class, () -> MavenRequirement.parse("1").isSatisfiedBy((String) null));
    }
}
