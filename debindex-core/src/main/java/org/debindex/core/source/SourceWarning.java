package org.debindex.core.source;

import java.util.Objects;

/**
 * Something in apt's sources configuration that apt ignores or reads in a surprising way (an
 * unknown option, an ignored file name, a value that is not a boolean): reported, never printed,
 * and never a reason to stop.
 *
 * <p>Immutable and thread-safe.
 *
 * @param source  the file (or {@code --repo}) it is about
 * @param line    the 1-based line, or -1 when it is about the whole file
 * @param message what was ignored and why, lower-case, no final period
 */
public record SourceWarning(String source, long line, String message) {

    /**
     * Validates the parts.
     *
     * @throws NullPointerException if {@code source} or {@code message} is null
     */
    public SourceWarning {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(message, "message");
        line = line < 1 ? -1 : line;
    }

    /** The warning as one line: {@code source:line: message}, the line left out when not known. */
    @Override
    public String toString() {
        return line >= 1 ? source + ":" + line + ": " + message : source + ": " + message;
    }
}
