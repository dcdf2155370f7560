package org.debindex.core.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class FetchExceptionTest {

    private static final URI URI_ = URI.create("http://mirror.example/debian/dists/trixie/InRelease");

    @Test
    void onlyFailuresThatMayPassAreRetried() {
        assertTrue(FetchException.httpStatus(URI_, 500).isRetryable());
        assertTrue(FetchException.httpStatus(URI_, 503).isRetryable());
        assertFalse(FetchException.httpStatus(URI_, 403).isRetryable());
        assertFalse(FetchException.httpStatus(URI_, 429).isRetryable());
        for (FetchException.Kind kind : FetchException.Kind.values()) {
            if (kind != FetchException.Kind.HTTP_STATUS) {
                boolean expected = kind == FetchException.Kind.CONNECTION || kind == FetchException.Kind.TIMEOUT
                        || kind == FetchException.Kind.TRUNCATED;
                assertEquals(expected, new FetchException(kind, URI_, "x", null).isRetryable(), kind.name());
            }
        }
    }

    @Test
    void theMessageNamesTheUriAndTheAttempts() {
        FetchException e = FetchException.httpStatus(URI_, 502);
        assertEquals("http://mirror.example/debian/dists/trixie/InRelease: http status 502", e.getMessage());
        assertEquals(OptionalInt.of(502), e.statusCode());
        FetchException last = e.afterAttempts(3);
        assertEquals("http://mirror.example/debian/dists/trixie/InRelease: http status 502 (3 attempts)",
                last.getMessage());
        assertEquals(3, last.attempts());
        assertEquals("http status 502", last.problem());
    }

    @Test
    void credentialsAreNotShown() {
        URI secret = URI.create("https://user:pass@mirror.example/debian/dists/trixie/InRelease");
        FetchException e = new FetchException(FetchException.Kind.TIMEOUT, secret, "no data for 30 s", null);
        assertEquals("https://mirror.example/debian/dists/trixie/InRelease: no data for 30 s", e.getMessage());
        assertEquals(secret, e.uri());
        assertEquals(OptionalInt.empty(), e.statusCode());
    }

    @Test
    void anHttpStatusNeedsItsCode() {
        assertThrows(IllegalArgumentException.class,
                () -> new FetchException(FetchException.Kind.HTTP_STATUS, URI_, "x", null));
        assertThrows(IllegalArgumentException.class, () -> FetchException.httpStatus(URI_, 42));
    }
}
