package org.debindex.core.index.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Numbers distinct strings in the order they are first seen.
 *
 * <p>Not thread-safe.
 */
final class Dictionary {

    private final StringIds ids = new StringIds(1 << 10);
    private final List<String> values = new ArrayList<>();

    int id(String value) {
        int id = ids.putIfAbsent(value, values.size());
        if (id < 0) {
            id = values.size();
            values.add(value);
        }
        return id;
    }

    String get(int id) {
        return values.get(id);
    }

    int size() {
        return values.size();
    }

    List<String> values() {
        return values;
    }
}
