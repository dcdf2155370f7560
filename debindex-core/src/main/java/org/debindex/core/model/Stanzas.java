package org.debindex.core.model;

import java.util.OptionalLong;
import org.debindex.core.MalformedInputException;
import org.debindex.core.deb822.FieldName;
import org.debindex.core.deb822.Paragraph;
import org.debindex.core.relation.RelationField;
import org.debindex.core.relation.RelationList;
import org.debindex.core.version.DebianVersion;

/** Field access shared by the models, with errors that name the source and line. */
final class Stanzas {

    private Stanzas() {
    }

    static int requiredIndex(Paragraph p, FieldName field) throws MalformedInputException {
        return requiredIndex(p, p.indexOf(field), field);
    }

    /** {@code i}, the index of {@code field}, when present. */
    static int requiredIndex(Paragraph p, int i, FieldName field) throws MalformedInputException {
        if (i < 0) {
            throw new MalformedInputException(p.source(), p.line(), p.offset(),
                    "paragraph has no \"" + field.name() + "\" field");
        }
        return i;
    }

    static String required(Paragraph p, FieldName field) throws MalformedInputException {
        return required(p, p.indexOf(field), field);
    }

    static String required(Paragraph p, int index, FieldName field) throws MalformedInputException {
        int i = requiredIndex(p, index, field);
        String value = p.value(i);
        if (value.isEmpty()) {
            throw error(p, i, "field \"" + field.name() + "\" is empty");
        }
        return value;
    }

    static DebianVersion version(Paragraph p, int i) throws MalformedInputException {
        try {
            return DebianVersion.parse(p.value(i));
        } catch (MalformedInputException e) {
            throw e.at(p.source(), p.lineOf(i), p.valueSpan(i).offset());
        }
    }

    static void checkNumber(Paragraph p, int i, FieldName field) throws MalformedInputException {
        if (i >= 0 && parseNumber(p.value(i)) < 0) {
            throw error(p, i, "field \"" + field.name() + "\" has value " + MalformedInputException.quote(p.value(i))
                    + "; expected a non-negative integer");
        }
    }

    static OptionalLong number(Paragraph p, FieldName field) {
        int i = p.indexOf(field);
        return i < 0 ? OptionalLong.empty() : OptionalLong.of(parseNumber(p.value(i)));
    }

    /** Decimal digits only, at most 18 of them; -1 otherwise. */
    static long parseNumber(String text) {
        if (text.isEmpty() || text.length() > 18) {
            return -1;
        }
        long n = 0;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /**
     * Parses a relation field; an error is placed at its line and byte offset in the source and
     * names the field.
     */
    static RelationList relations(Paragraph p, RelationField field) throws MalformedInputException {
        int i = p.indexOf(field.fieldName());
        if (i < 0) {
            return RelationList.empty();
        }
        String value = p.value(i);
        try {
            return RelationList.parse(value, field);
        } catch (MalformedInputException e) {
            int at = (int) Math.max(0, Math.min(e.offset(), value.length()));
            long line = p.lineOf(i) + value.substring(0, at).chars().filter(c -> c == '\n').count();
            throw new MalformedInputException(p.source(), line, p.valueSpan(i).offset() + at,
                    "field \"" + field.fieldName() + "\": " + e.problem(), e);
        }
    }

    static MalformedInputException error(Paragraph p, int field, String problem) {
        return new MalformedInputException(p.source(), p.lineOf(field), p.valueSpan(field).offset(), problem);
    }

    static String firstLine(String value) {
        int nl = value.indexOf('\n');
        return nl < 0 ? value : value.substring(0, nl);
    }

    /**
     * The continuation lines of a Description in Policy's form: each line without its leading
     * space, a lone {@code .} as an empty line.
     */
    static String afterFirstLine(String value) {
        int nl = value.indexOf('\n');
        if (nl < 0) {
            return "";
        }
        // A loop over line ends rather than split: index builds call this for every description.
        StringBuilder out = new StringBuilder(value.length() - nl);
        int start = nl + 1;
        while (true) {
            int end = value.indexOf('\n', start);
            int lineEnd = end < 0 ? value.length() : end;
            int textStart = lineEnd > start ? start + 1 : start;
            if (out.length() > 0) {
                out.append('\n');
            }
            if (!(lineEnd - textStart == 1 && value.charAt(textStart) == '.')) {
                out.append(value, textStart, lineEnd);
            }
            if (end < 0) {
                return out.toString();
            }
            start = end + 1;
        }
    }
}
