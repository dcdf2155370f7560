package org.debindex.core.index.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.debindex.core.cache.AtomicFiles;

/**
 * Writes a snapshot: header, sections 8-byte aligned, then one CRC32C per chunk of every
 * section; to a temporary file in the target's directory, forced to disk, then renamed over the
 * target, so a reader sees the old snapshot or the new one, never a mix.
 *
 * <p>Stateless and thread-safe; concurrent writers of one target must be serialised by the caller.
 */
public final class SnapshotWriter {

    private SnapshotWriter() {
    }

    /**
     * Writes the sections under the header's counts and tables.
     *
     * @param header   counts and tables; its section table is replaced
     * @param sections the sections, in file order (no {@link SectionKind#CHUNK_CRCS})
     * @throws IOException if writing fails; the target is then unchanged
     */
    public static void write(SnapshotHeader header, List<Section> sections, Path target) throws IOException {
        int shift = header.chunkShift();
        int chunkSize = 1 << shift;
        ByteSink crcs = new ByteSink(4096);
        CRC32C crc = new CRC32C();
        List<SectionEntry> table = new ArrayList<>();
        int chunk = 0;
        for (Section s : sections) {
            table.add(new SectionEntry(s.entry.kind(), s.entry.ordinal(), chunk, 0, s.length));
            for (int from = 0; from < s.length; from += chunkSize) {
                crc.reset();
                crc.update(s.buf.duplicate().position(from).limit((int) Math.min(s.length, (long) from + chunkSize)));
                crcs.putInt((int) crc.getValue());
                chunk++;
            }
        }
        table.add(new SectionEntry(SectionKind.CHUNK_CRCS, 0, 0, 0, crcs.size()));
        int headerLength = header.withSections(table, 0).encode().length;
        long offset = headerLength;
        List<SectionEntry> placed = new ArrayList<>(table.size());
        for (SectionEntry e : table) {
            offset = align(offset);
            placed.add(new SectionEntry(e.kind(), e.ordinal(), e.firstChunk(), offset, e.length()));
            offset += e.length();
        }
        byte[] head = header.withSections(placed, offset).encode();

        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                long at = writeAll(out, ByteBuffer.wrap(head), 0);
                for (int i = 0; i < placed.size(); i++) {
                    SectionEntry e = placed.get(i);
                    at = pad(out, at, e.offset());
                    ByteBuffer data = i < sections.size() ? sections.get(i).buf.duplicate().position(0) : crcs.toBuffer();
                    at = writeAll(out, data, at);
                }
                out.force(true);
            }
            AtomicFiles.moveIntoPlace(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static long align(long offset) {
        return (offset + 7) & ~7L;
    }

    private static long pad(FileChannel out, long at, long to) throws IOException {
        if (to > at) {
            return writeAll(out, ByteBuffer.allocate((int) (to - at)).order(ByteOrder.LITTLE_ENDIAN), at);
        }
        return at;
    }

    private static long writeAll(FileChannel out, ByteBuffer data, long at) throws IOException {
        while (data.hasRemaining()) {
            at += out.write(data, at);
        }
        return at;
    }
}
