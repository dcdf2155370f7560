package org.debindex.core.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.debindex.core.Finding;
import org.debindex.core.FindingCode;
import org.debindex.core.MalformedInputException;
import org.debindex.core.Severity;
import org.debindex.core.model.Release;
import org.debindex.core.testdata.SharedTestData;
import org.junit.jupiter.api.Test;

/** Release-level checks: catalogue #37 to #44, #54 (Release paths) and #58 of trust-chain.md §6. */
class ReleaseChecksTest {

    private static final Instant AT = Instant.parse("2026-11-26T12:00:00Z");
    private static final String SHA256 = "SHA256:\n"
            + " 2efd6103f013081f8118f4c9f228739bc97bff2e4e1de496f80458c7e72a24ac 56634892 main/binary-amd64/Packages\n";

    private static Release release(String head) throws MalformedInputException {
        return Release.parse((head + SHA256).getBytes(StandardCharsets.UTF_8), "InRelease");
    }

    private static List<Finding> check(String head) throws MalformedInputException {
        return ReleaseChecks.check(release(head), "InRelease", AT, Optional.of("trixie"), ReleaseCheckPolicy.standard());
    }

    private static FindingCode only(List<Finding> findings) {
        assertEquals(1, findings.size(), findings.toString());
        return findings.get(0).code();
    }

    @Test
    void aCurrentReleasePasses() throws Exception {
        assertEquals(List.of(), check("Codename: trixie\nDate: Sat, 21 Nov 2026 09:15:44 UTC\n"
                + "Valid-Until: Sat, 28 Nov 2026 09:15:44 UTC\n"));
    }

    @Test
    void validUntilInThePastIsExpired() throws Exception { // #37
        List<Finding> f = check("Codename: trixie\nDate: Sat, 14 Nov 2026 09:15:44 UTC\n"
                + "Valid-Until: Sat, 21 Nov 2026 09:15:44 UTC\n");
        assertEquals(FindingCode.RELEASE_EXPIRED, only(f));
        assertEquals(Severity.ERROR, f.get(0).severity());
        assertTrue(f.get(0).message().contains("2026-11-21T09:15:44Z"), f.get(0).message());
        assertTrue(f.get(0).message().contains("5 days before"), f.get(0).message());
    }

    @Test
    void validUntilWithAnOffsetOrGarbageDoesNotParse() { // #38
        for (String bad : List.of("Sat, 28 Nov 2026 09:15:44 +0100", "tomorrow")) {
            MalformedInputException e = assertThrows(MalformedInputException.class,
                    () -> release("Codename: trixie\nDate: Sat, 21 Nov 2026 09:15:44 UTC\nValid-Until: " + bad + "\n"));
            Finding f = ReleaseChecks.parseError("InRelease", e);
            assertEquals(FindingCode.RELEASE_PARSE, f.code());
            assertTrue(f.message().contains("Valid-Until"), f.message());
        }
    }

    @Test
    void dateAnHourInTheFutureIsNotYetValid() throws Exception { // #39
        List<Finding> f = check("Codename: trixie\nDate: Thu, 26 Nov 2026 13:00:00 UTC\n");
        assertEquals(FindingCode.RELEASE_NOT_YET_VALID, only(f));
        assertTrue(f.get(0).message().contains("60 min after"), f.get(0).message());
    }

    @Test
    void tenSecondsOfSkewAreAllowedButNotEleven() throws Exception {
        assertEquals(List.of(), check("Codename: trixie\nDate: Thu, 26 Nov 2026 12:00:10 UTC\n"));
        assertEquals(FindingCode.RELEASE_NOT_YET_VALID, only(check("Codename: trixie\nDate: Thu, 26 Nov 2026 12:00:11 UTC\n")));
    }

    @Test
    void validUntilExactlyNowIsStillValid() throws Exception {
        assertEquals(List.of(), check("Codename: trixie\nDate: Thu, 19 Nov 2026 12:00:00 UTC\n"
                + "Valid-Until: Thu, 26 Nov 2026 12:00:00 UTC\n"));
        assertEquals(FindingCode.RELEASE_EXPIRED, only(check("Codename: trixie\nDate: Thu, 19 Nov 2026 12:00:00 UTC\n"
                + "Valid-Until: Thu, 26 Nov 2026 11:59:59 UTC\n")));
    }

    @Test
    void missingDateIsRefused() throws Exception { // #40
        assertEquals(FindingCode.RELEASE_PARSE, only(check("Codename: trixie\n")));
    }

    @Test
    void checkDatesOffSkipsDateRules() throws Exception {
        ReleaseCheckPolicy off = new ReleaseCheckPolicy(Duration.ofSeconds(10), false, false);
        assertEquals(List.of(), ReleaseChecks.check(release("Codename: trixie\nValid-Until: Sat, 21 Nov 2020 09:15:44 UTC\n"),
                "InRelease", AT, Optional.empty(), off));
    }

    @Test
    void otherCodenameIsAWarningByDefaultAndAnErrorWhenConfigured() throws Exception { // #42
        Release r = release("Suite: oldstable\nCodename: bookworm\nDate: Sat, 21 Nov 2026 09:15:44 UTC\n");
        List<Finding> f = ReleaseChecks.check(r, "InRelease", AT, Optional.of("trixie"), ReleaseCheckPolicy.standard());
        assertEquals(FindingCode.RELEASE_DIST_MISMATCH, only(f));
        assertEquals(Severity.WARNING, f.get(0).severity());
        assertTrue(f.get(0).message().contains("\"bookworm\""), f.get(0).message());
        ReleaseCheckPolicy strict = new ReleaseCheckPolicy(Duration.ofSeconds(10), true, true);
        assertEquals(Severity.ERROR, ReleaseChecks.check(r, "InRelease", AT, Optional.of("trixie"), strict).get(0).severity());
        assertEquals(List.of(), ReleaseChecks.check(r, "InRelease", AT, Optional.of("oldstable"), strict));
        assertEquals(List.of(), ReleaseChecks.check(r, "InRelease", AT, Optional.of("./"), strict), "flat repository");
    }

    @Test
    void weakHashesOnlyAreRefused() throws Exception { // #43
        Release r = Release.parse(("Codename: trixie\nDate: Sat, 21 Nov 2026 09:15:44 UTC\nMD5Sum:\n"
                + " 4732da192911c0078099ac4a97b71322 56634892 main/binary-amd64/Packages\nSHA1:\n"
                + " 0123456789012345678901234567890123456789 56634892 main/binary-amd64/Packages\n")
                .getBytes(StandardCharsets.UTF_8), "Release");
        List<Finding> f = ReleaseChecks.check(r, "Release", AT, Optional.empty(), ReleaseCheckPolicy.standard());
        assertEquals(FindingCode.RELEASE_WEAK_HASHES, only(f));
        assertTrue(f.get(0).message().contains("weak security information"));
    }

    @Test
    void duplicateFieldOrPathDoesNotParse() { // #44
        assertThrows(MalformedInputException.class, () -> release("Codename: trixie\nDate: Sat, 21 Nov 2026 09:15:44 UTC\n"
                + "SHA256:\n 2efd6103f013081f8118f4c9f228739bc97bff2e4e1de496f80458c7e72a24ac 5 x\n"));
        assertThrows(MalformedInputException.class, () -> Release.parse(("Date: Sat, 21 Nov 2026 09:15:44 UTC\nSHA256:\n"
                + " 2efd6103f013081f8118f4c9f228739bc97bff2e4e1de496f80458c7e72a24ac 5 x\n"
                + " 2efd6103f013081f8118f4c9f228739bc97bff2e4e1de496f80458c7e72a24ac 5 x\n")
                .getBytes(StandardCharsets.UTF_8), "Release"));
    }

    @Test
    void unsafePathsInTheReleaseAreErrors() throws Exception { // #54 for Release paths
        for (String path : List.of("../../etc/passwd", "/etc/passwd", "main\\Packages", "main/../../x")) {
            Release r = Release.parse(("Codename: trixie\nDate: Sat, 21 Nov 2026 09:15:44 UTC\nSHA256:\n"
                    + " 2efd6103f013081f8118f4c9f228739bc97bff2e4e1de496f80458c7e72a24ac 5 " + path + "\n")
                    .getBytes(StandardCharsets.UTF_8), "Release");
            List<Finding> f = ReleaseChecks.check(r, "Release", AT, Optional.empty(), ReleaseCheckPolicy.standard());
            assertEquals(FindingCode.PATH_UNSAFE, only(f), path);
        }
    }

    @Test
    void upperCaseDigestsPassWithALintWarning() throws Exception { // #58
        Release r = Release.parse(("Codename: trixie\nDate: Sat, 21 Nov 2026 09:15:44 UTC\nSHA256:\n"
                + " 2EFD6103F013081F8118F4C9F228739BC97BFF2E4E1DE496F80458C7E72A24AC 56634892 main/binary-amd64/Packages\n")
                .getBytes(StandardCharsets.UTF_8), "Release");
        List<Finding> f = ReleaseChecks.check(r, "Release", AT, Optional.empty(), ReleaseCheckPolicy.standard());
        assertEquals(FindingCode.RELEASE_PARSE, only(f));
        assertEquals(Severity.WARNING, f.get(0).severity());
        assertEquals("2efd6103f013081f8118f4c9f228739bc97bff2e4e1de496f80458c7e72a24ac",
                r.file("main/binary-amd64/Packages").orElseThrow().digests().values().iterator().next());
    }

    @Test
    void onlyTheDigestColumnIsLookedAtForUpperCase() throws Exception {
        String lower = " 2efd6103f013081f8118f4c9f228739bc97bff2e4e1de496f80458c7e72a24ac 56634892 main/FACE/Packages\n";
        String upper = "\t2EFD6103F013081F8118F4C9F228739BC97BFF2E4E1DE496F80458C7E72A24AC\t1 main/b/Packages\n";
        String head = "Codename: trixie\nDate: Sat, 21 Nov 2026 09:15:44 UTC\nSHA256:\n";
        Release clean = Release.parse((head + lower).getBytes(StandardCharsets.UTF_8), "Release");
        assertEquals(List.of(), ReleaseChecks.check(clean, "Release", AT, Optional.empty(), ReleaseCheckPolicy.standard()));
        Release second = Release.parse((head + lower + upper).getBytes(StandardCharsets.UTF_8), "Release");
        assertEquals(FindingCode.RELEASE_PARSE,
                only(ReleaseChecks.check(second, "Release", AT, Optional.empty(), ReleaseCheckPolicy.standard())));
    }

    @Test
    void realReleasesPassAsOfTheirDayAndAskedForByCodenameOrSuite() throws Exception {
        for (String[] c : new String[][] {{"trixie", "stable"}, {"bookworm", "oldstable"}}) {
            Release r = Release.read(java.nio.file.Files.newInputStream(SharedTestData.dists(c[0], "Release")), c[0]);
            for (String dist : c) {
                assertEquals(List.of(), ReleaseChecks.check(r, "Release", AT, Optional.of(dist), ReleaseCheckPolicy.standard()));
            }
            // A clock set a year back sees the Release as made in the future.
            assertEquals(FindingCode.RELEASE_NOT_YET_VALID, only(ReleaseChecks.check(r, "Release",
                    AT.minus(Duration.ofDays(365 * 2)), Optional.empty(), ReleaseCheckPolicy.standard())));
        }
    }
}
