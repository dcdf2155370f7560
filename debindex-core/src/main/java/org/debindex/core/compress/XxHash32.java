package org.debindex.core.compress;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The 32-bit xxHash (XXH32), the checksum of the LZ4 frame format, computed incrementally.
 *
 * <p>Implemented from the xxHash specification ({@code doc/xxhash_spec.md} in the xxHash
 * sources): four accumulators over 16-byte stripes, then the remaining words and bytes, then the
 * avalanche. Not thread-safe.
 */
final class XxHash32 {

    private static final int PRIME1 = 0x9E3779B1;
    private static final int PRIME2 = 0x85EBCA77;
    private static final int PRIME3 = 0xC2B2AE3D;
    private static final int PRIME4 = 0x27D4EB2F;
    private static final int PRIME5 = 0x165667B1;

    private static final VarHandle INT_LE =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final int seed;
    private final byte[] pending = new byte[16];
    private int pendingLength;
    private long totalLength;
    private int v1;
    private int v2;
    private int v3;
    private int v4;

    XxHash32(int seed) {
        this.seed = seed;
        reset();
    }

    /** Starts over, as if new. */
    void reset() {
        v1 = seed + PRIME1 + PRIME2;
        v2 = seed + PRIME2;
        v3 = seed;
        v4 = seed - PRIME1;
        pendingLength = 0;
        totalLength = 0;
    }

    /** Adds {@code len} bytes of {@code b} from {@code off}. */
    void update(byte[] b, int off, int len) {
        totalLength += len;
        int p = off;
        int end = off + len;
        if (pendingLength > 0) {
            int n = Math.min(16 - pendingLength, len);
            System.arraycopy(b, p, pending, pendingLength, n);
            pendingLength += n;
            p += n;
            if (pendingLength < 16) {
                return;
            }
            stripe(pending, 0);
            pendingLength = 0;
        }
        for (; p + 16 <= end; p += 16) {
            stripe(b, p);
        }
        pendingLength = end - p;
        System.arraycopy(b, p, pending, 0, pendingLength);
    }

    private void stripe(byte[] b, int p) {
        v1 = round(v1, (int) INT_LE.get(b, p));
        v2 = round(v2, (int) INT_LE.get(b, p + 4));
        v3 = round(v3, (int) INT_LE.get(b, p + 8));
        v4 = round(v4, (int) INT_LE.get(b, p + 12));
    }

    /** The hash of everything added since the last reset; the state is not changed. */
    int digest() {
        int h;
        if (totalLength >= 16) {
            h = Integer.rotateLeft(v1, 1) + Integer.rotateLeft(v2, 7) + Integer.rotateLeft(v3, 12)
                    + Integer.rotateLeft(v4, 18);
        } else {
            h = seed + PRIME5;
        }
        h += (int) totalLength;
        int p = 0;
        for (; p + 4 <= pendingLength; p += 4) {
            h = Integer.rotateLeft(h + (int) INT_LE.get(pending, p) * PRIME3, 17) * PRIME4;
        }
        for (; p < pendingLength; p++) {
            h = Integer.rotateLeft(h + (pending[p] & 0xFF) * PRIME5, 11) * PRIME1;
        }
        h ^= h >>> 15;
        h *= PRIME2;
        h ^= h >>> 13;
        h *= PRIME3;
        h ^= h >>> 16;
        return h;
    }

    /** The hash of one array range. */
    static int hash(byte[] b, int off, int len, int seed) {
        XxHash32 x = new XxHash32(seed);
        x.update(b, off, len);
        return x.digest();
    }

    private static int round(int acc, int lane) {
        return Integer.rotateLeft(acc + lane * PRIME2, 13) * PRIME1;
    }
}
