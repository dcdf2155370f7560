package org.debindex.bench;

import java.io.ByteArrayInputStream;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.debindex.core.deb822.Deb822Reader;
import org.debindex.core.deb822.Paragraph;
import org.debindex.core.model.BinaryPackage;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parsing the real trixie {@code main/binary-amd64/Packages} (56,634,892 bytes, 68,829 stanzas)
 * from memory: paragraphs alone, and into {@link BinaryPackage} records.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class ParseBenchmark {

    private byte[] packages;

    @Setup(Level.Trial)
    public void load() throws Exception {
        packages = BenchData.unxz(BenchData.trixie("main/binary-amd64/Packages.xz"));
    }

    /** Paragraph boundaries and field offsets only, over a byte array. */
    @Benchmark
    public int paragraphsFromArray() throws Exception {
        int n = 0;
        try (Deb822Reader reader = Deb822Reader.of(packages, "Packages")) {
            Optional<Paragraph> p;
            while ((p = reader.next()).isPresent()) {
                n += p.get().size();
            }
        }
        return n;
    }

    /** Package records (name, version, architecture decoded; typed fields checked), over a byte array. */
    @Benchmark
    public int recordsFromArray() throws Exception {
        int n = 0;
        try (Deb822Reader reader = Deb822Reader.of(packages, "Packages")) {
            Optional<Paragraph> p;
            while ((p = reader.next()).isPresent()) {
                n += BinaryPackage.of(p.get()).name().length();
            }
        }
        return n;
    }

    /** Package records through the streaming path (chunks copied from an InputStream). */
    @Benchmark
    public int recordsFromStream() throws Exception {
        int n = 0;
        try (Deb822Reader reader = Deb822Reader.open(new ByteArrayInputStream(packages), "Packages")) {
            Optional<Paragraph> p;
            while ((p = reader.next()).isPresent()) {
                n += BinaryPackage.of(p.get()).name().length();
            }
        }
        return n;
    }
}
