package org.debindex.core.relation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.debindex.core.version.DebianVersion;
import org.junit.jupiter.api.Test;

/** Construction rules of the value types and the evaluation helpers of Relation. */
class RelationTest {

    private static Relation restricted(ArchitectureRestriction archs, BuildProfileFormula profiles) {
        return new Relation("foo", Optional.empty(), Optional.empty(), Optional.ofNullable(archs),
                Optional.ofNullable(profiles));
    }

    @Test
    void invalid_names_are_programming_errors() {
        assertEquals("invalid package name \"foo bar\": character \" \" not allowed"
                        + " (only letters, digits and \"+-._\")",
                assertThrows(IllegalArgumentException.class, () -> Relation.of("foo bar")).getMessage());
        assertEquals("invalid package name \"\": must not be empty",
                assertThrows(IllegalArgumentException.class, () -> Relation.of("")).getMessage());
        assertEquals("invalid architecture qualifier \"Any\": must start with a lower-case letter or digit",
                assertThrows(IllegalArgumentException.class, () -> new Relation("foo", Optional.of("Any"),
                        Optional.empty(), Optional.empty(), Optional.empty())).getMessage());
        assertEquals("packageName", assertThrows(NullPointerException.class, () -> Relation.of(null)).getMessage());
        assertEquals("version", assertThrows(NullPointerException.class, () -> new Relation("foo",
                Optional.empty(), null, Optional.empty(), Optional.empty())).getMessage());
    }

    @Test
    void restriction_values_are_checked() {
        assertEquals("architecture restriction must name at least one architecture",
                assertThrows(IllegalArgumentException.class, () -> new ArchitectureRestriction(false, List.of()))
                        .getMessage());
        assertEquals("invalid architecture \"!amd64\": must start with a lower-case letter or digit",
                assertThrows(IllegalArgumentException.class,
                        () -> new ArchitectureRestriction(true, List.of("!amd64"))).getMessage());
        assertEquals("invalid build profile \"no check\": character \" \" not allowed"
                        + " (only lower-case letters, digits and \"+-.\")",
                assertThrows(IllegalArgumentException.class, () -> new BuildProfileTerm(false, "no check"))
                        .getMessage());
        assertEquals("build profile list must have at least one term",
                assertThrows(IllegalArgumentException.class, () -> new BuildProfileList(List.of())).getMessage());
        assertEquals("build profile formula must have at least one list",
                assertThrows(IllegalArgumentException.class, () -> new BuildProfileFormula(List.of())).getMessage());
        assertEquals("alternatives must have at least one relation",
                assertThrows(IllegalArgumentException.class, () -> new Alternatives(List.of())).getMessage());
        assertThrows(NullPointerException.class, () -> new RelationList(null));
    }

    @Test
    void collections_are_copied() {
        List<String> names = new java.util.ArrayList<>(List.of("amd64"));
        ArchitectureRestriction r = new ArchitectureRestriction(false, names);
        names.add("i386");
        assertEquals(List.of("amd64"), r.architectures());
        assertThrows(UnsupportedOperationException.class, () -> r.architectures().add("x32"));
    }

    @Test
    void applies_to_combines_architectures_and_profiles() {
        ArchitectureRestriction linux = new ArchitectureRestriction(false, List.of("linux-any"));
        BuildProfileFormula notNocheck = new BuildProfileFormula(List.of(
                new BuildProfileList(List.of(new BuildProfileTerm(true, "nocheck")))));
        Relation both = restricted(linux, notNocheck);
        assertTrue(both.appliesTo("amd64", Set.of()));
        assertFalse(both.appliesTo("amd64", Set.of("nocheck")));
        assertFalse(both.appliesTo("hurd-i386", Set.of()));
        assertTrue(restricted(null, null).appliesTo("hurd-i386", Set.of("nocheck")));
        assertEquals(Relation.of("foo"), both.withoutRestrictions());
        Relation plain = Relation.of("foo");
        assertSame(plain, plain.withoutRestrictions());
    }

    @Test
    void printing_a_constructed_relation() {
        Relation r = new Relation("python3", Optional.of("any"),
                Optional.of(new VersionConstraint(Operator.LATER_OR_EQUAL, DebianVersion.of("3.11"), true)),
                Optional.of(new ArchitectureRestriction(true, List.of("hurd-any", "kfreebsd-any"))),
                Optional.of(new BuildProfileFormula(List.of(
                        new BuildProfileList(List.of(new BuildProfileTerm(false, "stage1"),
                                new BuildProfileTerm(true, "cross"))),
                        new BuildProfileList(List.of(new BuildProfileTerm(true, "nocheck")))))));
        assertEquals("python3:any (>= 3.11) [!hurd-any !kfreebsd-any] <stage1 !cross> <!nocheck>", r.toString());
    }
}
