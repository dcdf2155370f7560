package org.debindex.core.testdata;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Locates the real Debian data in {@code ../shared/testdata} beside the checkout.
 *
 * <p>Tests that need it call {@link #require()} (or one of the file helpers): when the data is
 * absent, as in a user's fresh clone, the test is skipped with a visible reason. CI fails when
 * any test was skipped (see {@code .ci/run}), so the data is always exercised there.
 */
public final class SharedTestData {

    private SharedTestData() {
    }

    /** The testdata root, from {@code DEBINDEX_TESTDATA} or the build's {@code debindex.testdata}. */
    public static Path root() {
        String fromEnv = System.getenv("DEBINDEX_TESTDATA");
        String configured = fromEnv != null && !fromEnv.isEmpty()
                ? fromEnv
                : System.getProperty("debindex.testdata", "../shared/testdata");
        return Paths.get(configured).toAbsolutePath().normalize();
    }

    /** The testdata root; skips the calling test when it is missing. */
    public static Path require() {
        Path root = root();
        assumeTrue(Files.isDirectory(root.resolve("debian/dists")),
                "shared Debian test data not found at " + root + " (set DEBINDEX_TESTDATA)");
        return root;
    }

    /** A file below the testdata root; skips the calling test when it is missing. */
    public static Path file(String relative) {
        Path file = require().resolve(relative);
        assumeTrue(Files.isRegularFile(file), "shared test data file missing: " + file);
        return file;
    }

    /** {@code debian/dists/<suite>/<relative>}; skips the calling test when it is missing. */
    public static Path dists(String suite, String relative) {
        return file("debian/dists/" + suite + "/" + relative);
    }
}
