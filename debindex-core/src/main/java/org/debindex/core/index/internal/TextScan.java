package org.debindex.core.index.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.BitSet;
import org.debindex.core.IndexFormatException;

/**
 * Substring search over a text section in one pass: the section is copied window by window into
 * a byte array and scanned eight positions at a time, comparing the needle's first and last
 * bytes at once (a SWAR form of the "generic SIMD" substring search); only positions where both
 * agree are compared in full.
 *
 * <p>The text is a sequence of units (names, search documents), each ended by a 0 byte; a match
 * marks its unit, and the scan resumes at the next unit, so each unit is reported once.
 *
 * <p>Stateless and thread-safe.
 */
public final class TextScan {

    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    /** Bytes scanned per window; the needle's length minus one more are copied as overlap. */
    private static final int WINDOW = 256 << 10;

    private TextScan() {
    }

    /** Where the units of a text section start and end. */
    public interface Units {

        /** The unit containing byte {@code position}. */
        int unitAt(int position) throws IndexFormatException;

        /** Where unit {@code unit} starts; {@code unit} may be the count, for the end of the text. */
        int start(int unit) throws IndexFormatException;
    }

    /**
     * Marks in {@code out} every unit of {@code text} that contains {@code needle}.
     *
     * @param foldAscii whether an ASCII letter of the text matches the needle's lower-case letter
     *                  in either case (the needle must be lower case); otherwise bytes must be equal
     * @throws IndexFormatException if the text section is corrupt
     */
    public static void scan(Snapshot snapshot, Section text, byte[] needle, boolean foldAscii, Units units,
            BitSet out) throws IndexFormatException {
        int m = needle.length;
        if (m == 0) {
            throw new IllegalArgumentException("needle must not be empty");
        }
        for (byte b : needle) {
            if (b == 0) {
                return;   // no unit contains a 0 byte: it ends them
            }
        }
        byte[] masks = new byte[m];
        for (int j = 0; j < m; j++) {
            masks[j] = (byte) (foldAscii && needle[j] >= 'a' && needle[j] <= 'z' ? 0x20 : 0);
        }
        int length = snapshot.textLength(text);
        byte[] window = new byte[Math.min(length, WINDOW + m - 1)];
        for (int base = 0; base < length; base += WINDOW) {
            int size = Math.min(length - base, WINDOW + m - 1);
            snapshot.readThrough(text, base, window, 0, size);
            int startLimit = Math.min(WINDOW, size - m + 1);
            int i = 0;
            while (i < startLimit) {
                int at = indexOf(window, i, startLimit, size, needle, masks);
                if (at < 0) {
                    break;
                }
                int unit = units.unitAt(base + at);
                out.set(unit);
                int next = units.start(unit + 1) - base;
                if (next <= at) {
                    throw snapshot.corrupt(text, "unit " + unit + " does not advance past byte " + (base + at));
                }
                i = next;
            }
        }
    }

    /**
     * The first position in {@code [from, startLimit)} where {@code needle} occurs within
     * {@code h[0, end)}, or -1.
     */
    static int indexOf(byte[] h, int from, int startLimit, int end, byte[] needle, byte[] masks) {
        int m = needle.length;
        long first = (needle[0] & 0xFFL) * ONES;
        long last = (needle[m - 1] & 0xFFL) * ONES;
        long firstMask = (masks[0] & 0xFFL) * ONES;
        long lastMask = (masks[m - 1] & 0xFFL) * ONES;
        int i = from;
        // Eight start positions at a time while both words fit in the text.
        int wordLimit = Math.min(startLimit, end - m + 1 - 7);
        for (; i < wordLimit; i += 8) {
            long a = ((long) LONGS.get(h, i) | firstMask) ^ first;
            long b = ((long) LONGS.get(h, i + m - 1) | lastMask) ^ last;
            long x = a | b;
            long t = (x - ONES) & ~x & HIGHS;
            while (t != 0) {
                int k = i + (Long.numberOfTrailingZeros(t) >>> 3);
                if (k < startLimit && matches(h, k, needle, masks)) {
                    return k;
                }
                t &= t - 1;
            }
        }
        for (; i < startLimit && i + m <= end; i++) {
            if (matches(h, i, needle, masks)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean matches(byte[] h, int at, byte[] needle, byte[] masks) {
        for (int j = 0; j < needle.length; j++) {
            if ((byte) (h[at + j] | masks[j]) != needle[j]) {
                return false;
            }
        }
        return true;
    }
}
