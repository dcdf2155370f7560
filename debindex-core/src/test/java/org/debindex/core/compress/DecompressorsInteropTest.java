package org.debindex.core.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Interoperability with the command-line tools, when they are installed: what they write, we
 * read; what the Java libraries (and the test LZ4 writer) write, they read. Skipped, with the
 * reason, for each tool that is absent.
 */
class DecompressorsInteropTest {

    private static byte[] data;

    @TempDir
    Path tmp;

    @BeforeAll
    static void makeData() {
        data = Fixtures.packagesText(3_000_000, 51);
    }

    private static boolean installed(String tool) {
        try {
            Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs {@code command} with {@code input} on stdin; returns its stdout. */
    private byte[] run(byte[] input, List<String> command) throws IOException, InterruptedException {
        Path in = Files.write(Files.createTempFile(tmp, "in", ""), input);
        Path out = Files.createTempFile(tmp, "out", "");
        Process p = new ProcessBuilder(command).redirectInput(in.toFile()).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), () -> command + " finished");
        assertEquals(0, p.exitValue(), () -> command + " succeeded");
        return Files.readAllBytes(out);
    }

    static Stream<Arguments> toolCompressions() {
        return Stream.of(
                Arguments.of(Compression.XZ, List.of("xz", "-c")),
                Arguments.of(Compression.XZ, List.of("xz", "-T2", "--block-size=1MiB", "-c")),
                Arguments.of(Compression.XZ, List.of("xz", "--check=sha256", "-e", "-c")),
                Arguments.of(Compression.GZIP, List.of("gzip", "-9n", "-c")),
                Arguments.of(Compression.GZIP, List.of("gzip", "-1", "-c")),
                Arguments.of(Compression.BZIP2, List.of("bzip2", "-c")),
                Arguments.of(Compression.LZ4, List.of("lz4", "-c")),
                Arguments.of(Compression.LZ4, List.of("lz4", "-c", "-B4", "-BD", "-BX", "--content-size")),
                Arguments.of(Compression.LZ4, List.of("lz4", "-c", "-9", "-B5", "--no-frame-crc")),
                Arguments.of(Compression.ZSTD, List.of("zstd", "-c")),
                Arguments.of(Compression.ZSTD, List.of("zstd", "-c", "--no-check", "-19")),
                Arguments.of(Compression.ZSTD, List.of("zstd", "-c", "-T2", "--no-content-size")));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("toolCompressions")
    void weReadWhatTheToolsWrite(Compression format, List<String> command) throws Exception {
        assumeTrue(installed(command.get(0)), command.get(0) + " is not installed");
        byte[] compressed = run(data, command);
        assertEquals(format, Compression.detect(compressed));
        try (InputStream in = Decompressors.open(Fixtures.streamOf(compressed), "tool" + format.fileSuffix(),
                SizeLimit.exactly(data.length))) {
            assertArrayEquals(data, Fixtures.readAll(in));
        }
        Path file = Files.write(tmp.resolve("Packages" + format.fileSuffix()), compressed);
        try (InputStream in = Decompressors.open(file, SizeLimit.exactly(data.length))) {
            assertArrayEquals(data, Fixtures.readAll(in));
        }
        // Two outputs of the tool, concatenated, are one valid file for the tool and for us.
        byte[] twice = Fixtures.concat(compressed, compressed);
        try (InputStream in = Decompressors.open(Fixtures.streamOf(twice), "twice", SizeLimit.exactly(2L * data.length))) {
            assertArrayEquals(Fixtures.concat(data, data), Fixtures.readAll(in));
        }
    }

    @Test
    void multiBlockXzFromTheToolIsDecodedInParallel() throws Exception {
        assumeTrue(installed("xz"), "xz is not installed");
        byte[] big = Fixtures.packagesText(12 << 20, 52);
        byte[] compressed = run(big, List.of("xz", "-0", "-T2", "--block-size=2MiB", "-c"));
        Path file = Files.write(tmp.resolve("big.xz"), compressed);
        try (DecompressedInputStream in = Decompressors.open(file, SizeLimit.exactly(big.length),
                DecompressOptions.defaults().withParallelism(2).withXzCommand(Optional.empty()))) {
            assertInstanceOf(ParallelXzInputStream.class, in.decoder());
            assertArrayEquals(big, Fixtures.readAll(in));
        }
    }

    @ParameterizedTest
    @MethodSource("formats")
    void theToolsReadWhatTheJavaSideWrites(Compression format) throws Exception {
        String tool = format.formatName();
        assumeTrue(installed(tool), tool + " is not installed");
        List<byte[]> variants = new ArrayList<>();
        variants.add(Fixtures.compress(format, data));
        if (format == Compression.LZ4) {
            // Every option of the test LZ4 writer, which stands in for Commons Compress's slow one.
            for (int flags = 0; flags < 16; flags++) {
                variants.add(new Lz4FrameWriter(flags < 8 ? 64 << 10 : 4 << 20, (flags & 1) != 0, (flags & 2) != 0,
                        (flags & 4) != 0, (flags & 8) != 0).frame(data));
            }
        }
        for (byte[] compressed : variants) {
            assertArrayEquals(data, run(compressed, List.of(tool, "-dc")), tool + " -dc");
        }
    }

    static Stream<Compression> formats() {
        return Stream.of(Compression.XZ, Compression.GZIP, Compression.BZIP2, Compression.LZ4, Compression.ZSTD);
    }
}
