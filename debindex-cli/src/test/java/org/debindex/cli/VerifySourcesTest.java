package org.debindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.debindex.cli.output.TestJson;
import org.debindex.core.cache.RepositoryState;
import org.debindex.core.cache.StateStore;
import org.debindex.core.openpgp.Fingerprint;
import org.debindex.core.openpgp.TestKeys;
import org.debindex.core.testdata.SharedTestData;
import org.debindex.core.update.RepositoryServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code debindex verify [SOURCE]}: configured sources audited where they are served — a generated
 * signed repository over a loopback HTTP server, one test per broken link — and the shared real
 * data through {@code file:}.
 */
class VerifySourcesTest {

    private static final String AT = TestKeys.VERIFY_AT.toString();
    private static final String HELLO = "pool/main/h/hello/hello_1.0_amd64.deb";
    private static final String WORLD = "pool/main/w/world/world_2.0_all.deb";

    @TempDir
    Path dir;

    /** A repository with two pool files, Packages plain and gzip, by-hash copies, signed InRelease. */
    private final class Repo {
        final Path root = dir.resolve("mirror");
        final Path keyring = dir.resolve("keyring.gpg");
        TestKeys.TestKey key;
        String date = "Fri, 30 May 2025 00:00:00 UTC";
        Optional<String> validUntil = Optional.empty();
        boolean byHash = true;

        Repo() throws Exception {
            key = TestKeys.key(TestKeys.Kind.ED25519).build();
        }

        Repo publish() throws Exception {
            byte[] hello = "hello deb".repeat(100).getBytes(StandardCharsets.UTF_8);
            byte[] world = "world deb".repeat(50).getBytes(StandardCharsets.UTF_8);
            write(HELLO, hello);
            write(WORLD, world);
            String packages = stanza("hello", "1.0", "amd64", HELLO, hello) + "\n" + stanza("world", "2.0", "all", WORLD, world);
            byte[] plain = packages.getBytes(StandardCharsets.UTF_8);
            byte[] gz = gzip(plain);
            Path dists = root.resolve("dists/trixie");
            write("dists/trixie/main/binary-amd64/Packages", plain);
            write("dists/trixie/main/binary-amd64/Packages.gz", gz);
            if (byHash) {
                write("dists/trixie/main/binary-amd64/by-hash/SHA256/" + sha256(plain), plain);
                write("dists/trixie/main/binary-amd64/by-hash/SHA256/" + sha256(gz), gz);
            }
            String release = "Origin: Test\nLabel: Test\nSuite: stable\nCodename: trixie\nDate: " + date + "\n"
                    + validUntil.map(v -> "Valid-Until: " + v + "\n").orElse("")
                    + (byHash ? "Acquire-By-Hash: yes\n" : "")
                    + "Architectures: amd64\nComponents: main\nSHA256:\n"
                    + " " + sha256(plain) + " " + plain.length + " main/binary-amd64/Packages\n"
                    + " " + sha256(gz) + " " + gz.length + " main/binary-amd64/Packages.gz\n";
            Files.createDirectories(dists);
            Files.write(dists.resolve("InRelease"), TestKeys.clearsign(release, "SHA512", TestKeys.by(key)));
            Files.write(keyring, key.binary());
            return this;
        }

        void write(String path, byte[] data) throws Exception {
            Path p = root.resolve(path);
            Files.createDirectories(p.getParent());
            Files.write(p, data);
        }

        String repo(RepositoryServer server) {
            return "deb [signed-by=" + keyring + " arch=amd64] " + server.base() + " trixie main";
        }
    }

    private static String stanza(String name, String version, String arch, String filename, byte[] data) throws Exception {
        return "Package: " + name + "\nVersion: " + version + "\nArchitecture: " + arch + "\nFilename: " + filename
                + "\nSize: " + data.length + "\nSHA256: " + sha256(data) + "\nDescription: " + name + "\n";
    }

    private static byte[] gzip(byte[] data) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    private Cli verify(RepositoryServer server, Repo repo, String... args) {
        List<String> all = new ArrayList<>(List.of("--cache-dir", dir.resolve("cache").toString(),
                "--repo", repo.repo(server)));
        all.addAll(List.of(args));
        List<String> withAt = new ArrayList<>(all);
        int verify = withAt.indexOf("verify");
        withAt.addAll(verify + 1, List.of("--at", AT));
        return Cli.run(withAt.toArray(String[]::new));
    }

    @Test
    void aGoodRepositoryHoldsLinkByLink() throws Exception {
        Repo repo = new Repo().publish();
        try (RepositoryServer server = new RepositoryServer(repo.root)) {
            Cli r = verify(server, repo, "verify", "--deep");
            assertEquals(0, r.status(), r.out() + r.err());
            String out = r.out();
            assertTrue(out.startsWith("SOURCE " + server.base() + " trixie\n"), out);
            assertTrue(out.contains("  release: Suite stable, Codename trixie, dated 2025-05-30T00:00:00Z, no Valid-Until\n"), out);
            assertTrue(out.contains("  history: no Release of this source accepted in the cache yet\n"), out);
            assertTrue(out.contains("  mirror: main/binary-amd64/Packages.gz matches the Release, by-hash copy matches the Release\n"), out);
            assertTrue(out.contains("OK: the chain holds for " + server.base() + " trixie"), out);
            assertTrue(out.contains("pool: 2 of 2 files verified, 0 missing, 0 mismatched"), out);
            assertFalse(Files.exists(dir.resolve("cache")), "verify writes nothing in the cache");

            Cli quiet = verify(server, repo, "-q", "verify");
            assertEquals(0, quiet.status());
            assertEquals("", quiet.out(), "quiet on success, for cron");
        }
    }

    @Test
    void aBadSignatureFailsAtTheFirstLink() throws Exception {
        Repo repo = new Repo().publish();
        Path inRelease = repo.root.resolve("dists/trixie/InRelease");
        Files.writeString(inRelease, Files.readString(inRelease).replace("Label: Test", "Label: Evil"));
        try (RepositoryServer server = new RepositoryServer(repo.root)) {
            Cli r = verify(server, repo, "verify");
            assertEquals(1, r.status(), r.out());
            assertTrue(r.out().contains("SIG_BAD"), r.out());
            Cli quiet = verify(server, repo, "-q", "verify");
            assertEquals(1, quiet.status());
            assertEquals(1, quiet.out().lines().count(), quiet.out());
            assertTrue(quiet.out().startsWith("FAILED: the chain does not hold for " + server.base() + " trixie"), quiet.out());
        }
    }

    @Test
    void anExpiredReleaseSaysWhen() throws Exception {
        Repo repo = new Repo();
        repo.validUntil = Optional.of("Sat, 31 May 2025 00:00:00 UTC");
        repo.publish();
        try (RepositoryServer server = new RepositoryServer(repo.root)) {
            Cli r = verify(server, repo, "verify");
            assertEquals(1, r.status(), r.out());
            assertTrue(r.out().contains("RELEASE_EXPIRED"), r.out());
        }
        repo.validUntil = Optional.of("Sat, 28 Jun 2025 00:00:00 UTC");
        repo.publish();
        try (RepositoryServer server = new RepositoryServer(repo.root)) {
            Cli r = verify(server, repo, "verify");
            assertEquals(0, r.status(), r.out());
            assertTrue(r.out().contains("valid until 2025-06-28T00:00:00Z (26 days left)"), r.out());
        }
    }

    @Test
    void aRollbackAgainstTheCachesStateIsRefused() throws Exception {
        Repo repo = new Repo().publish();
        try (RepositoryServer server = new RepositoryServer(repo.root)) {
            Files.createDirectories(dir.resolve("cache"));
            StateStore.save(dir.resolve("cache/state"), List.of(new RepositoryState(server.base() + " trixie",
                    Instant.parse("2025-05-31T00:00:00Z"), "0".repeat(64), List.of(repo.key.fingerprint()),
                    Optional.of("Test"), Optional.of("Test"), Optional.of("trixie"), Instant.parse("2025-05-31T01:00:00Z"))));
            Cli r = verify(server, repo, "verify");
            assertEquals(1, r.status(), r.out());
            assertTrue(r.out().contains("RELEASE_ROLLBACK"), r.out());
            assertTrue(r.out().contains("  history: last accepted Release dated 2025-05-31T00:00:00Z, signed by 1 key\n"), r.out());
        }
    }

    @Test
    void anExpiredKeyFailsAndAKeyExpiringWithin90DaysIsAWarning() throws Exception {
        Repo expired = new Repo();
        // created 2024-01-01: expired on 2025-02-04, before the audit's 2025-06-02
        expired.key = TestKeys.key(TestKeys.Kind.ED25519).expires(Duration.ofDays(400)).build();
        expired.publish();
        try (RepositoryServer server = new RepositoryServer(expired.root)) {
            Cli r = verify(server, expired, "verify");
            assertEquals(1, r.status(), r.out());
            assertTrue(r.out().contains("SIG_KEY_EXPIRED"), r.out());
        }
        Repo soon = new Repo();
        // expires on 2025-08-03, 62 days after the audit
        soon.key = TestKeys.key(TestKeys.Kind.ED25519).expires(Duration.ofDays(580)).build();
        soon.publish();
        try (RepositoryServer server = new RepositoryServer(soon.root)) {
            Cli r = verify(server, soon, "verify");
            assertEquals(0, r.status(), r.out());
            assertTrue(r.out().contains("WARNING KEY_EXPIRING"), r.out());
            assertTrue(r.out().contains("in 62 days"), r.out());
        }
    }

    @Test
    void aChangeOfSigningKeySinceTheLastAcceptedReleaseIsReported() throws Exception {
        Repo repo = new Repo().publish();
        Fingerprint other = TestKeys.key(TestKeys.Kind.ED25519).build().fingerprint();
        try (RepositoryServer server = new RepositoryServer(repo.root)) {
            Files.createDirectories(dir.resolve("cache"));
            StateStore.save(dir.resolve("cache/state"), List.of(new RepositoryState(server.base() + " trixie",
                    Instant.parse("2025-05-01T00:00:00Z"), "0".repeat(64), List.of(other),
                    Optional.of("Test"), Optional.of("Test"), Optional.of("trixie"), Instant.parse("2025-05-01T01:00:00Z"))));
            Cli r = verify(server, repo, "verify");
            assertEquals(0, r.status(), "a warning, not a failure: " + r.out());
            assertTrue(r.out().contains("WARNING SIGNING_KEY_CHANGED"), r.out());
            assertTrue(r.out().contains(other.toString()), r.out());
            assertFalse(r.out().contains("RELEASE_ROLLBACK"), r.out());
        }
    }

    @Test
    void aMismatchedIndexFileAndAMissingByHashCopyAreNamed() throws Exception {
        Repo repo = new Repo().publish();
        Path gz = repo.root.resolve("dists/trixie/main/binary-amd64/Packages.gz");
        byte[] bytes = Files.readAllBytes(gz);
        bytes[bytes.length - 1] ^= 1;
        Files.write(gz, bytes);
        Path plain = repo.root.resolve("dists/trixie/main/binary-amd64/Packages");
        Files.delete(repo.root.resolve("dists/trixie/main/binary-amd64/by-hash/SHA256/" + sha256(Files.readAllBytes(plain))));
        try (RepositoryServer server = new RepositoryServer(repo.root)) {
            Cli r = verify(server, repo, "--json", "verify");
            assertEquals(1, r.status(), r.out());
            // one source: the design's verify document, with the mirror section beside
            @SuppressWarnings("unchecked")
            Map<String, Object> source = (Map<String, Object>) TestJson.parse(r.out());
            assertEquals(false, source.get("ok"));
            assertEquals(server.base() + " trixie", source.get("source"));
            assertEquals("trixie", source.get("suite"));
            assertTrue(source.get("signatures") instanceof List, r.out());
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> mirror = (List<Map<String, Object>>) source.get("mirror");
            assertEquals(List.of("main/binary-amd64/Packages MATCHES ABSENT",
                            "main/binary-amd64/Packages.gz DIFFERS MATCHES"),
                    mirror.stream().map(m -> m.get("path") + " " + m.get("copy") + " " + m.get("byHash")).toList());
            String findings = source.get("findings").toString();
            assertTrue(findings.contains("INDEX_HASH_MISMATCH"), findings);
            assertTrue(findings.contains("INDEX_BYHASH_MISSING"), findings);
        }
    }

    @Test
    void aTamperedAndAMissingDebFailTheDeepAudit() throws Exception {
        Repo repo = new Repo().publish();
        Files.writeString(repo.root.resolve(HELLO), "evil deb".repeat(112) + "x");
        Files.delete(repo.root.resolve(WORLD));
        try (RepositoryServer server = new RepositoryServer(repo.root)) {
            Cli shallow = verify(server, repo, "verify");
            assertEquals(0, shallow.status(), "the pool is checked with --deep only: " + shallow.out());
            Cli r = verify(server, repo, "verify", "--deep");
            assertEquals(1, r.status(), r.out());
            assertTrue(r.out().contains("DEB_HASH_MISMATCH"), r.out());
            assertTrue(r.out().contains("DEB_MISSING"), r.out());
            Cli sampled = verify(server, repo, "verify", "--deep", "--sample", "1");
            assertEquals(1, sampled.status(), "either sampled file fails: " + sampled.out());
            assertTrue(sampled.out().contains("pool: 0 of 1 sampled of 2 files verified"), sampled.out());
        }
    }

    @Test
    void theMarkdownRecordAndSourceSelection() throws Exception {
        Repo repo = new Repo().publish();
        try (RepositoryServer server = new RepositoryServer(repo.root)) {
            Path md = dir.resolve("audit.md");
            Cli r = verify(server, repo, "verify", "--markdown", md.toString(), "trixie");
            assertEquals(0, r.status(), r.out() + r.err());
            String doc = Files.readString(md);
            assertTrue(doc.startsWith("# Trust-chain audit of the configured Debian sources\n"), doc);
            assertTrue(doc.contains("| main/binary-amd64/Packages.gz | "), doc);
            Cli none = verify(server, repo, "verify", "bookworm");
            assertEquals(2, none.status(), none.err());
            assertTrue(none.err().contains("no configured source matches \"bookworm\""), none.err());
        }
    }

    @Test
    void aFlatRepositoryIsLeftOutWithAWarning() throws Exception {
        Repo repo = new Repo().publish();
        Cli r = Cli.run("--cache-dir", dir.resolve("cache").toString(),
                "--repo", "deb [signed-by=" + repo.keyring + "] " + repo.root.toUri() + " ./", "verify");
        assertEquals(3, r.status(), r.out() + r.err());
        assertTrue(r.err().contains("a flat repository is not audited as a source; use verify --tree"), r.err());
        assertTrue(r.err().contains("no source to audit; give --repo or --sources"), r.err());
    }

    /**
     * The shared real data: trixie's Contents-amd64.gz is not what its Release lists (a real mirror
     * fault) and its Release.gpg is stale; bookworm holds.
     */
    @Test
    void theSharedMirrorsFaultsAreNamed() throws Exception {
        String keyring = SharedTestData.file("keyrings/debian-archive-keyring.gpg").toString();
        String base = SharedTestData.require().resolve("debian").toUri().toString();
        Cli r = Cli.run("--cache-dir", dir.resolve("cache").toString(),
                "--repo", "deb [signed-by=" + keyring + " arch=amd64] " + base + " trixie main",
                "--repo", "deb [signed-by=" + keyring + " arch=amd64] " + base + " bookworm main",
                "verify", "--at", "2026-11-26", "--with-contents");
        assertEquals(1, r.status(), r.out() + r.err());
        String out = r.out();
        assertTrue(out.contains("  mirror: main/Contents-amd64.gz DIFFERS from the Release"), out);
        // the sources parser writes file:/PATH, as apt does
        assertTrue(out.matches("(?s).*\nFAILED: the chain does not hold for file:[^ ]*/debian/ trixie \\(suite trixie\\): 3 of 3"
                + " signatures good; index files: 2 verified, 1 failed, .*"), out);
        assertTrue(out.matches("(?s).*\nOK: the chain holds for file:[^ ]*/debian/ bookworm .*"), out);
        assertTrue(out.contains("WARNING SIG_BAD dists/trixie/Release.gpg: apt clients that fall back"), out);
        assertTrue(out.contains("  mirror: main/binary-amd64/Packages.xz matches the Release"), out);
    }
}
