package org.debindex.core.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Random;
import org.debindex.core.model.HashAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigestsTest {

    @Test
    void knownVectors() throws Exception {
        Digests.Computed c = Digests.of(new ByteArrayInputStream("abc".getBytes(StandardCharsets.US_ASCII)),
                EnumSet.of(HashAlgorithm.SHA256, HashAlgorithm.SHA512, HashAlgorithm.MD5));
        assertEquals(3, c.size());
        assertEquals(Map.of(
                HashAlgorithm.MD5, "900150983cd24fb0d6963f7d28e17f72",
                HashAlgorithm.SHA256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                HashAlgorithm.SHA512, "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                        + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"), c.digests());
    }

    @Test
    void fileAndStreamAgreeAcrossBufferBoundaries(@TempDir Path dir) throws Exception {
        byte[] data = new byte[(1 << 16) * 3 + 17];
        new Random(7).nextBytes(data);
        Path file = Files.write(dir.resolve("f"), data);
        EnumSet<HashAlgorithm> all = EnumSet.allOf(HashAlgorithm.class);
        assertEquals(Digests.of(new ByteArrayInputStream(data), all), Digests.of(file, all));
        assertEquals(data.length, Digests.of(file, EnumSet.noneOf(HashAlgorithm.class)).size());
    }
}
