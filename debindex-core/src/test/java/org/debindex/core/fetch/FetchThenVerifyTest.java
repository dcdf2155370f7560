package org.debindex.core.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.debindex.core.FindingCode;
import org.debindex.core.fetch.LoopbackServer.Reply;
import org.debindex.core.model.HashAlgorithm;
import org.debindex.core.model.IndexFileEntry;
import org.debindex.core.trust.FileCheck;
import org.debindex.core.trust.FileVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A download with a wrong hash: fetching succeeds (the fetcher does not judge content), the check
 * against the Release entry fails on the copy in {@code partial/}, and {@code lists/} keeps its
 * verified file because nothing unverified is moved there.
 */
class FetchThenVerifyTest {

    @TempDir
    Path cache;

    private static String sha256(byte[] data) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    @Test
    void aWrongHashNeverReachesTheLists() throws Exception {
        byte[] listed = "Package: hello\nVersion: 2.10-3\n".getBytes(StandardCharsets.US_ASCII);
        byte[] served = "Package: hello\nVersion: 6.66-6\n".getBytes(StandardCharsets.US_ASCII);
        Path lists = Files.createDirectories(cache.resolve("lists"));
        Path partial = Files.createDirectories(cache.resolve("partial"));
        Files.write(lists.resolve("Packages"), listed);
        IndexFileEntry entry = new IndexFileEntry("main/binary-amd64/Packages", listed.length,
                Map.of(HashAlgorithm.SHA256, sha256(listed)));

        try (LoopbackServer server = LoopbackServer.start()) {
            server.on("/debian/dists/trixie/main/binary-amd64/Packages", Reply.ok(served));
            FetchResult result = Fetchers.standard(FetchPolicy.defaults()).fetch(FetchRequest.ofSize(
                    server.uri("/debian/dists/trixie/main/binary-amd64/Packages"), partial.resolve("Packages"),
                    entry.size()));
            assertEquals(FetchResult.Outcome.FETCHED, result.outcome());
        }
        FileCheck check = FileVerifier.check(partial.resolve("Packages"), entry, FileVerifier.Link.INDEX);
        if (check.outcome() == FileCheck.Outcome.VERIFIED) {
            Files.move(partial.resolve("Packages"), lists.resolve("Packages"),
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }

        assertEquals(FileCheck.Outcome.FAILED, check.outcome());
        assertEquals(List.of(FindingCode.INDEX_HASH_MISMATCH), check.findings().stream().map(f -> f.code()).toList());
        assertArrayEquals(listed, Files.readAllBytes(lists.resolve("Packages")));
    }
}
