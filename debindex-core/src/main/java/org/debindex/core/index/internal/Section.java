package org.debindex.core.index.internal;

import java.nio.ByteBuffer;

/**
 * One section of a snapshot as it is read: its bytes (mapped or in memory) and where its chunk
 * checksums start. Reads go through {@link Snapshot}, which checks each chunk before its first use.
 *
 * <p>Immutable and thread-safe: only absolute reads are made on the buffer.
 */
public final class Section {

    final SectionEntry entry;
    final ByteBuffer buf;
    final int length;

    Section(SectionEntry entry, ByteBuffer buf) {
        this.entry = entry;
        this.buf = buf;
        this.length = buf.limit();
    }

    /** Its length in bytes. */
    public int length() {
        return length;
    }

    /** Its name in messages. */
    public String label() {
        return entry.label();
    }
}
