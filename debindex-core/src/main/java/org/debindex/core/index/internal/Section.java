package org.debindex.core.index.internal;

import java.nio.ByteBuffer;

/**
 * One section of a snapshot as it is read: its bytes (mapped or in memory) and where its chunk
 * checksums start. Reads go through {@link Snapshot}, which checks each chunk before its first use.
 *
 * <p>Thread-safe: only absolute reads are made on the buffer, and the one mutable field caches an
 * immutable value.
 */
public final class Section {

    final SectionEntry entry;
    final ByteBuffer buf;
    final int length;
    /** Whether it holds compressed blocks ({@link SectionKind#isCompressed()}). */
    final boolean compressed;
    /**
     * Its block table once read, else {@code null}. Racy on purpose: the table is immutable and
     * read from immutable bytes, so a reader that misses it merely reads it again.
     */
    volatile BlockTable table;

    Section(SectionEntry entry, ByteBuffer buf) {
        this.entry = entry;
        this.buf = buf;
        this.length = buf.limit();
        this.compressed = entry.kind().isCompressed();
    }

    /** Its length in bytes as stored (compressed, for a compressed section). */
    public int length() {
        return length;
    }

    /** Its name in messages. */
    public String label() {
        return entry.label();
    }
}
