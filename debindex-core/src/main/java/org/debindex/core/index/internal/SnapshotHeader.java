package org.debindex.core.index.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.debindex.core.IndexFormatException;
import org.debindex.core.index.IndexKind;
import org.debindex.core.index.InputIdentity;
import org.debindex.core.index.PackageOrigin;

/**
 * The header of a snapshot: counts, the section table, the architecture and origin tables, and
 * the identities of the inputs (see {@link Layout}).
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param chunkShift    log2 of the bytes per CRC32C chunk
 * @param fileLength    the length of the whole file
 * @param packageCount  packages
 * @param nameCount     names
 * @param docCount      search documents
 * @param loweredCount search documents with a lower-cased copy (see {@link SectionKind#DOC_LOWERED_INDEX})
 * @param sourceCount   source packages
 * @param sections      the section table, in file order
 * @param architectures architecture names by id
 * @param origins       package origins by id
 * @param inputs        what the index was built from, in the order given
 */
public record SnapshotHeader(int chunkShift, long fileLength, int packageCount, int nameCount, int docCount,
                             int loweredCount, int sourceCount, List<SectionEntry> sections,
                             List<String> architectures, List<PackageOrigin> origins, List<InputIdentity> inputs) {

    private static final IndexKind[] KINDS = IndexKind.values();

    /** Copies the lists. @throws NullPointerException if a list or an element is null */
    public SnapshotHeader {
        sections = List.copyOf(sections);
        architectures = List.copyOf(architectures);
        origins = List.copyOf(origins);
        inputs = List.copyOf(inputs);
    }

    /** The same header with another section table and file length. */
    public SnapshotHeader withSections(List<SectionEntry> table, long length) {
        return new SnapshotHeader(chunkShift, length, packageCount, nameCount, docCount, loweredCount, sourceCount,
                table, architectures, origins, inputs);
    }

    /** The encoded header, its length a multiple of 8, its CRC in the last 4 bytes. */
    public byte[] encode() {
        ByteSink out = new ByteSink(4096);
        out.putLong(Layout.MAGIC);
        out.putInt(Layout.FORMAT_VERSION);
        out.putInt(0);   // header length, patched below
        out.putInt(chunkShift);
        out.putInt(sections.size());
        out.putLong(fileLength);
        out.putInt(packageCount);
        out.putInt(nameCount);
        out.putInt(docCount);
        out.putInt(loweredCount);
        out.putInt(sourceCount);
        for (SectionEntry s : sections) {
            out.putShort(s.kind().code());
            out.putShort(s.ordinal());
            out.putInt(s.firstChunk());
            out.putLong(s.offset());
            out.putLong(s.length());
        }
        out.putInt(architectures.size());
        for (String a : architectures) {
            putString(out, a);
        }
        out.putInt(origins.size());
        for (PackageOrigin o : origins) {
            putOrigin(out, o);
        }
        out.putInt(inputs.size());
        for (InputIdentity in : inputs) {
            out.putByte(in.kind().ordinal());
            putOrigin(out, in.origin());
            putString(out, in.displayName());
            out.putLong(in.size());
            putString(out, in.sha256());
        }
        while ((out.size() + 4) % 8 != 0) {
            out.putByte(0);
        }
        int length = out.size() + 4;
        out.setInt(Layout.OFF_HEADER_LENGTH, length);
        CRC32C crc = new CRC32C();
        crc.update(out.array(), 0, out.size());
        out.putInt((int) crc.getValue());
        return out.toArray();
    }

    private static void putOrigin(ByteSink out, PackageOrigin o) {
        putString(out, o.suite());
        putString(out, o.codename());
        putString(out, o.component());
        putString(out, o.architecture());
    }

    private static void putString(ByteSink out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length > 0xFFFF) {
            throw new IllegalArgumentException("string too long for a snapshot header: " + b.length + " bytes");
        }
        out.putShort(b.length);
        out.put(b, 0, b.length);
    }

    /**
     * The header length a file claims, from its fixed part, after checking magic and version.
     *
     * @param fixed  at least {@link Layout#FIXED_HEADER} bytes from the start of the file
     * @param source the file, for messages
     * @throws IndexFormatException if the magic, version or length is wrong
     */
    public static int headerLength(ByteBuffer fixed, String source, long fileSize) throws IndexFormatException {
        ByteBuffer b = fixed.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        if (b.getLong(0) != Layout.MAGIC) {
            throw new IndexFormatException(source, "header", "not a debindex snapshot (wrong magic number)");
        }
        int version = b.getInt(Layout.OFF_VERSION);
        if (version != Layout.FORMAT_VERSION) {
            throw new IndexFormatException(source, "header", "format version " + version + "; expected "
                    + Layout.FORMAT_VERSION);
        }
        int length = b.getInt(Layout.OFF_HEADER_LENGTH);
        if (length < Layout.FIXED_HEADER + 4 || length > Layout.MAX_HEADER || length % 8 != 0 || length > fileSize) {
            throw new IndexFormatException(source, "header", "header length " + length + " is impossible for a file of "
                    + fileSize + " bytes; truncated or corrupt");
        }
        return length;
    }

    /**
     * Decodes and checks a whole header.
     *
     * @param data     the header's bytes, from the start of the file
     * @param source   the file, for messages
     * @param fileSize the actual size of the file
     * @throws IndexFormatException if the CRC does not match or the content is inconsistent
     */
    public static SnapshotHeader decode(ByteBuffer data, String source, long fileSize) throws IndexFormatException {
        ByteBuffer b = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int length = headerLength(b, source, fileSize);
        if (b.limit() < length) {
            throw new IndexFormatException(source, "header", "header is cut short; truncated file");
        }
        CRC32C crc = new CRC32C();
        crc.update(b.duplicate().position(0).limit(length - 4));
        if ((int) crc.getValue() != b.getInt(length - 4)) {
            throw new IndexFormatException(source, "header", "header fails its CRC32C check; expected an intact "
                    + "snapshot (rebuild it)");
        }
        long fileLength = b.getLong(Layout.OFF_FILE_LENGTH);
        if (fileLength != fileSize) {
            throw new IndexFormatException(source, "header", "file is " + fileSize + " bytes but its header says "
                    + fileLength + "; truncated or extended");
        }
        int chunkShift = b.getInt(Layout.OFF_CHUNK_SHIFT);
        int sectionCount = b.getInt(Layout.OFF_SECTION_COUNT);
        int packageCount = b.getInt(Layout.OFF_PACKAGE_COUNT);
        int nameCount = b.getInt(Layout.OFF_NAME_COUNT);
        int docCount = b.getInt(Layout.OFF_DOC_COUNT);
        int loweredCount = b.getInt(Layout.OFF_LOWERED_COUNT);
        int sourceCount = b.getInt(Layout.OFF_SOURCE_COUNT);
        if (chunkShift < 12 || chunkShift > 24 || sectionCount < 0 || sectionCount > 4096 || packageCount < 0
                || nameCount < 0 || docCount < 0 || loweredCount < 0 || sourceCount < 0) {
            throw new IndexFormatException(source, "header", "counts out of range; corrupt header");
        }
        try {
            b.position(Layout.FIXED_HEADER).limit(length - 4);
            List<SectionEntry> sections = new ArrayList<>(sectionCount);
            for (int i = 0; i < sectionCount; i++) {
                int code = Short.toUnsignedInt(b.getShort());
                int ordinal = Short.toUnsignedInt(b.getShort());
                SectionKind kind = SectionKind.byCode(code);
                if (kind == null) {
                    throw new IndexFormatException(source, "header", "unknown section kind " + code);
                }
                sections.add(new SectionEntry(kind, ordinal, b.getInt(), b.getLong(), b.getLong()));
            }
            int n = count(b, source);
            List<String> architectures = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                architectures.add(getString(b));
            }
            n = count(b, source);
            List<PackageOrigin> origins = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                origins.add(getOrigin(b));
            }
            n = count(b, source);
            List<InputIdentity> inputs = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int kind = Byte.toUnsignedInt(b.get());
                if (kind >= KINDS.length) {
                    throw new IndexFormatException(source, "header", "unknown input kind " + kind);
                }
                PackageOrigin origin = getOrigin(b);
                String name = getString(b);
                long size = b.getLong();
                inputs.add(new InputIdentity(KINDS[kind], origin, name, size, getString(b)));
            }
            return new SnapshotHeader(chunkShift, fileLength, packageCount, nameCount, docCount, loweredCount,
                    sourceCount, sections, architectures, origins, inputs);
        } catch (java.nio.BufferUnderflowException | IllegalArgumentException e) {
            throw new IndexFormatException(source, "header", "inconsistent header: " + e.getMessage(), e);
        }
    }

    private static int count(ByteBuffer b, String source) throws IndexFormatException {
        int n = b.getInt();
        if (n < 0 || n > b.remaining()) {
            throw new IndexFormatException(source, "header", "table size " + n + " out of range");
        }
        return n;
    }

    private static PackageOrigin getOrigin(ByteBuffer b) {
        return new PackageOrigin(getString(b), getString(b), getString(b), getString(b));
    }

    private static String getString(ByteBuffer b) {
        int n = Short.toUnsignedInt(b.getShort());
        byte[] bytes = new byte[n];
        b.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
