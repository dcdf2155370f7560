package org.debindex.core.index.internal;

import java.nio.charset.StandardCharsets;

/**
 * The STRINGS section being built: each distinct string once, as a varint length and UTF-8.
 *
 * <p>Not thread-safe.
 */
final class StringPool {

    private final StringIds refs = new StringIds(1 << 14);
    final ByteSink bytes = new ByteSink(1 << 20);

    int ref(String s) {
        int ref = refs.putIfAbsent(s, bytes.size());
        if (ref < 0) {
            ref = bytes.size();
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            bytes.putVarint(b.length);
            bytes.put(b, 0, b.length);
        }
        return ref;
    }
}
