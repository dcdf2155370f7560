package org.debindex.verify.deps.perl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.debindex.core.MalformedInputException;
import org.junit.jupiter.api.Test;

class PerlRequirementTest {

    private static final List<String> VERSIONS = List.of("0.5", "1.0", "1.5", "1.9", "1.10", "1.2.3", "1.002003",
            "1.002004", "2.0", "2.2203", "2.22", "2.3", "1.302198", "1.302197", "0.9929", "1.23_01");

    /**
     * Range, and the versions of {@link #VERSIONS} it accepts. Produced offline by perl 5.36.0 with
     * CPAN::Meta::Requirements 2.140: {@code add_string_requirement(M => RANGE)} then
     * {@code accepts_module(M => VERSION)}.
     */
    private static final String[][] ACCEPTS = {
            {"0", "0.5 1.0 1.5 1.9 1.10 1.2.3 1.002003 1.002004 2.0 2.2203 2.22 2.3 1.302198 1.302197 0.9929 1.23_01"},
            {"1.10", "1.5 1.9 1.10 2.0 2.2203 2.22 2.3 1.302198 1.302197 1.23_01"},
            {">= 1.10", "1.5 1.9 1.10 2.0 2.2203 2.22 2.3 1.302198 1.302197 1.23_01"},
            {"> 1.9", "2.0 2.2203 2.22 2.3"},
            {"<= 1.10", "0.5 1.0 1.10 1.2.3 1.002003 1.002004 0.9929"},
            {"< 2.0", "0.5 1.0 1.5 1.9 1.10 1.2.3 1.002003 1.002004 1.302198 1.302197 0.9929 1.23_01"},
            {"== 1.2.3", "1.2.3 1.002003"},
            {"!= 1.5", "0.5 1.0 1.9 1.10 1.2.3 1.002003 1.002004 2.0 2.2203 2.22 2.3 1.302198 1.302197 0.9929 1.23_01"},
            {">= 1.0, < 2.0", "1.0 1.5 1.9 1.10 1.2.3 1.002003 1.002004 1.302198 1.302197 1.23_01"},
            {">= 1.0, < 2.0, != 1.5", "1.0 1.9 1.10 1.2.3 1.002003 1.002004 1.302198 1.302197 1.23_01"},
            {">= v1.2.3", "1.5 1.9 1.10 1.2.3 1.002003 1.002004 2.0 2.2203 2.22 2.3 1.302198 1.302197 1.23_01"},
            {"> 1.002003", "1.5 1.9 1.10 1.002004 2.0 2.2203 2.22 2.3 1.302198 1.302197 1.23_01"},
            {"2.2203", "2.2203 2.3"},
            {">= 2.22, < 2.3", "2.2203 2.22"},
            {"1.302198", "1.5 1.9 2.0 2.2203 2.22 2.3 1.302198"},
            {"== 0.9929", "0.9929"},
            {">=1.0,<=1.9", "1.0 1.5 1.9 1.10 1.2.3 1.002003 1.002004 1.302198 1.302197 1.23_01"},
    };

    @Test
    void acceptsLikeCpanMetaRequirements() throws Exception {
        for (String[] row : ACCEPTS) {
            PerlRequirement r = PerlRequirement.parse(row[0]);
            Set<String> accepted = Set.of(row[1].split(" "));
            for (String v : VERSIONS) {
                assertEquals(accepted.contains(v), r.isSatisfiedBy(v), row[0] + " on " + v);
            }
            assertEquals(row[0], r.text());
            assertFalse(r.isSoft());
        }
    }

    @Test
    void emptyAndZeroAreAnyVersion() throws Exception {
        assertTrue(PerlRequirement.parse("").isAny());
        assertTrue(PerlRequirement.parse(" 0 ").isAny());
        assertTrue(PerlRequirement.parse(">= 0").isAny());
        assertFalse(PerlRequirement.parse("0.001").isAny());
        assertTrue(PerlRequirement.parse("0").isSatisfiedBy("1.0~rc1"));
    }

    @Test
    void aVersionPerlCannotReadSatisfiesNoBound() throws Exception {
        PerlRequirement r = PerlRequirement.parse(">= 1.0");
        assertFalse(r.isSatisfiedBy("1.0~rc1"));
        assertFalse(r.isSatisfiedBy(""));
        assertFalse(r.isSatisfiedBy("abc"));
        assertThrows(NullPointerException.class, () -> r.isSatisfiedBy(null));
    }

    @Test
    void aBareVersionInAListIsAMinimum() throws Exception {
        PerlRequirement r = PerlRequirement.parse("1.5, < 2");
        assertFalse(r.isSatisfiedBy("1.4"));
        assertTrue(r.isSatisfiedBy("1.5"));
        assertFalse(r.isSatisfiedBy("2"));
    }

    @Test
    void rejectsMalformedRanges() {
        for (String s : List.of(">= 1.0,", ", 1.0", ">=", "~> 1.0", ">= abc", "= 1.0", "1.0 2.0")) {
            MalformedInputException e = assertThrows(MalformedInputException.class, () -> PerlRequirement.parse(s), s);
            assertTrue(e.getMessage().contains("expected"), e.getMessage());
        }
    }
}
