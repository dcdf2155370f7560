package org.debindex.core.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HashAlgorithmTest {

    @Test
    void lowerHexDigestsOfTheRightLength() {
        String sha256 = "0123456789abcdef".repeat(4);
        assertTrue(HashAlgorithm.SHA256.isLowerHexDigest(sha256));
        assertTrue(HashAlgorithm.SHA512.isLowerHexDigest(sha256 + sha256));
        assertFalse(HashAlgorithm.SHA512.isLowerHexDigest(sha256));
        assertFalse(HashAlgorithm.SHA256.isLowerHexDigest(sha256.substring(1)));
        assertFalse(HashAlgorithm.SHA256.isLowerHexDigest(sha256 + "0"));
        assertFalse(HashAlgorithm.SHA256.isLowerHexDigest(sha256.toUpperCase()));
        assertFalse(HashAlgorithm.SHA256.isLowerHexDigest(sha256.substring(1) + "g"));
        assertFalse(HashAlgorithm.SHA256.isLowerHexDigest(sha256.substring(1) + "/"));
        assertFalse(HashAlgorithm.SHA256.isLowerHexDigest(sha256.substring(1) + ":"));
        assertFalse(HashAlgorithm.SHA256.isLowerHexDigest(""));
    }
}
