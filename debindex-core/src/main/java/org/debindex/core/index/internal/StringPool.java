package org.debindex.core.index.internal;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The STRINGS section being built: each distinct string once, as a varint length and UTF-8.
 *
 * <p>Not thread-safe.
 */
final class StringPool {

    private final Map<String, Integer> refs = new HashMap<>();
    final ByteSink bytes = new ByteSink(1 << 20);

    int ref(String s) {
        Integer ref = refs.get(s);
        if (ref == null) {
            ref = bytes.size();
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            bytes.putVarint(b.length);
            bytes.put(b, 0, b.length);
            refs.put(s, ref);
        }
        return ref;
    }
}
