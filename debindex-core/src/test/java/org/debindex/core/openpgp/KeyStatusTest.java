package org.debindex.core.openpgp;

import static org.debindex.core.openpgp.TestKeys.KEY_CREATED;
import static org.debindex.core.openpgp.TestKeys.VERIFY_AT;
import static org.debindex.core.openpgp.TestKeys.by;
import static org.debindex.core.openpgp.TestKeys.clearsign;
import static org.debindex.core.openpgp.TestKeys.releaseText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Date;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.bcpg.sig.RevocationReasonTags;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.debindex.core.openpgp.KeyStatus.Validity;
import org.debindex.core.openpgp.TestKeys.Kind;
import org.debindex.core.openpgp.TestKeys.TestKey;
import org.junit.jupiter.api.Test;

class KeyStatusTest {

    private static KeyStatus only(TestKey key, Instant at) throws Exception {
        List<KeyStatus> statuses = key.keyring().statuses(at);
        assertEquals(1, statuses.size());
        return statuses.get(0);
    }

    /** The listing must agree with the verdict on a signature made at the same instant. */
    private static void assertAgreesWithSignatureCheck(TestKey key, Instant at, KeyStatus status) throws Exception {
        byte[] file = clearsign(releaseText(), "SHA512", by(key).created(at));
        ReleaseVerification r = ReleaseSignatures.verifyInRelease(file, "InRelease", key.keyring(), at);
        assertEquals(status.canSign(), r.isAccepted(), r.message());
    }

    @Test
    void keyWithoutExpirySignsForever() throws Exception {
        TestKey key = TestKeys.key(Kind.ED25519).userId("Forever <forever@mirror.example>").build();
        KeyStatus s = only(key, VERIFY_AT);
        assertEquals(key.fingerprint(), s.fingerprint());
        assertEquals(Optional.of("Forever <forever@mirror.example>"), s.userId());
        assertEquals("ed25519", s.algorithm());
        assertEquals(KEY_CREATED, s.created());
        assertEquals(Optional.empty(), s.expires());
        assertFalse(s.revoked());
        assertTrue(s.canSign());
        assertEquals(Optional.empty(), s.canSignUntil());
        assertEquals(1, s.signingKeys().size());
        assertEquals(key.fingerprint(), s.signingKeys().get(0).fingerprint());
        assertEquals(Validity.VALID, s.signingKeys().get(0).validity());
        assertEquals("", s.signingKeys().get(0).detail());
        assertAgreesWithSignatureCheck(key, VERIFY_AT, s);
    }

    @Test
    void expiryIsReportedBeforeAndAfterIt() throws Exception {
        Instant expiry = VERIFY_AT.plus(Duration.ofDays(30));
        TestKey key = TestKeys.key(Kind.ED25519).expires(Duration.between(KEY_CREATED, expiry)).build();

        KeyStatus before = only(key, VERIFY_AT);
        assertEquals(Optional.of(expiry), before.expires());
        assertTrue(before.canSign());
        assertEquals(Optional.of(expiry), before.canSignUntil());
        assertAgreesWithSignatureCheck(key, VERIFY_AT, before);

        Instant later = expiry.plusSeconds(1);
        KeyStatus after = only(key, later);
        assertEquals(Optional.of(expiry), after.expires());
        assertFalse(after.canSign());
        assertEquals(Validity.EXPIRED, after.signingKeys().get(0).validity());
        assertTrue(after.signingKeys().get(0).detail().startsWith("key expired " + expiry), after.signingKeys().get(0).detail());
        assertEquals(Optional.empty(), after.canSignUntil());
        assertAgreesWithSignatureCheck(key, later, after);
    }

    @Test
    void revokedKeyCannotSign() throws Exception {
        TestKey key = TestKeys.key(Kind.ED25519)
                .revoked((int) RevocationReasonTags.KEY_COMPROMISED, VERIFY_AT.minusSeconds(3600)).build();
        KeyStatus s = only(key, VERIFY_AT);
        assertTrue(s.revoked());
        assertFalse(s.canSign());
        assertEquals(Validity.REVOKED, s.signingKeys().get(0).validity());
        assertAgreesWithSignatureCheck(key, VERIFY_AT, s);
    }

    @Test
    void subkeyExpiryEndsSigningNotTheCertificate() throws Exception {
        Instant subkeyExpiry = KEY_CREATED.plus(Duration.ofDays(600));
        TestKey key = TestKeys.key(Kind.ED25519).primaryCertifiesOnly()
                .signingSubkey(TestKeys.pair(Kind.ED25519, KEY_CREATED))
                .subkeyExpires(Duration.between(KEY_CREATED, subkeyExpiry)).build();
        KeyStatus s = only(key, VERIFY_AT);
        assertEquals(Optional.empty(), s.expires(), "the primary key itself does not expire");
        assertEquals(1, s.signingKeys().size(), "the certification-only primary key is not listed as a signing key");
        KeyStatus.SigningKey sub = s.signingKeys().get(0);
        assertEquals(key.signingFingerprint(), sub.fingerprint());
        assertEquals(Optional.of(subkeyExpiry), sub.expires());
        assertEquals(Optional.of(subkeyExpiry), s.canSignUntil());
        assertTrue(s.hasKey(key.signingFingerprint()));
        assertAgreesWithSignatureCheck(key, VERIFY_AT, s);
    }

    @Test
    void encryptionSubkeyIsNoSigningKey() throws Exception {
        TestKey key = TestKeys.key(Kind.ED25519).primaryCertifiesOnly()
                .signingSubkey(TestKeys.pair(Kind.ED25519, KEY_CREATED))
                .subkeyFlags(KeyFlags.ENCRYPT_COMMS).withoutBackSignature().build();
        KeyStatus s = only(key, VERIFY_AT);
        assertEquals(List.of(), s.signingKeys());
        assertFalse(s.canSign());
    }

    @Test
    void weakAndNotAllowedKeysCannotSign() throws Exception {
        TestKey weak = TestKeys.key(Kind.RSA1024).build();
        KeyStatus w = only(weak, VERIFY_AT);
        assertEquals("rsa1024", w.algorithm());
        assertEquals(Validity.WEAK, w.signingKeys().get(0).validity());
        assertFalse(w.canSign());
        assertAgreesWithSignatureCheck(weak, VERIFY_AT, w);

        TestKey a = TestKeys.key(Kind.ED25519).build();
        TestKey b = TestKeys.key(Kind.ED25519).build();
        Keyring both = ReleaseSignaturesCatalogueTest.keyring(a, b);
        Keyring onlyA = Keyring.fromSignedBy(a.fingerprint().hex(), both);
        List<KeyStatus> statuses = onlyA.statuses(VERIFY_AT);
        assertEquals(List.of(a.fingerprint(), b.fingerprint()), statuses.stream().map(KeyStatus::fingerprint).toList());
        assertTrue(statuses.get(0).canSign());
        assertEquals(Validity.NOT_ALLOWED, statuses.get(1).signingKeys().get(0).validity());
        assertFalse(statuses.get(1).canSign());
    }

    /**
     * Debian's archive keys carry direct-key signatures without an expiry made after the user id
     * self-signature that sets it (see RealKeyringAuditTest): the expiry must still count, for the
     * listing and for the signature check alike.
     */
    @Test
    void laterDirectKeySignatureDoesNotDropTheUserIdsExpiry() throws Exception {
        TestKey key = TestKeys.key(Kind.ED25519).expires(Duration.ofDays(100)).build();
        PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
        hashed.setSignatureCreationTime(false, Date.from(KEY_CREATED.plus(Duration.ofDays(1))));
        hashed.setIssuerFingerprint(false, key.primaryPublic());
        PGPSignatureGenerator gen = TestKeys.generator(key.primaryPublic(), HashAlgorithmTags.SHA512);
        gen.init(PGPSignature.DIRECT_KEY, key.primaryPrivate());
        gen.setHashedSubpackets(hashed.generate());
        PGPPublicKey withDirect = PGPPublicKey.addCertification(key.primaryPublic(),
                gen.generateCertification(key.primaryPublic()));
        PGPPublicKeyRing ring = PGPPublicKeyRing.insertPublicKey(key.ring(), withDirect);
        Keyring keyring = Keyring.parse(ring.getEncoded(), "direct.gpg");

        Instant expiry = KEY_CREATED.plus(Duration.ofDays(100));
        KeyStatus s = keyring.statuses(VERIFY_AT).get(0);
        assertEquals(Optional.of(expiry), s.expires());
        assertEquals(Validity.EXPIRED, s.signingKeys().get(0).validity());
        assertFalse(s.signingKeys().get(0).canSign());

        ReleaseVerification r = ReleaseSignatures.verifyInRelease(
                clearsign(releaseText(), "SHA512", by(key).created(VERIFY_AT)), "InRelease", keyring, VERIFY_AT);
        assertFalse(r.isAccepted(), r.message());
        assertEquals(SignatureStatus.KEY_EXPIRED, r.signatures().get(0).status());
    }
}
