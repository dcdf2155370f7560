package org.debindex.core.index.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A growable little-endian byte array, for building sections in memory.
 *
 * <p>Not thread-safe.
 */
public final class ByteSink {

    private byte[] data;
    private int size;

    /**
     * An empty sink.
     *
     * @param capacity the initial capacity in bytes
     */
    public ByteSink(int capacity) {
        data = new byte[Math.max(16, capacity)];
    }

    /** Bytes written so far. */
    public int size() {
        return size;
    }

    /** The backing array; valid up to {@link #size()}. */
    byte[] array() {
        return data;
    }

    private void grow(int more) {
        long needed = (long) size + more;
        if (needed > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("section larger than 2 GiB: " + needed + " bytes");
        }
        if (needed > data.length) {
            long next = Math.max(needed, Math.min((long) data.length * 2, Integer.MAX_VALUE - 16));
            data = Arrays.copyOf(data, (int) next);
        }
    }

    /** Appends one byte. */
    public void putByte(int b) {
        grow(1);
        data[size++] = (byte) b;
    }

    /** Appends two bytes, little-endian. */
    public void putShort(int v) {
        grow(2);
        data[size++] = (byte) v;
        data[size++] = (byte) (v >>> 8);
    }

    /** Appends four bytes, little-endian. */
    public void putInt(int v) {
        grow(4);
        setIntAt(size, v);
        size += 4;
    }

    /** Overwrites four bytes at {@code at}, little-endian. */
    public void setInt(int at, int v) {
        if (at < 0 || at + 4 > size) {
            throw new IndexOutOfBoundsException("setInt at " + at + " of " + size);
        }
        setIntAt(at, v);
    }

    private void setIntAt(int at, int v) {
        data[at] = (byte) v;
        data[at + 1] = (byte) (v >>> 8);
        data[at + 2] = (byte) (v >>> 16);
        data[at + 3] = (byte) (v >>> 24);
    }

    /** Appends eight bytes, little-endian. */
    public void putLong(long v) {
        putInt((int) v);
        putInt((int) (v >>> 32));
    }

    /** Appends an unsigned LEB128 number. */
    public void putVarint(int v) {
        while ((v & ~0x7F) != 0) {
            putByte((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        putByte(v);
    }

    /** Appends bytes. */
    public void put(byte[] b, int off, int len) {
        grow(len);
        System.arraycopy(b, off, data, size, len);
        size += len;
    }

    /**
     * Forgets the bytes from {@code newSize} on (bytes moved within {@link #array()} before).
     *
     * @throws IllegalArgumentException if {@code newSize} is negative or beyond the size
     */
    void truncate(int newSize) {
        if (newSize < 0 || newSize > size) {
            throw new IllegalArgumentException("newSize must be in [0, " + size + "]: " + newSize);
        }
        size = newSize;
    }

    /** Appends zero bytes until the size is a multiple of {@code n}. */
    public void align(int n) {
        while (size % n != 0) {
            putByte(0);
        }
    }

    /** A copy of the bytes written. */
    public byte[] toArray() {
        return Arrays.copyOf(data, size);
    }

    /** A little-endian read-only view of the bytes written (no copy; do not write afterwards). */
    public ByteBuffer toBuffer() {
        return ByteBuffer.wrap(data, 0, size).slice().order(ByteOrder.LITTLE_ENDIAN).asReadOnlyBuffer()
                .order(ByteOrder.LITTLE_ENDIAN);
    }
}
