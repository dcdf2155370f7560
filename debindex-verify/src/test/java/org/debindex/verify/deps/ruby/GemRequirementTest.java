package org.debindex.verify.deps.ruby;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.debindex.core.MalformedInputException;
import org.junit.jupiter.api.Test;

/** Gem::Requirement operators, the pessimistic operator and AND-ed lists, against RubyGems' own answers. */
class GemRequirementTest {

    /** The versions every requirement of {@link #SATISFIED} is tried on. */
    private static final List<String> VERSIONS = List.of(
            "0.9", "1", "1.0", "1.1", "1.2", "1.2.0", "1.2.2", "1.2.3",
            "1.2.3.a", "1.2.4", "1.2.10", "1.3", "1.3.0.rc1", "1.9.9", "2", "2.0.0.beta",
            "2.0.0.rc1", "2.0", "2.1", "0.2", "0.2.3", "0.2.9", "0.3", "1.2.0.rc1",
            "1.2.0.rc2", "7.1.1", "7.1.2", "7.1.5", "7.2", "8.0", "3.13.0c0e0m0s1", "3.13.1",
            "3.14");

    /**
     * {requirement, the versions of {@link #VERSIONS} that satisfy it}: computed with
     * {@code Gem::Requirement.new(*text.split(",")).satisfied_by?(Gem::Version.new(v))}, Ruby 3.1.2,
     * RubyGems 3.3.15 (Debian 12).
     */
    private static final String[][] SATISFIED = {
            {"~> 1.2", "1.2 1.2.0 1.2.2 1.2.3 1.2.3.a 1.2.4 1.2.10 1.3 1.3.0.rc1 1.9.9"},
            {"~> 1.2.3", "1.2.3 1.2.4 1.2.10"},
            {"~> 1", "1 1.0 1.1 1.2 1.2.0 1.2.2 1.2.3 1.2.3.a 1.2.4 1.2.10 1.3 1.3.0.rc1 1.9.9 1.2.0.rc1 1.2.0.rc2"},
            {"~> 1.0", "1 1.0 1.1 1.2 1.2.0 1.2.2 1.2.3 1.2.3.a 1.2.4 1.2.10 1.3 1.3.0.rc1 1.9.9 1.2.0.rc1 1.2.0.rc2"},
            {"~> 0.2", "0.9 0.2 0.2.3 0.2.9 0.3"},
            {"~> 0.2.3", "0.2.3 0.2.9"},
            {"~> 1.2.0.rc1", "1.2 1.2.0 1.2.2 1.2.3 1.2.3.a 1.2.4 1.2.10 1.2.0.rc1 1.2.0.rc2"},
            {"~> 2.0-rc1", "2 2.0.0.rc1 2.0 2.1"},
            {"= 1.2", "1.2 1.2.0"},
            {"1.2", "1.2 1.2.0"},
            {"!= 1.2.3", "0.9 1 1.0 1.1 1.2 1.2.0 1.2.2 1.2.3.a 1.2.4 1.2.10 1.3 1.3.0.rc1 1.9.9 2 2.0.0.beta 2.0.0.rc1 2.0 2.1 0.2 0.2.3 0.2.9 0.3 1.2.0.rc1 1.2.0.rc2 7.1.1 7.1.2 7.1.5 7.2 8.0 3.13.0c0e0m0s1 3.13.1 3.14"},
            {"> 1.2", "1.2.2 1.2.3 1.2.3.a 1.2.4 1.2.10 1.3 1.3.0.rc1 1.9.9 2 2.0.0.beta 2.0.0.rc1 2.0 2.1 7.1.1 7.1.2 7.1.5 7.2 8.0 3.13.0c0e0m0s1 3.13.1 3.14"},
            {"< 2", "0.9 1 1.0 1.1 1.2 1.2.0 1.2.2 1.2.3 1.2.3.a 1.2.4 1.2.10 1.3 1.3.0.rc1 1.9.9 2.0.0.beta 2.0.0.rc1 0.2 0.2.3 0.2.9 0.3 1.2.0.rc1 1.2.0.rc2"},
            {">= 1.2.3", "1.2.3 1.2.4 1.2.10 1.3 1.3.0.rc1 1.9.9 2 2.0.0.beta 2.0.0.rc1 2.0 2.1 7.1.1 7.1.2 7.1.5 7.2 8.0 3.13.0c0e0m0s1 3.13.1 3.14"},
            {"<= 1.2", "0.9 1 1.0 1.1 1.2 1.2.0 0.2 0.2.3 0.2.9 0.3 1.2.0.rc1 1.2.0.rc2"},
            {"~> 7.1, >= 7.1.2", "7.1.2 7.1.5 7.2"},
            {">= 1.0, < 3", "1 1.0 1.1 1.2 1.2.0 1.2.2 1.2.3 1.2.3.a 1.2.4 1.2.10 1.3 1.3.0.rc1 1.9.9 2 2.0.0.beta 2.0.0.rc1 2.0 2.1 1.2.0.rc1 1.2.0.rc2"},
            {">= 2.0.0.beta", "2 2.0.0.beta 2.0.0.rc1 2.0 2.1 7.1.1 7.1.2 7.1.5 7.2 8.0 3.13.0c0e0m0s1 3.13.1 3.14"},
            {"~>1.5", "1.9.9"},
            {" >= 0 ", "0.9 1 1.0 1.1 1.2 1.2.0 1.2.2 1.2.3 1.2.3.a 1.2.4 1.2.10 1.3 1.3.0.rc1 1.9.9 2 2.0.0.beta 2.0.0.rc1 2.0 2.1 0.2 0.2.3 0.2.9 0.3 1.2.0.rc1 1.2.0.rc2 7.1.1 7.1.2 7.1.5 7.2 8.0 3.13.0c0e0m0s1 3.13.1 3.14"},
            {"~> 3.13.0", "3.13.1"},
    };

    @Test
    void satisfiesAsRubyGems() throws Exception {
        for (String[] row : SATISFIED) {
            GemRequirement r = GemRequirement.parse(row[0]);
            Set<String> expected = Set.of(row[1].split(" "));
            for (String v : VERSIONS) {
                assertEquals(expected.contains(v), r.isSatisfiedBy(v), row[0] + " by " + v);
                assertEquals(expected.contains(v), r.isSatisfiedBy(GemVersion.parse(v)), row[0] + " by " + v);
            }
        }
    }

    @Test
    void pessimisticBounds() throws Exception {
        GemRequirement minor = GemRequirement.parse("~> 1.2");
        assertTrue(minor.isSatisfiedBy("1.2"));
        assertTrue(minor.isSatisfiedBy("1.99"));
        assertFalse(minor.isSatisfiedBy("2.0"));
        assertFalse(minor.isSatisfiedBy("1.1.9"));
        GemRequirement patch = GemRequirement.parse("~> 1.2.3");
        assertTrue(patch.isSatisfiedBy("1.2.99"));
        assertFalse(patch.isSatisfiedBy("1.3"));
        GemRequirement major = GemRequirement.parse("~> 1");
        assertTrue(major.isSatisfiedBy("1.9"));
        assertFalse(major.isSatisfiedBy("2"));
    }

    @Test
    void keepsTextAndComparators() throws Exception {
        GemRequirement r = GemRequirement.parse(" ~> 7.1,>= 7.1.2 ");
        assertEquals("~> 7.1,>= 7.1.2", r.text());
        assertEquals(List.of("~> 7.1", ">= 7.1.2"), r.comparators().stream().map(Object::toString).toList());
        assertEquals("=", GemRequirement.parse("1.0").comparators().get(0).operator());
        assertFalse(r.isSoft());
    }

    @Test
    void nonVersionsSatisfyNothing() throws Exception {
        GemRequirement r = GemRequirement.parse(">= 0");
        for (String v : List.of("", "v1.0", "1.0~rc1", "1.0+dfsg", "latest")) {
            assertFalse(r.isSatisfiedBy(v), v);
        }
    }

    @Test
    void rejectsMalformedRequirements() {
        for (String bad : List.of("", " ", "~>", "=> 1.0", "~ 1.0", "^1.0", ">= 1.0,", ", >= 1.0", ">= 1.0 < 2",
                ">= v1", "== 1.0", "1.0.")) {
            MalformedInputException e = assertThrows(MalformedInputException.class, () -> GemRequirement.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("invalid gem"), e.getMessage());
        }
    }
}
