package org.debindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares output with a golden file in {@code src/test/resources/golden/}.
 *
 * <p>With {@code -Ddebindex.updateGolden=true} the file is (re)written instead, and the test
 * passes: review the diff before committing it.
 */
public final class Golden {

    private static final Path DIR = Path.of("src", "test", "resources", "golden");

    private Golden() {
    }

    /** Asserts that {@code actual} equals the golden file {@code name}, or rewrites it. */
    public static void assertMatches(String name, String actual) {
        Path file = DIR.resolve(name);
        try {
            if (Boolean.getBoolean("debindex.updateGolden")) {
                Files.createDirectories(DIR);
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(file)) {
                throw new AssertionError("golden file " + file.toAbsolutePath() + " is missing;"
                        + " create it with -Ddebindex.updateGolden=true and review it");
            }
            assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual,
                    "output differs from " + file + " (regenerate with -Ddebindex.updateGolden=true if intended)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
