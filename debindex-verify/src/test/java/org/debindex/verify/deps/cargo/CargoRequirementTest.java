package org.debindex.verify.deps.cargo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.debindex.core.MalformedInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cargo requirements. Expectations were written by hand from the Cargo Book ("Specifying
 * Dependencies": caret, tilde, wildcard and comparison examples) and the semver crate's
 * documented operator semantics ({@code Op} docs, {@code eval.rs}); no semver crate was at hand
 * on this machine to run as an oracle.
 */
class CargoRequirementTest {

    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource(delimiter = ';', value = {
        // caret, and a bare version is a caret
        "^1.2.3;1.2.3;true", "^1.2.3;1.2.2;false", "^1.2.3;1.9.9;true", "^1.2.3;2.0.0;false",
        "^1.2.3;2.0.0-alpha;false", "1.2.3;1.2.3;true", "1.2.3;1.3.0;true", "1.2.3;2.0.0;false",
        "1.2.3;1.2.2;false", "^1.2;1.2.0;true", "^1.2;1.1.9;false", "^1.2;1.99.0;true", "^1.2;2.0.0;false",
        "^1;1.0.0;true", "^1;1.99.99;true", "^1;0.9.9;false", "^1;2.0.0;false",
        // 0.x: the minor is the breaking part, 0.0.x the patch
        "^0.2.3;0.2.3;true", "^0.2.3;0.2.9;true", "^0.2.3;0.3.0;false", "^0.2.3;0.2.2;false",
        "0.2.3;0.3.0;false", "0.2;0.2.0;true", "0.2;0.2.99;true", "0.2;0.3.0;false", "^0.2;0.1.9;false",
        "^0.0.3;0.0.3;true", "^0.0.3;0.0.4;false", "^0.0.3;0.0.2;false", "0.0.3;0.0.4;false",
        "^0.0;0.0.0;true", "^0.0;0.0.99;true", "^0.0;0.1.0;false", "^0;0.0.0;true", "^0;0.99.99;true",
        "^0;1.0.0;false", "^0.0.0;0.0.0;true", "^0.0.0;0.0.1;false", "0;0.5.1;true", "0;1.0.0;false",
        // tilde
        "~1.2.3;1.2.3;true", "~1.2.3;1.2.99;true", "~1.2.3;1.3.0;false", "~1.2.3;1.2.2;false",
        "~1.2;1.2.0;true", "~1.2;1.2.99;true", "~1.2;1.3.0;false", "~1.2;1.1.99;false", "~1;1.0.0;true",
        "~1;1.99.0;true", "~1;2.0.0;false", "~0.2.3;0.2.9;true", "~0.2.3;0.3.0;false", "~0;0.5.0;true",
        "~0;1.0.0;false",
        // exact, partial exact is a wildcard
        "=1.2.3;1.2.3;true", "=1.2.3;1.2.4;false", "=1.2.3;1.2.3+build.5;true", "=1.2;1.2.0;true",
        "=1.2;1.2.99;true", "=1.2;1.3.0;false", "=1;1.99.0;true", "=1;2.0.0;false", "=1;0.9.0;false",
        "=1.2.3-alpha.1;1.2.3-alpha.1;true", "=1.2.3-alpha.1;1.2.3;false", "=1.2.3-alpha.1;1.2.3-alpha.2;false",
        // greater: a partial version is bumped
        ">1.2.3;1.2.3;false", ">1.2.3;1.2.4;true", ">1.2.3;2.0.0;true", ">1.2;1.2.99;false", ">1.2;1.3.0;true",
        ">1;1.99.0;false", ">1;2.0.0;true", ">1.2.3-alpha;1.2.3;true", ">1.2.3-alpha;1.2.3-beta;true",
        ">1.2.3-alpha;1.2.3-alpha;false",
        // greater or equal: filled with zeros
        ">=1.2.3;1.2.3;true", ">=1.2.3;1.2.2;false", ">=1.2.3;99.0.0;true", ">=1.2;1.2.0;true",
        ">=1.2;1.1.99;false", ">=1;1.0.0;true", ">=1;0.99.0;false",
        // less: filled with zeros
        "<1.2.3;1.2.2;true", "<1.2.3;1.2.3;false", "<1.2;1.1.99;true", "<1.2;1.2.0;false", "<1;0.99.99;true",
        "<1;1.0.0;false", "<2.0.0;1.99.0;true", "<2.0.0;2.0.0-alpha;false",
        // less or equal: a partial version covers its whole range
        "<=1.2.3;1.2.3;true", "<=1.2.3;1.2.4;false", "<=1.2;1.2.99;true", "<=1.2;1.3.0;false",
        "<=1;1.99.0;true", "<=1;2.0.0;false",
        // wildcards
        "*;0.0.0;true", "*;99.1.2;true", "*;1.0.0-alpha;false", "1.*;1.0.0;true", "1.*;1.99.0;true",
        "1.*;2.0.0;false", "1.*;0.9.0;false", "1.2.*;1.2.0;true", "1.2.*;1.2.99;true", "1.2.*;1.3.0;false",
        "1.2.*;1.1.0;false", "1.*.*;1.5.0;true", "1.x;1.5.0;true", "1.2.X;1.2.5;true", "x;3.0.0;true",
        "X;0.1.0;true", "0.*;0.7.0;true", "0.*;1.0.0;false", "0.0.*;0.0.9;true", "0.0.*;0.1.0;false",
        // an operator before a wildcard keeps its meaning on the partial version
        ">=1.*;1.0.0;true", ">=1.*;0.9.0;false", "^0.*;0.9.0;true", "~1.*;1.9.0;true", "~1.*;2.0.0;false",
        // comma is AND
        ">=1.2, <1.5;1.4.9;true", ">=1.2, <1.5;1.5.0;false", ">=1.2, <1.5;1.1.0;false",
        ">= 1.2 , < 1.5;1.3.0;true", ">=0.2.3, <0.4;0.3.5;true", ">=0.2.3, <0.4;0.4.0;false",
        "=1.2.3, =1.2.4;1.2.3;false", "^1.2, ~1.4;1.4.7;true", "^1.2, ~1.4;1.5.0;false", "1.2,1.3;1.3.0;true",
        "1.2,1.3;1.2.9;false",
        // pre-releases: only when a comparator names one of the same MAJOR.MINOR.PATCH
        ">=1.2.3-alpha;1.2.3-beta;true", ">=1.2.3-alpha;1.2.3;true", ">=1.2.3-alpha;1.3.0-alpha;false",
        ">=1.2.3-alpha;1.2.4;true", "^1.2.3-alpha.1;1.2.3-alpha.2;true", "^1.2.3-alpha.1;1.2.3-alpha.0;false",
        "^1.2.3-alpha.1;1.2.3-alpha.1;true", "^1.2.3-alpha.1;1.2.4-alpha.1;false", "^1.2.3-alpha.1;1.5.0;true",
        "^1.2.3;1.2.4-alpha;false", "^1.2;1.2.0-alpha;false", ">=1.0.0-alpha, <1.0.0;1.0.0-rc.1;true",
        ">=1.0.0-alpha, <1.0.0;1.0.0;false", "~1.2.3-beta.2;1.2.3-beta.10;true", "~1.2.3-beta.2;1.2.3-beta;false",
        "~1.2.3-beta.2;1.2.4;true", "1.2.3-alpha;1.2.3-alpha.beta;true", "1.2.3-beta;1.2.3-alpha;false",
        "1.2.3-1;1.2.3-alpha;true", "1.2.3-alpha;1.2.3-1;false", "^0.0.3-rc.1;0.0.3-rc.2;true",
        "^0.0.3-rc.1;0.0.3;true", "^0.0.3-rc.1;0.0.4-rc.1;false", "<1.2.3-rc.1;1.2.3-beta;true", "<1.2.3;1.2.3-beta;false",
        "<1.2.3-rc.1, >=1.2.3-alpha;1.2.3-beta;true", "1.2.3+build;1.2.3;true", "^1.2.3;1.2.3+any;true",
        // Debian gives short versions: padded with .0
        "^1.2;1.2;true", "1.2.3;1.2;false", "^1;1;true", "~0.2;0.2;true", ">=1.0.0-rc.1;1.0-rc.2;true",
        "^1.0;1.0-rc.2;false", "=2;2;true",
        // not versions satisfy nothing
        "*;abc;false", "^1;1.2.3.4;false", "^1;'';false", "^1;v1.2.3;false", "^1;01.2.3;false",
        "^1;1.2.3-;false", "*;1.x;false", "*;1.2.3 4;false",
    })
    void evaluates(String requirement, String version, boolean expected) throws Exception {
        assertEquals(expected, CargoRequirement.parse(requirement).isSatisfiedBy(version));
    }

    /** npm's and others' syntax that Cargo refuses, and plain mistakes. */
    @ParameterizedTest
    @ValueSource(strings = {"", "  ", ",", "1.2.3,", ",1.2.3", "1.2.3,,1.3", "1.*.3", "1.x.3", "01.2", "1.02",
        "1.2.3-01", "1.2-alpha", "1-alpha", "1.2+build", ">=", ">= ,1", "*, 1.0", "1.0, *", "* 1", "1.2.3.4",
        "1.0 || 2.0", ">=1 <2", ">=1.2.3 <2", "1.2.3 - 2.0.0", "v1.2.3", "~>1", "=>1", "!=1.2.3", "1.2.3-",
        "1.2.3+", "1.2.3-a..b", "a.b.c", "^*", "\t1.2", "1.2\t", ">=\t1", "1 .2", "1.2.3-α", "latest", "99999999999999999999"})
    void refuses(String text) {
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> CargoRequirement.parse(text));
        assertTrue(e.getMessage().startsWith("invalid Cargo version"), e.getMessage());
    }

    @Test
    void messagesSayWhatWasExpected() {
        assertEquals("invalid Cargo version requirement \">=1 <2\": expected a comma after \"1\", got \"<2\"",
                assertThrows(MalformedInputException.class, () -> CargoRequirement.parse(">=1 <2")).getMessage());
        assertEquals("invalid Cargo version requirement \"^1.2-rc\": a pre-release or build needs MAJOR.MINOR.PATCH"
                + " in \"1.2-rc\"",
                assertThrows(MalformedInputException.class, () -> CargoRequirement.parse("^1.2-rc")).getMessage());
        assertEquals("invalid Cargo version requirement \"1.01\": expected a number without leading zeros, got \"01\""
                + " in \"1.01\"",
                assertThrows(MalformedInputException.class, () -> CargoRequirement.parse("1.01")).getMessage());
        assertTrue(assertThrows(MalformedInputException.class, () -> CargoRequirement.parse("*, 1"))
                .getMessage().contains("a wildcard must be the only comparator"));
        assertTrue(assertThrows(MalformedInputException.class, () -> CargoRequirement.parse(""))
                .getMessage().contains("expected a version requirement"));
        assertTrue(assertThrows(MalformedInputException.class, () -> CargoRequirement.parse("1.2,"))
                .getMessage().contains("expected a version between commas"));
    }

    @Test
    void keepsTheTextAsWritten() throws Exception {
        CargoRequirement r = CargoRequirement.parse(" >= 1.2, < 2 ");
        assertEquals(" >= 1.2, < 2 ", r.text());
        assertEquals(" >= 1.2, < 2 ", r.toString());
        assertFalse(r.isSoft());
        assertTrue(r.isSatisfiedBy(" 1.9.0 "));
    }

    @Test
    void nullIsAProgrammingError() throws Exception {
        assertThrows(NullPointerException.class, () -> CargoRequirement.parse(null));
        CargoRequirement r = CargoRequirement.parse("1");
        assertThrows(NullPointerException.class, () -> r.isSatisfiedBy((String) null));
        assertThrows(NullPointerException.class, () -> r.isSatisfiedBy((CargoVersion) null));
    }
}
