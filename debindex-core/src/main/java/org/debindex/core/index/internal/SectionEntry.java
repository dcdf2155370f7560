package org.debindex.core.index.internal;

import java.util.Objects;

/**
 * One row of a snapshot's section table.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param kind       what the section holds
 * @param ordinal    which input, for {@link SectionKind#STANZAS}; 0 otherwise
 * @param firstChunk the index of its first CRC in {@link SectionKind#CHUNK_CRCS}
 * @param offset     where it starts in the file
 * @param length     its length in bytes
 */
public record SectionEntry(SectionKind kind, int ordinal, int firstChunk, long offset, long length) {

    /** @throws NullPointerException if {@code kind} is null */
    public SectionEntry {
        Objects.requireNonNull(kind, "kind");
    }

    /** The name used in messages: the kind's label, with the ordinal for stanza sections. */
    public String label() {
        return kind == SectionKind.STANZAS ? kind.label() + "[" + ordinal + "]" : kind.label();
    }
}
