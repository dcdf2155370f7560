package org.debindex.core.index;

import java.util.Arrays;

/**
 * A map from {@code long} keys to values without boxing the keys: a query decodes tens of
 * thousands of postings and looks up each one's relation and versions here, where a
 * {@code HashMap<Long, V>} made a {@code Long} per look-up.
 *
 * <p>Open addressing with linear probing; grows at half full. Not thread-safe; one per query.
 *
 * @param <V> the values, never null
 */
final class LongTable<V> {

    private long[] keys = new long[64];
    private Object[] values = new Object[64];
    private int size;

    /** The value for {@code key}, or null when there is none. */
    @SuppressWarnings("unchecked")
    V get(long key) {
        int mask = keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            Object value = values[i];
            if (value == null || keys[i] == key) {
                return (V) value;
            }
        }
    }

    /**
     * Sets the value for {@code key}.
     *
     * @throws NullPointerException if {@code value} is null
     */
    void put(long key, V value) {
        if (value == null) {
            throw new NullPointerException("value");
        }
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            if (values[i] == null) {
                keys[i] = key;
                values[i] = value;
                size++;
                return;
            }
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
        }
    }

    /** Removes every entry. */
    void clear() {
        Arrays.fill(values, null);
        size = 0;
    }

    /** The number of entries. */
    int size() {
        return size;
    }

    private void grow() {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new Object[oldValues.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != null) {
                @SuppressWarnings("unchecked")
                V value = (V) oldValues[i];
                put(oldKeys[i], value);
            }
        }
    }

    /** A spread of the key's bits: keys differ in high bits (versions) as often as in low ones. */
    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32) & mask;
    }
}
