package org.debindex.core.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.debindex.core.FindingCode;
import org.debindex.core.model.HashAlgorithm;
import org.debindex.core.model.IndexFileEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pool link's codes (catalogue #55); the index link is covered through {@link IndexChainTest}. */
class FileVerifierTest {

    private static final byte[] DEB = "!<arch>\ndebian-binary   ...".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    @Test
    void poolFileChecks() throws Exception {
        Path file = Files.write(dir.resolve("hello.deb"), DEB);
        IndexFileEntry good = new IndexFileEntry("pool/hello.deb", DEB.length, Map.of(HashAlgorithm.SHA256, sha256(DEB)));
        assertEquals(FileCheck.Outcome.VERIFIED, FileVerifier.check(file, good, FileVerifier.Link.POOL).outcome());

        IndexFileEntry md5Only = new IndexFileEntry("pool/hello.deb", DEB.length, Map.of(HashAlgorithm.MD5,
                HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(DEB))));
        FileCheck weak = FileVerifier.check(file, md5Only, FileVerifier.Link.POOL);
        assertEquals(List.of(FindingCode.DEB_HASH_INSUFFICIENT), weak.findings().stream().map(f -> f.code()).toList());

        IndexFileEntry longer = new IndexFileEntry("pool/hello.deb", DEB.length + 1, good.digests());
        assertEquals(List.of(FindingCode.DEB_HASH_MISMATCH), FileVerifier.check(file, longer, FileVerifier.Link.POOL)
                .findings().stream().map(f -> f.code()).toList());

        IndexFileEntry other = new IndexFileEntry("pool/hello.deb", DEB.length, Map.of(HashAlgorithm.SHA256, sha256(new byte[1])));
        assertEquals(List.of(FindingCode.DEB_HASH_MISMATCH), FileVerifier.check(file, other, FileVerifier.Link.POOL)
                .findings().stream().map(f -> f.code()).toList());

        FileCheck absent = FileVerifier.check(dir.resolve("missing.deb"), good, FileVerifier.Link.POOL);
        assertEquals(FileCheck.Outcome.ABSENT, absent.outcome());
        assertEquals(List.of(), absent.findings());
        assertEquals(FindingCode.DEB_MISSING, FileVerifier.Link.POOL.missing());
    }
}
