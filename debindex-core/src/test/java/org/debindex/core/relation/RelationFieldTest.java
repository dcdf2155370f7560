package org.debindex.core.relation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What each relation field permits, spelled out per field. */
class RelationFieldTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // field, name, source, |, only =, version required
        "DEPENDS, Depends, false, true, false, false",
        "PRE_DEPENDS, Pre-Depends, false, true, false, false",
        "RECOMMENDS, Recommends, false, true, false, false",
        "SUGGESTS, Suggests, false, true, false, false",
        "ENHANCES, Enhances, false, false, false, false",
        "BREAKS, Breaks, false, false, false, false",
        "CONFLICTS, Conflicts, false, false, false, false",
        "PROVIDES, Provides, false, false, true, false",
        "REPLACES, Replaces, false, false, false, false",
        "BUILT_USING, Built-Using, false, false, true, true",
        "STATIC_BUILT_USING, Static-Built-Using, false, false, true, true",
        "BUILD_DEPENDS, Build-Depends, true, true, false, false",
        "BUILD_DEPENDS_ARCH, Build-Depends-Arch, true, true, false, false",
        "BUILD_DEPENDS_INDEP, Build-Depends-Indep, true, true, false, false",
        "BUILD_CONFLICTS, Build-Conflicts, true, false, false, false",
        "BUILD_CONFLICTS_ARCH, Build-Conflicts-Arch, true, false, false, false",
        "BUILD_CONFLICTS_INDEP, Build-Conflicts-Indep, true, false, false, false",
    })
    void permissions(RelationField field, String name, boolean source, boolean alternatives, boolean onlyEquals,
            boolean versionRequired) {
        assertEquals(name, field.fieldName());
        assertEquals(name, field.toString());
        assertEquals(source, field.isSourceField());
        assertEquals(source, field.allowsArchitectureRestrictions());
        assertEquals(source, field.allowsBuildProfiles());
        assertEquals(source, field.allowsNativeQualifier());
        assertEquals(source, field.allowsTrailingComma());
        assertEquals(alternatives, field.allowsAlternatives());
        assertEquals(versionRequired, field.requiresVersion());
        for (Operator op : Operator.values()) {
            assertEquals(!onlyEquals || op == Operator.EXACTLY_EQUAL, field.allowsOperator(op), op::toString);
        }
        assertEquals(Optional.of(field), RelationField.forName(name));
        assertEquals(Optional.of(field), RelationField.forName(name.toUpperCase(java.util.Locale.ROOT)));
        assertEquals(Optional.of(field), RelationField.forName(name.toLowerCase(java.util.Locale.ROOT)));
    }

    @Test
    void every_field_is_in_the_table() {
        assertEquals(17, RelationField.values().length);
    }

    @Test
    void other_names_are_not_relation_fields() {
        for (String name : new String[] {"Package", "Depends ", "Depend", "", "Build-Depends-Indep-",
            "Testsuite-Triggers", "Installed-Build-Depends", "D\u0131pends"}) {
            assertEquals(Optional.empty(), RelationField.forName(name), name);
        }
    }
}
