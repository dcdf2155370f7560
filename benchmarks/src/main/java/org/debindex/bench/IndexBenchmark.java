package org.debindex.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.debindex.core.index.IndexInput;
import org.debindex.core.index.PackageEntry;
import org.debindex.core.index.PackageIndex;
import org.debindex.core.index.SearchQuery;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The package index on the real data (trixie and bookworm Packages.xz, trixie Translation-en.xz):
 * building it from the compressed files, opening the snapshot and showing a package (a fresh
 * open each time, so the header check, mapping and first-touch chunk checks are included), and
 * {@code search nginx} and {@code rdepends libc6} on an open snapshot; {@code openSearchNginx}
 * opens it afresh for each search, so every text chunk is checksummed again.
 *
 * <p>These are warm-JVM figures; the whole-process comparison with apt-cache (JVM start
 * included) is {@code benchmarks/compare-index.sh}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
public class IndexBenchmark {

    /** The inputs, described once. */
    @State(Scope.Benchmark)
    public static class Inputs {
        List<IndexInput> inputs;

        @Setup
        public void describe() throws Exception {
            inputs = IndexInputs.trixieAndBookworm();
        }
    }

    /** A snapshot written once per run, and the index opened from it. */
    @State(Scope.Benchmark)
    public static class Snapshot {
        Path dir;
        Path file;
        PackageIndex index;

        @Setup(Level.Trial)
        public void write() throws Exception {
            dir = Files.createTempDirectory("debindex-bench");
            file = dir.resolve("packages.idx");
            PackageIndex.build(IndexInputs.trixieAndBookworm()).write(file);
            index = PackageIndex.open(file);
        }

        @TearDown(Level.Trial)
        public void delete() throws Exception {
            index = null;
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    /** Decompress, parse, join and lay out the whole index in memory (not written). */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 5)
    public int build(Inputs in) throws Exception {
        return PackageIndex.build(in.inputs).size();
    }

    /** {@code show bash}: open the snapshot, look the name up, read every stanza of it. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int openShowBash(Snapshot s) throws Exception {
        PackageIndex index = PackageIndex.open(s.file);
        int n = 0;
        for (PackageEntry e : index.packages("bash")) {
            n += index.stanzaBytes(e).length;
        }
        return n;
    }

    /** {@code show bash} on an open snapshot. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int showBash(Snapshot s) throws Exception {
        int n = 0;
        for (PackageEntry e : s.index.packages("bash")) {
            n += s.index.stanzaBytes(e).length;
        }
        return n;
    }

    /** {@code search nginx} on an open snapshot: one pass over names and one over descriptions. */
    @Benchmark
    public int searchNginx(Snapshot s) throws Exception {
        return s.index.search(SearchQuery.of("nginx")).size();
    }

    /** {@code search nginx} on a freshly opened snapshot: the scanned chunks are checksummed too. */
    @Benchmark
    public int openSearchNginx(Snapshot s) throws Exception {
        return PackageIndex.open(s.file).search(SearchQuery.of("nginx")).size();
    }

    /** {@code search python3 yaml}: two terms, two passes each. */
    @Benchmark
    public int searchPython3Yaml(Snapshot s) throws Exception {
        return s.index.search(SearchQuery.of("python3", "yaml")).size();
    }

    /** {@code rdepends libc6}: 44,755 reverse dependencies, each a full entry. */
    @Benchmark
    public int rdependsLibc6(Snapshot s) throws Exception {
        return s.index.reverseDependencies("libc6").size();
    }
}
