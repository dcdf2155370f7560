package org.debindex.core.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.debindex.core.testdata.SharedTestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real Debian index files from the shared test data: each decompresses to exactly the size and
 * SHA-256 its suite's Release file lists for the uncompressed index, sequentially and in parallel.
 * Skipped, with the reason, when the shared data is absent.
 */
class DecompressorsSharedDataTest {

    /** The size and SHA-256 a Release file lists for {@code path} in its SHA256 field. */
    private record Listed(long size, String sha256) {
    }

    private static Listed listedIn(Path release, String path) throws IOException {
        boolean inSha256 = false;
        for (String line : Files.readAllLines(release, StandardCharsets.UTF_8)) {
            if (!line.startsWith(" ")) {
                inSha256 = line.equals("SHA256:");
                continue;
            }
            String[] fields = line.strip().split(" +");
            if (inSha256 && fields.length == 3 && fields[2].equals(path)) {
                return new Listed(Long.parseLong(fields[1]), fields[0]);
            }
        }
        throw new AssertionError(path + " is not listed in " + release);
    }

    private static String sha256Of(InputStream in) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
        byte[] buffer = new byte[1 << 16];
        try (DigestInputStream digesting = new DigestInputStream(in, digest)) {
            while (digesting.read(buffer) != -1) {
                // the digest sees every byte
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "trixie, main/binary-amd64/Packages, .xz",
        "trixie, main/source/Sources, .xz",
        "trixie, main/i18n/Translation-en, .xz",
        "bookworm, main/binary-amd64/Packages, .xz",
        "bookworm, main/Contents-all, .gz",
    })
    void decompressesToTheSizeAndHashTheReleaseLists(String suite, String index, String suffix) throws IOException {
        Path compressed = SharedTestData.dists(suite, index + suffix);
        Listed listed = listedIn(SharedTestData.dists(suite, "Release"), index);
        SizeLimit exact = SizeLimit.exactly(listed.size());

        // Sequentially from a stream, as data arrives from the network.
        try (InputStream in = Decompressors.open(Files.newInputStream(compressed), compressed.toString(), exact)) {
            assertEquals(listed.sha256(), sha256Of(in), "sequential");
        }
        // From the file, in parallel when the file has several xz blocks.
        try (DecompressedInputStream in = Decompressors.open(compressed, exact,
                DecompressOptions.defaults().withParallelism(2).withXzCommand(Optional.empty()))) {
            if (suffix.equals(".xz")) {
                assertInstanceOf(ParallelXzInputStream.class, in.decoder(), "Debian's xz files have several blocks");
            }
            assertEquals(listed.sha256(), sha256Of(in), "from the file");
            assertEquals(listed.size(), in.position());
        }
    }

    @Test
    void trixiePackagesFiguresMatchTheReadme() throws IOException {
        Path release = SharedTestData.dists("trixie", "Release");
        Listed packages = listedIn(release, "main/binary-amd64/Packages");
        assertEquals(new Listed(56_634_892, "2efd6103f013081f8118f4c9f228739bc97bff2e4e1de496f80458c7e72a24ac"),
                packages);
        Path xz = SharedTestData.dists("trixie", "main/binary-amd64/Packages.xz");
        // In memory, with every thread count, and counting stanzas as the README does.
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(xz));
        for (int threads : List.of(1, 2)) {
            try (InputStream in = Decompressors.open(bytes, "Packages.xz", SizeLimit.exactly(packages.size()),
                    DecompressOptions.defaults().withParallelism(threads))) {
                byte[] text = in.readAllBytes();
                int stanzas = 0;
                byte[] field = "\nPackage: ".getBytes(StandardCharsets.US_ASCII);
                for (int i = -1; i + field.length <= text.length; i++) {
                    int from = i < 0 ? 1 : 0;
                    if (java.util.Arrays.equals(text, i + from, i + field.length, field, from, field.length)) {
                        stanzas++;
                    }
                }
                assertEquals(68_829, stanzas, threads + " threads");
            }
        }
    }

    @Test
    void aWrongExpectedSizeIsCaughtOnRealData() throws IOException {
        Path xz = SharedTestData.dists("trixie", "main/binary-amd64/Packages.xz");
        DecompressionException e = org.junit.jupiter.api.Assertions.assertThrows(DecompressionException.class, () -> {
            try (InputStream in = Decompressors.open(Files.newInputStream(xz), "Packages.xz",
                    SizeLimit.exactly(56_634_891))) {
                sha256Of(in);
            }
        });
        assertEquals("Packages.xz: decompressed data exceeds the expected 56634891 bytes", e.getMessage());
        assertTrue(e.reason() == DecompressionException.Reason.LIMIT_EXCEEDED);
    }
}
