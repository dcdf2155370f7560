package org.debindex.verify.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.debindex.core.Finding;
import org.debindex.core.FindingCode;
import org.debindex.core.Severity;
import org.debindex.core.openpgp.Keyring;
import org.debindex.core.openpgp.TestKeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deep tree audits of generated mirrors: every pool file the verified Packages and Sources list. */
class TreeAuditDeepTest {

    static TestKeys.TestKey key;
    static Keyring keyring;

    @TempDir
    Path dir;

    @BeforeAll
    static void generateKey() throws Exception {
        key = TestKeys.key(TestKeys.Kind.ED25519).build();
        keyring = key.keyring();
    }

    private TestMirror mirror() throws IOException {
        return TestMirror.stable(dir.resolve("mirror"), key);
    }

    private static TrustReport deep(TestMirror m, int parallelism, AuditProgress progress) throws IOException {
        return TreeAudit.run(m.root, m.suite, keyring,
                AuditOptions.at(TestMirror.AT).withDeep(true).withParallelism(parallelism), progress);
    }

    private static TrustReport deep(TestMirror m) throws IOException {
        return deep(m, 2, AuditProgress.NONE);
    }

    private static List<Finding> withCode(TrustReport report, FindingCode code) {
        return report.findings().stream().filter(f -> f.code() == code).toList();
    }

    private static Finding only(TrustReport report, FindingCode code) {
        List<Finding> found = withCode(report, code);
        assertEquals(1, found.size(), () -> code + " in " + report.findings());
        return found.get(0);
    }

    private static TrustReport.PoolSummary pool(TrustReport report) {
        return report.pool().orElseThrow(() -> new AssertionError("no pool summary"));
    }

    @Test
    void goodPoolVerifiesEveryListedFileOnceEvenWhenListedTwice() throws Exception {
        TestMirror m = mirror();
        m.write();
        TrustReport report = deep(m);

        assertTrue(report.ok(), () -> report.findings().toString());
        assertEquals(List.of(), report.findings());
        long bytes = 0;
        for (String path : List.of(TestMirror.ALPHA_DEB, TestMirror.BETA_DEB, TestMirror.GAMMA_DEB,
                TestMirror.ALPHA_DSC, TestMirror.ALPHA_TAR)) {
            bytes += Files.size(m.root.resolve(path));
        }
        assertEquals(new TrustReport.PoolSummary(TestMirror.DEFAULT_POOL_FILES, TestMirror.DEFAULT_POOL_FILES, 0, 0,
                bytes), pool(report), "beta (Architecture: all) is in both Packages and counted once");
    }

    @Test
    void missingPoolFileIsDebMissing() throws Exception {
        TestMirror m = mirror();
        m.write();
        Files.delete(m.root.resolve(TestMirror.GAMMA_DEB));

        TrustReport report = deep(m);

        assertFalse(report.ok());
        Finding f = only(report, FindingCode.DEB_MISSING);
        assertEquals(Severity.ERROR, f.severity());
        assertEquals(TestMirror.GAMMA_DEB, f.target());
        assertEquals("listed in dists/stable/main/binary-arm64/Packages.gz but absent from the tree", f.message());
        TrustReport.PoolSummary pool = pool(report);
        assertEquals(5, pool.listed());
        assertEquals(4, pool.verified());
        assertEquals(1, pool.missing());
        assertEquals(0, pool.mismatched());
    }

    @Test
    void changedPoolFileIsDebHashMismatch() throws Exception {
        TestMirror m = mirror();
        m.write();
        byte[] data = m.read(TestMirror.ALPHA_DEB);
        data[3] ^= 0x20;
        Files.write(m.root.resolve(TestMirror.ALPHA_DEB), data);

        TrustReport report = deep(m);

        assertFalse(report.ok());
        List<Finding> mismatches = withCode(report, FindingCode.DEB_HASH_MISMATCH);
        assertEquals(2, mismatches.size(), "SHA-256 and SHA-512: " + report.findings());
        assertTrue(mismatches.stream().allMatch(f -> f.target().equals(TestMirror.ALPHA_DEB)));
        assertEquals(1, pool(report).mismatched());
        assertEquals(4, pool(report).verified());
    }

    @Test
    void poolFileOfAnotherSizeIsDebHashMismatch() throws Exception {
        TestMirror m = mirror();
        m.write();
        Files.writeString(m.root.resolve(TestMirror.ALPHA_TAR), "shorter");
        TrustReport report = deep(m);
        Finding f = only(report, FindingCode.DEB_HASH_MISMATCH);
        assertEquals(TestMirror.ALPHA_TAR, f.target());
        assertTrue(f.message().startsWith("size 7 bytes"), f.message());
        assertEquals(1, pool(report).mismatched());
    }

    @Test
    void stanzaWithMd5OnlyIsDebHashInsufficient() throws Exception {
        TestMirror m = mirror();
        m.pool("pool/main/w/weak/weak_1_amd64.deb", "weak\n");
        String stanza = m.binary("weak", "1", "amd64", "pool/main/w/weak/weak_1_amd64.deb")
                .replaceAll("SHA(256|512): [0-9a-f]+\n", "");
        m.amd64(stanza).write();

        TrustReport report = deep(m);

        assertFalse(report.ok());
        Finding f = only(report, FindingCode.DEB_HASH_INSUFFICIENT);
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("pool/main/w/weak/weak_1_amd64.deb", f.target());
        assertTrue(f.message().contains("MD5"), f.message());
        assertEquals(6, pool(report).listed());
        assertEquals(5, pool(report).verified());
        assertEquals(0, pool(report).mismatched());
        assertEquals(0, pool(report).missing());
    }

    @Test
    void sourceStanzaWithFilesOnlyIsDebHashInsufficient() throws Exception {
        TestMirror m = mirror();
        m.pool("pool/main/o/old/old_1.dsc", "old\n");
        String stanza = m.source("old", "1", "pool/main/o/old", "pool/main/o/old/old_1.dsc");
        m.sources(stanza.substring(0, stanza.indexOf("Checksums-Sha256:")) + "Directory: pool/main/o/old\n").write();

        TrustReport report = deep(m);

        Finding f = only(report, FindingCode.DEB_HASH_INSUFFICIENT);
        assertEquals("pool/main/o/old/old_1.dsc", f.target());
        assertEquals(6, pool(report).listed());
    }

    @Test
    void stanzaWithoutAnyChecksumIsDebHashInsufficient() throws Exception {
        TestMirror m = mirror();
        m.amd64("Package: bare\nVersion: 1\nArchitecture: amd64\nFilename: pool/main/b/bare/bare_1_amd64.deb\n"
                + "Size: 4\n").write();
        TrustReport report = deep(m);
        Finding f = only(report, FindingCode.DEB_HASH_INSUFFICIENT);
        assertEquals("pool/main/b/bare/bare_1_amd64.deb", f.target());
        assertEquals("listed in dists/stable/main/binary-amd64/Packages at line 23 without any checksum;"
                + " SHA-256 or SHA-512 is needed to trust it", f.message());
    }

    @Test
    void unsafePoolPathsAreReportedAndNeverOpened() throws Exception {
        TestMirror m = TestMirror.stable(dir.resolve("srv/mirror"), key);
        // files outside the mirror root whose size and digests the stanzas list: opening them would verify them
        Path outside = dir.resolve("etc/x.deb");
        Files.createDirectories(outside.getParent());
        Files.writeString(outside, "outside\n");
        m.pool("pool/main/x/x/x.deb", "outside\n");
        String good = m.binary("x", "1", "amd64", "pool/main/x/x/x.deb");
        m.amd64(good.replace("Filename: pool/main/x/x/x.deb", "Filename: ../../etc/x.deb"));
        m.amd64(good.replace("Filename: pool/main/x/x/x.deb", "Filename: " + outside.toAbsolutePath()));
        m.amd64(good.replace("Filename: pool/main/x/x/x.deb", "Filename: pool\\main\\x.deb"));
        m.sources(m.source("evil", "1", "../../etc", TestMirror.ALPHA_DSC));
        Files.delete(m.root.resolve("pool/main/x/x/x.deb"));
        m.write();

        TrustReport report = deep(m);

        assertFalse(report.ok());
        List<Finding> unsafe = withCode(report, FindingCode.PATH_UNSAFE);
        assertEquals(4, unsafe.size(), report.findings().toString());
        assertEquals(List.of("dists/stable/main/binary-amd64/Packages", "dists/stable/main/binary-amd64/Packages",
                "dists/stable/main/binary-amd64/Packages", "dists/stable/main/source/Sources.gz"),
                unsafe.stream().map(Finding::target).toList());
        assertTrue(unsafe.get(0).message().contains("\"../../etc/x.deb\" leaves its directory"), unsafe.get(0).message());
        assertTrue(unsafe.get(1).message().contains("is absolute"), unsafe.get(1).message());
        assertTrue(unsafe.get(2).message().contains("backslash"), unsafe.get(2).message());
        assertTrue(unsafe.get(3).message().contains("Directory \"../../etc\""), unsafe.get(3).message());
        assertEquals(new TrustReport.PoolSummary(5, 5, 0, 0, pool(report).bytes()), pool(report),
                "only the safe paths are listed, and the files outside were not opened");
    }

    @Test
    void stanzaWithoutFilenameIsAnIndexParseErrorAndTheRestIsChecked() throws Exception {
        TestMirror m = mirror();
        m.pool("pool/main/z/zeta/zeta_1_amd64.deb", "zeta\n");
        String noFilename = m.binary("nofile", "1", "amd64", TestMirror.ALPHA_DEB).replaceAll("Filename: .*\n", "");
        m.amd64(noFilename);
        m.amd64(m.binary("zeta", "1", "amd64", "pool/main/z/zeta/zeta_1_amd64.deb"));
        m.write();

        TrustReport report = deep(m);

        assertFalse(report.ok());
        Finding f = only(report, FindingCode.INDEX_PARSE);
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("dists/stable/main/binary-amd64/Packages", f.target(), "the uncompressed variant is read");
        assertEquals("line 23: stanza of nofile 1 has no \"Filename\" field; stanza skipped", f.message());
        assertEquals(new TrustReport.PoolSummary(6, 6, 0, 0, pool(report).bytes()), pool(report),
                "the stanza after the bad one is checked too");
    }

    @Test
    void malformedStanzasAreIndexParseErrorsNamingTheLine() throws Exception {
        TestMirror m = mirror();
        m.amd64("Package: badsize\nVersion: 1\nArchitecture: amd64\nFilename: pool/x.deb\nSize: ten\nSHA256: "
                + "ab".repeat(32) + "\n");
        m.amd64("Package: baddigest\nVersion: 1\nArchitecture: amd64\nFilename: pool/y.deb\nSize: 1\nSHA256: xyz\n");
        m.amd64("Version: 1\nArchitecture: amd64\nFilename: pool/z.deb\nSize: 1\nSHA256: " + "ab".repeat(32) + "\n");
        m.amd64("Package: broken\n continuation without field\nbroken line\n");
        m.write();

        TrustReport report = deep(m);

        List<String> messages = withCode(report, FindingCode.INDEX_PARSE).stream().map(Finding::message).toList();
        assertEquals(4, messages.size(), messages.toString());
        assertTrue(messages.get(0).startsWith("line 27: field \"Size\" has value \"ten\""), messages.get(0));
        assertTrue(messages.get(1).startsWith("line 35: field \"SHA256\" has value \"xyz\"; expected 64 hex digits"),
                messages.get(1));
        assertTrue(messages.get(2).startsWith("line 37: paragraph has no \"Package\" field"), messages.get(2));
        assertTrue(messages.get(3).startsWith("line 45: stanza skipped: "), messages.get(3));
        assertEquals(TestMirror.DEFAULT_POOL_FILES, pool(report).verified(), "every good stanza is still checked");
    }

    @Test
    void samePathListedWithOtherDigestsIsAListingMismatch() throws Exception {
        TestMirror m = mirror();
        String other = m.binary("beta", "2.0", "all", TestMirror.BETA_DEB)
                .replaceAll("SHA256: [0-9a-f]+", "SHA256: " + "0".repeat(64));
        m.clearStanzas();
        m.amd64(m.binary("beta", "2.0", "all", TestMirror.BETA_DEB));
        m.arm64(other);
        m.write();

        TrustReport report = deep(m);

        Finding f = only(report, FindingCode.DEB_HASH_MISMATCH);
        assertEquals(TestMirror.BETA_DEB, f.target());
        assertTrue(f.message().startsWith("listed in dists/stable/main/binary-arm64/Packages.gz at line 1 with SHA-256 "
                + "0000"), f.message());
        assertTrue(f.message().contains("but in dists/stable/main/binary-amd64/Packages at line 1 with SHA-256 "
                + TestMirror.hex("SHA-256", m.read(TestMirror.BETA_DEB))), f.message());
        assertEquals(new TrustReport.PoolSummary(1, 1, 0, 0, m.read(TestMirror.BETA_DEB).length), pool(report),
                "checked against the first listing");
    }

    @Test
    void onlyVerifiedIndexesAreRead() throws Exception {
        TestMirror m = mirror();
        m.write();
        // arm64's only variant fails its check: gamma, listed only there, is not collected
        Path gz = m.dists().resolve(TestMirror.ARM64 + ".gz");
        byte[] data = Files.readAllBytes(gz);
        data[data.length - 1] ^= 1;
        Files.write(gz, data);

        TrustReport report = deep(m);

        assertFalse(report.ok());
        assertEquals(4, pool(report).listed());
        assertTrue(report.findings().stream().noneMatch(f -> f.target().equals(TestMirror.GAMMA_DEB)));
    }

    @Test
    void compressedVariantIsReadWhenTheUncompressedOneFails() throws Exception {
        TestMirror m = mirror();
        m.pool("pool/main/o/omega/omega_1_amd64.deb", "omega\n");
        m.amd64(m.binary("omega", "1", "amd64", "pool/main/o/omega/omega_1_amd64.deb"));
        m.write();
        Files.delete(m.dists().resolve(TestMirror.AMD64));
        Files.delete(m.root.resolve("pool/main/o/omega/omega_1_amd64.deb"));

        TrustReport report = deep(m);

        Finding f = only(report, FindingCode.DEB_MISSING);
        assertEquals("listed in dists/stable/main/binary-amd64/Packages.xz but absent from the tree", f.message());
    }

    @Test
    void parallelismDoesNotChangeTheReport() throws Exception {
        TestMirror m = mirror();
        for (int i = 0; i < 40; i++) {
            String path = String.format("pool/main/p/p%02d/p%02d_1_amd64.deb", i, i);
            m.pool(path, ("package " + i + "\n").repeat(i + 1));
            m.amd64(m.binary(String.format("p%02d", i), "1", "amd64", path));
        }
        m.amd64("Package: nofilename\nVersion: 1\nArchitecture: amd64\n");
        m.write();
        for (int i = 0; i < 40; i += 7) {
            Files.delete(m.root.resolve(String.format("pool/main/p/p%02d/p%02d_1_amd64.deb", i, i)));
        }
        for (int i = 3; i < 40; i += 9) {
            Files.writeString(m.root.resolve(String.format("pool/main/p/p%02d/p%02d_1_amd64.deb", i, i)), "changed");
        }

        TrustReport one = deep(m, 1, AuditProgress.NONE);
        TrustReport four = deep(m, 4, AuditProgress.NONE);

        assertEquals(one.findings(), four.findings());
        assertEquals(one.pool(), four.pool());
        assertEquals(one.files(), four.files());
        TrustReport.PoolSummary pool = pool(one);
        assertEquals(45, pool.listed());
        assertEquals(5, pool.missing(), "0, 7, 14, 28, 35");
        assertEquals(5, pool.mismatched(), "3, 12, 21 (deleted, then written again), 30, 39");
        assertEquals(35, pool.verified());
        List<String> poolTargets = one.findings().stream().filter(f -> f.target().startsWith("pool/"))
                .map(Finding::target).toList();
        List<String> sorted = new ArrayList<>(poolTargets);
        Collections.sort(sorted);
        assertEquals(sorted, poolTargets, "pool findings are sorted by path");
    }

    @Test
    void progressReachesTheTotal() throws Exception {
        TestMirror m = mirror();
        m.write();
        List<long[]> updates = Collections.synchronizedList(new ArrayList<>());
        AuditProgress progress = (phase, done, total) -> {
            assertEquals("pool", phase);
            updates.add(new long[] {done, total});
        };

        deep(m, 3, progress);

        assertEquals(TestMirror.DEFAULT_POOL_FILES + 1, updates.size(), "a start and one per file");
        for (int i = 0; i < updates.size(); i++) {
            assertEquals(i, updates.get(i)[0], "done counts up one by one");
            assertEquals(TestMirror.DEFAULT_POOL_FILES, updates.get(i)[1]);
        }
    }

    @Test
    void shallowAuditHasNoPoolSummaryAndReadsNoPoolFile() throws Exception {
        TestMirror m = mirror();
        m.write();
        Files.delete(m.root.resolve(TestMirror.ALPHA_DEB));
        TrustReport report = TreeAudit.run(m.root, m.suite, keyring, AuditOptions.at(TestMirror.AT),
                (phase, done, total) -> {
                    throw new AssertionError("no progress expected");
                });
        assertTrue(report.ok());
        assertEquals(Optional.empty(), report.pool());
    }

    @Test
    void truncatedCompressedIndexWhoseHashIsListedIsADecompressError() throws Exception {
        // a truncated Sources.gz that the Release lists as it is, without the uncompressed Sources:
        // its own check passes, and only reading it shows that it does not decompress (catalogue #48)
        TestMirror m = mirror();
        String text = m.write();
        byte[] gz = m.read("dists/stable/" + TestMirror.SOURCES + ".gz");
        byte[] truncated = Arrays.copyOf(gz, gz.length - 12);
        Files.write(m.dists().resolve(TestMirror.SOURCES + ".gz"), truncated);
        String relisted = relist(text, TestMirror.SOURCES + ".gz", truncated)
                .replaceAll("(?m)^ \\S+ +\\d+ " + TestMirror.SOURCES + "\n", "");
        Files.write(m.dists().resolve("InRelease"), m.signInline(relisted));

        TrustReport report = deep(m);

        assertFalse(report.ok());
        Finding f = only(report, FindingCode.INDEX_DECOMPRESS);
        assertEquals("dists/stable/main/source/Sources.gz", f.target());
        assertTrue(f.message().startsWith("cannot be read although it verified"), f.message());
    }

    /** A Release text with the size and digests of one path replaced by those of {@code data}. */
    private static String relist(String text, String path, byte[] data) {
        StringBuilder out = new StringBuilder();
        String section = "";
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("SHA256:") || line.startsWith("SHA512:")) {
                section = line.startsWith("SHA256:") ? "SHA-256" : "SHA-512";
            }
            if (line.startsWith(" ") && line.endsWith(" " + path)) {
                line = " " + TestMirror.hex(section, data) + " " + data.length + " " + path;
            }
            out.append(line).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }
}
