package org.debindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.debindex.core.cache.CacheLayout;
import org.debindex.core.index.IndexBuildOptions;
import org.debindex.core.index.PackageIndex;
import org.debindex.core.testdata.SharedTestData;
import org.debindex.core.update.CachedIndex;
import org.debindex.core.update.RepositoryServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code debindex update} over HTTP, end to end: Debian's real trixie and bookworm tree served by a
 * loopback server the test starts, with the server's faults scripted. Each case ends with the
 * exit status, the message, and the index a query would use (the cache stays intact: a failed
 * target keeps its last verified file, the other suite still updates).
 */
class UpdateOverHttpTest {

    private static final String AT = "2026-11-26T00:00:00Z";
    private static final String TRIXIE_PACKAGES = "/dists/trixie/main/binary-amd64/Packages.xz";
    private static final int TRIXIE = 68829;
    private static final int BOOKWORM = 63440;

    @TempDir
    Path dir;

    private Cli update(RepositoryServer server, Path cache) {
        return Cli.run("--cache-dir", cache.toString(), "--repo", repo(server, "trixie"), "--repo",
                repo(server, "bookworm"), "update", "--arch", "amd64", "--at", AT);
    }

    private static String repo(RepositoryServer server, String suite) {
        return "deb [signed-by=" + SharedTestData.file("keyrings/debian-archive-keyring.gpg") + "] " + server.base()
                + " " + suite + " main";
    }

    private static int indexed(Path cache) throws Exception {
        return CachedIndex.open(new CacheLayout(cache), IndexBuildOptions.defaults()).index().size();
    }

    @Test
    void theRealTreeUpdatesThenCostsOneConditionalRequestPerSuite() throws Exception {
        Path data = SharedTestData.require();
        try (RepositoryServer server = new RepositoryServer(data.resolve("debian"))) {
            Path cache = dir.resolve("cache");
            Cli first = update(server, cache);
            assertEquals(0, first.status(), first.out() + first.err());
            assertTrue(first.out().contains("INDEX " + (TRIXIE + BOOKWORM) + " packages from 3 verified files"),
                    first.out());
            // the Releases say Acquire-By-Hash: yes, this mirror has no by-hash/: the plain path is used
            assertTrue(server.requests().stream().anyMatch(p -> p.contains("/by-hash/SHA256/")), server.requests().toString());
            assertEquals(1, server.count(TRIXIE_PACKAGES));

            int before = server.requests().size();
            Cli again = update(server, cache);
            assertEquals(0, again.status(), again.out() + again.err());
            assertEquals(2, again.out().lines().filter(l -> l.startsWith("UNCHANGED ")).count(), again.out());
            assertEquals(List.of("/dists/trixie/InRelease", "/dists/bookworm/InRelease"),
                    server.requests().subList(before, server.requests().size()), "one 304 per suite, nothing else");
        }
    }

    @Test
    void aTransferCutMidFileFailsThatSuiteOnlyAndTheNextUpdateCompletesIt() throws Exception {
        Path data = SharedTestData.require();
        try (RepositoryServer server = new RepositoryServer(data.resolve("debian"))) {
            Path cache = dir.resolve("cache");
            server.cutAfter(TRIXIE_PACKAGES, 1 << 20);
            Cli cut = update(server, cache);
            assertEquals(1, cut.status(), cut.out() + cut.err());
            // trixie's Translation-en arrived, its Packages did not: the suite is updated with one failure
            assertTrue(cut.out().lines().anyMatch(l -> l.startsWith("UPDATED ") && l.contains(" trixie: ")
                    && l.endsWith(" 1 failed")), cut.out());
            assertTrue(cut.out().lines().anyMatch(l -> l.startsWith("ERROR ") && l.contains("binary-amd64/Packages")),
                    cut.out());
            assertTrue(cut.out().lines().anyMatch(l -> l.startsWith("UPDATED ") && l.contains(" bookworm: ")), cut.out());
            assertEquals(BOOKWORM, indexed(cache), "bookworm is indexed, nothing of the cut file");

            server.cutAfter(TRIXIE_PACKAGES, Integer.MAX_VALUE);
            Cli healed = update(server, cache);
            assertEquals(0, healed.status(), healed.out() + healed.err());
            assertEquals(TRIXIE + BOOKWORM, indexed(cache));
        }
    }

    @Test
    void serverErrorsAreRetriedAndA404KeepsTheLastVerifiedFile() throws Exception {
        Path data = SharedTestData.require();
        try (RepositoryServer server = new RepositoryServer(data.resolve("debian"))) {
            Path cache = dir.resolve("cache");
            server.failFirst("/dists/bookworm/InRelease", 500, 503);
            Cli retried = update(server, cache);
            assertEquals(0, retried.status(), retried.out() + retried.err());
            assertEquals(3, server.count("/dists/bookworm/InRelease"), "two 5xx answers, then the file");
            PackageIndex good = CachedIndex.open(new CacheLayout(cache), IndexBuildOptions.defaults()).index();
            assertEquals(TRIXIE + BOOKWORM, good.size());

            // the mirror loses trixie: that suite fails, and its last verified files stay in use
            server.failFirst("/dists/trixie/InRelease", 404);
            server.failFirst("/dists/trixie/Release", 404);
            Cli missing = update(server, cache);
            assertEquals(1, missing.status(), missing.out() + missing.err());
            assertTrue(missing.out().lines().anyMatch(l -> l.startsWith("FAILED ") && l.contains(" trixie: ")),
                    missing.out());
            assertTrue(missing.out().lines().anyMatch(l -> l.startsWith("ERROR ") && l.contains("InRelease")),
                    missing.out());
            assertEquals(TRIXIE + BOOKWORM, indexed(cache), "trixie's last verified files are still indexed");
        }
    }
}
