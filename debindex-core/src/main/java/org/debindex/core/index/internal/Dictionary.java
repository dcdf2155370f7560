package org.debindex.core.index.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers distinct strings in the order they are first seen.
 *
 * <p>Not thread-safe.
 */
final class Dictionary {

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> values = new ArrayList<>();

    int id(String value) {
        Integer id = ids.get(value);
        if (id == null) {
            id = values.size();
            ids.put(value, id);
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
