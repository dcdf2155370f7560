package org.debindex.core.index.internal;

import java.util.Objects;

/**
 * A map from strings to non-negative ints with open addressing: no boxed {@code Integer} and no
 * entry object per string, which a build makes hundreds of thousands of (names, versions, the
 * string pool).
 *
 * <p>Not thread-safe.
 */
final class StringIds {

    private String[] keys;
    private int[] values;
    private int size;

    StringIds(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) << 1;
        keys = new String[capacity];
        values = new int[capacity];
    }

    /**
     * The value of {@code key}; or, when it has none, maps it to {@code value} and returns -1.
     *
     * @throws IllegalArgumentException if {@code value} is negative
     */
    int putIfAbsent(String key, int value) {
        Objects.requireNonNull(key, "key");
        if (value < 0) {
            throw new IllegalArgumentException("value must not be negative: " + value);
        }
        int mask = keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            String k = keys[i];
            if (k == null) {
                keys[i] = key;
                values[i] = value;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return -1;
            }
            if (k.equals(key)) {
                return values[i];
            }
        }
    }

    /** The value of {@code key}, or -1 when it has none. */
    int get(String key) {
        int mask = keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            String k = keys[i];
            if (k == null) {
                return -1;
            }
            if (k.equals(key)) {
                return values[i];
            }
        }
    }

    int size() {
        return size;
    }

    private static int slot(String key, int mask) {
        // String's hash is weak in its low bits for similar keys; spread it
        return (key.hashCode() * 0x9E3779B9 >>> 7) & mask;
    }

    private void grow() {
        String[] oldKeys = keys;
        int[] oldValues = values;
        keys = new String[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            String k = oldKeys[j];
            if (k != null) {
                int i = slot(k, mask);
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = k;
                values[i] = oldValues[j];
            }
        }
    }

    @Override
    public String toString() {
        return "StringIds[size=" + size + ", capacity=" + keys.length + "]";
    }
}
