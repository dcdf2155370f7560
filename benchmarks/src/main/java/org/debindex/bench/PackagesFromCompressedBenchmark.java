package org.debindex.bench;

import java.io.InputStream;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.debindex.core.compress.DecompressOptions;
import org.debindex.core.compress.Decompressors;
import org.debindex.core.compress.SizeLimit;
import org.debindex.core.deb822.Deb822Reader;
import org.debindex.core.deb822.Paragraph;
import org.debindex.core.model.BinaryPackage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decompression and parsing together, as an index build does them: trixie's {@code Packages.xz}
 * (sequential and parallel xz) and {@code Packages.gz} (recompressed at level 9 by
 * {@link DecompressBenchmark.Gzip}) streamed into {@link BinaryPackage} records.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class PackagesFromCompressedBenchmark {

    private static int records(InputStream in) throws Exception {
        int n = 0;
        try (Deb822Reader reader = Deb822Reader.open(in, "Packages")) {
            Optional<Paragraph> p;
            while ((p = reader.next()).isPresent()) {
                n += BinaryPackage.of(p.get()).name().length();
            }
        }
        return n;
    }

    @Benchmark
    public int xzSequential(DecompressBenchmark.Xz data) throws Exception {
        return records(Decompressors.open(data.file, SizeLimit.exactly(DecompressBenchmark.PACKAGES_SIZE),
                DecompressOptions.sequential()));
    }

    @Benchmark
    public int xzParallel(DecompressBenchmark.Xz data) throws Exception {
        return records(Decompressors.open(data.file, SizeLimit.exactly(DecompressBenchmark.PACKAGES_SIZE)));
    }

    @Benchmark
    public int gzip(DecompressBenchmark.Gzip data) throws Exception {
        return records(Decompressors.open(data.file, SizeLimit.exactly(DecompressBenchmark.PACKAGES_SIZE)));
    }
}
