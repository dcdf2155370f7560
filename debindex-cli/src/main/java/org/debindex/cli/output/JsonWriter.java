package org.debindex.cli.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes one JSON document (RFC 8259) as it is built, indented by two spaces, keys in the order
 * they are written: the same report always gives the same bytes.
 *
 * <p>Strings are escaped so that any Java string survives: {@code "} and {@code \} by a
 * backslash, every control character (U+0000 to U+001F, U+007F) and the line separators U+2028
 * and U+2029 as {@code \}{@code uXXXX}, and so is a lone surrogate, which has no UTF-8 encoding.
 * Misuse (a value where a name belongs, a second top-level value, an unclosed container at
 * {@link #finish()}) is an {@link IllegalStateException}: a bug, never bad output.
 *
 * <p>Not thread-safe: one writer builds one document.
 */
public final class JsonWriter {

    /** What the writer is inside of, and what it expects next. */
    private enum Scope { TOP, OBJECT, ARRAY }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final Writer out;
    private final Deque<Scope> scopes = new ArrayDeque<>();
    /** Whether the current container has a member yet (for commas and the empty form). */
    private final Deque<Boolean> nonEmpty = new ArrayDeque<>();
    private boolean nameWritten;
    private boolean done;

    /**
     * A writer of one document to {@code out}; nothing is flushed or closed.
     *
     * @throws NullPointerException if {@code out} is null
     */
    public JsonWriter(Writer out) {
        this.out = Objects.requireNonNull(out, "out");
        scopes.push(Scope.TOP);
        nonEmpty.push(false);
    }

    /** Starts an object (as a value). @throws IllegalStateException if no value may come here */
    public JsonWriter beginObject() {
        beforeValue();
        write('{');
        scopes.push(Scope.OBJECT);
        nonEmpty.push(false);
        return this;
    }

    /** Ends the current object. @throws IllegalStateException if not in an object or a name waits for its value */
    public JsonWriter endObject() {
        return end(Scope.OBJECT, '}');
    }

    /** Starts an array (as a value). @throws IllegalStateException if no value may come here */
    public JsonWriter beginArray() {
        beforeValue();
        write('[');
        scopes.push(Scope.ARRAY);
        nonEmpty.push(false);
        return this;
    }

    /** Ends the current array. @throws IllegalStateException if not in an array */
    public JsonWriter endArray() {
        return end(Scope.ARRAY, ']');
    }

    /**
     * Writes a member name; its value comes next.
     *
     * @throws NullPointerException if {@code name} is null
     * @throws IllegalStateException if not in an object, or a name already waits for its value
     */
    public JsonWriter name(String name) {
        Objects.requireNonNull(name, "name");
        if (scopes.peek() != Scope.OBJECT || nameWritten) {
            throw new IllegalStateException("a name must be in an object, after a value: " + name);
        }
        separate();
        string(name);
        write(": ");
        nameWritten = true;
        return this;
    }

    /** Writes a string value. @throws NullPointerException if {@code value} is null */
    public JsonWriter value(String value) {
        Objects.requireNonNull(value, "value");
        beforeValue();
        string(value);
        return this;
    }

    /** Writes a number. */
    public JsonWriter value(long value) {
        beforeValue();
        write(Long.toString(value));
        return this;
    }

    /** Writes {@code true} or {@code false}. */
    public JsonWriter value(boolean value) {
        beforeValue();
        write(value ? "true" : "false");
        return this;
    }

    /** Writes {@code null}. */
    public JsonWriter nullValue() {
        beforeValue();
        write("null");
        return this;
    }

    /** Writes the string, or {@code null} when it is absent. @throws NullPointerException if {@code value} is null */
    public JsonWriter value(Optional<String> value) {
        return value.isPresent() ? value(value.get()) : nullValue();
    }

    /** {@code name(name).value(value)}. @throws NullPointerException if an argument is null */
    public JsonWriter member(String name, String value) {
        return name(name).value(value);
    }

    /** {@code name(name).value(value)}. @throws NullPointerException if {@code name} is null */
    public JsonWriter member(String name, long value) {
        return name(name).value(value);
    }

    /** {@code name(name).value(value)}. @throws NullPointerException if {@code name} is null */
    public JsonWriter member(String name, boolean value) {
        return name(name).value(value);
    }

    /** The string or {@code null}. @throws NullPointerException if an argument is null */
    public JsonWriter member(String name, Optional<String> value) {
        return name(name).value(value);
    }

    /**
     * Ends the document with a newline.
     *
     * @throws IllegalStateException if no value was written or a container is still open
     */
    public void finish() {
        if (scopes.peek() != Scope.TOP || !nonEmpty.peek() || done) {
            throw new IllegalStateException("the document is not complete, or already finished");
        }
        write('\n');
        done = true;
    }

    private JsonWriter end(Scope scope, char close) {
        if (scopes.peek() != scope || nameWritten) {
            throw new IllegalStateException("cannot close " + scope.name().toLowerCase(java.util.Locale.ROOT) + " here");
        }
        scopes.pop();
        if (nonEmpty.pop()) {
            newline();
        }
        write(close);
        return this;
    }

    private void beforeValue() {
        Scope scope = scopes.peek();
        if (scope == Scope.OBJECT) {
            if (!nameWritten) {
                throw new IllegalStateException("a value in an object needs a name first");
            }
            nameWritten = false;
        } else if (scope == Scope.ARRAY) {
            separate();
        } else {
            if (nonEmpty.peek()) {
                throw new IllegalStateException("a JSON document holds one value");
            }
            nonEmpty.pop();
            nonEmpty.push(true);
        }
    }

    /** The comma and line break before a member or element. */
    private void separate() {
        if (nonEmpty.pop()) {
            write(',');
        }
        nonEmpty.push(true);
        newline();
    }

    private void newline() {
        write('\n');
        for (int i = 1; i < scopes.size(); i++) {
            write("  ");
        }
    }

    private void string(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || isLoneSurrogate(s, i)) {
                b.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf])
                        .append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
            } else {
                b.append(c);
                if (Character.isHighSurrogate(c)) {
                    b.append(s.charAt(++i));
                }
            }
        }
        write(b.append('"').toString());
    }

    /** Whether the char at {@code i} is a surrogate that is not half of a valid pair. */
    private static boolean isLoneSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        return Character.isLowSurrogate(c);
    }

    private void write(char c) {
        try {
            out.write(c);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String s) {
        try {
            out.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
