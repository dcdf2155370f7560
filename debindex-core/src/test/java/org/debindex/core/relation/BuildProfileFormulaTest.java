package org.debindex.core.relation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.debindex.core.MalformedInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Evaluation of build-profile formulas: lists ORed, terms ANDed (dpkg's evaluate_restriction_formula). */
class BuildProfileFormulaTest {

    private static BuildProfileFormula formula(String text) throws MalformedInputException {
        Relation r = RelationList.parse("foo " + text, RelationField.BUILD_DEPENDS).groups().get(0).relations().get(0);
        return r.buildProfiles().orElseThrow();
    }

    private static Set<String> profiles(String active) {
        return active.isEmpty() ? Set.of() : Set.of(active.split(" "));
    }

    @ParameterizedTest(name = "{0} with [{1}]")
    @CsvSource({
        "'<!nocheck>', '', true",
        "'<!nocheck>', 'nocheck', false",
        "'<nocheck>', '', false",
        "'<nocheck>', 'nocheck', true",
        "'<stage1 !cross>', 'stage1', true",
        "'<stage1 !cross>', 'stage1 cross', false",
        "'<stage1 !cross>', '', false",
        "'<!stage1 !cross>', '', true",
        "'<!nocheck> <pkg.foo.tests>', 'nocheck', false",
        "'<!nocheck> <pkg.foo.tests>', 'nocheck pkg.foo.tests', true",
        "'<!nocheck> <pkg.foo.tests>', '', true",
        "'<stage1> <stage2>', 'stage2', true",
        "'<stage1> <stage2>', 'nodoc', false",
    })
    void evaluation(String formula, String active, boolean expected) throws MalformedInputException {
        assertEquals(expected, formula(formula).isSatisfiedBy(profiles(active)));
    }
}
