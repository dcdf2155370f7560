package org.debindex.core.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValidatorsTest {

    @Test
    void valuesAreKeptVerbatim() {
        Validators v = Validators.of(Optional.of("W/\"61a-5f\""), Optional.of("Sat, 10 Jan 2026 09:00:00 GMT"));
        assertEquals(Optional.of("W/\"61a-5f\""), v.etag());
        assertFalse(v.isEmpty());
        assertTrue(Validators.none().isEmpty());
    }

    @Test
    void valuesThatCannotBeSentBackAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Validators(Optional.of("\"a\"\r\nX-Injected: 1"), Optional.empty()));
        assertEquals("etag must be non-empty and free of control characters: \"\\\"a\\\"\\r\\nX-Injected: 1\"",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Validators(Optional.empty(), Optional.of("")));
    }
}
