package org.debindex.core.index.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.debindex.core.IndexFormatException;

/**
 * The RDEPENDS section in its compact form (see {@link Layout}): the distinct relation tuples
 * (packed bits, version string, qualifier string) once, in a table, and per name a run of
 * postings, each two varints: the package id minus the previous posting's (the first: minus 0)
 * and the index of its tuple. Most of the 16-byte postings of the former format repeated a few
 * tuples ({@code (>= 2.36)} and the like) and near package ids; this form needs about a fifth.
 *
 * <p>Stateless and thread-safe.
 */
final class CompactPostings {

    /** Bytes per tuple in the table: packed bits, version string, qualifier string (each i32). */
    static final int TUPLE = 12;
    /** Bytes before the tuple table: its tuple count. */
    static final int TABLE_START = 4;

    private CompactPostings() {
    }

    /** A tuple while counting: the three ints of a posting after its package id. */
    private record Tuple(int packed, int version, int qualifier) {
    }

    /**
     * The section and where each name's postings start in it.
     *
     * @param section    the section's bytes
     * @param byteStarts per name, and one more for the end, the offset of its first posting byte
     *                   from the end of the tuple table
     */
    record Encoded(ByteSink section, int[] byteStarts) {
    }

    /**
     * Encodes postings grouped by name.
     *
     * @param postings four ints per posting (package id, packed bits, version string, qualifier
     *                 string), package ids not decreasing within a name
     * @param starts   per name, and one more, the index of its first posting
     * @throws IllegalArgumentException if package ids decrease within a name or one is negative
     */
    static Encoded encode(int[] postings, int[] starts) {
        int count = postings.length / 4;
        // The most used tuples first, so that their indices take one byte; ties in value order,
        // so that the same postings always give the same bytes.
        Map<Tuple, int[]> uses = new HashMap<>();
        for (int i = 0; i < count; i++) {
            uses.computeIfAbsent(tupleAt(postings, i), t -> new int[2])[0]++;
        }
        Tuple[] tuples = uses.keySet().toArray(new Tuple[0]);
        Arrays.sort(tuples, (a, b) -> {
            int c = Integer.compare(uses.get(b)[0], uses.get(a)[0]);
            if (c == 0) {
                c = Integer.compare(a.packed, b.packed);
            }
            if (c == 0) {
                c = Integer.compare(a.version, b.version);
            }
            return c != 0 ? c : Integer.compare(a.qualifier, b.qualifier);
        });
        ByteSink out = new ByteSink(TABLE_START + tuples.length * TUPLE + count * 3);
        out.putInt(tuples.length);
        for (int i = 0; i < tuples.length; i++) {
            uses.get(tuples[i])[1] = i;
            out.putInt(tuples[i].packed);
            out.putInt(tuples[i].version);
            out.putInt(tuples[i].qualifier);
        }
        int base = out.size();
        int[] byteStarts = new int[starts.length];
        for (int name = 0; name + 1 < starts.length; name++) {
            byteStarts[name] = out.size() - base;
            int previous = 0;
            for (int i = starts[name]; i < starts[name + 1]; i++) {
                int id = postings[4 * i];
                if (id < previous) {
                    throw new IllegalArgumentException("package ids of name " + name + " decrease: " + previous
                            + " then " + id);
                }
                out.putVarint(id - previous);
                out.putVarint(uses.get(tupleAt(postings, i))[1]);
                previous = id;
            }
        }
        byteStarts[starts.length - 1] = out.size() - base;
        return new Encoded(out, byteStarts);
    }

    private static Tuple tupleAt(int[] postings, int i) {
        return new Tuple(postings[4 * i + 1], postings[4 * i + 2], postings[4 * i + 3]);
    }

    /**
     * Decodes one name's postings.
     *
     * @param bytes        the name's posting bytes, exactly
     * @param tupleCount   how many tuples the table has
     * @param packageCount how many packages the index has
     * @param source       the snapshot file, for messages
     * @param label        the section's name, for messages
     * @return two ints per posting: package id and tuple index, both checked
     * @throws IndexFormatException if a varint is cut off or too long, or an id or index is out of range
     */
    static int[] decode(byte[] bytes, int tupleCount, int packageCount, String source, String label)
            throws IndexFormatException {
        int[] out = new int[bytes.length];   // each posting takes at least two bytes
        int n = 0;
        int at = 0;
        int id = 0;
        int[] value = new int[1];
        while (at < bytes.length) {
            at = varint(bytes, at, value, source, label);
            id += value[0];
            if (value[0] < 0 || id < 0 || id >= packageCount) {
                throw new IndexFormatException(source, label, "package id " + Integer.toUnsignedString(id)
                        + " out of range; corrupt snapshot");
            }
            at = varint(bytes, at, value, source, label);
            if (value[0] < 0 || value[0] >= tupleCount) {
                throw new IndexFormatException(source, label, "tuple index " + Integer.toUnsignedString(value[0])
                        + " out of range (" + tupleCount + " tuples); corrupt snapshot");
            }
            out[n++] = id;
            out[n++] = value[0];
        }
        return Arrays.copyOf(out, n);
    }

    /** Reads an unsigned LEB128 number of at most five bytes at {@code at}; returns where it ends. */
    private static int varint(byte[] bytes, int at, int[] value, String source, String label)
            throws IndexFormatException {
        int v = 0;
        for (int shift = 0; ; shift += 7) {
            if (shift > 28 || at >= bytes.length) {
                throw new IndexFormatException(source, label, "posting varint "
                        + (shift > 28 ? "longer than five bytes" : "cut off") + "; corrupt snapshot");
            }
            int b = bytes[at++];
            v |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                value[0] = v;
                return at;
            }
        }
    }
}
