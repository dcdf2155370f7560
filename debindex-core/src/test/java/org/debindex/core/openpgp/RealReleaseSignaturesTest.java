package org.debindex.core.openpgp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.debindex.core.FindingCode;
import org.debindex.core.model.Release;
import org.debindex.core.testdata.SharedTestData;
import org.junit.jupiter.api.Test;

/** The real trixie and bookworm Release signatures against Debian's real keyrings. */
class RealReleaseSignaturesTest {

    /** The day the shared data was fetched: every key involved was valid then, whatever today is. */
    static final Instant FETCHED = Instant.parse("2026-11-26T12:00:00Z");

    static final String TRIXIE_ARCHIVE_12 = "4CB50190207B4758A3F73A796ED0E7B82643E131";
    static final String TRIXIE_ARCHIVE_13 = "B8E5F13176D2A7A75220028078DBA3BC47EF2265";
    static final String TRIXIE_RELEASE_13 = "41587F7DB8C774BCCF131416762F67A0B2C39DE4";

    private static Keyring archiveKeyring() throws Exception {
        return Keyring.load(SharedTestData.file("keyrings/debian-archive-keyring.gpg"));
    }

    private static byte[] read(String suite, String name) throws Exception {
        return Files.readAllBytes(SharedTestData.dists(suite, name));
    }

    private static List<SignatureStatus> statuses(ReleaseVerification result) {
        return result.signatures().stream().map(SignatureCheck::status).toList();
    }

    @Test
    void trixieInReleaseHasThreeGoodSignatures() throws Exception {
        ReleaseVerification result = ReleaseSignatures.verifyInRelease(read("trixie", "InRelease"),
                "trixie/InRelease", archiveKeyring(), FETCHED);
        assertTrue(result.isAccepted(), result.message());
        assertEquals(List.of(SignatureStatus.GOOD, SignatureStatus.GOOD, SignatureStatus.GOOD), statuses(result));
        assertEquals(List.of(TRIXIE_ARCHIVE_12, TRIXIE_ARCHIVE_13, TRIXIE_RELEASE_13),
                result.goodSigners().stream().map(Fingerprint::hex).toList());
        SignatureCheck ed = result.signatures().get(2);
        assertEquals(Optional.of("ed25519"), ed.keyAlgorithm());
        assertEquals(Optional.of("rsa4096"), result.signatures().get(0).keyAlgorithm());
        assertEquals(Optional.of("B8B80B5B623EAB6AD8775C45B7C5D7D6350947F8"),
                result.signatures().get(0).primaryKey().map(Fingerprint::hex));
        assertEquals("SHA256", ed.digestAlgorithm());
        assertEquals(Optional.of("Debian Stable Release Key (13/trixie) <debian-release@lists.debian.org>"), ed.userId());
        assertEquals(Instant.parse("2026-11-21T09:18:10Z"), ed.created());
    }

    @Test
    void trixieSignedTextIsTheReleaseFile() throws Exception {
        ReleaseVerification result = ReleaseSignatures.verifyInRelease(read("trixie", "InRelease"),
                "trixie/InRelease", archiveKeyring(), FETCHED);
        assertArrayEquals(read("trixie", "Release"), result.signedText());
        Release release = result.release();
        assertEquals(Optional.of("trixie"), release.get("Codename"));
    }

    @Test
    void bookwormInReleaseHasThreeGoodSignatures() throws Exception {
        ReleaseVerification result = ReleaseSignatures.verifyInRelease(read("bookworm", "InRelease"),
                "bookworm/InRelease", archiveKeyring(), FETCHED);
        assertTrue(result.isAccepted(), result.message());
        assertEquals(List.of(SignatureStatus.GOOD, SignatureStatus.GOOD, SignatureStatus.GOOD), statuses(result));
        assertArrayEquals(read("bookworm", "Release"), result.signedText());
    }

    @Test
    void bookwormDetachedSignatureIsGood() throws Exception {
        ReleaseVerification result = ReleaseSignatures.verifyDetached(read("bookworm", "Release"),
                read("bookworm", "Release.gpg"), "bookworm/Release.gpg", archiveKeyring(), FETCHED);
        assertTrue(result.isAccepted(), result.message());
        assertEquals(List.of(SignatureStatus.GOOD, SignatureStatus.GOOD, SignatureStatus.GOOD), statuses(result));
    }

    @Test
    void staleTrixieReleaseGpgIsRefusedAsBad() throws Exception {
        ReleaseVerification result = ReleaseSignatures.verifyDetached(read("trixie", "Release"),
                read("trixie", "Release.gpg"), "trixie/Release.gpg", archiveKeyring(), FETCHED);
        assertFalse(result.isAccepted());
        assertEquals(Optional.of(FindingCode.SIG_BAD), result.failure());
        assertEquals(List.of(SignatureStatus.BAD, SignatureStatus.BAD, SignatureStatus.BAD), statuses(result));
        assertTrue(result.message().startsWith("trixie/Release.gpg: bad signature from "), result.message());
    }

    @Test
    void oneKeyOfThreeIsEnough() throws Exception {
        Keyring stable = Keyring.load(SharedTestData.file("keyrings/debian-archive-trixie-stable.gpg"));
        ReleaseVerification result = ReleaseSignatures.verifyInRelease(read("trixie", "InRelease"),
                "trixie/InRelease", stable, FETCHED);
        assertTrue(result.isAccepted(), result.message());
        assertEquals(List.of(SignatureStatus.NO_KEY, SignatureStatus.NO_KEY, SignatureStatus.GOOD), statuses(result));
        assertEquals(2, result.warnings().stream().filter(w -> w.code() == FindingCode.SIG_UNTRUSTED_KEY).count());
    }

    @Test
    void armoredSingleKeyWorksToo() throws Exception {
        Keyring stable = Keyring.load(SharedTestData.file("keyrings/debian-archive-trixie-stable.asc"));
        ReleaseVerification result = ReleaseSignatures.verifyInRelease(read("trixie", "InRelease"),
                "trixie/InRelease", stable, FETCHED);
        assertEquals(List.of(SignatureStatus.NO_KEY, SignatureStatus.NO_KEY, SignatureStatus.GOOD), statuses(result));
    }

    @Test
    void removedKeysAloneAreRefused() throws Exception {
        Keyring removed = Keyring.load(SharedTestData.file("keyrings/debian-archive-removed-keys.gpg"));
        ReleaseVerification result = ReleaseSignatures.verifyInRelease(read("trixie", "InRelease"),
                "trixie/InRelease", removed, FETCHED);
        assertFalse(result.isAccepted());
        assertEquals(Optional.of(FindingCode.SIG_UNTRUSTED_KEY), result.failure());
        assertEquals(List.of(SignatureStatus.NO_KEY, SignatureStatus.NO_KEY, SignatureStatus.NO_KEY), statuses(result));
    }

    @Test
    void signedByFingerprintSelectsFromTheKeyring() throws Exception {
        Keyring only13 = Keyring.fromSignedBy("04B54C3CDCA79751B16BC6B5225629DF75B188BD", archiveKeyring());
        ReleaseVerification result = ReleaseSignatures.verifyInRelease(read("trixie", "InRelease"),
                "trixie/InRelease", only13, FETCHED);
        assertTrue(result.isAccepted(), result.message());
        assertEquals(List.of(SignatureStatus.NO_KEY, SignatureStatus.GOOD, SignatureStatus.NO_KEY), statuses(result));
        assertTrue(result.signatures().get(0).detail().contains("not allowed by Signed-By"), result.signatures().get(0).detail());
    }

    @Test
    void wholeKeyringDirectoryLoads() throws Exception {
        Path dir = SharedTestData.require().resolve("keyrings");
        Keyring all = Keyring.load(dir);
        assertTrue(all.fingerprints().size() > 9, all.toString());
        assertTrue(all.warnings().isEmpty(), all.warnings().toString());
    }
}
