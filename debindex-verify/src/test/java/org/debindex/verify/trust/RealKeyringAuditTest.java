package org.debindex.verify.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.debindex.core.Finding;
import org.debindex.core.FindingCode;
import org.debindex.core.Severity;
import org.debindex.core.openpgp.Fingerprint;
import org.debindex.core.openpgp.KeyStatus;
import org.debindex.core.openpgp.Keyring;
import org.debindex.core.testdata.SharedTestData;
import org.junit.jupiter.api.Test;

/**
 * The keyring audit on Debian's real keyrings. Every expiry date below was read with
 * {@code gpg --with-colons --show-keys FILE} (GnuPG 2.2.40, offline; field 7 of the {@code pub}
 * and {@code sub} lines, converted from seconds to UTC), so the listing is checked against GnuPG.
 */
class RealKeyringAuditTest {

    static final Instant AT = Instant.parse("2026-11-26T00:00:00Z");

    static Keyring load(String name) throws Exception {
        return Keyring.load(SharedTestData.file("keyrings/" + name));
    }

    static Map<String, String> expiries(List<KeyStatus> statuses) {
        Map<String, String> out = new LinkedHashMap<>();
        for (KeyStatus s : statuses) {
            out.put(s.fingerprint().hex(), s.expires().map(Instant::toString).orElse("never"));
            for (KeyStatus.SigningKey k : s.signingKeys()) {
                if (!k.fingerprint().equals(s.fingerprint())) {
                    out.put(k.fingerprint().hex(), k.expires().map(Instant::toString).orElse("never"));
                }
            }
        }
        return out;
    }

    @Test
    void debianArchiveKeyringListsEveryKeyWithGnupgsExpiry() throws Exception {
        List<KeyStatus> statuses = load("debian-archive-keyring.gpg").statuses(AT);
        // gpg: pub/sub fingerprint -> expiry (sub lines follow their pub)
        Map<String, String> gpg = new LinkedHashMap<>();
        gpg.put("1F89983E0081FDE018F3CC9673A4F27B8DD47936", "2029-01-15T11:18:36Z"); // 11/bullseye archive
        gpg.put("A7236886F3CCCAAD148A27F80E98404D386FA1D9", "2029-01-15T11:18:36Z");
        gpg.put("AC530D520F2F3269F5E98313A48449044AAD5C5D", "2029-01-15T11:17:04Z"); // 11/bullseye security
        gpg.put("ED541312A33F1128F10B1C6C54404762BBB6E853", "2029-01-15T11:17:04Z");
        gpg.put("A4285295FC7B1A81600062A9605C66F00D6C9793", "2029-02-11T17:54:22Z"); // 11/bullseye release
        gpg.put("4D64FEC119C2029067D6E791F8D2585B8783D481", "2031-01-21T16:44:03Z"); // 12/bookworm release
        gpg.put("B8B80B5B623EAB6AD8775C45B7C5D7D6350947F8", "2031-01-19T11:44:21Z"); // 12/bookworm archive
        gpg.put("4CB50190207B4758A3F73A796ED0E7B82643E131", "2031-01-19T11:44:21Z");
        gpg.put("05AB90340C0C5E797F44A8C8254CF3B5AEC0A8F0", "2031-01-19T11:45:33Z"); // 12/bookworm security
        gpg.put("B0CAB9266E8C3929798B3EEEBDE6D2B9216EC7A8", "2031-01-19T11:45:33Z");
        gpg.put("04B54C3CDCA79751B16BC6B5225629DF75B188BD", "2035-03-28T12:50:29Z"); // 13/trixie archive
        gpg.put("B8E5F13176D2A7A75220028078DBA3BC47EF2265", "2035-03-28T12:50:29Z");
        gpg.put("5E04A1E3223A19A20706E20F9904613D4CCE68C6", "2035-03-28T12:51:41Z"); // 13/trixie security
        gpg.put("89C87ACEA5DD6B8E6A7068808E9F831205B4BA95", "2035-03-28T12:51:41Z");
        gpg.put("41587F7DB8C774BCCF131416762F67A0B2C39DE4", "2033-03-22T18:56:21Z"); // 13/trixie release
        assertEquals(gpg, expiries(statuses));
        assertEquals(9, statuses.size());
        for (KeyStatus s : statuses) {
            assertTrue(s.canSign(), s.name() + ": " + s.signingKeys());
            assertTrue(!s.revoked(), s.name());
        }
        KeyStatus trixieRelease = statuses.get(8);
        assertEquals("ed25519", trixieRelease.algorithm());
        assertEquals(Optional.of("Debian Stable Release Key (13/trixie) <debian-release@lists.debian.org>"),
                trixieRelease.userId());
        assertEquals(Instant.ofEpochSecond(1742842581L), trixieRelease.created()); // gpg pub field 6
        KeyStatus trixieArchive = statuses.get(6);
        assertEquals("rsa4096", trixieArchive.algorithm());
        assertEquals(2, trixieArchive.signingKeys().size(), "primary key (flags scSC) and signing subkey (s)");

        // none expires within 90 days of 2026-11-26: the earliest is bullseye's, 2029-01-15
        assertEquals(List.of(), KeyringAudit.findings(load("debian-archive-keyring.gpg"), AT, Set.of()));
    }

    @Test
    void removedKeysBusterReleaseKeyExpiresWithin90Days() throws Exception {
        Keyring removed = load("debian-archive-removed-keys.gpg");
        Map<String, String> listed = expiries(removed.statuses(AT));
        // gpg: the buster keys, still valid on 2026-11-26
        assertEquals("2027-02-03T20:38:40Z", listed.get("6D33866EDD8FFA41C0143AEDDCC9EFBF77E11517"));
        assertEquals("2027-04-12T07:48:55Z", listed.get("80D15823B7FD1561F9F7BCDDDC30D7C23CBBABEE"));
        assertEquals("2027-04-12T07:48:55Z", listed.get("0146DC6D4A0B2914BDED34DB648ACFD622F3D138"));
        assertEquals("2027-04-12T07:56:48Z", listed.get("5E61B217265DA9807A23C5FF4DFAB270CAA96DFA"));
        // gpg: long expired (stretch archive key, 2025-05-20) and never expiring (etch release key, DSA)
        assertEquals("2025-05-20T18:41:53Z", listed.get("6ED6F5CB5FA6FB2F460AE88EEDA0D2388AE22BA9"));
        assertEquals("never", listed.get("7EA391D72477203B58C04FBCB5D0C804ADB11277"));

        List<Finding> findings = KeyringAudit.findings(removed, AT, Set.of());
        List<Finding> expiring = findings.stream().filter(f -> f.code() == FindingCode.KEY_EXPIRING).toList();
        assertEquals(1, expiring.size(), findings.toString());
        assertEquals("6D33866EDD8FFA41C0143AEDDCC9EFBF77E11517", expiring.get(0).target());
        assertEquals("key 6D33866EDD8FFA41C0143AEDDCC9EFBF77E11517 (Debian Stable Release Key (10/buster)"
                + " <debian-release@lists.debian.org>) expires on 2027-02-03, in 69 days:"
                + " update debian-archive-keyring / the source's key before then", expiring.get(0).message());
        // every other key but the two buster archive keys can no longer sign: a note each, no error
        long notes = findings.stream().filter(f -> f.code() == FindingCode.KEY_INVALID && f.severity() == Severity.NOTE).count();
        assertEquals(removed.allFingerprints().size() - 3, notes, findings.toString());
        assertTrue(findings.stream().noneMatch(Finding::isError), findings.toString());
        Finding etch = findings.stream().filter(f -> f.target().equals("7EA391D72477203B58C04FBCB5D0C804ADB11277"))
                .findFirst().orElseThrow();
        assertTrue(etch.message().contains("dsa1024"), etch.message());
    }

    @Test
    void trixieKeyringsCanSignAndWarnOfNothing() throws Exception {
        for (String name : List.of("debian-archive-trixie-automatic.gpg", "debian-archive-trixie-stable.asc",
                "debian-archive-trixie-stable.gpg", "debian-archive-bookworm-automatic.asc")) {
            Keyring keyring = load(name);
            List<KeyStatus> statuses = keyring.statuses(AT);
            assertEquals(1, statuses.size(), name);
            assertTrue(statuses.get(0).canSign(), name);
            assertEquals(List.of(), KeyringAudit.findings(keyring, AT, Set.of()), name);
        }
        assertEquals(Optional.of(Instant.parse("2033-03-22T18:56:21Z")),
                load("debian-archive-trixie-stable.asc").statuses(AT).get(0).canSignUntil());
        assertEquals(Fingerprint.parse("04B54C3CDCA79751B16BC6B5225629DF75B188BD"),
                load("debian-archive-trixie-automatic.gpg").statuses(AT).get(0).fingerprint());
    }
}
