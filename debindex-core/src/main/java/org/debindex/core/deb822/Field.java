package org.debindex.core.deb822;

import java.util.Objects;

/**
 * One field of a paragraph, decoded: its name as written and its value.
 *
 * <p>The value is the text after the colon with surrounding whitespace removed; for multi-line
 * fields it continues with a newline and each continuation line exactly as written (leading
 * space, lone {@code .} lines and all), without the final newline.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param name  the field name as written in the file
 * @param value the value
 * @param line  the 1-based line number of the field's first line in its source
 */
public record Field(String name, String value, long line) {

    /** @throws NullPointerException if {@code name} or {@code value} is null */
    public Field {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
