package org.debindex.core.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.debindex.core.Finding;
import org.debindex.core.FindingCode;
import org.debindex.core.cache.RepositoryState;
import org.debindex.core.model.Release;
import org.debindex.core.openpgp.Fingerprint;
import org.junit.jupiter.api.Test;

/** Catalogue #41 (rollback) and #57 (downgrade), equivocation and changed Release information. */
class ReleaseHistoryTest {

    private static final Fingerprint KEY = Fingerprint.parse("4D64FEC119C2029067D6E791F8D2585B8783D481");
    private static final String DIGEST = "1".repeat(64);

    private static Release release(String date, String codename) throws Exception {
        return Release.parse(("Origin: Debian\nLabel: Debian\nCodename: " + codename + "\nDate: " + date
                + "\nSHA256:\n " + "2".repeat(64) + " 1 main/binary-amd64/Packages\n").getBytes(StandardCharsets.UTF_8), "InRelease");
    }

    private static RepositoryState accepted(Release r, List<Fingerprint> signers) {
        return ReleaseHistory.accepted("http://mirror.example/debian/ trixie", r, DIGEST, signers,
                Instant.parse("2026-11-21T10:00:00Z"));
    }

    private static List<FindingCode> codes(List<Finding> findings) {
        return findings.stream().map(Finding::code).toList();
    }

    @Test
    void firstRunAndNewerReleasePass() throws Exception {
        Release old = release("Sat, 14 Nov 2026 09:00:00 UTC", "trixie");
        assertEquals(List.of(), ReleaseHistory.check(Optional.empty(), old, DIGEST, true, "InRelease"));
        Release newer = release("Sat, 21 Nov 2026 09:00:00 UTC", "trixie");
        assertEquals(List.of(), ReleaseHistory.check(Optional.of(accepted(old, List.of(KEY))), newer, "3".repeat(64), true, "InRelease"));
        assertEquals(List.of(), ReleaseHistory.check(Optional.of(accepted(old, List.of(KEY))), old, DIGEST, true, "InRelease"),
                "the same Release again is no change");
    }

    @Test
    void olderReleaseReplayedIsARollback() throws Exception { // #41
        Release newer = release("Sat, 21 Nov 2026 09:00:00 UTC", "trixie");
        Release older = release("Sat, 14 Nov 2026 09:00:00 UTC", "trixie");
        List<Finding> f = ReleaseHistory.check(Optional.of(accepted(newer, List.of(KEY))), older, "3".repeat(64), true, "InRelease");
        assertEquals(List.of(FindingCode.RELEASE_ROLLBACK), codes(f));
        assertTrue(f.get(0).message().contains("older than the Release accepted before (2026-11-21T09:00:00Z)"), f.get(0).message());
    }

    @Test
    void sameDateOtherContentIsEquivocation() throws Exception {
        Release r = release("Sat, 21 Nov 2026 09:00:00 UTC", "trixie");
        List<Finding> f = ReleaseHistory.check(Optional.of(accepted(r, List.of(KEY))), r, "3".repeat(64), true, "InRelease");
        assertEquals(List.of(FindingCode.RELEASE_ROLLBACK), codes(f));
        assertTrue(f.get(0).message().contains("equivocates"));
    }

    @Test
    void formerlySignedNowUnsignedIsADowngrade() throws Exception { // #57
        Release r = release("Sat, 21 Nov 2026 09:00:00 UTC", "trixie");
        assertEquals(List.of(FindingCode.RELEASE_DOWNGRADE),
                codes(ReleaseHistory.check(Optional.of(accepted(r, List.of(KEY))), r, DIGEST, false, "Release")));
        assertEquals(List.of(FindingCode.RELEASE_UNSIGNED),
                codes(ReleaseHistory.check(Optional.of(accepted(r, List.of())), r, DIGEST, false, "Release")));
        assertEquals(List.of(FindingCode.RELEASE_UNSIGNED), codes(ReleaseHistory.check(Optional.empty(), r, DIGEST, false, "Release")));
    }

    @Test
    void changedCodenameNeedsAcceptance() throws Exception {
        Release before = release("Sat, 14 Nov 2026 09:00:00 UTC", "bookworm");
        Release after = release("Sat, 21 Nov 2026 09:00:00 UTC", "trixie");
        List<Finding> f = ReleaseHistory.check(Optional.of(accepted(before, List.of(KEY))), after, "3".repeat(64), true, "InRelease");
        assertEquals(List.of(FindingCode.RELEASE_INFO_CHANGED), codes(f));
        assertTrue(f.get(0).message().contains("\"Codename\" from \"bookworm\" to \"trixie\""), f.get(0).message());
    }
}
