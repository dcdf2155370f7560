package org.debindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.debindex.cli.output.TestJson;
import org.debindex.core.testdata.SharedTestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code debindex sources}, in process; only {@code file:} sources, no network. */
class SourcesCommandTest {

    @TempDir
    Path dir;

    @Test
    void listsEntriesWithKeyringAndNeverVerifiedWithoutState() {
        Cli result = Cli.run("--cache-dir", dir.resolve("cache").toString(),
                "--repo", "deb [signed-by=/k/example.gpg] http://mirror.example/debian trixie main contrib",
                "sources", "--arch", "amd64");
        assertEquals(0, result.status(), result.out() + result.err());
        assertEquals("""
                deb http://mirror.example/debian/ trixie main contrib (--repo:1)
                  keyring: /k/example.gpg (Signed-By)
                  verified: never verified
                """, result.out());
        assertEquals("", result.err());
    }

    @Test
    void aCorruptStateFileIsStatus3() throws Exception {
        Files.createDirectories(dir.resolve("cache"));
        Files.writeString(dir.resolve("cache/state"), "garbage\n");
        Cli result = Cli.run("--cache-dir", dir.resolve("cache").toString(),
                "--repo", "deb http://mirror.example/debian trixie main", "sources", "--arch", "amd64");
        assertEquals(3, result.status(), result.out() + result.err());
        assertEquals(1, result.err().lines().count(), result.err());
    }

    @Test
    @SuppressWarnings("unchecked")
    void afterAnUpdateShowsWhenAndByWhomTheSuiteWasVerified() {
        Path root = SharedTestData.require();
        String repo = "deb [signed-by=" + root.resolve("keyrings/debian-archive-keyring.gpg") + "] "
                + root.resolve("debian").toUri() + " trixie main";
        String cache = dir.resolve("cache").toString();
        Cli update = Cli.run("--cache-dir", cache, "--repo", repo, "update", "--arch", "amd64",
                "--at", "2026-11-26T00:00:00Z");
        assertEquals(0, update.status(), update.out() + update.err());
        Cli result = Cli.run("--cache-dir", cache, "--repo", repo, "sources", "--arch", "amd64");
        assertEquals(0, result.status(), result.out() + result.err());
        String verified = result.out().lines().filter(l -> l.startsWith("  verified: ")).findFirst().orElseThrow();
        assertTrue(verified.contains(" by "), result.out());
        assertEquals(3, verified.substring(verified.indexOf(" by ") + 4).split(", ").length, result.out());

        Cli json = Cli.run("--json", "--cache-dir", cache, "--repo", repo, "sources", "--arch", "amd64");
        assertEquals(0, json.status(), json.err());
        List<Object> doc = (List<Object>) TestJson.parse(json.out());
        Map<String, Object> entry = (Map<String, Object>) doc.get(0);
        assertEquals(3, ((List<Object>) entry.get("signers")).size(), json.out());
    }

    @Test
    void helpMatchesGolden() {
        Cli result = Cli.run("sources", "--help");
        assertEquals(0, result.status(), result.err());
        Golden.assertMatches("help-sources.txt", result.out());
    }
}
