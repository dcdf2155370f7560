package org.debindex.core.deb822;

/**
 * Where a field value lies in its source: byte offset and length, so that an index can keep
 * offsets instead of copies.
 *
 * <p>For a paragraph that had CRLF line ends or comment lines, the span refers to the paragraph's
 * normalised bytes (see {@link Paragraph#offset()}), not to the raw file.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param offset the byte offset from the start of the source
 * @param length the length in bytes
 */
public record FieldSpan(long offset, int length) {

    /** @throws IllegalArgumentException if {@code offset} or {@code length} is negative */
    public FieldSpan {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
        if (length < 0) {
            throw new IllegalArgumentException("length must not be negative: " + length);
        }
    }
}
