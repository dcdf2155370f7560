package org.debindex.verify.trust;

import static org.debindex.core.openpgp.TestKeys.VERIFY_AT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.debindex.core.Finding;
import org.debindex.core.FindingCode;
import org.debindex.core.Severity;
import org.debindex.core.cache.RepositoryState;
import org.debindex.core.openpgp.Fingerprint;
import org.debindex.core.openpgp.Keyring;
import org.debindex.core.openpgp.ReleaseSignatures;
import org.debindex.core.openpgp.ReleaseVerification;
import org.debindex.core.openpgp.TestKeys;
import org.debindex.core.openpgp.TestKeys.TestKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SigningKeyChangeTest {

    static final Instant LAST_RUN = Instant.parse("2025-05-30T12:00:00Z");

    static TestKey archive;
    static TestKey security;
    static TestKey release;
    static TestKey stranger;
    static Keyring keyring;

    @BeforeAll
    static void keys() throws Exception {
        archive = TestKeys.key(TestKeys.Kind.ED25519).userId("Archive <archive@mirror.example>").build();
        security = TestKeys.key(TestKeys.Kind.ED25519).userId("Security <security@mirror.example>").build();
        release = TestKeys.key(TestKeys.Kind.ED25519).userId("Release <release@mirror.example>").build();
        stranger = TestKeys.key(TestKeys.Kind.ED25519).userId("Stranger <stranger@mirror.example>").build();
        keyring = KeyringAuditTest.keyring(archive, security, release);
    }

    static ReleaseVerification signedBy(TestKey... keys) throws Exception {
        TestKeys.Sig[] sigs = new TestKeys.Sig[keys.length];
        for (int i = 0; i < keys.length; i++) {
            sigs[i] = TestKeys.by(keys[i]);
        }
        ReleaseVerification v = ReleaseSignatures.verifyInRelease(
                TestKeys.clearsign(KeyringAuditTest.RELEASE, "SHA512", sigs), "InRelease", keyring, VERIFY_AT);
        return v;
    }

    static Optional<RepositoryState> previous(TestKey... signers) {
        List<Fingerprint> fps = java.util.Arrays.stream(signers).map(TestKey::fingerprint).toList();
        return Optional.of(new RepositoryState("http://mirror.example/debian/ trixie", Instant.parse("2025-05-30T00:00:00Z"),
                "0".repeat(64), fps, Optional.of("Test"), Optional.empty(), Optional.of("trixie"), LAST_RUN));
    }

    @Test
    void firstRunReportsNothing() throws Exception {
        assertEquals(List.of(), SigningKeyChange.findings(Optional.empty(), signedBy(archive, release), keyring, "InRelease"));
    }

    @Test
    void sameSignersInAnotherOrderReportNothing() throws Exception {
        assertEquals(List.of(), SigningKeyChange.findings(previous(release, archive), signedBy(archive, release), keyring,
                "InRelease"));
    }

    @Test
    void addedAndRemovedKeysAreNamedWithUserIds() throws Exception {
        List<Finding> findings = SigningKeyChange.findings(previous(archive, security), signedBy(archive, release),
                keyring, "InRelease");
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals(Severity.WARNING, f.severity());
        assertEquals(FindingCode.SIGNING_KEY_CHANGED, f.code());
        assertEquals("InRelease", f.target());
        assertEquals("signing keys changed since the Release accepted at " + LAST_RUN
                + "; added " + release.fingerprint() + " (Release <release@mirror.example>)"
                + "; removed " + security.fingerprint() + " (Security <security@mirror.example>)"
                + "; check that the repository announced the change", f.message());
    }

    @Test
    void keyOnlyAddedOrOnlyRemoved() throws Exception {
        List<Finding> added = SigningKeyChange.findings(previous(archive), signedBy(archive, release), keyring, "InRelease");
        assertEquals(1, added.size());
        assertFalse(added.get(0).message().contains("removed"), added.get(0).message());
        List<Finding> removed = SigningKeyChange.findings(previous(archive, release, stranger), signedBy(archive, release),
                keyring, "InRelease");
        assertEquals(1, removed.size());
        assertEquals("signing keys changed since the Release accepted at " + LAST_RUN + "; removed "
                + stranger.fingerprint() + "; check that the repository announced the change", removed.get(0).message(),
                "a key the keyring does not hold is named by fingerprint alone");
    }

    @Test
    void unsignedBeforeOrRefusedNowReportsNothing() throws Exception {
        Optional<RepositoryState> unsigned = previous();
        assertEquals(List.of(), SigningKeyChange.findings(unsigned, signedBy(archive), keyring, "InRelease"));
        ReleaseVerification refused = signedBy(stranger);
        assertFalse(refused.isAccepted());
        assertEquals(List.of(), SigningKeyChange.findings(previous(archive), refused, keyring, "InRelease"));
    }

    @Test
    void onlyGoodSignaturesCount() throws Exception {
        // the stranger's signature is ignored (unknown key), so the signer set is still {archive}
        ReleaseVerification v = signedBy(archive, stranger);
        assertEquals(List.of(archive.fingerprint()), v.goodSigners());
        assertEquals(List.of(), SigningKeyChange.findings(previous(archive), v, keyring, "InRelease"));
    }
}
