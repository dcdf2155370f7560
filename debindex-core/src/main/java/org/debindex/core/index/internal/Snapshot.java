package org.debindex.core.index.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.zip.CRC32C;
import org.debindex.core.IndexFormatException;

/**
 * The sections of an index, memory-mapped from a snapshot file (or held in memory right after a
 * build), with every read checked.
 *
 * <p>Opening reads and checks only the header (its CRC32C, the file length, the section table);
 * each section is mapped, not read. Every read first makes sure that the chunks it touches have
 * been checked against their CRC32C (once per chunk, remembered in a bit set that tolerates races) and
 * that it stays inside its section, so corrupt data is reported as an
 * {@link IndexFormatException} naming the file and section, never returned.
 *
 * <p>Thread-safe: reads are absolute, and concurrent checks of one chunk are harmless.
 */
public final class Snapshot {

    private final String source;
    private final SnapshotHeader header;
    private final Section[] byKind;
    private final Section[] stanzas;
    /** CRC per chunk, for a mapped file; {@code null} in memory, where nothing needs checking. */
    private final ByteBuffer crcs;
    /**
     * One bit per chunk, set once the chunk passed its check. Plain ints, deliberately: a set bit
     * only ever records a fact about immutable bytes, so a racing reader that misses a bit (or a
     * lost update) merely checks that chunk again; no bit is ever set for an unchecked chunk.
     */
    private final int[] checked;
    private final int shift;
    /**
     * The file, kept open for {@link #readThrough}; {@code null} in memory. Never closed here: the
     * mapping outlives it anyway, and the channel's cleaner closes it once the snapshot is unreachable.
     */
    private final FileChannel channel;

    private Snapshot(String source, SnapshotHeader header, List<Section> sections, ByteBuffer crcs,
            int stanzaCount, FileChannel channel) {
        this.source = source;
        this.channel = channel;
        this.header = header;
        this.crcs = crcs;
        this.shift = header.chunkShift();
        this.byKind = new Section[SectionKind.CODE_LIMIT];
        this.stanzas = new Section[stanzaCount];
        int chunks = 0;
        for (Section s : sections) {
            if (s.entry.kind() == SectionKind.STANZAS) {
                stanzas[s.entry.ordinal()] = s;
            } else {
                byKind[s.entry.kind().code()] = s;
            }
            chunks = Math.max(chunks, s.entry.firstChunk() + chunkCount(s.length, shift));
        }
        this.checked = crcs == null ? null : new int[(chunks + 31) >>> 5];
    }

    /** How many chunks of {@code 2^shift} bytes cover {@code length} bytes. */
    public static int chunkCount(long length, int shift) {
        return (int) ((length + (1L << shift) - 1) >>> shift);
    }

    /**
     * A snapshot of sections held in memory, as a build leaves them; nothing is checksummed.
     *
     * @param header   the header (its section offsets are not used)
     * @param sections the sections, each buffer little-endian from 0 to its limit
     */
    public static Snapshot inMemory(String source, SnapshotHeader header, List<SectionEntry> entries,
            List<ByteBuffer> buffers) {
        Section[] sections = new Section[entries.size()];
        int stanzaCount = 0;
        for (int i = 0; i < sections.length; i++) {
            sections[i] = new Section(entries.get(i), buffers.get(i).duplicate().order(ByteOrder.LITTLE_ENDIAN));
            if (entries.get(i).kind() == SectionKind.STANZAS) {
                stanzaCount = Math.max(stanzaCount, entries.get(i).ordinal() + 1);
            }
        }
        return new Snapshot(source, header, List.of(sections), null, stanzaCount, null);
    }

    /**
     * Opens a snapshot file: reads and checks its header, maps its sections.
     *
     * @throws IndexFormatException if the header is wrong, corrupt or inconsistent with the file
     * @throws IOException if the file cannot be read or mapped
     */
    public static Snapshot open(Path file) throws IOException, IndexFormatException {
        String source = file.toString();
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        boolean opened = false;
        try {
            long size = channel.size();
            if (size < Layout.FIXED_HEADER + 8) {
                throw new IndexFormatException(source, "header", "file is " + size
                        + " bytes, shorter than a snapshot header; truncated");
            }
            ByteBuffer fixed = read(channel, 0, Layout.FIXED_HEADER);
            int headerLength = SnapshotHeader.headerLength(fixed, source, size);
            SnapshotHeader header = SnapshotHeader.decode(read(channel, 0, headerLength), source, size);
            List<SectionEntry> table = header.sections();
            Section[] sections = new Section[table.size()];
            ByteBuffer crcs = null;
            int chunks = 0;
            int stanzaCount = 0;
            long end = headerLength;
            // One mapping for the whole file where a buffer can hold it (one system call), else
            // one per section.
            MappedByteBuffer whole = size <= Integer.MAX_VALUE
                    ? channel.map(FileChannel.MapMode.READ_ONLY, 0, size) : null;
            for (int i = 0; i < sections.length; i++) {
                SectionEntry e = table.get(i);
                if (e.offset() < end || e.offset() % 8 != 0 || e.length() < 0 || e.length() > Integer.MAX_VALUE
                        || e.offset() + e.length() > size) {
                    throw new IndexFormatException(source, "header", "section " + e.label() + " at " + e.offset()
                            + " (" + e.length() + " bytes) does not fit the file; corrupt section table");
                }
                end = e.offset() + e.length();
                ByteBuffer mapped = whole != null ? whole.slice((int) e.offset(), (int) e.length())
                        : channel.map(FileChannel.MapMode.READ_ONLY, e.offset(), e.length());
                mapped.order(ByteOrder.LITTLE_ENDIAN);
                sections[i] = new Section(e, mapped);
                if (e.kind() == SectionKind.CHUNK_CRCS) {
                    if (crcs != null) {
                        throw new IndexFormatException(source, "header", "two chunk-crcs sections");
                    }
                    crcs = mapped;
                } else {
                    if (e.firstChunk() != chunks) {
                        throw new IndexFormatException(source, "header", "section " + e.label()
                                + " has first chunk " + e.firstChunk() + "; expected " + chunks);
                    }
                    chunks += chunkCount(e.length(), header.chunkShift());
                    if (e.kind() == SectionKind.STANZAS) {
                        stanzaCount = Math.max(stanzaCount, e.ordinal() + 1);
                    }
                }
            }
            if (crcs == null || crcs.limit() != 4L * chunks) {
                throw new IndexFormatException(source, "header", "chunk-crcs section missing or not "
                        + (4L * chunks) + " bytes");
            }
            if (end != size) {
                throw new IndexFormatException(source, "header", "file is " + size + " bytes but its sections end at "
                        + end + "; corrupt section table");
            }
            Snapshot snapshot = new Snapshot(source, header, List.of(sections), crcs, stanzaCount, channel);
            opened = true;
            return snapshot;
        } finally {
            if (!opened) {
                channel.close();
            }
        }
    }

    private static ByteBuffer read(FileChannel channel, long at, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (channel.read(b, at + b.position()) < 0) {
                break;
            }
        }
        return b.flip();
    }

    /** The file name used in messages. */
    public String source() {
        return source;
    }

    /** The header. */
    public SnapshotHeader header() {
        return header;
    }

    /** The section of this kind (not {@link SectionKind#STANZAS}), or a failure naming it. */
    public Section section(SectionKind kind) throws IndexFormatException {
        Section s = byKind[kind.code()];
        if (s == null) {
            throw new IndexFormatException(source, kind.label(), "section missing");
        }
        return s;
    }

    /** The stanza section of input {@code ordinal}, or a failure. */
    public Section stanzas(int ordinal) throws IndexFormatException {
        if (ordinal < 0 || ordinal >= stanzas.length || stanzas[ordinal] == null) {
            throw new IndexFormatException(source, "stanzas[" + ordinal + "]", "section missing");
        }
        return stanzas[ordinal];
    }

    /** Every section, in file order (for writing a copy). */
    public Section[] sections() {
        Section[] all = new Section[header.sections().size()];
        int n = 0;
        for (Section s : byKind) {
            if (s != null && s.entry.kind() != SectionKind.CHUNK_CRCS) {
                all[n++] = s;
            }
        }
        for (Section s : stanzas) {
            if (s != null) {
                all[n++] = s;
            }
        }
        return java.util.Arrays.copyOf(all, n);
    }

    /**
     * Makes sure {@code [offset, offset + length)} lies in the section and its chunks are intact.
     *
     * @throws IndexFormatException if the range leaves the section or a chunk fails its CRC32C
     */
    public void ensure(Section s, long offset, long length) throws IndexFormatException {
        requireInSection(s, offset, length);
        if (checked == null || length == 0) {
            return;
        }
        int first = (int) (offset >>> shift);
        int last = (int) ((offset + length - 1) >>> shift);
        int base = s.entry.firstChunk();
        for (int c = first; c <= last; c++) {
            int g = base + c;
            if ((checked[g >>> 5] & (1 << g)) == 0) {
                check(s, c, g);
            }
        }
    }

    private void requireInSection(Section s, long offset, long length) throws IndexFormatException {
        if (offset < 0 || length < 0 || offset + length > s.length) {
            throw new IndexFormatException(source, s.label(), "reference to bytes " + offset + "+" + length
                    + " outside the section of " + s.length + " bytes; corrupt snapshot");
        }
    }

    private void check(Section s, int chunk, int global) throws IndexFormatException {
        int from = chunk << shift;
        int to = (int) Math.min(s.length, (long) from + (1 << shift));
        CRC32C crc = new CRC32C();
        crc.update(s.buf.duplicate().position(from).limit(to));
        accept(s, chunk, global, crc, to - from);
    }

    /** Marks the chunk checked if {@code crc} (over its {@code length} bytes) is the stored one. */
    private void accept(Section s, int chunk, int global, CRC32C crc, int length) throws IndexFormatException {
        if ((int) crc.getValue() != crcs.getInt(4 * global)) {
            long from = (long) chunk << shift;
            throw new IndexFormatException(source, s.label(), "chunk " + chunk + " (bytes " + from + "-"
                    + (from + length - 1) + ") fails its CRC32C check; expected an intact snapshot (rebuild it)");
        }
        checked[global >>> 5] |= 1 << global;
    }

    /** Checks every chunk of every section. @throws IndexFormatException at the first bad one */
    public void checkAll() throws IndexFormatException {
        for (Section s : sections()) {
            ensure(s, 0, s.length);
            if (s.compressed) {
                blocks(s);
            }
        }
    }

    /** A checked 32-bit read. */
    public int i32(Section s, long offset) throws IndexFormatException {
        ensure(s, offset, 4);
        return s.buf.getInt((int) offset);
    }

    /** A checked read of one unsigned byte. */
    public int u8(Section s, long offset) throws IndexFormatException {
        ensure(s, offset, 1);
        return s.buf.get((int) offset) & 0xFF;
    }

    /**
     * A checked bulk read; of a compressed section, {@code offset} is into its uncompressed text and
     * the blocks that hold the range are inflated.
     */
    public void get(Section s, long offset, byte[] into, int at, int length) throws IndexFormatException {
        if (s.compressed) {
            inflated(s, offset, into, at, length);
            return;
        }
        getStored(s, offset, into, at, length);
    }

    /**
     * A checked bulk read of an uncompressed section that reads the file ({@code pread}) instead of
     * touching the mapping, for a pass over a whole large section: the mapped pages a pass touches
     * stay in the process's resident set (a search's scan of the 27 MB of search text made its
     * peak RSS 85 MB, apt-cache's is 84), while the pages read here count once, in the page cache.
     * Each chunk the range touches is checked on a copy (one only partly in the range is read
     * whole). A snapshot held in memory, or a compressed section, is read as {@link #get} reads it.
     */
    public void readThrough(Section s, long offset, byte[] into, int at, int length) throws IndexFormatException {
        if (channel == null || s.compressed || length == 0) {
            get(s, offset, into, at, length);
            return;
        }
        requireInSection(s, offset, length);
        readFully(s, s.entry.offset() + offset, into, at, length);
        int first = (int) (offset >>> shift);
        int last = (int) ((offset + length - 1) >>> shift);
        int base = s.entry.firstChunk();
        byte[] partial = null;
        for (int c = first; c <= last; c++) {
            int g = base + c;
            if ((checked[g >>> 5] & (1 << g)) != 0) {
                continue;
            }
            long from = (long) c << shift;
            int chunkLength = (int) (Math.min(s.length, from + (1L << shift)) - from);
            if (from >= offset && from + chunkLength <= offset + length) {
                checkCopy(s, c, g, into, at + (int) (from - offset), chunkLength);
            } else {   // only partly in the range: read the whole chunk (the mapping would keep it resident)
                if (partial == null) {
                    partial = new byte[1 << shift];
                }
                readFully(s, s.entry.offset() + from, partial, 0, chunkLength);
                checkCopy(s, c, g, partial, 0, chunkLength);
            }
        }
    }

    private void readFully(Section s, long fileOffset, byte[] into, int at, int length) throws IndexFormatException {
        ByteBuffer target = ByteBuffer.wrap(into, at, length);
        try {
            while (target.hasRemaining()) {
                if (channel.read(target, fileOffset + target.position() - at) < 0) {
                    throw new IndexFormatException(source, s.label(), "file ends inside the section; truncated");
                }
            }
        } catch (IOException e) {
            throw new IndexFormatException(source, s.label(), "cannot read: " + e.getMessage(), e);
        }
    }

    /** Checks chunk {@code chunk} (global number {@code global}) against the copy of its bytes at {@code at}. */
    private void checkCopy(Section s, int chunk, int global, byte[] copy, int at, int length)
            throws IndexFormatException {
        CRC32C crc = new CRC32C();
        crc.update(copy, at, length);
        accept(s, chunk, global, crc, length);
    }

    /** A checked bulk read of the bytes as stored, compressed or not. */
    void getStored(Section s, long offset, byte[] into, int at, int length) throws IndexFormatException {
        ensure(s, offset, length);
        s.buf.get((int) offset, into, at, length);
    }

    /** The length of a section's text: uncompressed, for a compressed section. */
    public int textLength(Section s) throws IndexFormatException {
        return s.compressed ? blocks(s).length() : s.length;
    }

    /** The block table of a compressed section, read and checked at its first use. */
    BlockTable blocks(Section s) throws IndexFormatException {
        if (!s.compressed) {
            throw new IllegalStateException("section " + s.label() + " is not compressed");
        }
        BlockTable t = s.table;
        if (t == null) {
            t = BlockTable.read(this, s);
            s.table = t;
        }
        return t;
    }

    /** Reads {@code [offset, offset + length)} of a compressed section's text, block by block. */
    private void inflated(Section s, long offset, byte[] into, int at, int length) throws IndexFormatException {
        BlockTable t = blocks(s);
        if (offset < 0 || length < 0 || offset + length > t.length()) {
            throw new IndexFormatException(source, s.label(), "reference to bytes " + offset + "+" + length
                    + " outside the text of " + t.length() + " bytes; corrupt snapshot");
        }
        long end = offset + length;
        byte[] scratch = null;
        for (long pos = offset; pos < end; ) {
            int b = (int) (pos / t.blockSize());
            long blockStart = (long) b * t.blockSize();
            int blockLength = t.blockLength(b);
            int n = (int) Math.min(end, blockStart + blockLength) - (int) pos;
            if (pos == blockStart && n == blockLength) {
                t.inflate(this, s, b, into, at);   // a whole block: straight into place
            } else {
                if (scratch == null) {
                    scratch = new byte[t.blockSize()];
                }
                t.inflate(this, s, b, scratch, 0);
                System.arraycopy(scratch, (int) (pos - blockStart), into, at, n);
            }
            at += n;
            pos += n;
        }
    }

    /** A checked bulk read of {@code count} ints. */
    public int[] ints(Section s, long offset, int count) throws IndexFormatException {
        ensure(s, offset, 4L * count);
        int[] out = new int[count];
        s.buf.duplicate().order(ByteOrder.LITTLE_ENDIAN).position((int) offset).asIntBuffer().get(out);
        return out;
    }

    /** Checked UTF-8 text. */
    public String utf8(Section s, long offset, int length) throws IndexFormatException {
        if (length < 0) {
            throw new IndexFormatException(source, s.label(), "negative length " + length + "; corrupt snapshot");
        }
        byte[] b = new byte[length];
        get(s, offset, b, 0, length);
        return new String(b, StandardCharsets.UTF_8);
    }

    /**
     * UTF-8 text decoded through {@code scratch} (grown when too small), so that decoding many
     * short strings in one query allocates only the strings.
     *
     * @return the text; {@code scratch[0]} may have been replaced by a larger array
     */
    public String utf8(Section s, long offset, int length, byte[][] scratch) throws IndexFormatException {
        if (length < 0) {
            throw new IndexFormatException(source, s.label(), "negative length " + length + "; corrupt snapshot");
        }
        byte[] b = scratch[0];
        if (b.length < length) {
            b = new byte[Math.max(length, 2 * b.length)];
            scratch[0] = b;
        }
        get(s, offset, b, 0, length);
        return new String(b, 0, length, StandardCharsets.UTF_8);
    }

    /**
     * A string of the STRINGS section: a varint length, then UTF-8.
     *
     * @throws IndexFormatException if it leaves the section or is corrupt
     */
    public String string(Section strings, int offset, byte[][] scratch) throws IndexFormatException {
        ensure(strings, offset, Math.min(5, strings.length - (long) offset));
        int length = 0;
        int at = offset;
        for (int shiftBits = 0; ; shiftBits += 7) {
            if (shiftBits > 28 || at >= strings.length) {
                throw corrupt(strings, "string length at " + offset + " is corrupt");
            }
            int b = strings.buf.get(at++);
            length |= (b & 0x7F) << shiftBits;
            if ((b & 0x80) == 0) {
                break;
            }
        }
        if (length < 0) {
            throw corrupt(strings, "string length at " + offset + " is corrupt");
        }
        return utf8(strings, at, length, scratch);
    }

    /** A failure in section {@code s}, for callers that find inconsistent content. */
    public IndexFormatException corrupt(Section s, String problem) {
        return new IndexFormatException(source, s.label(), problem + "; corrupt snapshot");
    }
}
