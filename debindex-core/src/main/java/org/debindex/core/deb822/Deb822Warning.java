package org.debindex.core.deb822;

import java.util.Objects;

/**
 * Something the reader accepted although the format discourages it (a whitespace-only line inside
 * a value, an empty value, a duplicate field in lenient contexts, no final newline), or a
 * paragraph it skipped in lenient mode.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param source  the source name
 * @param line    the 1-based line number
 * @param message what was found, lower-case, no final period
 */
public record Deb822Warning(String source, long line, String message) {

    /** @throws NullPointerException if {@code source} or {@code message} is null */
    public Deb822Warning {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(message, "message");
    }

    /** {@code source:line: warning: message}, as dpkg prints it. */
    @Override
    public String toString() {
        return source + ":" + line + ": warning: " + message;
    }
}
