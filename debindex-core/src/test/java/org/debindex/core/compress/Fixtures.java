package org.debindex.core.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.lz4.FramedLZ4CompressorOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/** Test data made at test time: Packages-like text, and the Java libraries' compressors. */
final class Fixtures {

    private Fixtures() {
    }

    /** Deterministic text that looks like a Packages file, about {@code size} bytes long. */
    static byte[] packagesText(int size, long seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder(size + 200);
        String[] words = {"library", "development", "files", "runtime", "python3", "module",
            "documentation", "utilities", "shared", "data", "plugin", "bindings", "tool"};
        for (int i = 0; text.length() < size; i++) {
            text.append("Package: pkg").append(random.nextInt(100_000)).append('\n')
                    .append("Version: ").append(random.nextInt(20)).append('.').append(i % 97)
                    .append('-').append(random.nextInt(5) + 1).append('\n')
                    .append("Architecture: amd64\n")
                    .append("Installed-Size: ").append(random.nextInt(50_000)).append('\n')
                    .append("Depends: libc6 (>= 2.").append(random.nextInt(40)).append("), lib")
                    .append(words[random.nextInt(words.length)]).append(random.nextInt(9)).append('\n')
                    .append("Description: ").append(words[random.nextInt(words.length)]).append(' ')
                    .append(words[random.nextInt(words.length)]).append('\n')
                    .append("SHA256: ").append(Long.toHexString(random.nextLong()))
                    .append(Long.toHexString(random.nextLong())).append("\n\n");
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
        return java.util.Arrays.copyOf(bytes, size);
    }

    /** Compresses with the Java libraries, as the command-line tools would by default. */
    static byte[] compress(Compression format, byte[] data) {
        if (format == Compression.LZ4) {
            // Commons Compress's LZ4 encoder is far too slow for fixtures of realistic size.
            return Lz4FrameWriter.likeTheLz4Tool().frame(data);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 3 + 64);
        try (OutputStream c = compressor(format, out)) {
            c.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The length of data {@link Compression#detect} needs to recognise {@code format}. */
    static int detectableLength(Compression format) {
        return format == Compression.BZIP2 ? 4 : format.magic().length;
    }

    /** A compressing stream in {@code format} writing to {@code out} (Commons Compress for LZ4). */
    static OutputStream compressor(Compression format, OutputStream out) throws IOException {
        return switch (format) {
            case XZ -> new XZOutputStream(out, new LZMA2Options(1));
            case GZIP -> new GZIPOutputStream(out, 8192);
            case BZIP2 -> new BZip2CompressorOutputStream(out, 1);
            // With the content checksum, as the lz4 tool and apt write frames.
            case LZ4 -> new FramedLZ4CompressorOutputStream(out, new FramedLZ4CompressorOutputStream.Parameters(
                    FramedLZ4CompressorOutputStream.BlockSize.K64, true, false, false));
            // With the checksum, as the zstd tool writes frames by default.
            case ZSTD -> new ZstdOutputStream(out).setChecksum(true);
            case NONE -> out;
        };
    }

    /** xz data in several independent blocks, each {@code blockSize} bytes of output or less. */
    static byte[] xzBlocks(byte[] data, int blockSize) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 3 + 64);
        try (XZOutputStream xz = new XZOutputStream(out, new LZMA2Options(0))) {
            for (int off = 0; off < data.length; off += blockSize) {
                xz.write(data, off, Math.min(blockSize, data.length - off));
                xz.endBlock();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** Reads a stream to its end. */
    static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) != -1) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** Reads {@code in} to its end expecting a {@link DecompressionException}, and returns it. */
    static DecompressionException readExpectingFailure(InputStream in) {
        return assertThrows(DecompressionException.class, () -> {
            byte[] buffer = new byte[8192];
            while (in.read(buffer) != -1) {
                // keep reading until the failure
            }
        });
    }

    static InputStream streamOf(byte[] data) {
        return new ByteArrayInputStream(data);
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** Checks the message format of the style guide: {@code <source>: <lower-case problem>}. */
    static void assertMessageStyle(DecompressionException e, String source) {
        String message = e.getMessage();
        assertTrue(message.startsWith(source + ": "), () -> "message names the source: " + message);
        String problem = message.substring(source.length() + 2);
        assertEquals(problem, e.problem());
        assertEquals(source, e.source());
        assertTrue(Character.isLowerCase(problem.charAt(0)), () -> "lower-case: " + message);
        assertTrue(!message.endsWith("."), () -> "no final period: " + message);
        assertTrue(message.indexOf('\n') < 0, () -> "one line: " + message);
    }
}
