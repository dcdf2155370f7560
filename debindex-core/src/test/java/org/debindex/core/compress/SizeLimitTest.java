package org.debindex.core.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SizeLimitTest {

    @Test
    void factories() {
        assertEquals(new SizeLimit(56_634_892, true), SizeLimit.exactly(56_634_892));
        assertTrue(SizeLimit.exactly(0).isExact());
        assertFalse(SizeLimit.atMost(10).isExact());
        assertEquals(10, SizeLimit.atMost(10).bytes());
        assertEquals(SizeLimit.atMost(SizeLimit.DEFAULT_MAXIMUM), SizeLimit.defaultLimit());
        assertEquals(4L * 1024 * 1024 * 1024, SizeLimit.DEFAULT_MAXIMUM);
    }

    @Test
    void negativeSizesAreProgrammingErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SizeLimit.exactly(-3));
        assertEquals("size limit must not be negative: -3", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SizeLimit.atMost(-1));
    }

    @Test
    void readableToString() {
        assertEquals("exactly 5 bytes", SizeLimit.exactly(5).toString());
        assertEquals("at most 5 bytes", SizeLimit.atMost(5).toString());
    }

    @Test
    void optionsAreValidated() {
        DecompressOptions defaults = DecompressOptions.defaults();
        assertTrue(defaults.parallelism() >= 1);
        assertTrue(defaults.parallelism() <= Math.min(DecompressOptions.DEFAULT_MAX_PARALLELISM,
                Runtime.getRuntime().availableProcessors()));
        assertEquals(1, DecompressOptions.sequential().parallelism());
        assertEquals(3, defaults.withParallelism(3).parallelism());
        assertEquals(64L << 20, defaults.lookaheadBytes());
        assertThrows(IllegalArgumentException.class, () -> defaults.withParallelism(0));
        assertThrows(IllegalArgumentException.class, () -> new DecompressOptions(2, 1000));
        assertThrows(IllegalArgumentException.class, () -> defaults.withParallelism(65));
        // The look-ahead grows with the workers: at least one chunk each.
        assertEquals(64L * DecompressOptions.CHUNK_SIZE,
                new DecompressOptions(1, 1L << 20).withParallelism(64).lookaheadBytes());
    }
}
