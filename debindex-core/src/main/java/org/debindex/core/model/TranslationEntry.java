package org.debindex.core.model;

import java.util.Objects;
import org.debindex.core.MalformedInputException;
import org.debindex.core.deb822.FieldName;
import org.debindex.core.deb822.Paragraph;

/**
 * One stanza of a {@code Translation-<lang>} file: a package's full description in one language.
 *
 * <p>Join it to packages on ({@link #packageName()}, {@link #descriptionMd5()}), never on the name
 * alone: versions of a package may have different descriptions.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param packageName    {@code Package}
 * @param descriptionMd5 {@code Description-md5}, lower-case hex
 * @param language       the language code from the {@code Description-<lang>} field name, such as {@code en}
 * @param description    the full {@code Description-<lang>} value: synopsis, newline, continuation lines as written
 * @param line           the 1-based line number of the stanza in its file
 */
public record TranslationEntry(String packageName, String descriptionMd5, String language, String description,
                               long line) {

    private static final FieldName PACKAGE = FieldName.of("Package");
    private static final FieldName DESCRIPTION_MD5 = FieldName.of("Description-md5");

    /** @throws NullPointerException if an argument is null */
    public TranslationEntry {
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(descriptionMd5, "descriptionMd5");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(description, "description");
    }

    /**
     * Reads an entry from its paragraph.
     *
     * @throws MalformedInputException if {@code Package}, {@code Description-md5} or exactly one
     *     {@code Description-<lang>} field is missing, or the MD5 is not 32 hex digits
     * @throws NullPointerException if {@code paragraph} is null
     */
    public static TranslationEntry of(Paragraph paragraph) throws MalformedInputException {
        String name = Stanzas.required(paragraph, PACKAGE);
        int m = Stanzas.requiredIndex(paragraph, DESCRIPTION_MD5);
        String md5 = paragraph.value(m).toLowerCase(java.util.Locale.ROOT);
        if (md5.length() != 32 || !ChecksumEntry.isLowerHex(md5)) {
            throw Stanzas.error(paragraph, m, "field \"Description-md5\" has value "
                    + MalformedInputException.quote(paragraph.value(m)) + "; expected 32 hex digits");
        }
        int description = -1;
        for (int i = 0; i < paragraph.size(); i++) {
            String field = paragraph.name(i);
            if (field.regionMatches(true, 0, "Description-", 0, 12) && i != m) {
                if (description >= 0) {
                    throw Stanzas.error(paragraph, i, "second description field \"" + field + "\"; expected one");
                }
                description = i;
            }
        }
        if (description < 0) {
            throw new MalformedInputException(paragraph.source(), paragraph.line(), paragraph.offset(),
                    "paragraph has no \"Description-<lang>\" field");
        }
        String language = paragraph.name(description).substring(12);
        return new TranslationEntry(name, md5, language, paragraph.value(description), paragraph.line());
    }

    /** The synopsis: the first line of the description. */
    public String synopsis() {
        return Stanzas.firstLine(description);
    }

    /** The long description in Policy's form: continuation lines unindented, {@code .} lines empty. */
    public String longDescription() {
        return Stanzas.afterFirstLine(description);
    }
}
