package org.debindex.core.relation;

import static org.debindex.core.relation.RelationField.BREAKS;
import static org.debindex.core.relation.RelationField.BUILD_CONFLICTS;
import static org.debindex.core.relation.RelationField.BUILD_DEPENDS;
import static org.debindex.core.relation.RelationField.BUILT_USING;
import static org.debindex.core.relation.RelationField.CONFLICTS;
import static org.debindex.core.relation.RelationField.DEPENDS;
import static org.debindex.core.relation.RelationField.ENHANCES;
import static org.debindex.core.relation.RelationField.PROVIDES;
import static org.debindex.core.relation.RelationField.REPLACES;
import static org.debindex.core.relation.RelationField.STATIC_BUILT_USING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.debindex.core.MalformedInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way a relation field can be malformed, with the exact message and the offset in the
 * value where the problem was found.
 */
class RelationListErrorTest {

    private static Arguments error(RelationField field, String value, int offset, String message) {
        return Arguments.of(field, value, offset, message);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource
    void empty_elements(RelationField field, String value, int offset, String message) {
        assertError(field, value, offset, message);
    }

    static Stream<Arguments> empty_elements() {
        return Stream.of(
                error(DEPENDS, "a, , b", 3, "empty relation before \",\"; expected a package name"),
                error(DEPENDS, "a,,b", 2, "empty relation before \",\"; expected a package name"),
                error(DEPENDS, ", a", 0, "empty relation before \",\"; expected a package name"),
                error(BUILD_DEPENDS, ",", 0, "empty relation before \",\"; expected a package name"),
                error(BUILD_DEPENDS, "a,,", 2, "empty relation before \",\"; expected a package name"),
                error(DEPENDS, "a,", 1, "trailing \",\" not allowed in Depends"),
                error(PROVIDES, "a (= 1), \n ", 7, "trailing \",\" not allowed in Provides"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource
    void empty_alternatives(RelationField field, String value, int offset, String message) {
        assertError(field, value, offset, message);
    }

    static Stream<Arguments> empty_alternatives() {
        return Stream.of(
                error(DEPENDS, "a || b", 2, "empty alternative after \"|\"; expected a package name"),
                error(DEPENDS, "a | | b", 2, "empty alternative after \"|\"; expected a package name"),
                error(DEPENDS, "a | , b", 2, "empty alternative after \"|\"; expected a package name"),
                error(DEPENDS, "a |", 2, "empty alternative after \"|\"; expected a package name"),
                error(DEPENDS, "| a", 0, "empty alternative before \"|\"; expected a package name"),
                error(DEPENDS, "b, | a", 3, "empty alternative before \"|\"; expected a package name"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource
    void alternatives_where_a_field_forbids_them(RelationField field, String value, int offset, String message) {
        assertError(field, value, offset, message);
    }

    static Stream<Arguments> alternatives_where_a_field_forbids_them() {
        return Stream.of(
                error(CONFLICTS, "a | b", 2, "alternatives (\"|\") not allowed in Conflicts"),
                error(BREAKS, "a (<< 1) | b", 9, "alternatives (\"|\") not allowed in Breaks"),
                error(PROVIDES, "a|b", 1, "alternatives (\"|\") not allowed in Provides"),
                error(REPLACES, "x, a | b", 5, "alternatives (\"|\") not allowed in Replaces"),
                error(ENHANCES, "a | b", 2, "alternatives (\"|\") not allowed in Enhances"),
                error(BUILT_USING, "a (= 1) | b (= 2)", 8, "alternatives (\"|\") not allowed in Built-Using"),
                error(BUILD_CONFLICTS, "a [amd64] | b", 10, "alternatives (\"|\") not allowed in Build-Conflicts"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource
    void unbalanced_brackets_and_parentheses(RelationField field, String value, int offset, String message) {
        assertError(field, value, offset, message);
    }

    static Stream<Arguments> unbalanced_brackets_and_parentheses() {
        return Stream.of(
                error(DEPENDS, "a (>= 1.0", 2,
                        "unterminated version restriction \"(>= 1.0\" after \"a\"; expected \")\""),
                error(DEPENDS, "a (>=", 2, "unterminated version restriction \"(>=\" after \"a\"; expected \")\""),
                error(DEPENDS, "a (", 2, "unterminated version restriction \"(\" after \"a\"; expected \")\""),
                error(DEPENDS, "a (>= 1.0, b", 9, "unexpected \",\" in version restriction of \"a\"; expected \")\""),
                error(DEPENDS, "a (>= 1.0]", 9, "unexpected \"]\" in version restriction of \"a\"; expected \")\""),
                error(DEPENDS, "a (>= 1.0 (", 10, "unexpected \"(\" in version restriction of \"a\"; expected \")\""),
                error(DEPENDS, "a )", 2, "unexpected \")\" after \"a\"; expected \",\", \"|\" or end of value"),
                error(DEPENDS, "a >= 1.0)", 2, "unexpected \">\" after \"a\"; expected \",\", \"|\" or end of value"),
                error(CONFLICTS, "a ]", 2, "unexpected \"]\" after \"a\"; expected \",\" or end of value"),
                error(BUILD_DEPENDS, "a [amd64", 2,
                        "unterminated architecture restriction \"[amd64\" after \"a\"; expected \"]\""),
                error(BUILD_DEPENDS, "a (>= 1) [amd64 \n", 9,
                        "unterminated architecture restriction \"[amd64\" after \"a (>= 1)\"; expected \"]\""),
                error(BUILD_DEPENDS, "a [amd64, b", 8,
                        "unexpected \",\" in architecture restriction \"[amd64\"; expected \"]\""),
                error(BUILD_DEPENDS, "a [amd64 <!nocheck>", 9,
                        "unexpected \"<\" in architecture restriction \"[amd64\"; expected \"]\""),
                error(BUILD_DEPENDS, "a ]", 2, "unexpected \"]\" after \"a\"; expected \",\", \"|\" or end of value"),
                error(BUILD_DEPENDS, "a <!nocheck", 2,
                        "unterminated build profile list \"<!nocheck\" after \"a\"; expected \">\""),
                error(BUILD_DEPENDS, "a <!nocheck, b", 11,
                        "unexpected \",\" in build profile list \"<!nocheck\"; expected \">\""),
                error(BUILD_DEPENDS, "a <!nocheck <cross>", 12,
                        "unexpected \"<\" in build profile list \"<!nocheck\"; expected \">\""),
                error(BUILD_DEPENDS, "a !nocheck>", 2,
                        "unexpected \"!nocheck\" after \"a\"; expected \",\", \"|\" or end of value"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource
    void missing_or_bad_operator_and_version(RelationField field, String value, int offset, String message) {
        assertError(field, value, offset, message);
    }

    static Stream<Arguments> missing_or_bad_operator_and_version() {
        String expected = "expected \"<<\", \"<=\", \"=\", \">=\" or \">>\"";
        return Stream.of(
                error(DEPENDS, "a (>= )", 6, "missing version after \">=\" in version restriction of \"a\""),
                error(DEPENDS, "a (>=)", 5, "missing version after \">=\" in version restriction of \"a\""),
                error(DEPENDS, "a (<<\n)", 6, "missing version after \"<<\" in version restriction of \"a\""),
                error(DEPENDS, "a ()", 2,
                        "empty version restriction \"()\" after \"a\"; " + expected + " and a version"),
                error(DEPENDS, "a ( )", 2,
                        "empty version restriction \"( )\" after \"a\"; " + expected + " and a version"),
                error(DEPENDS, "a (1.0)", 3,
                        "missing operator before \"1.0\" in version restriction of \"a\"; " + expected),
                error(DEPENDS, "a (=> 1)", 3, "bad operator \"=>\" in version restriction of \"a\"; " + expected),
                error(DEPENDS, "a (<> 1)", 3, "bad operator \"<>\" in version restriction of \"a\"; " + expected),
                error(DEPENDS, "a (>< 1)", 3, "bad operator \"><\" in version restriction of \"a\"; " + expected),
                error(DEPENDS, "a (!= 1)", 3, "bad operator \"!=\" in version restriction of \"a\"; " + expected),
                error(DEPENDS, "a (== 1)", 3, "bad operator \"==\" in version restriction of \"a\"; " + expected),
                error(DEPENDS, "a (<<= 1)", 3, "bad operator \"<<=\" in version restriction of \"a\"; " + expected),
                error(DEPENDS, "a (! 1)", 3, "bad operator \"!\" in version restriction of \"a\"; " + expected),
                error(DEPENDS, "a (~1)", 3,
                        "missing operator before \"~1\" in version restriction of \"a\"; " + expected),
                error(DEPENDS, "a (>= [1])", 6, "unexpected \"[\" in version restriction of \"a\"; expected a version"),
                error(DEPENDS, "a (>= 1 2)", 8, "unexpected \"2\" in version restriction of \"a\"; expected \")\""),
                error(PROVIDES, "a (>= 1)", 3, "operator \">=\" not allowed in Provides; only \"=\""),
                error(PROVIDES, "a (< 1)", 3, "operator \"<\" not allowed in Provides; only \"=\""),
                error(BUILT_USING, "gcc-14 (>> 1)", 8, "operator \">>\" not allowed in Built-Using; only \"=\""),
                error(BUILT_USING, "gcc-14", 0, "missing version for \"gcc-14\"; Built-Using requires \"(= version)\""),
                error(STATIC_BUILT_USING, "a (= 1), rustc", 9,
                        "missing version for \"rustc\"; Static-Built-Using requires \"(= version)\""));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource
    void invalid_versions(RelationField field, String value, int offset, String message) {
        assertError(field, value, offset, message);
    }

    static Stream<Arguments> invalid_versions() {
        return Stream.of(
                error(DEPENDS, "a (>= 1.0$)", 6, "invalid version \"1.0$\" in relation to \"a\":"
                        + " invalid character \"$\" in version number"),
                error(DEPENDS, "a (>= :1)", 6,
                        "invalid version \":1\" in relation to \"a\": epoch in version is empty"),
                error(DEPENDS, "a (= x:1)", 5, "invalid version \"x:1\" in relation to \"a\":"
                        + " epoch in version is not a number"),
                error(DEPENDS, "a (= 1.0-)", 5,
                        "invalid version \"1.0-\" in relation to \"a\": revision number is empty"),
                error(DEPENDS, "a (= 1:)", 5, "invalid version \"1:\" in relation to \"a\":"
                        + " nothing after colon in version number"),
                error(DEPENDS, "a (= 1.0-1_2)", 5, "invalid version \"1.0-1_2\" in relation to \"a\":"
                        + " invalid character \"_\" in revision number"),
                error(DEPENDS, "a (>= 1.0!)", 6, "invalid version \"1.0!\" in relation to \"a\":"
                        + " invalid character \"!\" in version number"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource
    void restriction_problems(RelationField field, String value, int offset, String message) {
        assertError(field, value, offset, message);
    }

    static Stream<Arguments> restriction_problems() {
        return Stream.of(
                error(BUILD_DEPENDS, "a [!i386 amd64]", 9,
                        "mixed negated and plain architectures in \"[!i386 amd64]\""),
                error(BUILD_CONFLICTS, "a [i386 !amd64]", 8,
                        "mixed negated and plain architectures in \"[i386 !amd64]\""),
                error(BUILD_DEPENDS, "a <!nocheck> [amd64]", 13, "architecture restriction \"[amd64]\" must come before"
                        + " the build profile lists; found after \"a <!nocheck>\""),
                error(BUILD_DEPENDS, "a [amd64] [i386]", 10,
                        "second architecture restriction \"[i386]\" after \"a [amd64]\"; only one is allowed"),
                error(BUILD_DEPENDS, "a [amd64] (>= 1)", 10, "version restriction \"(>= 1)\" must come right after"
                        + " the package name; found after \"a [amd64]\""),
                error(BUILD_DEPENDS, "a <cross> (>= 1)", 10, "version restriction \"(>= 1)\" must come right after"
                        + " the package name; found after \"a <cross>\""),
                error(DEPENDS, "a (>= 1) (<< 2)", 9,
                        "second version restriction \"(<< 2)\" after \"a (>= 1)\"; only one is allowed"),
                error(BUILD_DEPENDS, "a <>", 2, "empty build profile list \"<>\" after \"a\""),
                error(BUILD_DEPENDS, "a <!nocheck> < >", 13, "empty build profile list \"< >\" after \"a <!nocheck>\""),
                error(BUILD_DEPENDS, "a []", 2, "empty architecture restriction \"[]\" after \"a\""),
                error(BUILD_DEPENDS, "a (= 1) [ \n]", 8, "empty architecture restriction \"[ \\n]\" after \"a (= 1)\""),
                error(BUILD_DEPENDS, "a [!]", 3, "missing architecture name after \"!\" in \"[!]\""),
                error(BUILD_DEPENDS, "a [! amd64]", 3, "missing architecture name after \"!\" in \"[! amd64]\""),
                error(BUILD_DEPENDS, "a [AMD64]", 3,
                        "invalid architecture \"AMD64\" in \"[AMD64]\": must start with a lower-case letter or digit"),
                error(BUILD_DEPENDS, "a [linux_any]", 3, "invalid architecture \"linux_any\" in \"[linux_any]\":"
                        + " character \"_\" not allowed (only lower-case letters, digits and \"-\")"),
                error(BUILD_DEPENDS, "a <!>", 3, "missing build profile name after \"!\" in \"<!>\""),
                error(BUILD_DEPENDS, "a <Nocheck>", 3,
                        "invalid build profile \"Nocheck\" in \"<Nocheck>\":"
                        + " must start with a lower-case letter or digit"),
                error(BUILD_DEPENDS, "a <pkg:foo>", 3, "invalid build profile \"pkg:foo\" in \"<pkg:foo>\":"
                        + " character \":\" not allowed (only lower-case letters, digits and \"+-.\")"),
                error(DEPENDS, "a [amd64]", 2, "architecture restriction \"[amd64]\" not allowed in Depends"),
                error(PROVIDES, "a [amd64", 2, "architecture restriction \"[amd64\" not allowed in Provides"),
                error(BUILT_USING, "a (= 1) <!nocheck>", 8,
                        "build profile list \"<!nocheck>\" not allowed in Built-Using"),
                error(DEPENDS, "a:native", 2, "architecture qualifier \":native\" not allowed in Depends"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource
    void bad_names_and_stray_text(RelationField field, String value, int offset, String message) {
        assertError(field, value, offset, message);
    }

    static Stream<Arguments> bad_names_and_stray_text() {
        String allowed = " not allowed (only letters, digits and \"+-._\")";
        return Stream.of(
                error(DEPENDS, "foo/bar", 0, "invalid package name \"foo/bar\": character \"/\"" + allowed),
                error(DEPENDS, "a, -foo", 3, "invalid package name \"-foo\": must start with a letter or digit"),
                error(DEPENDS, "f\u00f6o", 0, "invalid package name \"f\u00f6o\": character \"\u00f6\"" + allowed),
                error(DEPENDS, "foo\u00a0bar", 0,
                        "invalid package name \"foo\\u00a0bar\": character \"\\u00a0\"" + allowed),
                error(DEPENDS, "(>= 1)", 0, "unexpected \"(\"; expected a package name"),
                error(DEPENDS, ":any", 0, "unexpected \":\"; expected a package name"),
                error(DEPENDS, "foo:", 3, "missing architecture qualifier after \"foo:\""),
                error(DEPENDS, "foo: any", 3, "missing architecture qualifier after \"foo:\""),
                error(DEPENDS, "foo:Any", 4, "invalid architecture qualifier \"Any\" of \"foo\":"
                        + " must start with a lower-case letter or digit"),
                error(DEPENDS, "foo:any:any", 4, "invalid architecture qualifier \"any:any\" of \"foo\":"
                        + " character \":\" not allowed (only lower-case letters, digits and \"-\")"),
                error(DEPENDS, "foo bar", 4, "unexpected \"bar\" after \"foo\"; expected \",\", \"|\" or end of value"),
                error(DEPENDS, "foo (>= 1) bar", 11,
                        "unexpected \"bar\" after \"foo (>= 1)\"; expected \",\", \"|\" or end of value"),
                error(REPLACES, "foo\n bar", 5, "unexpected \"bar\" after \"foo\"; expected \",\" or end of value"),
                error(DEPENDS, "foo;bar", 0, "invalid package name \"foo;bar\": character \";\"" + allowed));
    }

    private static void assertError(RelationField field, String value, int offset, String message) {
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> RelationList.parse(value, field));
        assertEquals(message, e.getMessage());
        assertEquals(message, e.problem());
        assertEquals(offset, e.offset(), "offset");
        assertEquals(-1, e.line());
        assertEquals("", e.source());
    }
}
