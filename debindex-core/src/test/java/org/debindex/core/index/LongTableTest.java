package org.debindex.core.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongTableTest {

    @Test
    void behavesAsAHashMapThroughGrowthAndClear() {
        Random random = new Random(8);
        LongTable<String> table = new LongTable<>();
        Map<Long, String> expected = new HashMap<>();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 5000; i++) {
                // few distinct keys as well as wide ones, so that keys repeat and collide
                long key = random.nextBoolean() ? random.nextInt(300) - 1 : random.nextLong();
                String value = "v" + i;
                table.put(key, value);
                expected.put(key, value);
            }
            assertEquals(expected.size(), table.size());
            for (Map.Entry<Long, String> e : expected.entrySet()) {
                assertEquals(e.getValue(), table.get(e.getKey()));
            }
            assertNull(table.get(Long.MIN_VALUE + 12345), "a key never put");
            table.clear();
            expected.clear();
            assertEquals(0, table.size());
            assertNull(table.get(-1));
        }
    }

    @Test
    void zeroAndNegativeKeysAreKeys() {
        LongTable<String> table = new LongTable<>();
        assertNull(table.get(0));
        table.put(0, "zero");
        table.put(-1, "minus one");
        assertEquals("zero", table.get(0));
        assertEquals("minus one", table.get(-1));
        assertThrows(NullPointerException.class, () -> table.put(1, null));
    }
}
