package org.debindex.core.index.internal;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * A freshly built index: its header (section offsets not yet assigned) and its sections in file
 * order, in memory.
 *
 * <p>Instances are immutable and thread-safe; the buffers are read-only.
 *
 * @param header  the header; its section table lists {@code entries}
 * @param entries the sections, without file offsets
 * @param buffers each section's bytes, little-endian, from 0 to its limit
 */
public record Built(SnapshotHeader header, List<SectionEntry> entries, List<ByteBuffer> buffers) {

    /** Copies the lists. @throws NullPointerException if a component is null */
    public Built {
        entries = List.copyOf(entries);
        buffers = List.copyOf(buffers);
    }
}
