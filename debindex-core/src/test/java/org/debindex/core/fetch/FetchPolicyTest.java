package org.debindex.core.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FetchPolicyTest {

    @Test
    void defaults() {
        FetchPolicy policy = FetchPolicy.defaults();
        assertEquals(3, policy.maxAttempts());
        assertEquals(Duration.ofMillis(500), policy.backoffBase());
        assertEquals(5, policy.maxRedirects());
        assertTrue(policy.userAgent().matches("debindex/\\d+\\.\\d+\\.\\d+.*"), policy.userAgent());
    }

    @Test
    void backoffDoublesUpToTheCap() {
        FetchPolicy policy = FetchPolicy.defaults();
        assertEquals(Duration.ofMillis(500), policy.backoff(1));
        assertEquals(Duration.ofSeconds(1), policy.backoff(2));
        assertEquals(Duration.ofSeconds(2), policy.backoff(3));
        assertEquals(FetchPolicy.MAX_BACKOFF, policy.backoff(8));
        assertEquals(FetchPolicy.MAX_BACKOFF, policy.backoff(Integer.MAX_VALUE));
        assertEquals(Duration.ZERO, policy.withBackoff(Duration.ZERO, Sleeper.system()).backoff(5));
        assertEquals("failedAttempts must be at least 1: 0", assertThrows(IllegalArgumentException.class,
                () -> policy.backoff(0)).getMessage());
    }

    @Test
    void badValuesAreRefusedWithTheirValue() {
        FetchPolicy policy = FetchPolicy.defaults();
        assertEquals("stallTimeout must be positive: PT0S", assertThrows(IllegalArgumentException.class,
                () -> policy.withStallTimeout(Duration.ZERO)).getMessage());
        assertEquals("maxAttempts must be at least 1: 0", assertThrows(IllegalArgumentException.class,
                () -> policy.withMaxAttempts(0)).getMessage());
        assertEquals("maxRedirects must not be negative: -1", assertThrows(IllegalArgumentException.class,
                () -> policy.withMaxRedirects(-1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> policy.withConnectTimeout(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> policy.withBackoff(Duration.ofMillis(-1), Sleeper.system()));
        assertThrows(NullPointerException.class, () -> policy.withBackoff(Duration.ZERO, null));
    }
}
