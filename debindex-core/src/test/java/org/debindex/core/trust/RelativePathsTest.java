package org.debindex.core.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RelativePathsTest {

    @ParameterizedTest
    @ValueSource(strings = {"main/binary-amd64/Packages.xz", "pool/main/h/hello/hello_2.10-3_amd64.deb",
            "./Packages", "a//b", "x..y/..z", "main/i18n/Translation-en.bz2"})
    void safePaths(String path) {
        assertEquals(Optional.empty(), RelativePaths.problem(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/etc/passwd", "../x", "a/../../x", "a/..", "..", "a\\b", "a\u0000b", "a\nb", "a\tb",
            "a\u007fb"})
    void unsafePaths(String path) {
        assertTrue(RelativePaths.problem(path).isPresent(), path);
    }
}
