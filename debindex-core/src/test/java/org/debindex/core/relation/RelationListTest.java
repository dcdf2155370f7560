package org.debindex.core.relation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.debindex.core.MalformedInputException;
import org.debindex.core.version.DebianVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Valid relation syntax: every element, whitespace variants, printing and round trips. */
class RelationListTest {

    private static RelationList parse(String value, RelationField field) throws MalformedInputException {
        RelationList list = RelationList.parse(value, field);
        assertEquals(list, RelationList.parse(list.toString(), field), "parse(print(x)) must equal x");
        return list;
    }

    private static Relation only(RelationList list) {
        assertEquals(1, list.groups().size(), list::toString);
        assertEquals(1, list.groups().get(0).relations().size(), list::toString);
        return list.groups().get(0).relations().get(0);
    }

    private static VersionConstraint constraint(Operator op, String version) {
        return new VersionConstraint(op, DebianVersion.of(version));
    }

    private static ArchitectureRestriction archs(boolean negated, String... names) {
        return new ArchitectureRestriction(negated, List.of(names));
    }

    /** A formula from lists of terms written as in a field, {@code "!stage1 cross"}. */
    private static BuildProfileFormula profiles(String... lists) {
        List<BuildProfileList> out = new ArrayList<>();
        for (String list : lists) {
            List<BuildProfileTerm> terms = new ArrayList<>();
            for (String term : list.split(" ")) {
                terms.add(term.startsWith("!") ? new BuildProfileTerm(true, term.substring(1))
                        : new BuildProfileTerm(false, term));
            }
            out.add(new BuildProfileList(terms));
        }
        return new BuildProfileFormula(out);
    }

    // --- the examples of docs/debian-repository-format.md §6

    @Test
    void depends_example() throws MalformedInputException {
        RelationList list = parse("libc6 (>= 2.36), default-mta | mail-transport-agent, python3:any",
                RelationField.DEPENDS);
        assertEquals(new RelationList(List.of(
                Alternatives.of(Relation.of("libc6", Operator.LATER_OR_EQUAL, DebianVersion.of("2.36"))),
                new Alternatives(List.of(Relation.of("default-mta"), Relation.of("mail-transport-agent"))),
                Alternatives.of(new Relation("python3", Optional.of("any"), Optional.empty(), Optional.empty(),
                        Optional.empty())))), list);
        assertEquals("libc6 (>= 2.36), default-mta | mail-transport-agent, python3:any", list.toString());
        assertFalse(list.hasLegacyOperators());
    }

    @Test
    void pre_depends_breaks_and_provides_examples() throws MalformedInputException {
        assertEquals(Relation.of("init-system-helpers", Operator.LATER_OR_EQUAL, DebianVersion.of("1.54~")),
                only(parse("init-system-helpers (>= 1.54~)", RelationField.PRE_DEPENDS)));
        assertEquals(Relation.of("foo", Operator.STRICTLY_EARLIER, DebianVersion.of("2.0-1~")),
                only(parse("foo (<< 2.0-1~)", RelationField.BREAKS)));
        assertEquals(Relation.of("bar", Operator.EXACTLY_EQUAL, DebianVersion.of("1.2")),
                only(parse("bar (= 1.2)", RelationField.PROVIDES)));
    }

    @Test
    void build_depends_example() throws MalformedInputException {
        String value = "debhelper-compat (= 13), libfoo-dev [!hurd-any !kfreebsd-any],\n"
                + " gcc-multilib [amd64 i386] <!nocheck>, python3-pytest <!nocheck> <pkg.foo.tests>,\n"
                + " pkgconf:native, libbar-dev (>= 1.0) [linux-any] <!stage1 !cross>";
        RelationList list = parse(value, RelationField.BUILD_DEPENDS);
        Optional<String> none = Optional.empty();
        assertEquals(new RelationList(List.of(
                Alternatives.of(Relation.of("debhelper-compat", Operator.EXACTLY_EQUAL, DebianVersion.of("13"))),
                Alternatives.of(new Relation("libfoo-dev", none, Optional.empty(),
                        Optional.of(archs(true, "hurd-any", "kfreebsd-any")), Optional.empty())),
                Alternatives.of(new Relation("gcc-multilib", none, Optional.empty(),
                        Optional.of(archs(false, "amd64", "i386")), Optional.of(profiles("!nocheck")))),
                Alternatives.of(new Relation("python3-pytest", none, Optional.empty(), Optional.empty(),
                        Optional.of(profiles("!nocheck", "pkg.foo.tests")))),
                Alternatives.of(new Relation("pkgconf", Optional.of("native"), Optional.empty(), Optional.empty(),
                        Optional.empty())),
                Alternatives.of(new Relation("libbar-dev", none,
                        Optional.of(constraint(Operator.LATER_OR_EQUAL, "1.0")),
                        Optional.of(archs(false, "linux-any")), Optional.of(profiles("!stage1 !cross")))))), list);
        assertEquals("debhelper-compat (= 13), libfoo-dev [!hurd-any !kfreebsd-any],"
                + " gcc-multilib [amd64 i386] <!nocheck>, python3-pytest <!nocheck> <pkg.foo.tests>,"
                + " pkgconf:native, libbar-dev (>= 1.0) [linux-any] <!stage1 !cross>", list.toString());
    }

    @Test
    void legacy_example_reads_as_earlier_or_equal() throws MalformedInputException {
        RelationList legacy = parse("foo (< 1.0)", RelationField.DEPENDS);
        RelationList current = parse("foo (<= 1.0)", RelationField.DEPENDS);
        assertEquals(current, legacy);
        assertEquals("foo (<= 1.0)", legacy.toString());
        assertTrue(legacy.hasLegacyOperators());
        assertTrue(only(legacy).version().orElseThrow().hasLegacySymbol());
        assertEquals("<", only(legacy).version().orElseThrow().writtenSymbol());
        assertFalse(current.hasLegacyOperators());
    }

    // --- operators

    @ParameterizedTest
    @CsvSource({
        "'a (<< 1)', STRICTLY_EARLIER, false, 'a (<< 1)'",
        "'a (<= 1)', EARLIER_OR_EQUAL, false, 'a (<= 1)'",
        "'a (= 1)', EXACTLY_EQUAL, false, 'a (= 1)'",
        "'a (>= 1)', LATER_OR_EQUAL, false, 'a (>= 1)'",
        "'a (>> 1)', STRICTLY_LATER, false, 'a (>> 1)'",
        "'a (< 1)', EARLIER_OR_EQUAL, true, 'a (<= 1)'",
        "'a (> 1)', LATER_OR_EQUAL, true, 'a (>= 1)'",
        "'a (<1)', EARLIER_OR_EQUAL, true, 'a (<= 1)'",
        "'a (>1)', LATER_OR_EQUAL, true, 'a (>= 1)'",
        "'a(>>1)', STRICTLY_LATER, false, 'a (>> 1)'",
    })
    void every_operator(String value, Operator op, boolean legacy, String printed) throws MalformedInputException {
        RelationList list = parse(value, RelationField.DEPENDS);
        VersionConstraint version = only(list).version().orElseThrow();
        assertEquals(op, version.operator());
        assertEquals(legacy, version.hasLegacySymbol());
        assertEquals(legacy, list.hasLegacyOperators());
        assertEquals(DebianVersion.of("1"), version.version());
        assertEquals(printed, list.toString());
    }

    @Test
    void versions_keep_their_text() throws MalformedInputException {
        Relation r = only(parse("foo (>= 1:2.3~rc1+dfsg-4.1~bpo12+1)", RelationField.DEPENDS));
        assertEquals("1:2.3~rc1+dfsg-4.1~bpo12+1", r.version().orElseThrow().version().toString());
        assertEquals(1, r.version().orElseThrow().version().epoch());
    }

    // --- names and qualifiers

    @ParameterizedTest
    @CsvSource({
        "libc6, true", "g++, true", "libstdc++6, true", "python3.13, true", "0ad, true", "a-b+c.d, true",
        "Foo, false", "foo_bar, false", "x, false", "X11, false"})
    void package_names_dpkg_accepts(String name, boolean policy) throws MalformedInputException {
        Relation r = only(parse(name, RelationField.DEPENDS));
        assertEquals(name, r.packageName());
        assertEquals(policy, r.hasPolicyName());
    }

    @ParameterizedTest
    @CsvSource({"any", "native", "amd64", "i386", "x32", "arm64"})
    void architecture_qualifiers(String qualifier) throws MalformedInputException {
        Relation r = only(parse("python3:" + qualifier + " (>= 3.11)", RelationField.BUILD_DEPENDS));
        assertEquals(Optional.of(qualifier), r.architectureQualifier());
        assertEquals("python3:" + qualifier + " (>= 3.11)", r.toString());
    }

    @Test
    void qualifiers_other_than_native_are_allowed_in_binary_fields() throws MalformedInputException {
        for (RelationField field : RelationField.values()) {
            Relation r = only(parse("gcc:amd64 (= 4)", field));
            assertEquals(Optional.of("amd64"), r.architectureQualifier(), field::toString);
        }
    }

    // --- restrictions

    @Test
    void architecture_restrictions_keep_wildcards_as_written() throws MalformedInputException {
        Relation r = only(parse("foo [linux-any any-amd64 any gnu-any-any kfreebsd-i386]",
                RelationField.BUILD_CONFLICTS));
        assertEquals(Optional.of(archs(false, "linux-any", "any-amd64", "any", "gnu-any-any", "kfreebsd-i386")),
                r.architectures());
        Relation negated = only(parse("foo [!hurd-any]", RelationField.BUILD_DEPENDS_ARCH));
        assertEquals(Optional.of(archs(true, "hurd-any")), negated.architectures());
        assertEquals("foo [!hurd-any]", negated.toString());
    }

    @Test
    void build_profiles_are_lists_of_terms() throws MalformedInputException {
        Relation r = only(parse("foo <!nocheck> <stage1 !cross> <pkg.foo.bar-baz.1>",
                RelationField.BUILD_DEPENDS_INDEP));
        assertEquals(Optional.of(profiles("!nocheck", "stage1 !cross", "pkg.foo.bar-baz.1")), r.buildProfiles());
        assertEquals("foo <!nocheck> <stage1 !cross> <pkg.foo.bar-baz.1>", r.toString());
    }

    @Test
    void all_parts_together() throws MalformedInputException {
        RelationList list = parse("a:any (>= 1) [amd64] <!nocheck> | b:native (<< 2) [!i386] <stage1> <cross>",
                RelationField.BUILD_DEPENDS);
        assertEquals("a:any (>= 1) [amd64] <!nocheck> | b:native (<< 2) [!i386] <stage1> <cross>", list.toString());
        assertEquals(2, list.groups().get(0).relations().size());
        assertTrue(list.groups().get(0).hasAlternatives());
    }

    // --- whitespace

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a (>= 1.0), b",
        "a(>= 1.0),b",
        "a(>=1.0),b",
        "a ( >=  1.0 ) ,  b",
        "'  a (>= 1.0), b  '",
        "\ta\t(>=\t1.0),\tb\t",
    })
    void whitespace_is_insignificant(String value) throws MalformedInputException {
        assertEquals("a (>= 1.0), b", parse(value, RelationField.DEPENDS).toString());
    }

    @Test
    void folded_values_continue_with_newlines() throws MalformedInputException {
        String folded = "a (>= 1.0),\n b\n  | c,\n\td (<<\n 2),\r\n e";
        assertEquals("a (>= 1.0), b | c, d (<< 2), e", parse(folded, RelationField.DEPENDS).toString());
        String source = "a [amd64\n i386]\n <!nocheck\n stage1>\n <cross>,\n";
        assertEquals("a [amd64 i386] <!nocheck stage1> <cross>", parse(source, RelationField.BUILD_DEPENDS).toString());
    }

    @Test
    void no_space_needed_between_parts() throws MalformedInputException {
        assertEquals("a:any (= 1) [amd64] <!nocheck> <cross> | b",
                parse("a:any(=1)[amd64]<!nocheck><cross>|b", RelationField.BUILD_DEPENDS).toString());
    }

    @ParameterizedTest
    @EnumSource(RelationField.class)
    void empty_and_blank_values_have_no_relations(RelationField field) throws MalformedInputException {
        assertSame(RelationList.empty(), RelationList.parse("", field));
        assertSame(RelationList.empty(), RelationList.parse(" \t\n ", field));
        assertTrue(RelationList.empty().isEmpty());
        assertEquals("", RelationList.empty().toString());
    }

    @Test
    void trailing_comma_in_source_fields() throws MalformedInputException {
        assertEquals("a, b", parse("a, b,", RelationField.BUILD_DEPENDS).toString());
        assertEquals("a, b", parse("a, b ,\n ", RelationField.BUILD_CONFLICTS_INDEP).toString());
        assertEquals(parse("a, b", RelationField.BUILD_DEPENDS), parse("a, b,", RelationField.BUILD_DEPENDS));
    }

    // --- queries

    @Test
    void all_relations_flattens_groups_in_order() throws MalformedInputException {
        RelationList list = parse("a | b, c, d | e | f", RelationField.RECOMMENDS);
        List<String> names = new ArrayList<>();
        for (Relation r : list.allRelations()) {
            names.add(r.packageName());
        }
        assertEquals(List.of("a", "b", "c", "d", "e", "f"), names);
        assertThrows(UnsupportedOperationException.class, () -> list.allRelations().clear());
    }

    @Test
    void evaluated_for_drops_what_does_not_apply() throws MalformedInputException {
        RelationList list = parse("a [amd64], b [!amd64], x | y [i386] | z <!nocheck>, w <nocheck>,"
                + " v [linux-any] <!stage1 !cross> <cross>", RelationField.BUILD_DEPENDS);
        assertEquals("a, x | z, v", list.evaluatedFor("amd64", Set.of()).toString());
        assertEquals("b, x | y, w, v", list.evaluatedFor("i386", Set.of("nocheck")).toString());
        assertEquals("b, x | z", list.evaluatedFor("hurd-i386", Set.of("cross")).toString());
        assertEquals("a, x | z", list.evaluatedFor("amd64", Set.of("stage1")).toString());
    }

    @Test
    void relation_version_satisfaction() throws MalformedInputException {
        Relation r = only(parse("libc6 (>= 2.36)", RelationField.DEPENDS));
        assertTrue(r.isSatisfiedBy(DebianVersion.of("2.36-9")));
        assertTrue(r.isSatisfiedBy(DebianVersion.of("2.41")));
        assertFalse(r.isSatisfiedBy(DebianVersion.of("2.36~rc1")));
        assertTrue(Relation.of("libc6").isSatisfiedBy(DebianVersion.of("0.1")));
    }
}
