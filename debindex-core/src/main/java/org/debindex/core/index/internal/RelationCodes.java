package org.debindex.core.index.internal;

import java.util.Optional;
import org.debindex.core.relation.Operator;
import org.debindex.core.relation.RelationField;

/**
 * The stable numbers a snapshot stores for relation fields and operators (enum ordinals may
 * change; these may not without a new format version).
 *
 * <p>Stateless: immutable tables only.
 */
public final class RelationCodes {

    private RelationCodes() {
    }

    /** The binary relation fields indexed for reverse dependencies, by code. */
    private static final RelationField[] FIELDS = {
        RelationField.DEPENDS, RelationField.PRE_DEPENDS, RelationField.RECOMMENDS, RelationField.SUGGESTS,
        RelationField.ENHANCES, RelationField.BREAKS, RelationField.CONFLICTS, RelationField.REPLACES,
    };

    /** Operators by code - 1 (0 means none). */
    private static final Operator[] OPERATORS = {
        Operator.STRICTLY_EARLIER, Operator.EARLIER_OR_EQUAL, Operator.EXACTLY_EQUAL,
        Operator.LATER_OR_EQUAL, Operator.STRICTLY_LATER,
    };

    /** How many fields are indexed. */
    public static int fieldCount() {
        return FIELDS.length;
    }

    /** The field with this code; the caller checks the range with {@link #fieldCount()}. */
    public static RelationField field(int code) {
        return FIELDS[code];
    }

    /** The code of an indexed field. */
    public static int code(RelationField field) {
        for (int i = 0; i < FIELDS.length; i++) {
            if (FIELDS[i] == field) {
                return i;
            }
        }
        throw new IllegalArgumentException("not an indexed relation field: " + field);
    }

    /** The code of an operator, 1 to 5. */
    public static int code(Operator operator) {
        for (int i = 0; i < OPERATORS.length; i++) {
            if (OPERATORS[i] == operator) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("unknown operator: " + operator);
    }

    /** The operator with this code; empty for 0 or an unknown code. */
    public static Optional<Operator> operator(int code) {
        return code >= 1 && code <= OPERATORS.length ? Optional.of(OPERATORS[code - 1]) : Optional.empty();
    }
}
