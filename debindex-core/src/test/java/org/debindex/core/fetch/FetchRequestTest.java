package org.debindex.core.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FetchRequestTest {

    private static final URI URI_ = URI.create("http://mirror.example/debian/dists/trixie/InRelease");
    private static final Path DESTINATION = Path.of("/var/cache/debindex/partial/InRelease");

    @Test
    void theExpectedSizeIsTheLimitWhenKnown() {
        assertEquals(1000, FetchRequest.of(URI_, DESTINATION, 1000).limit());
        assertEquals(700, FetchRequest.of(URI_, DESTINATION, 1000).withExpectedSize(700).limit());
        FetchRequest sized = FetchRequest.ofSize(URI_, DESTINATION, 42);
        assertEquals(42, sized.maxBytes());
        assertEquals(Optional.of(42L), sized.expectedSize());
    }

    @Test
    void emptyValidatorsMakeNoConditionalRequest() {
        FetchRequest request = FetchRequest.of(URI_, DESTINATION, 10);
        assertEquals(Optional.empty(), request.withPrevious(Validators.none()).conditional());
        Validators held = new Validators(Optional.of("W/\"x\""), Optional.empty());
        assertEquals(Optional.of(held), request.withPrevious(held).conditional());
    }

    @Test
    void badComponentsAreRefusedWithTheirValue() {
        assertEquals("maxBytes must not be negative: -1", assertThrows(IllegalArgumentException.class,
                () -> FetchRequest.of(URI_, DESTINATION, -1)).getMessage());
        assertEquals("expectedSize must be between 0 and maxBytes 10: 11", assertThrows(IllegalArgumentException.class,
                () -> FetchRequest.of(URI_, DESTINATION, 10).withExpectedSize(11)).getMessage());
        assertEquals("uri must be absolute: dists/trixie/InRelease", assertThrows(IllegalArgumentException.class,
                () -> FetchRequest.of(URI.create("dists/trixie/InRelease"), DESTINATION, 10)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> FetchRequest.of(URI_, Path.of("/"), 10));
        assertThrows(NullPointerException.class, () -> FetchRequest.of(null, DESTINATION, 10));
    }
}
