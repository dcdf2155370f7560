package org.debindex.core.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.debindex.core.Finding;
import org.debindex.core.FindingCode;
import org.debindex.core.model.HashAlgorithm;
import org.debindex.core.model.Release;
import org.debindex.core.testdata.SharedTestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/** Index files against a Release: catalogue #45 to #50 of trust-chain.md §6, and the real mirror fault. */
class IndexChainTest {

    private static final byte[] PACKAGES = ("Package: hello\nVersion: 2.10-3\nArchitecture: amd64\n"
            + "Filename: pool/main/h/hello/hello_2.10-3_amd64.deb\n\nPackage: zlib1g\nVersion: 1:1.3\n\n")
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private static String hex(String algorithm, byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
    }

    private static byte[] xz(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XZOutputStream xz = new XZOutputStream(out, new LZMA2Options())) {
            xz.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    /** A Release listing each (path, bytes) pair with SHA256 and SHA512. */
    private static Release release(Object... pathsAndData) throws Exception {
        StringBuilder sha256 = new StringBuilder("SHA256:\n");
        StringBuilder sha512 = new StringBuilder("SHA512:\n");
        for (int i = 0; i < pathsAndData.length; i += 2) {
            String path = (String) pathsAndData[i];
            byte[] data = (byte[]) pathsAndData[i + 1];
            sha256.append(' ').append(hex("SHA-256", data)).append(' ').append(data.length).append(' ').append(path).append('\n');
            sha512.append(' ').append(hex("SHA-512", data)).append(' ').append(data.length).append(' ').append(path).append('\n');
        }
        return Release.parse(("Codename: test\nDate: Sat, 21 Nov 2026 09:15:44 UTC\n" + sha256 + sha512)
                .getBytes(StandardCharsets.UTF_8), "Release");
    }

    private Path write(String path, byte[] data) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        return Files.write(file, data);
    }

    private static Finding onlyFinding(FileCheck check) {
        assertEquals(1, check.findings().size(), check.toString());
        return check.findings().get(0);
    }

    @Test
    void matchingCompressedAndUncompressedVerify() throws Exception {
        byte[] packedXz = xz(PACKAGES);
        byte[] packedGz = gzip(PACKAGES);
        Release r = release("main/binary-amd64/Packages", PACKAGES, "main/binary-amd64/Packages.xz", packedXz,
                "main/binary-amd64/Packages.gz", packedGz);
        write("main/binary-amd64/Packages.xz", packedXz);
        write("main/binary-amd64/Packages.gz", packedGz);
        for (String p : List.of("main/binary-amd64/Packages.xz", "main/binary-amd64/Packages.gz")) {
            FileCheck c = IndexChain.check(dir, r, p);
            assertEquals(FileCheck.Outcome.VERIFIED, c.outcome(), c.toString());
            assertEquals(List.of(HashAlgorithm.SHA256, HashAlgorithm.SHA512), c.algorithms());
            assertEquals(List.of(), c.findings());
        }
        assertEquals(FileCheck.Outcome.ABSENT, IndexChain.check(dir, r, "main/binary-amd64/Packages").outcome());
    }

    @Test
    void changedContentIsAHashMismatchNamingBothDigests() throws Exception { // #45
        byte[] packed = xz(PACKAGES);
        Release r = release("main/binary-amd64/Packages.xz", packed);
        byte[] changed = packed.clone();
        changed[changed.length / 2] ^= 1;
        write("main/binary-amd64/Packages.xz", changed);
        FileCheck c = IndexChain.check(dir, r, "main/binary-amd64/Packages.xz");
        assertEquals(FileCheck.Outcome.FAILED, c.outcome());
        assertEquals(2, c.findings().size(), "SHA-256 and SHA-512 both reported");
        Finding f = c.findings().get(0);
        assertEquals(FindingCode.INDEX_HASH_MISMATCH, f.code());
        assertTrue(f.message().contains(hex("SHA-256", packed)) && f.message().contains(hex("SHA-256", changed)),
                f.message());
    }

    @Test
    void oneByteLongerIsASizeMismatchWithoutHashing() throws Exception { // #45
        byte[] packed = xz(PACKAGES);
        Release r = release("main/binary-amd64/Packages.xz", packed);
        write("main/binary-amd64/Packages.xz", Arrays.copyOf(packed, packed.length + 1));
        Finding f = onlyFinding(IndexChain.check(dir, r, "main/binary-amd64/Packages.xz"));
        assertEquals(FindingCode.INDEX_SIZE_MISMATCH, f.code());
        assertTrue(f.message().contains((packed.length + 1) + " bytes, but " + packed.length), f.message());
    }

    @Test
    void unlistedFileIsSkippedWithAWarning() throws Exception { // #47
        Release r = release("main/binary-amd64/Packages", PACKAGES);
        FileCheck c = IndexChain.check(dir, r, "main/binary-arm64/Packages");
        assertEquals(FileCheck.Outcome.SKIPPED, c.outcome());
        assertEquals(FindingCode.INDEX_NOT_LISTED, onlyFinding(c).code());
    }

    @Test
    void truncatedXzWhoseHashIsListedDoesNotDecompress() throws Exception { // #48
        byte[] truncated = Arrays.copyOf(xz(PACKAGES), 40);
        Release r = release("main/binary-amd64/Packages", PACKAGES, "main/binary-amd64/Packages.xz", truncated);
        write("main/binary-amd64/Packages.xz", truncated);
        Finding f = onlyFinding(IndexChain.check(dir, r, "main/binary-amd64/Packages.xz"));
        assertEquals(FindingCode.INDEX_DECOMPRESS, f.code(), f.toString());
    }

    @Test
    void bombStopsAtTheListedSize() throws Exception { // #49
        byte[] big = new byte[64 << 20];
        byte[] bomb = gzip(big);
        assertTrue(bomb.length < 100_000, "fixture is a bomb: " + bomb.length);
        Release r = release("main/binary-amd64/Packages", PACKAGES, "main/binary-amd64/Packages.gz", bomb);
        write("main/binary-amd64/Packages.gz", bomb);
        Finding f = onlyFinding(IndexChain.check(dir, r, "main/binary-amd64/Packages.gz"));
        assertEquals(FindingCode.LIMIT_EXCEEDED, f.code(), f.toString());
    }

    @Test
    void decompressedContentOtherThanTheUncompressedEntryIsAHashMismatch() throws Exception { // #50
        byte[] other = PACKAGES.clone();
        other[0] = 'p';
        byte[] packed = xz(other);
        Release r = release("main/binary-amd64/Packages", PACKAGES, "main/binary-amd64/Packages.xz", packed);
        write("main/binary-amd64/Packages.xz", packed);
        FileCheck c = IndexChain.check(dir, r, "main/binary-amd64/Packages.xz");
        assertEquals(FileCheck.Outcome.FAILED, c.outcome());
        assertEquals(FindingCode.INDEX_HASH_MISMATCH, c.findings().get(0).code());
        assertTrue(c.findings().get(0).message().startsWith("decompressed content does not match"), c.toString());
    }

    @Test
    void shorterDecompressedContentIsASizeMismatch() throws Exception {
        byte[] packed = xz(Arrays.copyOf(PACKAGES, PACKAGES.length - 1));
        Release r = release("main/binary-amd64/Packages", PACKAGES, "main/binary-amd64/Packages.xz", packed);
        write("main/binary-amd64/Packages.xz", packed);
        assertEquals(FindingCode.INDEX_SIZE_MISMATCH, onlyFinding(IndexChain.check(dir, r, "main/binary-amd64/Packages.xz")).code());
    }

    @Test
    void unsafePathIsNeverOpened() throws Exception {
        Release r = Release.parse(("Date: Sat, 21 Nov 2026 09:15:44 UTC\nSHA256:\n " + hex("SHA-256", PACKAGES) + " "
                + PACKAGES.length + " ../outside\n").getBytes(StandardCharsets.UTF_8), "Release");
        Files.write(dir.getParent().resolve("outside"), PACKAGES);
        try {
            FileCheck c = IndexChain.check(dir.resolve("sub"), r, "../outside");
            assertEquals(FileCheck.Outcome.SKIPPED, c.outcome());
            assertEquals(FindingCode.PATH_UNSAFE, onlyFinding(c).code());
        } finally {
            Files.delete(dir.getParent().resolve("outside"));
        }
    }

    @Test
    void weakOnlyEntryIsRefusedUnread() throws Exception {
        Release r = Release.parse(("Date: Sat, 21 Nov 2026 09:15:44 UTC\nMD5Sum:\n " + hex("MD5", PACKAGES) + " "
                + PACKAGES.length + " main/binary-amd64/Packages\n").getBytes(StandardCharsets.UTF_8), "Release");
        write("main/binary-amd64/Packages", PACKAGES);
        FileCheck c = IndexChain.check(dir, r, "main/binary-amd64/Packages");
        assertEquals(FileCheck.Outcome.FAILED, c.outcome());
        assertEquals(FindingCode.INDEX_WEAK_ONLY, onlyFinding(c).code());
    }

    @Test
    void realTrixieIndexesVerifyAndContentsIsTheMirrorFault() throws Exception {
        Path trixie = SharedTestData.dists("trixie", "Release").getParent();
        Release r;
        try (InputStream in = Files.newInputStream(trixie.resolve("Release"))) {
            r = Release.read(in, "Release");
        }
        for (String p : List.of("main/binary-amd64/Packages.xz", "main/source/Sources.xz", "main/i18n/Translation-en.xz")) {
            FileCheck c = IndexChain.check(trixie, r, p);
            assertEquals(FileCheck.Outcome.VERIFIED, c.outcome(), c.toString());
        }
        FileCheck contents = IndexChain.check(trixie, r, "main/Contents-amd64.gz");
        assertEquals(FileCheck.Outcome.FAILED, contents.outcome());
        Finding f = onlyFinding(contents);
        assertEquals(FindingCode.INDEX_SIZE_MISMATCH, f.code());
        assertEquals("size 12698511 bytes, but 12699567 are listed (mirror sync in progress?)", f.message());
        assertEquals(FileCheck.Outcome.ABSENT, IndexChain.check(trixie, r, "main/binary-arm64/Packages.xz").outcome());
    }
}
