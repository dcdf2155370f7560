package org.debindex.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.tukaani.xz.XZInputStream;

/** Where the benchmarks find the shared real Debian data. */
final class BenchData {

    private BenchData() {
    }

    /**
     * The testdata root: {@code DEBINDEX_TESTDATA}, else the system property {@code
     * debindex.testdata}, else {@code ../shared/testdata} (as the tests find it).
     */
    static Path root() {
        String env = System.getenv("DEBINDEX_TESTDATA");
        String configured = env != null && !env.isEmpty()
                ? env
                : System.getProperty("debindex.testdata", "../shared/testdata");
        return Paths.get(configured).toAbsolutePath().normalize();
    }

    /** A file under {@code debian/dists/trixie}; fails with a clear message when absent. */
    static Path trixie(String relative) {
        return dists("trixie", relative);
    }

    /** A file under {@code debian/dists/SUITE}; fails with a clear message when absent. */
    static Path dists(String suite, String relative) {
        Path file = root().resolve("debian/dists").resolve(suite).resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("benchmark data missing: " + file
                    + " (run from the repository root beside ../shared, or pass -Ddebindex.testdata=DIR)");
        }
        return file;
    }

    /** The decompressed bytes of an .xz file, decoded once at set-up with the plain library. */
    static byte[] unxz(Path file) throws IOException {
        try (InputStream in = new XZInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            return in.readAllBytes();
        }
    }
}
