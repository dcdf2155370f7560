package org.debindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.debindex.core.cache.CacheLayout;
import org.debindex.core.index.IndexBuildOptions;
import org.debindex.core.index.PackageIndex;
import org.debindex.core.update.CachedIndex;
import org.debindex.core.testdata.SharedTestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4: "A kill -9 at any moment of an update leaves a cache that the next command reads
 * without error." A real update of Debian's trixie and bookworm data runs in a child JVM and is
 * killed with SIGKILL at chosen moments: while a download is in {@code partial/}, between the two
 * suites, while the index snapshot is being written, and at fixed delays. After each kill the
 * cache must open without error and every index it answers from must match a manifest; the
 * updates resume from what the killed ones left, and the last one completes with the full index.
 */
class KillDuringUpdateTest {

    private static final String AT = "2026-11-26T00:00:00Z";

    @TempDir
    Path dir;

    @Test
    void killedAtAnyMomentTheCacheStaysReadableAndTheNextUpdateCompletes() throws Exception {
        Path data = SharedTestData.require();
        Path cache = dir.resolve("cache");
        CacheLayout layout = new CacheLayout(cache);
        List<String> killedWhen = new ArrayList<>();

        killWhen(cache, "a download is in partial/", () -> nonEmpty(layout.partial(), n -> true), killedWhen);
        killWhen(cache, "trixie is committed, bookworm not yet", () -> nonEmpty(layout.lists(),
                n -> n.contains("_dists_trixie_") && n.endsWith("@manifest")), killedWhen);
        killWhen(cache, "the snapshot is being written", () -> nonEmpty(layout.index(),
                n -> n.startsWith(".packages.idx") && n.endsWith(".tmp")), killedWhen);
        for (long millis : new long[] {700, 2500}) {
            long start = System.nanoTime();
            killWhen(cache, millis + " ms after the start", () -> System.nanoTime() - start > millis * 1_000_000L,
                    killedWhen);
        }
        assertTrue(killedWhen.size() >= 4, "too few kills landed inside an update: " + killedWhen);
        System.out.println("killed with SIGKILL when: " + String.join("; ", killedWhen));

        Cli last = Cli.run(args(cache, data));
        assertEquals(0, last.status(), last.out() + last.err());
        assertTrue(last.out().contains("INDEX 132269 packages from 3 verified files"), last.out());
        PackageIndex index = CachedIndex.open(layout, IndexBuildOptions.defaults()).index();
        assertEquals(132269, index.size());
        assertTrue(index.packages("bash").size() >= 2, "bash of both suites");
        try (Stream<Path> files = Files.list(layout.index())) {
            assertEquals(List.of("packages.idx"), files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "leftovers of killed writes are removed by the next update");
        }
    }

    /**
     * Starts an update in a child JVM, kills it (SIGKILL) as soon as {@code moment} holds, then
     * checks the cache. A child that finished before the moment came is not counted.
     */
    private void killWhen(Path cache, String what, Condition moment, List<String> killedWhen) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args(cache, SharedTestData.require())));
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        boolean killed = false;
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (child.isAlive() && System.nanoTime() < deadline) {
            if (moment.holds()) {
                child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no finally blocks
                killed = true;
                break;
            }
            Thread.sleep(5);
        }
        child.waitFor();
        if (killed && child.exitValue() == 137) {
            killedWhen.add(what);
        }
        assertReadable(new CacheLayout(cache), what);
    }

    /** The next command's view: the index opens (rebuilt if need be) from verified files only. */
    private static void assertReadable(CacheLayout layout, String what) throws Exception {
        CachedIndex.Opened opened = CachedIndex.open(layout, IndexBuildOptions.defaults());
        PackageIndex index = opened.index();
        assertEquals(CachedIndex.inputs(org.debindex.core.update.SuiteManifest.verifiedIndexes(layout)).stream()
                .map(i -> i.identity()).toList(), index.inputs(), "killed when " + what);
        if (!index.inputs().isEmpty()) {
            assertTrue(index.size() > 60000, "killed when " + what + ": " + index.size() + " packages");
            assertTrue(!index.packages("bash").isEmpty(), "killed when " + what);
        }
        Cli sources = Cli.run("--cache-dir", layout.root().toString(), "--repo", repo("trixie"), "sources");
        assertEquals(0, sources.status(), "killed when " + what + ": " + sources.err());
    }

    private static boolean nonEmpty(Path directory, Predicate<String> name) throws IOException {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.anyMatch(p -> name.test(p.getFileName().toString()));
        } catch (java.nio.file.NoSuchFileException e) {
            return false;
        }
    }

    private static String[] args(Path cache, Path data) {
        return new String[] {"--cache-dir", cache.toString(), "--repo", repo("trixie"), "--repo", repo("bookworm"),
            "update", "--arch", "amd64", "--at", AT};
    }

    private static String repo(String suite) {
        return "deb [signed-by=" + SharedTestData.file("keyrings/debian-archive-keyring.gpg") + "] "
                + SharedTestData.require().resolve("debian").toUri() + " " + suite + " main";
    }

    @FunctionalInterface
    private interface Condition {
        boolean holds() throws IOException;
    }
}
