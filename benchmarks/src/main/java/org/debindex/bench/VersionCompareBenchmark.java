package org.debindex.bench;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.debindex.core.MalformedInputException;
import org.debindex.core.version.DebianVersion;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tukaani.xz.XZInputStream;

/**
 * Debian version parsing and ordering: sorting every distinct version of the shared real data
 * (trixie Packages and Sources, bookworm Packages), parsing them, and single comparisons of
 * typical pairs.
 *
 * <p>{@code benchmarks/peer/apt_pkg_sort.py} sorts the same list with python3-apt for a peer
 * figure.
 */
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class VersionCompareBenchmark {

    /** The index files whose {@code Version} fields are used, relative to the testdata root. */
    static final List<String> FILES = List.of(
            "debian/dists/trixie/main/binary-amd64/Packages.xz",
            "debian/dists/trixie/main/source/Sources.xz",
            "debian/dists/bookworm/main/binary-amd64/Packages.xz");

    /** The distinct real versions, in a fixed shuffled order. */
    @State(Scope.Benchmark)
    public static class RealVersions {

        String[] texts;
        DebianVersion[] versions;
        DebianVersion[] work;

        @Setup(Level.Trial)
        public void read() throws IOException, MalformedInputException {
            Path root = Path.of(System.getProperty("debindex.testdata", "../shared/testdata"));
            Set<String> distinct = new LinkedHashSet<>();
            for (String file : FILES) {
                Path path = root.resolve(file);
                try (InputStream in = new XZInputStream(new BufferedInputStream(Files.newInputStream(path), 1 << 16));
                        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        if (line.startsWith("Version:")) {
                            distinct.add(line.substring("Version:".length()).strip());
                        }
                    }
                }
            }
            List<String> shuffled = new ArrayList<>(distinct);
            // a fixed order, so that every run sorts the same input
            Collections.shuffle(shuffled, new Random(42));
            texts = shuffled.toArray(String[]::new);
            versions = new DebianVersion[texts.length];
            for (int i = 0; i < texts.length; i++) {
                versions[i] = DebianVersion.parse(texts[i]);
            }
            work = new DebianVersion[texts.length];
        }

        @Setup(Level.Invocation)
        public void unsort() {
            System.arraycopy(versions, 0, work, 0, versions.length);
        }
    }

    /** Sorts the real versions (the copy is made outside the measurement). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public DebianVersion[] sortRealVersions(RealVersions real) {
        Arrays.sort(real.work, DebianVersion.ORDER);
        return real.work;
    }

    /** Parses every real version. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public DebianVersion[] parseRealVersions(RealVersions real) throws MalformedInputException {
        DebianVersion[] out = new DebianVersion[real.texts.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = DebianVersion.parse(real.texts[i]);
        }
        return out;
    }

    /** Typical pairs, as an update or a dependency check compares them. */
    @State(Scope.Thread)
    public static class Pair {

        @Param({
            "2.36-9+deb12u4 2.36-9+deb12u10",
            "1:2.38.1-5+deb12u1 1:2.38.1-5+b1",
            "1.0~rc1-1 1.0-1",
            "6.1.0-28 6.1.0-28",
        })
        public String pair;

        DebianVersion a;
        DebianVersion b;
        String textA;
        String textB;

        @Setup
        public void parse() throws MalformedInputException {
            String[] parts = pair.split(" ");
            textA = parts[0];
            textB = parts[1];
            a = DebianVersion.parse(textA);
            b = DebianVersion.parse(textB);
        }
    }

    /** One comparison of two parsed versions. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public int compareParsed(Pair pair) {
        return pair.a.compareTo(pair.b);
    }

    /** Parsing both texts and comparing them, as a one-off caller does. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public int parseAndCompare(Pair pair) throws MalformedInputException {
        return DebianVersion.parse(pair.textA).compareTo(DebianVersion.parse(pair.textB));
    }
}
