package org.debindex.core.index.internal;

import java.util.Arrays;

/**
 * A growable {@code int} array.
 *
 * <p>Not thread-safe.
 */
final class IntArray {

    private int[] data;
    private int size;

    IntArray(int capacity) {
        data = new int[Math.max(8, capacity)];
    }

    int size() {
        return size;
    }

    void add(int v) {
        if (size == data.length) {
            data = Arrays.copyOf(data, data.length * 2);
        }
        data[size++] = v;
    }

    int get(int i) {
        return data[i];
    }
}
