package org.debindex.core.index.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StringIdsTest {

    @Test
    void behavesAsAHashMapThroughManyGrowths() {
        StringIds ids = new StringIds(1);
        Map<String, Integer> expected = new HashMap<>();
        Random random = new Random(8);
        for (int i = 0; i < 200_000; i++) {
            // similar texts of few lengths, as package names and versions are
            String key = "lib" + random.nextInt(60_000) + (random.nextBoolean() ? "-dev" : "");
            Integer had = expected.putIfAbsent(key, i);
            assertEquals(had == null ? -1 : had, ids.putIfAbsent(key, i), key);
        }
        assertEquals(expected.size(), ids.size());
        expected.forEach((k, v) -> assertEquals(v, ids.get(k), k));
        assertEquals(-1, ids.get("absent"));
        assertEquals(-1, ids.get(""));
        assertEquals(-1, ids.putIfAbsent("", 7));
        assertEquals(7, ids.get(""));
    }

    @Test
    void refusesNegativeValuesAndNullKeys() {
        StringIds ids = new StringIds(4);
        assertThrows(IllegalArgumentException.class, () -> ids.putIfAbsent("a", -1));
        assertThrows(NullPointerException.class, () -> ids.putIfAbsent(null, 1));
    }

    @Test
    void dictionaryNumbersInFirstSeenOrder() {
        Dictionary d = new Dictionary();
        assertEquals(0, d.id("b"));
        assertEquals(1, d.id("a"));
        assertEquals(0, d.id("b"));
        assertEquals("a", d.get(1));
        assertEquals(2, d.size());
    }

    @Test
    void stringPoolStoresEachStringOnceAsVarintAndUtf8() {
        StringPool pool = new StringPool();
        int first = pool.ref("1.0");
        int second = pool.ref("é");
        assertEquals(first, pool.ref("1.0"));
        assertEquals(0, first);
        assertEquals(4, second, "one length byte and three bytes of 1.0 come first");
        assertEquals(7, pool.bytes.size(), "é is two bytes of UTF-8 after its length byte");
    }
}
