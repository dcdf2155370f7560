package org.debindex.core.compress;

import static org.debindex.core.compress.Fixtures.concat;
import static org.debindex.core.compress.Fixtures.packagesText;
import static org.debindex.core.compress.Fixtures.readAll;
import static org.debindex.core.compress.Fixtures.readExpectingFailure;
import static org.debindex.core.compress.Fixtures.xzBlocks;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Optional;
import org.debindex.core.compress.DecompressionException.Reason;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The system xz program as the decoder of xz files, and xz-java as its fallback. */
class XzProcessInputStreamTest {

    private static final DecompressOptions SYSTEM = DecompressOptions.defaults();

    private static byte[] data;
    private static byte[] xz;

    @TempDir
    Path tmp;

    @BeforeAll
    static void makeFixture() {
        data = packagesText(3 << 20, 17);
        xz = xzBlocks(data, 1 << 20);
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(tmp.resolve(name), content);
    }

    private static XzProcessInputStream external(DecompressedInputStream in) {
        return assertInstanceOf(XzProcessInputStream.class, in.decoder(),
                "Debian systems have " + DecompressOptions.SYSTEM_XZ + " (xz-utils is Priority: required)");
    }

    @Test
    void aGoodFileDecodesThroughTheSystemXz() throws IOException {
        Path file = write("Packages.xz", xz);
        try (DecompressedInputStream in = Decompressors.open(file, SizeLimit.exactly(data.length), SYSTEM)) {
            external(in);
            assertArrayEquals(data, readAll(in));
            assertEquals(-1, in.read());
        }
    }

    @Test
    void concatenatedStreamsAndPaddingDecodeWhole() throws IOException {
        byte[] second = "Package: b\n".getBytes(StandardCharsets.US_ASCII);
        Path file = write("Packages.xz", concat(xz, new byte[4], Fixtures.compress(Compression.XZ, second)));
        try (DecompressedInputStream in = Decompressors.open(file, SizeLimit.atMost(1L << 30), SYSTEM)) {
            external(in);
            assertArrayEquals(concat(data, second), readAll(in));
        }
    }

    @Test
    void aCorruptFileFailsAsCorrupt() throws IOException {
        byte[] corrupt = xz.clone();
        corrupt[corrupt.length / 2] ^= 0x55;
        Path file = write("Packages.xz", corrupt);
        try (DecompressedInputStream in = Decompressors.open(file, SizeLimit.exactly(data.length), SYSTEM)) {
            external(in);
            DecompressionException e = readExpectingFailure(in);
            assertEquals(Reason.CORRUPT, e.reason());
            assertTrue(e.getMessage().startsWith(file + ": xz data is corrupt"), e.getMessage());
            // the failure is final
            assertThrows(DecompressionException.class, () -> in.read());
        }
    }

    @Test
    void aTruncatedFileFailsAsTruncated() throws IOException {
        Path file = write("Packages.xz", Arrays.copyOf(xz, xz.length - 100));
        try (DecompressedInputStream in = Decompressors.open(file, SizeLimit.exactly(data.length), SYSTEM)) {
            external(in);
            DecompressionException e = readExpectingFailure(in);
            assertEquals(Reason.TRUNCATED, e.reason());
            assertEquals(file + ": xz data is truncated; expected more compressed data", e.getMessage());
        }
    }

    @Test
    void trailingGarbageFailsWithTheReasonXzJavaGives() throws IOException {
        for (String garbage : new String[] {"garbage!", "garbage that is longer than a stream header"}) {
            Path file = write("Packages.xz", concat(xz, garbage.getBytes(StandardCharsets.US_ASCII)));
            Reason viaJava;
            try (DecompressedInputStream in = Decompressors.open(file, SizeLimit.atMost(1L << 30),
                    SYSTEM.withParallelism(1).withXzCommand(Optional.empty()))) {
                viaJava = readExpectingFailure(in).reason();
            }
            try (DecompressedInputStream in = Decompressors.open(file, SizeLimit.atMost(1L << 30), SYSTEM)) {
                external(in);
                assertEquals(viaJava, readExpectingFailure(in).reason(), garbage);
            }
        }
    }

    @Test
    void outputOverTheBoundFailsAsWithXzJavaAndStopsTheProgram() throws IOException {
        Path file = write("Packages.xz", xz);
        DecompressionException viaJava;
        try (DecompressedInputStream in = Decompressors.open(file, SizeLimit.atMost(1 << 20),
                SYSTEM.withParallelism(1).withXzCommand(Optional.empty()))) {
            viaJava = readExpectingFailure(in);
        }
        try (DecompressedInputStream in = Decompressors.open(file, SizeLimit.atMost(1 << 20), SYSTEM)) {
            XzProcessInputStream process = external(in);
            DecompressionException e = readExpectingFailure(in);
            assertEquals(Reason.LIMIT_EXCEEDED, e.reason());
            assertEquals(viaJava.getMessage(), e.getMessage());
            assertEquals(1 << 20, in.position());
            in.close();
            assertFalse(process.isRunning(), "closing kills the program");
        }
    }

    @Test
    void outputShorterThanTheExactSizeIsAMismatch() throws IOException {
        Path file = write("Packages.xz", xz);
        try (DecompressedInputStream in = Decompressors.open(file, SizeLimit.exactly(data.length + 1L), SYSTEM)) {
            external(in);
            assertEquals(Reason.SIZE_MISMATCH, readExpectingFailure(in).reason());
        }
    }

    @Test
    void closingEarlyKillsTheProgram() throws IOException {
        Path file = write("Packages.xz", xz);
        DecompressedInputStream in = Decompressors.open(file, SizeLimit.exactly(data.length), SYSTEM);
        XzProcessInputStream process = external(in);
        assertEquals(100, in.readNBytes(100).length);
        in.close();
        assertFalse(process.isRunning());
        assertThrows(IOException.class, () -> in.read());
    }

    @Test
    void anInterruptedReaderStopsTheProgram() throws IOException {
        Path file = write("Packages.xz", xz);
        try (DecompressedInputStream in = Decompressors.open(file, SizeLimit.exactly(data.length), SYSTEM)) {
            XzProcessInputStream process = external(in);
            in.readNBytes(100);
            Thread.currentThread().interrupt();
            try {
                assertThrows(InterruptedIOException.class, () -> in.read(new byte[10]));
            } finally {
                Thread.interrupted();
            }
            assertFalse(process.isRunning(), "an interrupted read kills the program");
        }
    }

    @Test
    void aMissingProgramFallsBackToXzJava() throws IOException {
        Path file = write("Packages.xz", xz);
        DecompressOptions missing = SYSTEM.withXzCommand(Optional.of(tmp.resolve("no-such-xz")));
        try (DecompressedInputStream in = Decompressors.open(file, SizeLimit.exactly(data.length), missing)) {
            assertFalse(in.decoder() instanceof XzProcessInputStream);
            assertArrayEquals(data, readAll(in));
        }
        // and xz-java reports the same reason for the same corruption
        byte[] corrupt = xz.clone();
        corrupt[corrupt.length / 2] ^= 0x55;
        Path bad = write("bad.xz", corrupt);
        try (DecompressedInputStream in = Decompressors.open(bad, SizeLimit.exactly(data.length), missing)) {
            assertEquals(Reason.CORRUPT, readExpectingFailure(in).reason());
        }
    }

    @Test
    void aProgramThatFailsAfterItsOutputIsAFailureNotAnEnd() throws IOException {
        // a stand-in that writes the whole content, then complains and exits with status 1
        Path plain = write("plain", data);
        Path fake = write("fake-xz", ("#!/bin/sh\ncat '" + plain + "'\necho 'xz: (stdin): Something odd.' >&2\nexit 1\n")
                .getBytes(StandardCharsets.UTF_8));
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        Path file = write("Packages.xz", xz);
        try (DecompressedInputStream in = Decompressors.open(file, SizeLimit.exactly(data.length),
                SYSTEM.withXzCommand(Optional.of(fake)))) {
            external(in);
            DecompressionException e = readExpectingFailure(in);
            assertEquals(Reason.CORRUPT, e.reason());
            assertEquals(file + ": xz data is corrupt: something odd", e.getMessage());
        }
    }
}
