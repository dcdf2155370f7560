package org.debindex.core.relation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.debindex.core.version.DebianVersion;
import org.junit.jupiter.api.Test;

/** The version part of a relation: equality, legacy spelling, printing, validation. */
class VersionConstraintTest {

    private static final DebianVersion ONE = DebianVersion.of("1.0");

    @Test
    void legacy_spelling_does_not_take_part_in_equality() {
        VersionConstraint legacy = new VersionConstraint(Operator.EARLIER_OR_EQUAL, ONE, true);
        VersionConstraint current = new VersionConstraint(Operator.EARLIER_OR_EQUAL, ONE);
        assertEquals(current, legacy);
        assertEquals(current.hashCode(), legacy.hashCode());
        assertTrue(legacy.hasLegacySymbol());
        assertFalse(current.hasLegacySymbol());
        assertEquals("<", legacy.writtenSymbol());
        assertEquals(">", new VersionConstraint(Operator.LATER_OR_EQUAL, ONE, true).writtenSymbol());
        assertEquals("<=", current.writtenSymbol());
        assertEquals("(<= 1.0)", legacy.toString());
    }

    @Test
    void operator_and_version_text_take_part_in_equality() {
        VersionConstraint c = new VersionConstraint(Operator.LATER_OR_EQUAL, ONE);
        assertNotEquals(c, new VersionConstraint(Operator.STRICTLY_LATER, ONE));
        // the same Debian version written differently is a different text, as DebianVersion.equals says
        assertNotEquals(c, new VersionConstraint(Operator.LATER_OR_EQUAL, DebianVersion.of("0:1.0")));
        assertNotEquals(c, null);
        assertNotEquals(c, "(>= 1.0)");
    }

    @Test
    void only_the_two_inclusive_operators_have_a_legacy_symbol() {
        Operator[] withoutLegacy = {Operator.STRICTLY_EARLIER, Operator.EXACTLY_EQUAL, Operator.STRICTLY_LATER};
        for (Operator op : withoutLegacy) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new VersionConstraint(op, ONE, true));
            assertEquals("operator has no legacy symbol: " + op.symbol(), e.getMessage());
        }
    }

    @Test
    void nulls_are_programming_errors() {
        assertEquals("operator", assertThrows(NullPointerException.class,
                () -> new VersionConstraint(null, ONE)).getMessage());
        assertEquals("version", assertThrows(NullPointerException.class,
                () -> new VersionConstraint(Operator.EXACTLY_EQUAL, null)).getMessage());
        assertEquals("candidate", assertThrows(NullPointerException.class,
                () -> new VersionConstraint(Operator.EXACTLY_EQUAL, ONE).isSatisfiedBy(null)).getMessage());
    }
}
