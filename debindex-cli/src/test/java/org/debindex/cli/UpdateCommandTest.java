package org.debindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.debindex.cli.output.TestJson;
import org.debindex.core.openpgp.TestKeys;
import org.debindex.core.testdata.SharedTestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code debindex update} end to end, in process: on Debian's real trixie and bookworm data
 * (skipped, with the reason, when the shared test data is absent) and on tiny generated
 * repositories under a temporary directory. Only {@code file:} sources: no network.
 */
class UpdateCommandTest {

    private static final String AT = "2026-11-26T00:00:00Z";

    @TempDir
    Path dir;

    private static String repo(String keyring, Path root, String suite) {
        return "deb [signed-by=" + keyring + "] " + root.toUri() + " " + suite + " main";
    }

    private static String debianRepo(String suite) {
        return repo(SharedTestData.file("keyrings/debian-archive-keyring.gpg").toString(),
                SharedTestData.require().resolve("debian"), suite);
    }

    private Cli realUpdate(String... globalOptions) {
        List<String> args = new java.util.ArrayList<>(List.of(globalOptions));
        args.addAll(List.of("--cache-dir", dir.resolve("cache").toString(),
                "--repo", debianRepo("trixie"), "--repo", debianRepo("bookworm"),
                "update", "--arch", "amd64", "--with-contents", "--at", AT));
        return Cli.run(args.toArray(String[]::new));
    }

    private static List<String> lines(Cli result, String prefix) {
        return result.out().lines().filter(l -> l.startsWith(prefix)).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @Test
    void realDataFailsOnTheKnownContentsMismatchAndFetchesBothSuites() throws Exception {
        SharedTestData.require();
        Cli result = realUpdate();
        assertEquals(1, result.status(), result.out() + result.err());
        assertTrue(result.out().lines().anyMatch(l -> l.startsWith("ERROR INDEX_SIZE_MISMATCH ")
                && l.contains("main/Contents-amd64")), result.out());
        List<String> suites = result.out().lines()
                .filter(l -> l.startsWith("UPDATED ") || l.startsWith("FAILED ") || l.startsWith("UNCHANGED ")).toList();
        assertEquals(2, suites.size(), result.out());
        assertTrue(suites.get(0).contains(" trixie: "), result.out());
        assertTrue(suites.get(1).contains(" bookworm: "), result.out());
        Path lists = dir.resolve("cache/lists");
        try (var files = Files.list(lists)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            for (String suite : List.of("trixie", "bookworm")) {
                assertTrue(names.stream().anyMatch(n -> n.contains("_dists_" + suite + "_main_binary-amd64_Packages")),
                        suite + " Packages in " + names);
            }
        }
        assertTrue(Files.isRegularFile(dir.resolve("cache/state")));
        // trixie's and bookworm's Packages (68,829 + 63,440 stanzas) and trixie's Translation-en;
        // the failed Contents does not keep the verified Packages out of the index
        assertEquals(List.of("INDEX 132269 packages from 3 verified files, rebuilt because there was none"),
                lines(result, "INDEX "), result.out());
        assertTrue(Files.size(dir.resolve("cache/index/packages.idx")) > 0);

        Cli again = realUpdate();
        assertEquals(1, again.status(), again.out() + again.err());
        assertEquals(2, lines(again, "UNCHANGED ").size(), again.out());
        assertEquals(List.of("INDEX 132269 packages from 3 verified files, unchanged"), lines(again, "INDEX "),
                again.out());
    }

    @Test
    void realDataJsonIsOneDocumentThatIsNotOk() {
        SharedTestData.require();
        Cli result = realUpdate("--json");
        assertEquals(1, result.status(), result.out() + result.err());
        Map<String, Object> doc = TestJson.object(result.out());
        assertEquals(Boolean.FALSE, doc.get("ok"));
        List<Map<String, Object>> sources = list(doc.get("sources"));
        assertEquals(2, sources.size());
        assertEquals("trixie", sources.get(0).get("suite"));
        assertFalse(list(sources.get(0).get("signatures")).isEmpty());
        assertTrue(list(sources.get(0).get("findings")).stream()
                .anyMatch(f -> "INDEX_SIZE_MISMATCH".equals(f.get("code"))), result.out());
        assertTrue(list(sources.get(1).get("targets")).stream()
                .anyMatch(t -> "FETCHED".equals(t.get("outcome"))), result.out());
    }

    @Test
    void quietPrintsNoWarningsOrNotes() {
        SharedTestData.require();
        Cli result = realUpdate("-q");
        assertEquals(1, result.status(), result.out() + result.err());
        assertTrue(result.out().lines().noneMatch(l -> l.startsWith("WARNING ") || l.startsWith("NOTE ")), result.out());
        assertTrue(result.out().lines().anyMatch(l -> l.startsWith("ERROR INDEX_SIZE_MISMATCH ")), result.out());
    }

    @Test
    void aReleaseSignedByAnUntrustedKeyFails() throws Exception {
        SharedTestData.require();
        Path root = dir.resolve("mirror");
        Files.createDirectories(root.resolve("dists/trixie"));
        Files.copy(SharedTestData.dists("trixie", "InRelease"), root.resolve("dists/trixie/InRelease"));
        Path keyring = dir.resolve("other.gpg");
        Files.write(keyring, TestKeys.key(TestKeys.Kind.ED25519).build().binary());
        Cli result = Cli.run("--cache-dir", dir.resolve("cache").toString(),
                "--repo", repo(keyring.toString(), root, "trixie"), "update", "--arch", "amd64", "--at", AT);
        assertEquals(1, result.status(), result.out() + result.err());
        assertTrue(result.out().startsWith("FAILED "), result.out());
        assertTrue(result.out().lines().anyMatch(l -> l.startsWith("ERROR ")), result.out());
        assertFalse(Files.exists(dir.resolve("cache/lists")) && hasPackages(dir.resolve("cache/lists")), result.out());
    }

    private static boolean hasPackages(Path lists) throws Exception {
        try (var files = Files.list(lists)) {
            return files.anyMatch(p -> p.getFileName().toString().contains("Packages"));
        }
    }

    /** A suite with a Release file and no signature, and a keyring of a generated key. */
    private String unsignedRepo() throws Exception {
        Path root = dir.resolve("mirror");
        Files.createDirectories(root.resolve("dists/stable/main/binary-amd64"));
        Files.writeString(root.resolve("dists/stable/main/binary-amd64/Packages"), "");
        Files.writeString(root.resolve("dists/stable/Release"), """
                Origin: Test
                Suite: stable
                Codename: stable
                Date: Sat, 21 Nov 2026 10:00:00 UTC
                Architectures: amd64
                Components: main
                SHA256:
                 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 0 main/binary-amd64/Packages
                """);
        Path keyring = dir.resolve("other.gpg");
        Files.write(keyring, TestKeys.key(TestKeys.Kind.ED25519).build().binary());
        return repo(keyring.toString(), root, "stable");
    }

    @Test
    void anUnsignedRepositoryFails() throws Exception {
        Cli result = Cli.run("--cache-dir", dir.resolve("cache").toString(),
                "--repo", unsignedRepo(), "update", "--arch", "amd64", "--at", AT);
        assertEquals(1, result.status(), result.out() + result.err());
        assertTrue(result.out().startsWith("FAILED "), result.out());
        assertTrue(result.out().lines().anyMatch(l -> l.matches("ERROR [A-Z_]+ .*")), result.out());
    }

    @Test
    void aCorruptStateFileIsStatus3AndFetchesNothing() throws Exception {
        Path state = Files.createDirectories(dir.resolve("cache")).resolve("state");
        Files.writeString(state, "this is not a state file\n");
        Cli result = Cli.run("--cache-dir", dir.resolve("cache").toString(),
                "--repo", unsignedRepo(), "update", "--arch", "amd64", "--at", AT);
        assertEquals(3, result.status(), result.out() + result.err());
        assertEquals("", result.out());
        assertEquals(1, result.err().lines().count(), result.err());
        assertTrue(result.err().startsWith("debindex: "), result.err());
        assertTrue(result.err().contains("state"), result.err());
    }

    @Test
    void aCacheThatCannotBeWrittenIsStatus3() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("file"), "");
        Cli result = Cli.run("--cache-dir", notADirectory.toString(),
                "--repo", unsignedRepo(), "update", "--arch", "amd64", "--at", AT);
        assertEquals(3, result.status(), result.out() + result.err());
        assertEquals(1, result.err().lines().count(), result.err());
    }

    @Test
    void sourcesWarningsGoToStderrWithFileAndLineButNotWithQuiet() throws Exception {
        Path sources = Files.writeString(dir.resolve("test.sources"), "Types: deb\nURIs: "
                + dir.resolve("mirror").toUri() + "\nSuites: stable\nComponents: main\nSigned-By: "
                + dir.resolve("other.gpg") + "\nFrobnicate: yes\n");
        unsignedRepo();
        Cli result = Cli.run("--cache-dir", dir.resolve("cache").toString(), "--sources", sources.toString(),
                "update", "--arch", "amd64", "--at", AT);
        assertEquals(1, result.status(), result.out() + result.err());
        assertTrue(result.err().startsWith("debindex: warning: " + sources + ":6: "), result.err());
        Cli quiet = Cli.run("--cache-dir", dir.resolve("cache").toString(), "-q", "--sources", sources.toString(),
                "update", "--arch", "amd64", "--at", AT);
        assertEquals(1, quiet.status(), quiet.out() + quiet.err());
        assertEquals("", quiet.err());
    }

    @Test
    void aMissingSourcesFileIsStatus3() {
        Path missing = dir.resolve("missing.sources");
        Cli result = Cli.run("--cache-dir", dir.resolve("cache").toString(), "--sources", missing.toString(),
                "update", "--arch", "amd64");
        assertEquals(3, result.status(), result.out() + result.err());
        assertEquals("", result.out());
        assertTrue(result.err().contains(missing.toString()), result.err());
        assertEquals(1, result.err().lines().count(), result.err());
    }

    @Test
    void aBadAtIsAUsageError() {
        Cli result = Cli.run("--cache-dir", dir.resolve("cache").toString(),
                "--repo", "deb http://mirror.example/debian trixie main", "update", "--arch", "amd64",
                "--at", "yesterday");
        assertEquals(2, result.status(), result.out() + result.err());
        assertTrue(result.err().startsWith("debindex: invalid value for option '--at'"), result.err());
        assertFalse(Files.exists(dir.resolve("cache")));
    }

    @Test
    void anEmptySourcesFileIsAUsageError() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.list"), "# nothing\n");
        Cli result = Cli.run("--cache-dir", dir.resolve("cache").toString(), "--sources", empty.toString(),
                "update", "--arch", "amd64");
        assertEquals(2, result.status(), result.out() + result.err());
        assertTrue(result.err().startsWith("debindex: no sources configured"), result.err());
    }

    @Test
    void helpSaysThatItBuildsTheIndexAndWhatItReadsAndWrites() {
        Cli result = Cli.run("update", "--help");
        assertEquals(0, result.status(), result.err());
        String words = result.out().replaceAll("\\s+", " ");
        assertTrue(words.contains("builds the search index"), result.out());
        assertTrue(words.contains("index/ (the index snapshot)"), result.out());
        assertTrue(words.contains("--from-apt-lists"), result.out());
        Golden.assertMatches("help-update.txt", result.out());
    }

    @Test
    void aSecondUpdateWhileOneHoldsTheCacheStopsWithStatus3AndTouchesNothing() throws Exception {
        String repo = unsignedRepo();
        Path cache = dir.resolve("cache");
        try (org.debindex.core.cache.CacheLock held =
                org.debindex.core.cache.CacheLock.acquire(new org.debindex.core.cache.CacheLayout(cache))) {
            Cli result = Cli.run("--cache-dir", cache.toString(), "--repo", repo, "update", "--at", AT);
            assertEquals(3, result.status(), result.out() + result.err());
            assertEquals("debindex: another debindex update is using the cache " + cache + " (it holds " + cache
                    + "/lock); try again when it has finished\n", result.err());
            assertFalse(Files.exists(cache.resolve("lists")), "nothing written while locked");
        }
        // released: the next update runs
        Cli after = Cli.run("--cache-dir", cache.toString(), "--repo", repo, "update", "--at", AT);
        assertEquals(1, after.status(), after.err()); // the unsigned repository fails, but it ran
        assertTrue(after.out().startsWith("FAILED "), after.out());
    }

    @Test
    void realSourcesAreVerifiedAndIndexedWithTheTrixiePackagesAndTranslation() throws Exception {
        SharedTestData.require();
        String debSrc = debianRepo("trixie").replaceFirst("^deb ", "deb-src ");
        Cli result = Cli.run("--cache-dir", dir.resolve("cache").toString(), "--repo", debianRepo("trixie"),
                "--repo", debSrc, "update", "--arch", "amd64", "--with-sources", "--at", AT);
        assertEquals(0, result.status(), result.out() + result.err());
        assertTrue(result.out().startsWith("UPDATED ") && result.out().contains(" trixie: 3 fetched, 0 unchanged,"
                + " 0 skipped, 0 failed"), result.out());
        // 68,829 Packages stanzas, 37,652 Sources stanzas (counted in the raw files)
        assertEquals(List.of("INDEX 68829 packages and 37652 source packages from 3 verified files,"
                + " rebuilt because there was none"), lines(result, "INDEX "), result.out());
    }

    @Test
    void osArchMapsToDebianNames() {
        assertEquals("amd64", Configuration.debianArchitecture("x86_64"));
        assertEquals("amd64", Configuration.debianArchitecture("amd64"));
        assertEquals("arm64", Configuration.debianArchitecture("aarch64"));
        assertEquals("i386", Configuration.debianArchitecture("x86"));
    }

    @Test
    void onATerminalAProgressLineIsDrawnOnStderrAndErasedAndStdoutIsUnchanged() throws Exception {
        String repo = unsignedRepo();
        String[] args = {"--cache-dir", dir.resolve("cache").toString(), "--repo", repo, "update", "--arch", "amd64",
            "--at", AT};
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int status;
        try (java.io.PrintStream o = new java.io.PrintStream(out, false, java.nio.charset.StandardCharsets.UTF_8);
                java.io.PrintStream e = new java.io.PrintStream(err, false, java.nio.charset.StandardCharsets.UTF_8)) {
            status = Main.run(args, java.io.InputStream.nullInputStream(), o, e, true);
        }
        String errText = err.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(1, status, errText);
        assertTrue(errText.startsWith("\r") && errText.contains(" stable: fetching "), errText);
        assertTrue(errText.matches("(?s).*\\r +\\r"), "the line is erased at the end: " + errText);
        // the same update on a fresh cache, so that the index line says the same
        String[] fresh = args.clone();
        fresh[1] = dir.resolve("cache2").toString();
        Cli plain = Cli.run(fresh);
        assertEquals(plain.out(), out.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void onATerminalTheProgressLineSaysHowManyFilesAndBytesAreDue() throws Exception {
        TestMirror mirror = new TestMirror(dir.resolve("signed"));
        String packages = TestMirror.file("Package: hello\nVersion: 1.0\nArchitecture: amd64\n");
        mirror.suite("stable", "trixie", Map.of("main/binary-amd64/Packages", packages));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int status;
        try (java.io.PrintStream o = new java.io.PrintStream(out, false, java.nio.charset.StandardCharsets.UTF_8);
                java.io.PrintStream e = new java.io.PrintStream(err, false, java.nio.charset.StandardCharsets.UTF_8)) {
            status = Main.run(new String[] {"--cache-dir", dir.resolve("cache").toString(), "--repo",
                mirror.repo("trixie"), "update", "--arch", "amd64", "--at", TestMirror.AT},
                    java.io.InputStream.nullInputStream(), o, e, true);
        }
        String errText = err.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, status, errText + out);
        assertTrue(errText.contains(" trixie: fetching 1 index files, 0.0 MB"), errText);
    }

    @Test
    void jsonStillPrintsSourcesWarningsOnStderr() throws Exception {
        unsignedRepo();
        Path sources = Files.writeString(dir.resolve("test.sources"), "Types: deb\nURIs: "
                + dir.resolve("mirror").toUri() + "\nSuites: stable\nComponents: main\nSigned-By: "
                + dir.resolve("other.gpg") + "\nFrobnicate: yes\n");
        Cli result = Cli.run("--json", "--cache-dir", dir.resolve("cache").toString(), "--sources", sources.toString(),
                "update", "--arch", "amd64", "--at", AT);
        assertEquals(1, result.status(), result.out() + result.err());
        assertEquals(Boolean.FALSE, TestJson.object(result.out()).get("ok"));
        assertTrue(result.err().startsWith("debindex: warning: " + sources + ":6: "), result.err());
    }
}
