package org.debindex.core.compress;

import static org.debindex.core.compress.Fixtures.concat;
import static org.debindex.core.compress.Fixtures.packagesText;
import static org.debindex.core.compress.Fixtures.readAll;
import static org.debindex.core.compress.Fixtures.xzBlocks;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.debindex.core.compress.DecompressionException.Reason;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.SeekableXZInputStream;

class ParallelXzInputStreamTest {

    /** 16 MiB in 2 MiB blocks: 8 blocks, grouped into 4 segments of 4 MiB. */
    private static final int SIZE = 16 << 20;
    private static final int BLOCK = 2 << 20;

    private static byte[] data;
    private static byte[] xz;

    @TempDir
    Path tmp;

    @BeforeAll
    static void makeFixture() {
        data = packagesText(SIZE, 31);
        xz = xzBlocks(data, BLOCK);
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(tmp.resolve(name), content);
    }

    private static DecompressOptions threads(int n) {
        return DecompressOptions.defaults().withParallelism(n).withXzCommand(Optional.empty());
    }

    private static boolean isParallel(DecompressedInputStream in) {
        return in.decoder() instanceof ParallelXzInputStream;
    }

    /** Threads of this package's parallel decoder working on {@code source}. */
    private static List<Thread> workersOf(String source) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("debindex-xz[" + source + "]"))
                .filter(Thread::isAlive)
                .toList();
    }

    private static void awaitNoWorkers(String source) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!workersOf(source).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(List.of(), workersOf(source), "worker threads still alive");
    }

    @Test
    void parallelOutputEqualsTheOriginalForEveryThreadCount() throws IOException {
        Path file = write("Packages.xz", xz);
        for (int n = 1; n <= 4; n++) {
            try (DecompressedInputStream in = Decompressors.open(file, SizeLimit.exactly(SIZE), threads(n))) {
                assertEquals(n > 1, isParallel(in), "parallel with " + n + " threads");
                assertArrayEquals(data, readAll(in), "with " + n + " threads");
            }
        }
        try (DecompressedInputStream in = Decompressors.open(ByteBuffer.wrap(xz), "Packages.xz",
                SizeLimit.exactly(SIZE), threads(3))) {
            assertTrue(isParallel(in));
            assertArrayEquals(data, readAll(in));
        }
        // The same data read from a plain stream is decoded sequentially.
        try (DecompressedInputStream in = Decompressors.open(Fixtures.streamOf(xz), "Packages.xz",
                SizeLimit.exactly(SIZE))) {
            assertFalse(isParallel(in));
            assertArrayEquals(data, readAll(in));
        }
    }

    @Test
    void aSmallLookaheadStillDeliversEverythingInOrder() throws IOException {
        Path file = write("Packages.xz", xz);
        DecompressOptions tight = new DecompressOptions(3, 3L * DecompressOptions.CHUNK_SIZE);
        try (DecompressedInputStream in = Decompressors.open(file, SizeLimit.exactly(SIZE), tight)) {
            assertTrue(isParallel(in));
            // Odd read sizes cross chunk and segment boundaries at every possible place.
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[100_003];
            int n;
            while ((n = in.read(buffer, 0, 1 + out.size() % buffer.length)) != -1) {
                out.write(buffer, 0, n);
            }
            assertArrayEquals(data, out.toByteArray());
        }
    }

    @Test
    void memoryHeldAheadOfTheReaderIsBounded() throws Exception {
        Path file = write("Packages.xz", xz);
        DecompressOptions options = new DecompressOptions(2, 2L << 20);
        try (DecompressedInputStream in = Decompressors.open(file, SizeLimit.exactly(SIZE), options)) {
            ParallelXzInputStream parallel = assertInstanceOf(ParallelXzInputStream.class, in.decoder());
            in.read();
            // Let the workers run into their bounds while nobody reads.
            Thread.sleep(1500);
            int perSegment = (int) (options.lookaheadBytes() / 2 / DecompressOptions.CHUNK_SIZE);
            int bound = 2 * (perSegment + 1) + 1;
            assertTrue(parallel.chunksAllocated() <= bound,
                    () -> parallel.chunksAllocated() + " chunks allocated, bound " + bound);
            assertTrue(parallel.chunksAllocated() >= 2, "the workers did decode ahead");
            byte[] rest = readAll(in);
            assertArrayEquals(Arrays.copyOfRange(data, 1, SIZE), rest);
            assertTrue(parallel.chunksAllocated() <= bound, "chunks are recycled");
        }
    }

    @Test
    void smallBlocksAreGroupedAndManyBlocksWork() throws IOException {
        byte[] small = Arrays.copyOf(data, 10 << 20);
        byte[] manyBlocks = xzBlocks(small, 64 << 10);
        try (SeekableXZInputStream index = new SeekableXZInputStream(new SeekableBufferInput(ByteBuffer.wrap(manyBlocks)))) {
            assertEquals(160, index.getBlockCount());
        }
        try (DecompressedInputStream in = Decompressors.open(write("many.xz", manyBlocks),
                SizeLimit.exactly(small.length), threads(4))) {
            assertTrue(isParallel(in));
            assertArrayEquals(small, readAll(in));
        }
    }

    @Test
    void concatenatedStreamsWithPaddingAreDecodedInParallel() throws IOException {
        byte[] first = Arrays.copyOf(data, 9 << 20);
        byte[] second = Arrays.copyOfRange(data, 9 << 20, SIZE);
        byte[] joined = concat(xzBlocks(first, BLOCK), new byte[8], xzBlocks(second, 1 << 20), new byte[4]);
        try (DecompressedInputStream in = Decompressors.open(write("multi.xz", joined), SizeLimit.exactly(SIZE),
                threads(3))) {
            assertTrue(isParallel(in));
            assertArrayEquals(data, readAll(in));
        }
        try (DecompressedInputStream in = Decompressors.open(Fixtures.streamOf(joined), "multi.xz",
                SizeLimit.exactly(SIZE))) {
            assertArrayEquals(data, readAll(in), "sequentially too");
        }
    }

    @Test
    void aSingleBlockIsDecodedSequentially() throws IOException {
        byte[] oneBlock = Fixtures.compress(Compression.XZ, Arrays.copyOf(data, 5 << 20));
        try (DecompressedInputStream in = Decompressors.open(write("one.xz", oneBlock),
                SizeLimit.exactly(5 << 20), threads(4))) {
            assertFalse(isParallel(in));
            assertArrayEquals(Arrays.copyOf(data, 5 << 20), readAll(in));
        }
    }

    @Test
    void theIndexIsCheckedAgainstTheLimitBeforeAnythingIsDecoded() throws Exception {
        Path file = write("limit.xz", xz);
        String source = file.toString();
        DecompressionException e = assertThrows(DecompressionException.class,
                () -> Decompressors.open(file, SizeLimit.exactly(SIZE - 1), threads(2)));
        assertEquals(Reason.LIMIT_EXCEEDED, e.reason());
        assertEquals(source + ": decompressed data exceeds the expected " + (SIZE - 1)
                + " bytes (its xz index lists " + SIZE + " bytes)", e.getMessage());

        e = assertThrows(DecompressionException.class,
                () -> Decompressors.open(file, SizeLimit.atMost(1 << 20), threads(2)));
        assertEquals(Reason.LIMIT_EXCEEDED, e.reason());

        e = assertThrows(DecompressionException.class,
                () -> Decompressors.open(file, SizeLimit.exactly(SIZE + 1), threads(2)));
        assertEquals(Reason.SIZE_MISMATCH, e.reason());
        assertEquals(source + ": decompressed data is " + SIZE + " bytes according to its xz index; expected "
                + (SIZE + 1) + " bytes", e.getMessage());
        awaitNoWorkers(source);
    }

    @Test
    void aCorruptBlockFailsAfterTheDataBeforeIt() throws IOException {
        byte[] corrupt = xz.clone();
        long blockStart;
        try (SeekableXZInputStream index = new SeekableXZInputStream(new SeekableBufferInput(ByteBuffer.wrap(xz)))) {
            corrupt[(int) (index.getBlockCompPos(5) + index.getBlockCompSize(5) / 2)] ^= 0x04;
            blockStart = index.getBlockPos(5);
        }
        try (DecompressedInputStream in = Decompressors.open(write("corrupt.xz", corrupt), SizeLimit.exactly(SIZE),
                threads(4))) {
            assertTrue(isParallel(in));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            DecompressionException e = assertThrows(DecompressionException.class, () -> {
                byte[] buffer = new byte[65536];
                int n;
                while ((n = in.read(buffer)) != -1) {
                    out.write(buffer, 0, n);
                }
            });
            assertTrue(Set.of(Reason.CORRUPT, Reason.TRUNCATED).contains(e.reason()), e::getMessage);
            assertTrue(e.getMessage().startsWith(tmp.resolve("corrupt.xz") + ": xz data is "), e.getMessage());
            byte[] delivered = out.toByteArray();
            assertTrue(delivered.length >= blockStart, "the blocks before the corrupt one were delivered");
            assertArrayEquals(Arrays.copyOf(data, delivered.length), delivered, "and they are right");
            assertEquals(e, assertThrows(DecompressionException.class, in::read));
        }
    }

    @Test
    void aTruncatedFileIsReportedAsTruncated() throws IOException {
        for (int cut : new int[] {xz.length / 2, xz.length - 1, xz.length - 13}) {
            Path file = write("cut.xz", Arrays.copyOf(xz, cut));
            try (DecompressedInputStream in = Decompressors.open(file, SizeLimit.exactly(SIZE), threads(2))) {
                // Without its index at the end the file cannot be read in parallel.
                assertFalse(isParallel(in));
                DecompressionException e = Fixtures.readExpectingFailure(in);
                assertEquals(Reason.TRUNCATED, e.reason(), e::getMessage);
            }
        }
    }

    @Test
    void trailingGarbageIsReportedLikeSequentialDecoding() throws IOException {
        Path file = write("garbage.xz", concat(xz, "trailing garbage, sixteen bytes or more".getBytes()));
        try (DecompressedInputStream in = Decompressors.open(file, SizeLimit.exactly(SIZE), threads(2))) {
            DecompressionException e = Fixtures.readExpectingFailure(in);
            assertEquals(Reason.CORRUPT, e.reason(), e::getMessage);
        }
    }

    @Test
    void closingEarlyStopsTheWorkers() throws Exception {
        Path file = write("early-close.xz", xz);
        String source = file.toString();
        DecompressedInputStream in = Decompressors.open(file, SizeLimit.exactly(SIZE), threads(3));
        assertTrue(isParallel(in));
        assertEquals(1000, in.readNBytes(1000).length);
        assertFalse(workersOf(source).isEmpty(), "workers run while the stream is open");
        in.close();
        awaitNoWorkers(source);
        assertThrows(IOException.class, in::read);
    }

    @Test
    void readingToTheEndReleasesTheWorkersEvenWithoutClose() throws Exception {
        Path file = write("to-the-end.xz", xz);
        DecompressedInputStream in = Decompressors.open(file, SizeLimit.exactly(SIZE), threads(2));
        readAll(in);
        awaitNoWorkers(file.toString());
        in.close();
    }

    @Test
    void anInterruptedReaderGetsAnInterruptedIOException() throws Exception {
        Path file = write("interrupted.xz", xz);
        try (DecompressedInputStream in = Decompressors.open(file, SizeLimit.exactly(SIZE), threads(2))) {
            Thread.currentThread().interrupt();
            try {
                // The first chunk may already be there; the reader notices at its next wait.
                IOException e = assertThrows(IOException.class, () -> readAll(in));
                assertInstanceOf(java.io.InterruptedIOException.class, e);
            } finally {
                Thread.interrupted();
            }
        }
    }
}
