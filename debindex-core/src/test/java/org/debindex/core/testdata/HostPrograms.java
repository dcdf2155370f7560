package org.debindex.core.testdata;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds programs of the host that differential tests compare debindex with, such as
 * {@code dpkg}; like {@link SharedTestData}, a test that needs a missing one is skipped with a
 * visible reason (CI has them).
 */
public final class HostPrograms {

    private HostPrograms() {
    }

    /** The executable {@code name} on {@code PATH}, if there is one. */
    public static Optional<Path> find(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * The executable {@code name} on {@code PATH}; skips the calling test when it is missing.
     *
     * @param name    the program, such as {@code dpkg}
     * @param skipped what is skipped without it, for the reason shown
     */
    public static Path require(String name, String skipped) {
        Optional<Path> found = find(name);
        assumeTrue(found.isPresent(), name + " not found on PATH: " + skipped + " is skipped");
        return found.orElseThrow();
    }
}
