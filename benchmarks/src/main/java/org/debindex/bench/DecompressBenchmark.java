package org.debindex.bench;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.debindex.core.compress.DecompressOptions;
import org.debindex.core.compress.Decompressors;
import org.debindex.core.compress.SizeLimit;
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
import org.tukaani.xz.XZInputStream;

/**
 * Decompression alone of trixie's {@code main/binary-amd64/Packages} (56,634,892 bytes), read
 * into a reusable 64 KiB buffer: the real {@code Packages.xz} sequentially and in parallel, and
 * the same text recompressed once per trial as gzip -9, bzip2 -9, zstd (level 3, with checksum)
 * and LZ4 (by the {@code lz4} tool, when installed). Raw xz-java and JDK gzip decoders give the
 * cost of the bounded wrappers.
 *
 * <p>The recompressed files are written to {@code -Ddebindex.bench.work=DIR} (default {@code
 * benchmarks/target/bench-data}) and left there, so that {@code xz -dc} and {@code gzip -dc} can
 * be timed on the same files. Divide 56.63 MB by the time per operation for MB/s.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class DecompressBenchmark {

    /** Decompressed size of trixie main/binary-amd64/Packages, as its Release lists it. */
    static final long PACKAGES_SIZE = 56_634_892;

    static Path workDir() throws IOException {
        return Files.createDirectories(
                Paths.get(System.getProperty("debindex.bench.work", "benchmarks/target/bench-data")).toAbsolutePath());
    }

    /** The real trixie Packages.xz. */
    @State(Scope.Benchmark)
    public static class Xz {
        Path file;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            file = BenchData.trixie("main/binary-amd64/Packages.xz");
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("shared test data missing: " + file
                        + " (set -Ddebindex.testdata=DIR)");
            }
        }
    }

    /** The decompressed text, recompressed in some format once per trial. */
    abstract static class Recompressed {
        Path file;

        abstract String suffix();

        abstract void compress(Path text, Path target) throws IOException, InterruptedException;

        @Setup(Level.Trial)
        public void setUp() throws IOException, InterruptedException {
            Path xz = BenchData.trixie("main/binary-amd64/Packages.xz");
            Path text = workDir().resolve("Packages");
            if (!Files.isRegularFile(text) || Files.size(text) != PACKAGES_SIZE) {
                try (InputStream in = Decompressors.open(xz, SizeLimit.exactly(PACKAGES_SIZE))) {
                    Files.copy(in, text, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            file = workDir().resolve("Packages" + suffix());
            compress(text, file);
        }
    }

    /** gzip at level 9 by the JDK's zlib, as {@code gzip -9n} would be used to publish it. */
    @State(Scope.Benchmark)
    public static class Gzip extends Recompressed {
        @Override
        String suffix() {
            return ".gz";
        }

        @Override
        void compress(Path text, Path target) throws IOException {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target), 1 << 16) {
                {
                    def.setLevel(Deflater.BEST_COMPRESSION);
                }
            }) {
                Files.copy(text, out);
            }
        }
    }

    /** bzip2 -9 by Commons Compress. */
    @State(Scope.Benchmark)
    public static class Bzip2 extends Recompressed {
        @Override
        String suffix() {
            return ".bz2";
        }

        @Override
        void compress(Path text, Path target) throws IOException {
            try (OutputStream out = new BZip2CompressorOutputStream(Files.newOutputStream(target), 9)) {
                Files.copy(text, out);
            }
        }
    }

    /** zstd at its default level 3, with the checksum, by zstd-jni. */
    @State(Scope.Benchmark)
    public static class Zstd extends Recompressed {
        @Override
        String suffix() {
            return ".zst";
        }

        @Override
        void compress(Path text, Path target) throws IOException {
            try (OutputStream out = new ZstdOutputStream(Files.newOutputStream(target)).setChecksum(true)) {
                Files.copy(text, out);
            }
        }
    }

    /** LZ4 frames as the {@code lz4} tool writes them by default (no fast Java encoder exists here). */
    @State(Scope.Benchmark)
    public static class Lz4 extends Recompressed {
        @Override
        String suffix() {
            return ".lz4";
        }

        @Override
        void compress(Path text, Path target) throws IOException, InterruptedException {
            Process p = new ProcessBuilder(List.of("lz4", "-q", "-f", text.toString(), target.toString()))
                    .inheritIO().start();
            if (p.waitFor() != 0) {
                throw new IOException("lz4 failed; is the lz4 tool installed?");
            }
        }
    }

    /** The reader's reusable buffer. */
    @State(Scope.Thread)
    public static class Buffer {
        final byte[] bytes = new byte[1 << 16];
    }

    private static long drain(InputStream in, Buffer buffer) throws IOException {
        try (in) {
            long total = 0;
            int n;
            while ((n = in.read(buffer.bytes)) != -1) {
                total += n;
            }
            if (total != PACKAGES_SIZE) {
                throw new IllegalStateException("decompressed " + total + " bytes");
            }
            return total;
        }
    }

    @Benchmark
    public long xzSequential(Xz xz, Buffer buffer) throws IOException {
        return drain(Decompressors.open(xz.file, SizeLimit.exactly(PACKAGES_SIZE), DecompressOptions.sequential()),
                buffer);
    }

    @Benchmark
    public long xzParallel(Xz xz, Buffer buffer) throws IOException {
        return drain(Decompressors.open(xz.file, SizeLimit.exactly(PACKAGES_SIZE), DecompressOptions.defaults()),
                buffer);
    }

    /** xz-java alone, without the bounded wrapper: the wrapper's cost is the difference. */
    @Benchmark
    public long xzJavaRaw(Xz xz, Buffer buffer) throws IOException {
        return drain(new XZInputStream(new BufferedInputStream(Files.newInputStream(xz.file), 1 << 16)), buffer);
    }

    @Benchmark
    public long gzip(Gzip gz, Buffer buffer) throws IOException {
        return drain(Decompressors.open(gz.file, SizeLimit.exactly(PACKAGES_SIZE)), buffer);
    }

    /** The JDK's GZIPInputStream alone (lax about trailing garbage; see the compress package). */
    @Benchmark
    public long gzipJdkRaw(Gzip gz, Buffer buffer) throws IOException {
        return drain(new GZIPInputStream(Files.newInputStream(gz.file), 1 << 16), buffer);
    }

    @Benchmark
    public long bzip2(Bzip2 bz2, Buffer buffer) throws IOException {
        return drain(Decompressors.open(bz2.file, SizeLimit.exactly(PACKAGES_SIZE)), buffer);
    }

    @Benchmark
    public long zstd(Zstd zst, Buffer buffer) throws IOException {
        return drain(Decompressors.open(zst.file, SizeLimit.exactly(PACKAGES_SIZE)), buffer);
    }

    @Benchmark
    public long lz4(Lz4 lz4, Buffer buffer) throws IOException {
        return drain(Decompressors.open(lz4.file, SizeLimit.exactly(PACKAGES_SIZE)), buffer);
    }
}
