package org.debindex.verify.trust;

import static org.debindex.core.openpgp.TestKeys.KEY_CREATED;
import static org.debindex.core.openpgp.TestKeys.VERIFY_AT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.bouncycastle.bcpg.sig.RevocationReasonTags;
import org.debindex.core.Finding;
import org.debindex.core.FindingCode;
import org.debindex.core.Severity;
import org.debindex.core.openpgp.Keyring;
import org.debindex.core.openpgp.ReleaseSignatures;
import org.debindex.core.openpgp.ReleaseVerification;
import org.debindex.core.openpgp.TestKeys;
import org.debindex.core.openpgp.TestKeys.TestKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KeyringAuditTest {

    static final String RELEASE = """
            Origin: Test
            Suite: stable
            Codename: trixie
            Date: Sun, 01 Jun 2025 00:00:00 UTC
            SHA256:
             0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef 1234 main/binary-amd64/Packages
            """;

    static TestKey forever;
    static TestKey in30;
    static TestKey in200;
    static TestKey in20;
    static TestKey expired;
    static TestKey revoked;

    /** A key whose primary key expires {@code after} the verification time (negative: before it). */
    static TestKey expiring(String name, Duration after) throws Exception {
        return TestKeys.key(TestKeys.Kind.ED25519).userId(name + " <" + name + "@mirror.example>")
                .expires(Duration.between(KEY_CREATED, VERIFY_AT.plus(after))).build();
    }

    @BeforeAll
    static void keys() throws Exception {
        forever = TestKeys.key(TestKeys.Kind.ED25519).userId("Forever <forever@mirror.example>").build();
        in30 = expiring("in30", Duration.ofDays(30));
        in200 = expiring("in200", Duration.ofDays(200));
        in20 = expiring("in20", Duration.ofDays(20));
        expired = expiring("expired", Duration.ofDays(-1));
        revoked = TestKeys.key(TestKeys.Kind.ED25519).userId("Revoked <revoked@mirror.example>")
                .revoked((int) RevocationReasonTags.KEY_COMPROMISED, VERIFY_AT.minus(Duration.ofDays(2))).build();
    }

    static Keyring keyring(TestKey... keys) throws Exception {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (TestKey k : keys) {
            all.writeBytes(k.binary());
        }
        return Keyring.parse(all.toByteArray(), "test.gpg");
    }

    static List<Finding> with(FindingCode code, List<Finding> findings) {
        return findings.stream().filter(f -> f.code() == code).toList();
    }

    @Test
    void warnsOfKeysExpiringWithin90DaysOnly() throws Exception {
        List<Finding> findings = KeyringAudit.findings(keyring(forever, in30, in200), VERIFY_AT, Set.of());
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals(Severity.WARNING, f.severity());
        assertEquals(FindingCode.KEY_EXPIRING, f.code());
        assertEquals(in30.fingerprint().hex(), f.target());
        assertEquals("key " + in30.fingerprint() + " (in30 <in30@mirror.example>) expires on 2025-07-02, in 30 days:"
                + " update debian-archive-keyring / the source's key before then", f.message());
    }

    @Test
    void expiredAndRevokedKeysThatSignedNothingAreNotes() throws Exception {
        List<Finding> findings = KeyringAudit.findings(keyring(forever, expired, revoked), VERIFY_AT, Set.of());
        assertEquals(2, findings.size(), findings.toString());
        for (Finding f : findings) {
            assertEquals(Severity.NOTE, f.severity());
            assertEquals(FindingCode.KEY_INVALID, f.code());
        }
        assertEquals(expired.fingerprint().hex(), findings.get(0).target());
        assertTrue(findings.get(0).message().contains("cannot sign: key expired 2025-06-01T00:00:00Z"),
                findings.get(0).message());
        assertEquals(revoked.fingerprint().hex(), findings.get(1).target());
        assertTrue(findings.get(1).message().contains("key compromised"), findings.get(1).message());
    }

    @Test
    void keysThatSignedAreLeftToTheSignatureCheck() throws Exception {
        Keyring keyring = keyring(forever, expired, revoked);
        byte[] file = TestKeys.clearsign(RELEASE, "SHA512", TestKeys.by(forever), TestKeys.by(expired), TestKeys.by(revoked));
        ReleaseVerification v = ReleaseSignatures.verifyInRelease(file, "InRelease", keyring, VERIFY_AT);
        assertTrue(v.isAccepted(), v.message());
        assertEquals(2, v.warnings().size(), "the signature check reports both ignored signatures: " + v.warnings());
        Set<org.debindex.core.openpgp.Fingerprint> signers = Set.of(forever.fingerprint(), expired.fingerprint(),
                revoked.fingerprint());
        assertEquals(List.of(), KeyringAudit.findings(keyring, VERIFY_AT, signers));
    }

    @Test
    void expiryTheSignatureCheckAlreadyWarnsOfIsNotRepeated() throws Exception {
        Keyring keyring = keyring(in20);
        ReleaseVerification v = ReleaseSignatures.verifyInRelease(
                TestKeys.clearsign(RELEASE, "SHA512", TestKeys.by(in20)), "InRelease", keyring, VERIFY_AT);
        assertEquals(1, with(FindingCode.SIG_KEY_EXPIRED, v.warnings().stream()
                .map(w -> Finding.warning(w.code(), "InRelease", w.message())).toList()).size(), v.warnings().toString());
        assertEquals(List.of(), KeyringAudit.findings(keyring, VERIFY_AT, Set.of(in20.fingerprint())));
        List<Finding> unused = KeyringAudit.findings(keyring, VERIFY_AT, Set.of());
        assertEquals(1, with(FindingCode.KEY_EXPIRING, unused).size(), unused.toString());
        assertTrue(unused.get(0).message().contains("in 20 days"), unused.get(0).message());
    }

    @Test
    void keyringThatCannotSignIsAnError() throws Exception {
        List<Finding> findings = KeyringAudit.findings(keyring(expired, revoked), VERIFY_AT, Set.of());
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals(Severity.ERROR, f.severity());
        assertEquals(FindingCode.KEYRING_UNUSABLE, f.code());
        assertTrue(f.message().startsWith("no key in the keyring can sign at " + VERIFY_AT + ": "
                + expired.fingerprint() + " cannot sign: key expired"), f.message());
        assertTrue(f.message().contains(revoked.fingerprint().hex()), f.message());
    }

    @Test
    void keysOutsideSignedByAreNotAudited() throws Exception {
        Keyring restricted = Keyring.fromSignedBy(forever.fingerprint().hex(), keyring(forever, expired, in30));
        assertEquals(List.of(), KeyringAudit.findings(restricted, VERIFY_AT, Set.of()));
        Keyring onlyExpired = Keyring.fromSignedBy(expired.fingerprint().hex(), keyring(forever, expired));
        List<Finding> findings = KeyringAudit.findings(onlyExpired, VERIFY_AT, Set.of());
        assertEquals(List.of(FindingCode.KEYRING_UNUSABLE), findings.stream().map(Finding::code).toList());
        assertTrue(findings.get(0).message().contains("not allowed by Signed-By"), findings.get(0).message());
    }

    @Test
    void warningCountsFromTheVerificationTime() throws Exception {
        Instant later = VERIFY_AT.plus(Duration.ofDays(150));
        List<Finding> findings = KeyringAudit.findings(keyring(in200), later, Set.of());
        assertEquals(1, findings.size(), findings.toString());
        assertTrue(findings.get(0).message().contains("expires on 2025-12-19, in 50 days"), findings.get(0).message());
    }
}
