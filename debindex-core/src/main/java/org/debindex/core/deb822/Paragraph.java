package org.debindex.core.deb822;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One paragraph (stanza) of a deb822 file: its fields, as byte offsets into the bytes it was read
 * from.
 *
 * <p>Values are decoded to {@code String} only when asked for. Lookups by name are
 * case-insensitive (Debian Policy §5.1). When a name occurs twice (allowed only by lenient
 * options), lookups find the last one, as apt does; {@link #fields()} still lists both.
 *
 * <p>A paragraph from a streaming reader shares the reader's input chunk (never rewritten), so
 * keeping a paragraph keeps that chunk alive; {@link #compact()} makes a copy that holds only its
 * own bytes.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Paragraph {

    /** Ints per field in {@link #fields}: name start, name end, value start, value end, line. */
    static final int SLOTS = 5;
    static final int NAME_START = 0;
    static final int NAME_END = 1;
    static final int VALUE_START = 2;
    static final int VALUE_END = 3;
    /** Lines after the paragraph's first line; negative ({@code -1 - delta}) for a shadowed duplicate. */
    static final int LINE = 4;

    private final String source;
    private final byte[] data;
    private final int start;
    private final int end;
    private final long offset;
    private final long line;
    private final int[] fields;

    Paragraph(String source, byte[] data, int start, int end, long offset, long line, int[] fields) {
        this.source = source;
        this.data = data;
        this.start = start;
        this.end = end;
        this.offset = offset;
        this.line = line;
        this.fields = fields;
    }

    /**
     * Parses one paragraph from text, as a convenience for tests and small inputs.
     *
     * @throws org.debindex.core.MalformedInputException if the text is not exactly one paragraph
     * @throws NullPointerException if an argument is null
     */
    public static Paragraph parse(String source, String text) throws org.debindex.core.MalformedInputException {
        Objects.requireNonNull(text, "text");
        try (Deb822Reader reader = Deb822Reader.of(text.getBytes(StandardCharsets.UTF_8), source)) {
            Optional<Paragraph> first = reader.next();
            if (first.isEmpty()) {
                throw new org.debindex.core.MalformedInputException(source, 1, 0, "no paragraph; expected one");
            }
            Optional<Paragraph> second = reader.next();
            if (second.isPresent()) {
                throw new org.debindex.core.MalformedInputException(source, second.get().line(),
                        second.get().offset(), "more than one paragraph; expected one");
            }
            return first.get();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("reading a byte array cannot fail", e);
        }
    }

    /** The name of the source it was read from. */
    public String source() {
        return source;
    }

    /** The 1-based line number of its first line. */
    public long line() {
        return line;
    }

    /** The byte offset of its first byte in the source. */
    public long offset() {
        return offset;
    }

    /** The number of fields. */
    public int size() {
        return fields.length / SLOTS;
    }

    /**
     * The name of field {@code i}, as written.
     *
     * @throws IndexOutOfBoundsException if {@code i} is not in {@code [0, size())}
     */
    public String name(int i) {
        int f = slot(i);
        return new String(data, fields[f + NAME_START], fields[f + NAME_END] - fields[f + NAME_START],
                StandardCharsets.US_ASCII);
    }

    /**
     * The value of field {@code i}.
     *
     * @throws IndexOutOfBoundsException if {@code i} is not in {@code [0, size())}
     */
    public String value(int i) {
        int f = slot(i);
        return new String(data, fields[f + VALUE_START], fields[f + VALUE_END] - fields[f + VALUE_START],
                StandardCharsets.UTF_8);
    }

    /**
     * The 1-based line number of field {@code i}.
     *
     * @throws IndexOutOfBoundsException if {@code i} is not in {@code [0, size())}
     */
    public long lineOf(int i) {
        int delta = fields[slot(i) + LINE];
        return line + (delta < 0 ? -1 - delta : delta);
    }

    /**
     * Where the value of field {@code i} lies in the source.
     *
     * @throws IndexOutOfBoundsException if {@code i} is not in {@code [0, size())}
     */
    public FieldSpan valueSpan(int i) {
        int f = slot(i);
        return new FieldSpan(offset + fields[f + VALUE_START] - start,
                fields[f + VALUE_END] - fields[f + VALUE_START]);
    }

    /**
     * The index of the field named {@code name} (the last one if repeated), or -1.
     *
     * @throws NullPointerException if {@code name} is null
     */
    public int indexOf(FieldName name) {
        // Forward: shadowed duplicates are marked, so the first unmarked match is the last one written.
        int[] f = fields;
        for (int i = 0; i < f.length; i += SLOTS) {
            if (f[i + LINE] >= 0 && name.matches(data, f[i + NAME_START], f[i + NAME_END])) {
                return i / SLOTS;
            }
        }
        return -1;
    }

    /**
     * The indexes of several fields in one pass (each as {@link #indexOf(FieldName)}, -1 when
     * absent); cheaper than one lookup per name when a reader needs many fields of every paragraph.
     *
     * @throws NullPointerException if {@code names} or one of them is null
     */
    public int[] indexesOf(FieldName... names) {
        int[] out = new int[names.length];
        java.util.Arrays.fill(out, -1);
        int[] f = fields;
        int found = 0;
        for (int i = 0; i < f.length && found < names.length; i += SLOTS) {
            if (f[i + LINE] < 0) {
                continue;
            }
            int start = f[i + NAME_START];
            int end = f[i + NAME_END];
            for (int j = 0; j < names.length; j++) {
                if (out[j] < 0 && names[j].matches(data, start, end)) {
                    out[j] = i / SLOTS;
                    found++;
                    break;
                }
            }
        }
        return out;
    }

    /**
     * The index of the field named {@code name}, ignoring ASCII case, or -1.
     *
     * @throws IllegalArgumentException if {@code name} is not a valid field name
     * @throws NullPointerException if {@code name} is null
     */
    public int indexOf(String name) {
        return indexOf(FieldName.of(name));
    }

    /** Whether the field is present. @throws NullPointerException if {@code name} is null */
    public boolean has(FieldName name) {
        return indexOf(name) >= 0;
    }

    /**
     * Whether the field is present.
     *
     * @throws IllegalArgumentException if {@code name} is not a valid field name
     * @throws NullPointerException if {@code name} is null
     */
    public boolean has(String name) {
        return indexOf(name) >= 0;
    }

    /** The value of the field, if present. @throws NullPointerException if {@code name} is null */
    public Optional<String> get(FieldName name) {
        int i = indexOf(name);
        return i < 0 ? Optional.empty() : Optional.of(value(i));
    }

    /**
     * The value of the field, if present.
     *
     * @throws IllegalArgumentException if {@code name} is not a valid field name
     * @throws NullPointerException if {@code name} is null
     */
    public Optional<String> get(String name) {
        return get(FieldName.of(name));
    }

    /** Every field in file order, decoded. */
    public List<Field> fields() {
        List<Field> out = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            out.add(new Field(name(i), value(i), lineOf(i)));
        }
        return List.copyOf(out);
    }

    /** The paragraph's bytes as read (without the separating blank line). */
    public byte[] toBytes() {
        return Arrays.copyOfRange(data, start, end);
    }

    /** A copy that holds only its own bytes, for keeping long after reading. */
    public Paragraph compact() {
        if (start == 0 && end == data.length) {
            return this;
        }
        int[] moved = fields.clone();
        for (int i = 0; i < moved.length; i += SLOTS) {
            moved[i + NAME_START] -= start;
            moved[i + NAME_END] -= start;
            moved[i + VALUE_START] -= start;
            moved[i + VALUE_END] -= start;
        }
        return new Paragraph(source, toBytes(), 0, end - start, offset, line, moved);
    }

    /** The paragraph's text as read. */
    @Override
    public String toString() {
        return new String(data, start, end - start, StandardCharsets.UTF_8);
    }

    private int slot(int i) {
        Objects.checkIndex(i, fields.length / SLOTS);
        return i * SLOTS;
    }
}
