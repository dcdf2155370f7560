package org.debindex.core.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.debindex.core.testdata.HostPrograms;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test: dpkg itself confirms our order on every adjacent pair of the sorted real
 * versions, on random pairs of them, on random generated pairs and on the tricky table.
 *
 * <p>Skipped, with the reason shown, where dpkg is not installed; CI has it. The seed of the
 * random pairs is printed; replay with {@code -Ddebindex.seed=N}.
 */
class DebianVersionDpkgTest {

    private static final int WORKERS = Math.max(2, Runtime.getRuntime().availableProcessors());
    private static final int RANDOM_REAL_PAIRS = 4_000;
    private static final int GENERATED_PAIRS = 2_000;

    private static long seed;

    @TempDir
    Path dir;

    @BeforeAll
    static void pickSeed() {
        seed = VersionGenerator.seed();
        System.out.println("DebianVersionDpkgTest: seed " + seed + " (replay with -Ddebindex.seed=" + seed + ")");
    }

    /** Looked up by each test, not in {@code @BeforeAll}, so that each is reported as skipped. */
    private static Dpkg dpkg() {
        return new Dpkg(HostPrograms.require("dpkg", "the differential test against dpkg --compare-versions"));
    }

    private static String line(DebianVersion a, DebianVersion b) {
        return a + " " + Dpkg.operatorFor(Integer.signum(a.compareTo(b))) + " " + b;
    }

    @Test
    void dpkgAgreesOnTheTrickyTable() throws IOException, InterruptedException {
        List<String> lines = new ArrayList<>();
        for (TrickyVersions.Row row : TrickyVersions.ROWS) {
            lines.add(line(DebianVersion.of(row.a()), DebianVersion.of(row.b())));
            lines.add(line(DebianVersion.of(row.b()), DebianVersion.of(row.a())));
        }
        Dpkg.Answer answer = dpkg().check(lines, WORKERS, dir);
        assertEquals(List.of(), answer.disagreements());
        assertEquals(List.of(), answer.warnings());
    }

    @Test
    void dpkgAgreesOnGeneratedPairs() throws IOException, InterruptedException {
        VersionGenerator generator = new VersionGenerator(new Random(seed));
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < GENERATED_PAIRS; i++) {
            lines.add(line(DebianVersion.of(generator.next()), DebianVersion.of(generator.next())));
        }
        Dpkg.Answer answer = dpkg().check(lines, WORKERS, dir);
        assertEquals(List.of(), answer.disagreements(), "seed " + seed);
        // the generator also makes versions that start with "~", which dpkg accepts with a warning
        for (String warning : answer.warnings()) {
            assertTrue(warning.endsWith("has bad syntax: version number does not start with digit"), warning);
        }
    }

    @Test
    void dpkgAgreesOnEveryAdjacentPairOfTheSortedRealVersionsAndOnRandomPairs()
            throws IOException, InterruptedException {
        List<DebianVersion> sorted = new ArrayList<>(RealVersions.read().parsed());
        sorted.sort(DebianVersion.ORDER);
        List<String> lines = new ArrayList<>();
        for (int i = 1; i < sorted.size(); i++) {
            lines.add(line(sorted.get(i - 1), sorted.get(i)));
        }
        Random random = new Random(seed);
        for (int k = 0; k < RANDOM_REAL_PAIRS; k++) {
            lines.add(line(sorted.get(random.nextInt(sorted.size())), sorted.get(random.nextInt(sorted.size()))));
        }
        long start = System.nanoTime();
        Dpkg.Answer answer = dpkg().check(lines, WORKERS, dir);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("DebianVersionDpkgTest: dpkg checked %,d pairs of real versions (%,d adjacent, %,d random)"
                + " in %.1f s with %d workers%n", lines.size(), sorted.size() - 1, RANDOM_REAL_PAIRS, millis / 1000.0, WORKERS);
        assertEquals(List.of(), answer.disagreements(), "seed " + seed);
        assertEquals(List.of(), answer.warnings());
    }
}
