package org.debindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.debindex.core.compress.Lz4FrameWriter;
import org.debindex.core.openpgp.TestKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code debindex update --from-apt-lists}: a generated signed suite of {@code
 * http://mirror.example/debian}, laid out as apt keeps it with {@code Acquire::GzipIndexes}
 * (Packages as lz4), imported without any connection.
 */
class UpdateFromAptListsTest {

    private static final String AT = "2025-06-02T00:00:00Z";
    private static final String PREFIX = "mirror.example_debian_dists_stable_";
    private static final String PACKAGES = "Package: hello\nVersion: 1.0\nArchitecture: amd64\nDescription: greets\n";

    @TempDir
    Path dir;

    private Path lists;
    private String repo;

    @BeforeEach
    void aptLists() throws Exception {
        TestKeys.TestKey key = TestKeys.key(TestKeys.Kind.ED25519).build();
        Path keyring = Files.write(dir.resolve("archive.gpg"), key.binary());
        byte[] packages = PACKAGES.getBytes(StandardCharsets.UTF_8);
        String release = "Origin: Test\nLabel: Test\nSuite: stable\nCodename: stable\n"
                + "Date: Fri, 30 May 2025 00:00:00 UTC\nArchitectures: amd64\nComponents: main\nSHA256:\n"
                + " " + sha256(packages) + " " + packages.length + " main/binary-amd64/Packages\n"
                + " " + sha256(new byte[0]) + " 0 main/i18n/Translation-en\n";
        lists = Files.createDirectories(dir.resolve("lists"));
        Files.write(lists.resolve(PREFIX + "InRelease"), TestKeys.clearsign(release, "SHA512", TestKeys.by(key)));
        Files.write(lists.resolve(PREFIX + "main_binary-amd64_Packages.lz4"), Lz4FrameWriter.likeTheLz4Tool().frame(packages));
        repo = "deb [signed-by=" + keyring + "] http://mirror.example/debian stable main";
    }

    private Cli update(String fromAptLists) {
        return Cli.run("--cache-dir", dir.resolve("cache").toString(), "--repo", repo,
                "update", "--arch", "amd64", "--at", AT, fromAptLists);
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    @Test
    void lz4ListsAreVerifiedAndIndexed() {
        Cli result = update("--from-apt-lists=" + lists);
        assertEquals(0, result.status(), result.out() + result.err());
        assertTrue(result.out().startsWith("UPDATED http://mirror.example/debian/ stable: "), result.out());
        // Translation-en is listed but apt has none (lang=none): a note
        assertTrue(result.out().lines().anyMatch(l -> l.startsWith("NOTE INDEX_MISSING ")
                && l.contains("Translation-en") && l.contains(PREFIX + "main_i18n_Translation-en as it is or with .lz4")),
                result.out());
        assertTrue(result.out().lines().anyMatch(l -> l.startsWith("INDEX 1 packages from 1 verified files")),
                result.out());
    }

    @Test
    void absentPackagesFailsNamingTheFilesLookedFor() throws Exception {
        Files.delete(lists.resolve(PREFIX + "main_binary-amd64_Packages.lz4"));
        Cli result = update("--from-apt-lists=" + lists);
        assertEquals(1, result.status(), result.out() + result.err());
        assertTrue(result.out().lines().anyMatch(l -> l.startsWith("ERROR INDEX_MISSING ")
                && l.contains("dists/stable/main/binary-amd64/Packages") && l.contains(lists.toString())
                && l.contains(PREFIX + "main_binary-amd64_Packages as it is or with .lz4")), result.out());
    }

    @Test
    void tamperedListsFail() throws Exception {
        Files.write(lists.resolve(PREFIX + "main_binary-amd64_Packages.lz4"), Lz4FrameWriter.likeTheLz4Tool()
                .frame(PACKAGES.replace("1.0", "6.6").getBytes(StandardCharsets.UTF_8)));
        Cli result = update("--from-apt-lists=" + lists);
        assertEquals(1, result.status(), result.out() + result.err());
        assertTrue(result.out().lines().anyMatch(l -> l.startsWith("ERROR INDEX_HASH_MISMATCH ")), result.out());
        assertTrue(result.out().lines().anyMatch(l -> l.startsWith("INDEX 0 packages")), result.out());
    }

    @Test
    void aDirectoryThatIsNotThereIsStatus3() {
        Path missing = dir.resolve("no-lists");
        Cli result = update("--from-apt-lists=" + missing);
        assertEquals(3, result.status(), result.out() + result.err());
        assertEquals("", result.out());
        assertEquals("debindex: cannot read " + missing + ": not a directory; expected apt's lists\n", result.err());
    }

    @Test
    void withoutAValueTheDirectoryIsAptsOwn() {
        Cli result = update("--from-apt-lists");
        // the host's lists hold nothing of mirror.example, or there are none (status 3)
        assertTrue(result.status() == 1 || result.status() == 3, result.out() + result.err());
        assertTrue((result.out() + result.err()).contains("/var/lib/apt/lists"), result.out() + result.err());
    }
}
