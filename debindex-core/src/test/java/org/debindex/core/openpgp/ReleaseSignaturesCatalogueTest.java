package org.debindex.core.openpgp;

import static org.debindex.core.openpgp.TestKeys.KEY_CREATED;
import static org.debindex.core.openpgp.TestKeys.SIGNED;
import static org.debindex.core.openpgp.TestKeys.VERIFY_AT;
import static org.debindex.core.openpgp.TestKeys.by;
import static org.debindex.core.openpgp.TestKeys.clearsign;
import static org.debindex.core.openpgp.TestKeys.releaseText;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.sig.RevocationReasonTags;
import org.bouncycastle.openpgp.PGPSignature;
import org.debindex.core.FindingCode;
import org.debindex.core.openpgp.TestKeys.Kind;
import org.debindex.core.openpgp.TestKeys.TestKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The key and signature cases of trust-chain.md §6 (numbers in the test names), each on
 * generated keys and files, each asserting the exact status and category.
 */
class ReleaseSignaturesCatalogueTest {

    static TestKey ed;
    static TestKey other;
    static TestKey rsa;
    static TestKey rsa1024;
    static TestKey dsa;
    static TestKey v6;
    static TestKey subkeyed;

    @BeforeAll
    static void keys() throws Exception {
        ed = TestKeys.key(Kind.ED25519).build();
        other = TestKeys.key(Kind.ED25519).userId("Other Key <other@mirror.example>").build();
        rsa = TestKeys.key(Kind.RSA3072).build();
        rsa1024 = TestKeys.key(Kind.RSA1024).build();
        dsa = TestKeys.key(Kind.DSA1024).build();
        v6 = TestKeys.key(Kind.ED25519_V6).build();
        subkeyed = TestKeys.key(Kind.ED25519).primaryCertifiesOnly()
                .signingSubkey(TestKeys.pair(Kind.ED25519, KEY_CREATED.plusSeconds(60))).build();
    }

    static Keyring keyring(TestKey... keys) throws Exception {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (TestKey k : keys) {
            all.writeBytes(k.binary());
        }
        return Keyring.parse(all.toByteArray(), "test.gpg");
    }

    static ReleaseVerification in(byte[] file, Keyring keyring) {
        return ReleaseSignatures.verifyInRelease(file, "InRelease", keyring, VERIFY_AT);
    }

    static ReleaseVerification in(byte[] file, Keyring keyring, Instant at) {
        return ReleaseSignatures.verifyInRelease(file, "InRelease", keyring, at);
    }

    static List<SignatureStatus> statuses(ReleaseVerification r) {
        return r.signatures().stream().map(SignatureCheck::status).toList();
    }

    static void refused(ReleaseVerification r, FindingCode code) {
        assertFalse(r.isAccepted(), r.message());
        assertEquals(Optional.of(code), r.failure(), r.message());
        assertTrue(r.message().startsWith("InRelease") || r.message().startsWith("Release.gpg"), r.message());
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String str(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    static byte[] good() throws Exception {
        return clearsign(releaseText(), "SHA512", by(ed));
    }

    @Test
    void goodSignatureIsAcceptedAndNamesItsSigner() throws Exception {
        ReleaseVerification r = in(good(), keyring(ed));
        assertTrue(r.isAccepted(), r.message());
        assertEquals(List.of(ed.fingerprint()), r.goodSigners());
        SignatureCheck c = r.signatures().get(0);
        assertEquals(Optional.of("ed25519"), c.keyAlgorithm());
        assertEquals("SHA512", c.digestAlgorithm());
        assertEquals(SIGNED, c.created());
        assertEquals(Optional.of("Test Archive Key <archive@mirror.example>"), c.userId());
        assertArrayEquals(bytes(releaseText()), r.signedText());
    }

    @Test
    void case01OneChangedByteIsBad() throws Exception {
        byte[] file = good();
        String s = str(file).replace("Suite: stable", "Suite: stabke");
        ReleaseVerification r = in(bytes(s), keyring(ed));
        refused(r, FindingCode.SIG_BAD);
        assertEquals(List.of(SignatureStatus.BAD), statuses(r));
    }

    @Test
    void case02AppendedUnsignedReleaseIsMalformed() throws Exception {
        ReleaseVerification r = in(bytes(str(good()) + releaseText()), keyring(ed));
        refused(r, FindingCode.CLEARSIGN_MALFORMED);
        assertTrue(r.message().contains("unsigned line"), r.message());
    }

    @Test
    void case03BlankHeaderLineWithSpacesAndAppendedReleaseIsMalformed() throws Exception {
        String s = str(good()).replaceFirst("Hash: SHA512\n\n", "Hash: SHA512\n   \n") + "Origin: Evil\n";
        refused(in(bytes(s), keyring(ed)), FindingCode.CLEARSIGN_MALFORMED);
    }

    @Test
    void case04UnsignedStanzaBeforeBeginIsMalformed() throws Exception {
        ReleaseVerification r = in(bytes("Origin: Evil\n\n" + str(good())), keyring(ed));
        refused(r, FindingCode.CLEARSIGN_MALFORMED);
        assertTrue(r.message().startsWith("InRelease:1: unsigned text before"), r.message());
    }

    @Test
    void case05SecondSignedMessageIsMalformed() throws Exception {
        refused(in(bytes(str(good()) + str(good())), keyring(ed)), FindingCode.CLEARSIGN_MALFORMED);
    }

    @Test
    void case06GarbageAfterBeginIsMalformed() throws Exception {
        String s = str(good()).replaceFirst("-----BEGIN PGP SIGNED MESSAGE-----", "-----BEGIN PGP SIGNED MESSAGE----- Garbage");
        ReleaseVerification r = in(bytes(s), keyring(ed));
        refused(r, FindingCode.CLEARSIGN_MALFORMED);
        assertTrue(r.message().startsWith("InRelease:1: not clearsigned"), r.message());
    }

    @Test
    void case07UnescapedDashLinesAreMalformed() throws Exception {
        String s = str(good()).replace("Label: Test\n", "Label: Test\n-Xyz: 1\n");
        refused(in(bytes(s), keyring(ed)), FindingCode.CLEARSIGN_MALFORMED);
        String t = str(good()).replace("Label: Test\n", "Label: Test\n-----BEGIN PGP SIGNED MESSAGE-----\n");
        refused(in(bytes(t), keyring(ed)), FindingCode.CLEARSIGN_MALFORMED);
    }

    @Test
    void case08DashEscapedLineIsUnescaped() throws Exception {
        String s = str(good()).replace("\nOrigin: Test\n", "\n- Origin: Test\n");
        ReleaseVerification r = in(bytes(s), keyring(ed));
        assertTrue(r.isAccepted(), r.message());
        assertEquals(Optional.of("Test"), r.release().get("Origin"));
    }

    @Test
    void case09DashInArmorHeaderIsMalformed() throws Exception {
        refused(in(bytes(str(good()).replace("Hash: SHA512", "-Hash: SHA512")), keyring(ed)), FindingCode.CLEARSIGN_MALFORMED);
    }

    @Test
    void case10OtherArmorHeaderIsMalformed() throws Exception {
        ReleaseVerification r = in(bytes(str(good()).replace("Hash: SHA512", "Hello: text\nHash: SHA512")), keyring(ed));
        refused(r, FindingCode.CLEARSIGN_MALFORMED);
        assertTrue(r.message().startsWith("InRelease:2: armor header \"Hello: text\" is not allowed"), r.message());
    }

    @Test
    void case11HashHeaderNotNamingTheDigestIsMalformed() throws Exception {
        ReleaseVerification r = in(clearsign(releaseText(), "SHA1", by(ed)), keyring(ed));
        refused(r, FindingCode.CLEARSIGN_MALFORMED);
        assertTrue(r.message().contains("uses SHA512"), r.message());
    }

    @Test
    void case12UnknownHashHeaderIsMalformed() throws Exception {
        refused(in(clearsign(releaseText(), "FOO", by(ed)), keyring(ed)), FindingCode.CLEARSIGN_MALFORMED);
    }

    @Test
    void noHashHeaderIsAllowed() throws Exception {
        assertTrue(in(clearsign(releaseText(), null, by(ed)), keyring(ed)).isAccepted());
    }

    @Test
    void case13CrlfInReleaseIsValid() throws Exception {
        ReleaseVerification r = in(bytes(str(good()).replace("\n", "\r\n")), keyring(ed));
        assertTrue(r.isAccepted(), r.message());
        assertArrayEquals(bytes(releaseText()), r.signedText());
    }

    @Test
    void case14CrlfReleaseWithBinarySignatureIsBad() throws Exception {
        byte[] release = bytes(releaseText());
        byte[] gpg = TestKeys.detach(release, by(ed));
        assertTrue(ReleaseSignatures.verifyDetached(release, gpg, "Release.gpg", keyring(ed), VERIFY_AT).isAccepted());
        ReleaseVerification r = ReleaseSignatures.verifyDetached(bytes(releaseText().replace("\n", "\r\n")), gpg,
                "Release.gpg", keyring(ed), VERIFY_AT);
        refused(r, FindingCode.SIG_BAD);
    }

    @Test
    void detachedCanonicalTextSignatureSurvivesCrlf() throws Exception {
        byte[] release = bytes(releaseText());
        byte[] gpg = TestKeys.detach(release, by(ed).type(PGPSignature.CANONICAL_TEXT_DOCUMENT));
        ReleaseVerification r = ReleaseSignatures.verifyDetached(bytes(releaseText().replace("\n", "\r\n")), gpg,
                "Release.gpg", keyring(ed), VERIFY_AT);
        assertTrue(r.isAccepted(), r.message());
    }

    @Test
    void case15TrailingWhitespaceIsNotSigned() throws Exception {
        String s = str(good()).replace("Suite: stable\n", "Suite: stable \t \n");
        ReleaseVerification r = in(bytes(s), keyring(ed));
        assertTrue(r.isAccepted(), r.message());
        assertEquals(Optional.of("stable"), r.release().get("Suite"));
    }

    @Test
    void case16BlankLineOfSpacesKeepsTheParagraphBoundary() throws Exception {
        String text = releaseText() + "\nOrigin: Second\n";
        String s = str(clearsign(text, "SHA512", by(ed))).replace("\n\nOrigin: Second", "\n   \nOrigin: Second");
        ReleaseVerification r = in(bytes(s), keyring(ed));
        assertTrue(r.isAccepted(), r.message());
        assertArrayEquals(bytes(text), r.signedText());
        assertEquals(Optional.of("Test"), r.release().get("Origin"));
    }

    @Test
    void case17UnclosedSignatureOrEofInMessageIsMalformed() throws Exception {
        String s = str(good()).replace("-----END PGP SIGNATURE-----\n", "");
        refused(in(bytes(s), keyring(ed)), FindingCode.CLEARSIGN_MALFORMED);
        String t = str(good());
        t = t.substring(0, t.indexOf("-----BEGIN PGP SIGNATURE-----"));
        refused(in(bytes(t), keyring(ed)), FindingCode.CLEARSIGN_MALFORMED);
    }

    @Test
    void case18Sha1AndMd5AreWeakDigests() throws Exception {
        ReleaseVerification sha1 = in(clearsign(releaseText(), "SHA1", by(ed).digest(HashAlgorithmTags.SHA1)), keyring(ed));
        refused(sha1, FindingCode.SIG_WEAK_DIGEST);
        assertEquals(List.of(SignatureStatus.WEAK_DIGEST), statuses(sha1));
        ReleaseVerification md5 = in(clearsign(releaseText(), "MD5", by(rsa).digest(HashAlgorithmTags.MD5)), keyring(rsa));
        refused(md5, FindingCode.SIG_WEAK_DIGEST);
        ReleaseVerification ripemd = in(clearsign(releaseText(), "RIPEMD160", by(rsa).digest(HashAlgorithmTags.RIPEMD160)), keyring(rsa));
        refused(ripemd, FindingCode.SIG_WEAK_DIGEST);
    }

    @Test
    void case19Sha224IsWeakFromFebruary2026() throws Exception {
        byte[] file = clearsign(releaseText(), "SHA224", by(rsa).digest(HashAlgorithmTags.SHA224));
        ReleaseVerification before = in(file, keyring(rsa));
        assertTrue(before.isAccepted(), before.message());
        assertTrue(before.warnings().stream().anyMatch(w -> w.code() == FindingCode.SIG_POLICY_SOON), before.warnings().toString());
        ReleaseVerification after = in(file, keyring(rsa), Instant.parse("2026-02-01T00:00:00Z"));
        refused(after, FindingCode.SIG_WEAK_DIGEST);
    }

    @Test
    void case20Rsa1024AndDsaAreWeakKeys() throws Exception {
        ReleaseVerification r1024 = in(clearsign(releaseText(), "SHA512", by(rsa1024)), keyring(rsa1024));
        refused(r1024, FindingCode.SIG_WEAK_KEY);
        assertEquals(Optional.of("rsa1024"), r1024.signatures().get(0).keyAlgorithm());
        ReleaseVerification rdsa = in(clearsign(releaseText(), "SHA256", by(dsa).digest(HashAlgorithmTags.SHA256)), keyring(dsa));
        refused(rdsa, FindingCode.SIG_WEAK_KEY);
        assertEquals(List.of(SignatureStatus.WEAK_KEY), statuses(rdsa));
    }

    @Test
    void rsa3072AndVersion6Ed25519AreGood() throws Exception {
        ReleaseVerification r = in(clearsign(releaseText(), "SHA512", by(rsa), by(v6)), keyring(rsa, v6));
        assertTrue(r.isAccepted(), r.message());
        assertEquals(List.of(SignatureStatus.GOOD, SignatureStatus.GOOD), statuses(r));
        assertEquals(64, r.signatures().get(1).signer().orElseThrow().hex().length());
        assertEquals(Optional.of("ed25519"), r.signatures().get(1).keyAlgorithm());
    }

    @Test
    void case21Sha1BindingsMakeTheKeyWeakFromFebruary2026() throws Exception {
        TestKey sha1Bound = TestKeys.key(Kind.ED25519).bindingDigest(HashAlgorithmTags.SHA1).build();
        byte[] file = clearsign(releaseText(), "SHA512", by(sha1Bound));
        ReleaseVerification before = in(file, keyring(sha1Bound));
        assertTrue(before.isAccepted(), before.message());
        assertTrue(before.warnings().stream().anyMatch(w -> w.code() == FindingCode.SIG_POLICY_SOON), before.warnings().toString());
        ReleaseVerification after = in(file, keyring(sha1Bound), Instant.parse("2026-03-01T00:00:00Z"));
        refused(after, FindingCode.SIG_WEAK_KEY);
    }

    @Test
    void case22SignedAfterThePrimaryKeyExpired() throws Exception {
        TestKey expiring = TestKeys.key(Kind.ED25519).expires(Duration.ofDays(100)).build();
        ReleaseVerification r = in(clearsign(releaseText(), "SHA512", by(expiring)), keyring(expiring));
        refused(r, FindingCode.SIG_KEY_EXPIRED);
        assertEquals(List.of(SignatureStatus.KEY_EXPIRED), statuses(r));
        assertTrue(r.signatures().get(0).detail().contains("at signing: key expired"), r.signatures().get(0).detail());
    }

    @Test
    void case23ExpiredNowButValidWhenSigned() throws Exception {
        TestKey expiring = TestKeys.key(Kind.ED25519).expires(Duration.ofDays(600)).build();
        byte[] file = clearsign(releaseText(), "SHA512", by(expiring));
        assertTrue(in(file, keyring(expiring)).isAccepted());
        ReleaseVerification later = in(file, keyring(expiring), KEY_CREATED.plus(Duration.ofDays(601)));
        refused(later, FindingCode.SIG_KEY_EXPIRED);
        assertTrue(later.signatures().get(0).detail().contains("the key was valid when it signed"),
                later.signatures().get(0).detail());
    }

    @Test
    void case24ExpiredSigningSubkey() throws Exception {
        TestKey sub = TestKeys.key(Kind.ED25519).primaryCertifiesOnly()
                .signingSubkey(TestKeys.pair(Kind.ED25519, KEY_CREATED)).subkeyExpires(Duration.ofDays(100)).build();
        ReleaseVerification r = in(clearsign(releaseText(), "SHA512", by(sub)), keyring(sub));
        refused(r, FindingCode.SIG_KEY_EXPIRED);
        assertEquals(Optional.of(sub.signingFingerprint()), r.signatures().get(0).signer());
        assertEquals(Optional.of(sub.fingerprint()), r.signatures().get(0).primaryKey());
        assertTrue(r.signatures().get(0).detail().startsWith("subkey expired"), r.signatures().get(0).detail());
    }

    @Test
    void signingSubkeyIsGood() throws Exception {
        ReleaseVerification r = in(clearsign(releaseText(), "SHA512", by(subkeyed)), keyring(subkeyed));
        assertTrue(r.isAccepted(), r.message());
        assertEquals(List.of(subkeyed.signingFingerprint()), r.goodSigners());
    }

    @Test
    void subkeyWithoutBackSignatureCannotSign() throws Exception {
        TestKey noBack = TestKeys.key(Kind.ED25519).primaryCertifiesOnly()
                .signingSubkey(TestKeys.pair(Kind.ED25519, KEY_CREATED)).withoutBackSignature().build();
        ReleaseVerification r = in(clearsign(releaseText(), "SHA512", by(noBack)), keyring(noBack));
        refused(r, FindingCode.SIG_UNTRUSTED_KEY);
        assertTrue(r.signatures().get(0).detail().contains("back-signature"), r.signatures().get(0).detail());
    }

    @Test
    void primaryWithoutSigningFlagCannotSign() throws Exception {
        TestKey certOnly = TestKeys.key(Kind.ED25519).primaryCertifiesOnly().build();
        ReleaseVerification r = in(clearsign(releaseText(), "SHA512", by(certOnly)), keyring(certOnly));
        refused(r, FindingCode.SIG_UNTRUSTED_KEY);
        assertEquals(List.of(SignatureStatus.NO_KEY), statuses(r));
    }

    @Test
    void case25HardRevocationCountsForAllTime() throws Exception {
        for (Integer reason : new Integer[] {(int) RevocationReasonTags.KEY_COMPROMISED, null}) {
            TestKey revoked = TestKeys.key(Kind.ED25519).revoked(reason, VERIFY_AT.plusSeconds(3600)).build();
            ReleaseVerification r = in(clearsign(releaseText(), "SHA512", by(revoked)), keyring(revoked));
            refused(r, FindingCode.SIG_KEY_REVOKED);
            assertEquals(List.of(SignatureStatus.KEY_REVOKED), statuses(r));
        }
    }

    @Test
    void case26SoftRevocationAfterSigning() throws Exception {
        TestKey superseded = TestKeys.key(Kind.ED25519)
                .revoked((int) RevocationReasonTags.KEY_SUPERSEDED, SIGNED.plusSeconds(60)).build();
        byte[] file = clearsign(releaseText(), "SHA512", by(superseded));
        ReleaseVerification r = in(file, keyring(superseded));
        refused(r, FindingCode.SIG_KEY_REVOKED);
        assertTrue(r.signatures().get(0).detail().contains("the key was valid when it signed"), r.signatures().get(0).detail());
        SignaturePolicy lenient = new SignaturePolicy(SignaturePolicy.APT_2026_CUTOFF, SignaturePolicy.APT_2026_CUTOFF,
                Duration.ofMinutes(5), false);
        assertTrue(ReleaseSignatures.verifyInRelease(file, "InRelease", keyring(superseded), VERIFY_AT, lenient).isAccepted());
        assertTrue(in(file, keyring(superseded), SIGNED.plusSeconds(30)).isAccepted(), "not yet revoked");
    }

    @Test
    void revokedSigningSubkey() throws Exception {
        TestKey sub = TestKeys.key(Kind.ED25519).primaryCertifiesOnly()
                .signingSubkey(TestKeys.pair(Kind.ED25519, KEY_CREATED))
                .subkeyRevoked((int) RevocationReasonTags.KEY_COMPROMISED, SIGNED.minusSeconds(60)).build();
        refused(in(clearsign(releaseText(), "SHA512", by(sub)), keyring(sub)), FindingCode.SIG_KEY_REVOKED);
    }

    @Test
    void case27KeyNotInKeyring() throws Exception {
        ReleaseVerification r = in(good(), keyring(other));
        refused(r, FindingCode.SIG_UNTRUSTED_KEY);
        assertEquals(List.of(SignatureStatus.NO_KEY), statuses(r));
        assertEquals(Optional.of(ed.fingerprint()), r.signatures().get(0).signer());
    }

    @Test
    void case28GoodPlusUnknownKeyPasses() throws Exception {
        ReleaseVerification r = in(clearsign(releaseText(), "SHA512", by(ed), by(other)), keyring(ed));
        assertTrue(r.isAccepted(), r.message());
        assertEquals(List.of(SignatureStatus.GOOD, SignatureStatus.NO_KEY), statuses(r));
        assertTrue(r.warnings().stream().anyMatch(w -> w.code() == FindingCode.SIG_UNTRUSTED_KEY
                && w.message().contains(other.fingerprint().hex())), r.warnings().toString());
    }

    @Test
    void case29GoodPlusExpiredKeyPasses() throws Exception {
        TestKey expired = TestKeys.key(Kind.ED25519).expires(Duration.ofDays(10)).build();
        ReleaseVerification r = in(clearsign(releaseText(), "SHA512", by(ed), by(expired)), keyring(ed, expired));
        assertTrue(r.isAccepted(), r.message());
        assertEquals(List.of(SignatureStatus.GOOD, SignatureStatus.KEY_EXPIRED), statuses(r));
        assertTrue(r.warnings().stream().anyMatch(w -> w.code() == FindingCode.SIG_KEY_EXPIRED), r.warnings().toString());
    }

    @Test
    void case30GoodPlusBadIsBad() throws Exception {
        byte[] goodFile = clearsign(releaseText(), "SHA512", by(ed));
        byte[] otherText = clearsign(releaseText().replace("test archive", "other archive"), "SHA512", by(other));
        // the signature block of a file over different text, appended as a second block
        String s = str(goodFile) + str(otherText).substring(str(otherText).indexOf("-----BEGIN PGP SIGNATURE-----"));
        ReleaseVerification r = in(bytes(s), keyring(ed, other));
        refused(r, FindingCode.SIG_BAD);
        assertEquals(List.of(SignatureStatus.GOOD, SignatureStatus.BAD), statuses(r));
    }

    @Test
    void case31KeyInKeyringButNotInSignedBy() throws Exception {
        Keyring onlyOther = Keyring.fromSignedBy(other.fingerprint().hex(), keyring(ed, other));
        ReleaseVerification r = in(good(), onlyOther);
        refused(r, FindingCode.SIG_UNTRUSTED_KEY);
        assertTrue(r.signatures().get(0).detail().contains("not allowed by Signed-By"), r.signatures().get(0).detail());
    }

    @Test
    void case32ExactFingerprintExcludesSubkeys() throws Exception {
        byte[] file = clearsign(releaseText(), "SHA512", by(subkeyed));
        Keyring all = keyring(subkeyed);
        refused(in(file, Keyring.fromSignedBy(subkeyed.fingerprint().hex() + "!", all)), FindingCode.SIG_UNTRUSTED_KEY);
        assertTrue(in(file, Keyring.fromSignedBy(subkeyed.fingerprint().hex(), all)).isAccepted());
        assertTrue(in(file, Keyring.fromSignedBy(subkeyed.signingFingerprint().hex() + "!", all)).isAccepted());
        assertTrue(in(file, Keyring.fromSignedBy(subkeyed.signingFingerprint().hex().toLowerCase(), all)).isAccepted());
    }

    @Test
    void case34CaptivePortalPageIsNoData() throws Exception {
        ReleaseVerification r = in(bytes("<html><body>Please log in</body></html>\n"), keyring(ed));
        refused(r, FindingCode.SIG_NODATA);
        refused(in(new byte[0], keyring(ed)), FindingCode.SIG_NODATA);
        refused(ReleaseSignatures.verifyDetached(bytes(releaseText()), new byte[0], "Release.gpg", keyring(ed), VERIFY_AT),
                FindingCode.SIG_NODATA);
        refused(ReleaseSignatures.verifyDetached(bytes(releaseText()), bytes("<html></html>\n"), "Release.gpg", keyring(ed),
                VERIFY_AT), FindingCode.SIG_NODATA);
    }

    @Test
    void case35BinaryReleaseGpgIsMalformed() throws Exception {
        byte[] release = bytes(releaseText());
        ReleaseVerification r = ReleaseSignatures.verifyDetached(release, TestKeys.detachBinary(release, by(ed)),
                "Release.gpg", keyring(ed), VERIFY_AT);
        refused(r, FindingCode.SIGFILE_MALFORMED);
        assertTrue(r.message().contains("binary (unarmored) signature"), r.message());
    }

    @Test
    void case36PayloadAroundArmoredBlocksIsMalformed() throws Exception {
        byte[] release = bytes(releaseText());
        String gpg = str(TestKeys.detach(release, by(ed)));
        for (String bad : new String[] {"Origin: Evil\n" + gpg, gpg + gpg.replace("-----BEGIN", "junk\n-----BEGIN"), gpg + "junk\n"}) {
            refused(ReleaseSignatures.verifyDetached(release, bytes(bad), "Release.gpg", keyring(ed), VERIFY_AT),
                    FindingCode.SIGFILE_MALFORMED);
        }
        ReleaseVerification two = ReleaseSignatures.verifyDetached(release, bytes(gpg + str(TestKeys.detach(release, by(other)))),
                "Release.gpg", keyring(ed, other), VERIFY_AT);
        assertTrue(two.isAccepted(), two.message());
        assertEquals(2, two.goodSigners().size());
    }

    @Test
    void case58UppercaseDigestsPass() throws Exception {
        String text = releaseText().replace("0123456789abcdef", "0123456789ABCDEF");
        ReleaseVerification r = in(clearsign(text, "SHA512", by(ed)), keyring(ed));
        assertTrue(r.isAccepted(), r.message());
        assertEquals("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                r.release().files().get("main/binary-amd64/Packages").digest(org.debindex.core.model.HashAlgorithm.SHA256).orElseThrow());
    }

    @Test
    void signatureFromTheFutureIsNotYetValid() throws Exception {
        ReleaseVerification r = in(clearsign(releaseText(), "SHA512", by(ed).created(VERIFY_AT.plusSeconds(3600))), keyring(ed));
        refused(r, FindingCode.SIG_NOT_YET_VALID);
        assertTrue(in(clearsign(releaseText(), "SHA512", by(ed).created(VERIFY_AT.plusSeconds(60))), keyring(ed)).isAccepted(),
                "a minute of clock skew is allowed");
    }

    @Test
    void signatureBeforeItsKeyExistedIsNotYetValid() throws Exception {
        ReleaseVerification r = in(clearsign(releaseText(), "SHA512", by(ed).created(KEY_CREATED.minusSeconds(86400))), keyring(ed));
        refused(r, FindingCode.SIG_NOT_YET_VALID);
    }

    @Test
    void expiredSignatureIsSigExpired() throws Exception {
        ReleaseVerification r = in(clearsign(releaseText(), "SHA512", by(ed).expiresAfter(Duration.ofHours(1))), keyring(ed));
        refused(r, FindingCode.SIG_EXPIRED);
        assertEquals(List.of(SignatureStatus.KEY_EXPIRED), statuses(r));
    }

    @Test
    void unknownCriticalSubpacketIsBad() throws Exception {
        ReleaseVerification r = in(clearsign(releaseText(), "SHA512", by(ed).unknownCritical()), keyring(ed));
        refused(r, FindingCode.SIG_BAD);
        assertTrue(r.signatures().get(0).detail().contains("unknown critical subpacket 105"), r.signatures().get(0).detail());
    }

    @Test
    void unhashedIssuerIsOnlyAHint() throws Exception {
        ReleaseVerification r = in(clearsign(releaseText(), "SHA512", by(ed).onlyUnhashedKeyId()), keyring(ed));
        assertTrue(r.isAccepted(), r.message());
        assertEquals(Optional.of(ed.fingerprint()), r.signatures().get(0).signer());
    }

    @Test
    void binaryDocumentSignatureInInReleaseIsBad() throws Exception {
        ReleaseVerification r = in(clearsign(releaseText(), "SHA512", by(ed).type(PGPSignature.BINARY_DOCUMENT)), keyring(ed));
        refused(r, FindingCode.SIG_BAD);
        assertTrue(r.signatures().get(0).detail().contains("type 0x00"), r.signatures().get(0).detail());
    }

    @Test
    void oversizedFileIsRefusedUnread() throws Exception {
        refused(in(new byte[ReleaseSignatures.MAX_RELEASE_SIZE + 1], keyring(ed)), FindingCode.LIMIT_EXCEEDED);
    }

    @Test
    void refusedFileHandsOutNoText() throws Exception {
        ReleaseVerification r = in(good(), keyring(other));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, r::signedText);
    }
}
