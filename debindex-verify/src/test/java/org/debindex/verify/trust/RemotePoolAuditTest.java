package org.debindex.verify.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.debindex.core.Finding;
import org.debindex.core.FindingCode;
import org.debindex.core.fetch.FetchPolicy;
import org.debindex.core.fetch.FetchRequest;
import org.debindex.core.fetch.Fetcher;
import org.debindex.core.fetch.Fetchers;
import org.debindex.core.openpgp.Keyring;
import org.debindex.core.openpgp.TestKeys;
import org.debindex.core.update.RepositoryServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deep audits whose pool is read over HTTP from a loopback {@link RepositoryServer} (and from a
 * {@code file:} URI), while {@code dists/} is a local copy without any pool, as a source audit
 * that downloaded the indexes has it.
 */
class RemotePoolAuditTest {

    /** The default pool files in path order, as the audit sorts them before sampling. */
    static final List<String> POOL = Stream.of(TestMirror.ALPHA_DEB, TestMirror.ALPHA_DSC, TestMirror.ALPHA_TAR,
            TestMirror.BETA_DEB, TestMirror.GAMMA_DEB).sorted().toList();

    static TestKeys.TestKey key;
    static Keyring keyring;

    @TempDir
    Path dir;

    TestMirror m;
    Path lists;
    Path scratch;
    RepositoryServer server;
    /** Every request the audit made, and how many scratch files existed when each was made. */
    final List<FetchRequest> requests = new CopyOnWriteArrayList<>();
    final AtomicInteger mostScratchFiles = new AtomicInteger();

    @BeforeAll
    static void generateKey() throws Exception {
        key = TestKeys.key(TestKeys.Kind.ED25519).build();
        keyring = key.keyring();
    }

    @BeforeEach
    void mirror() throws IOException {
        m = TestMirror.stable(dir.resolve("mirror"), key);
        lists = dir.resolve("lists");
        scratch = Files.createDirectories(dir.resolve("scratch"));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Writes the mirror, copies its dists/ alone to {@code lists}, and serves the mirror. */
    private void serve() throws IOException {
        m.write();
        copy(m.root.resolve("dists"), lists.resolve("dists"));
        server = new RepositoryServer(m.root);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private Fetcher fetcher() {
        Fetcher real = Fetchers.standard(FetchPolicy.defaults().withBackoff(Duration.ZERO, d -> { }));
        return request -> {
            requests.add(request);
            countScratchFiles();
            try {
                return real.fetch(request);
            } finally {
                countScratchFiles();
            }
        };
    }

    private void countScratchFiles() throws IOException {
        try (Stream<Path> s = Files.list(scratch)) {
            mostScratchFiles.accumulateAndGet((int) s.count(), Math::max);
        }
    }

    private TrustReport audit(URI base, AuditOptions options) throws IOException {
        return TreeAudit.run(lists, m.suite, keyring, options, AuditProgress.NONE,
                PoolFiles.remote(base, fetcher(), scratch));
    }

    private TrustReport audit() throws IOException {
        return audit(server.base(), deep());
    }

    private static AuditOptions deep() {
        return AuditOptions.at(TestMirror.AT).withDeep(true).withParallelism(2);
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

    private long poolRequests() {
        return server.requests().stream().filter(p -> p.startsWith("/pool/")).count();
    }

    private void assertScratchEmpty() throws IOException {
        try (Stream<Path> s = Files.list(scratch)) {
            assertEquals(List.of(), s.toList(), "scratch directory after the audit");
        }
    }

    private long poolBytes() throws IOException {
        long bytes = 0;
        for (String path : POOL) {
            bytes += Files.size(m.root.resolve(path));
        }
        return bytes;
    }

    @Test
    void goodPoolOverHttpVerifiesEveryFileOnceAndLeavesNothingBehind() throws Exception {
        serve();
        TrustReport report = audit();

        assertTrue(report.ok(), () -> report.findings().toString());
        assertEquals(new TrustReport.PoolSummary(5, 5, 0, 0, poolBytes(), 5), pool(report));
        for (String path : POOL) {
            assertEquals(1, server.count("/" + path), path + " fetched once, though beta is listed twice");
        }
        assertEquals(5, poolRequests());
        assertFalse(Files.exists(lists.resolve("pool")), "the local tree has no pool");
        assertTrue(mostScratchFiles.get() <= 2, "at most one scratch file per worker (2): " + mostScratchFiles.get());
        for (FetchRequest r : requests) {
            String path = server.base().relativize(r.uri()).getPath();
            assertEquals(Files.size(m.root.resolve(path)), r.maxBytes(), "bound of " + path);
        }
        assertScratchEmpty();
    }

    @Test
    void tamperedDebIsDebHashMismatch() throws Exception {
        serve();
        byte[] data = m.read(TestMirror.ALPHA_DEB);
        data[3] ^= 0x20;
        Files.write(m.root.resolve(TestMirror.ALPHA_DEB), data);

        TrustReport report = audit();

        assertFalse(report.ok());
        List<Finding> mismatches = withCode(report, FindingCode.DEB_HASH_MISMATCH);
        assertEquals(2, mismatches.size(), "SHA-256 and SHA-512: " + report.findings());
        assertTrue(mismatches.stream().allMatch(f -> f.target().equals(TestMirror.ALPHA_DEB)));
        assertTrue(mismatches.get(0).message().startsWith("SHA-256 mismatch: expected "), mismatches.get(0).message());
        assertEquals(1, pool(report).mismatched());
        assertEquals(4, pool(report).verified());
        assertScratchEmpty();
    }

    @Test
    void debMissingOnTheServerIsDebMissing() throws Exception {
        serve();
        long bytes = poolBytes() - Files.size(m.root.resolve(TestMirror.GAMMA_DEB));
        Files.delete(m.root.resolve(TestMirror.GAMMA_DEB));

        TrustReport report = audit();

        Finding f = only(report, FindingCode.DEB_MISSING);
        assertEquals(TestMirror.GAMMA_DEB, f.target());
        assertEquals("listed in dists/stable/main/binary-arm64/Packages.gz but absent from the server", f.message());
        assertEquals(new TrustReport.PoolSummary(5, 4, 1, 0, bytes, 5), pool(report));
        assertEquals(1, report.findings().size(), () -> report.findings().toString());
        assertScratchEmpty();
    }

    @Test
    void debLargerThanListedIsRefusedAtTheListedSize() throws Exception {
        serve();
        long listed = Files.size(m.root.resolve(TestMirror.BETA_DEB));
        Files.writeString(m.root.resolve(TestMirror.BETA_DEB), "x".repeat(200_000));

        TrustReport report = audit();

        Finding f = only(report, FindingCode.DEB_HASH_MISMATCH);
        assertEquals(TestMirror.BETA_DEB, f.target());
        assertTrue(f.message().startsWith("larger than the " + listed + " bytes listed; download refused: "),
                f.message());
        FetchRequest beta = requests.stream().filter(r -> r.uri().getPath().endsWith("beta_2.0_all.deb"))
                .findFirst().orElseThrow();
        assertEquals(listed, beta.limit(), "never more than the listed size is written");
        assertEquals(1, server.count("/" + TestMirror.BETA_DEB), "too large is final, not retried");
        TrustReport.PoolSummary pool = pool(report);
        assertEquals(1, pool.mismatched());
        assertEquals(4, pool.verified());
        assertEquals(poolBytes() - 200_000, pool.bytes(), "the refused body is not counted as read");
        assertScratchEmpty();
    }

    @Test
    void debShorterThanListedIsASizeMismatch() throws Exception {
        serve();
        Files.writeString(m.root.resolve(TestMirror.ALPHA_TAR), "shorter");

        TrustReport report = audit();

        Finding f = only(report, FindingCode.DEB_HASH_MISMATCH);
        assertEquals(TestMirror.ALPHA_TAR, f.target());
        assertTrue(f.message().startsWith("size 7 bytes"), f.message());
        assertScratchEmpty();
    }

    @Test
    void cutTransferIsAFindingAndTheRestIsStillChecked() throws Exception {
        serve();
        server.cutAfter("/" + TestMirror.ALPHA_TAR, 10);

        TrustReport report = audit();

        assertFalse(report.ok());
        Finding f = only(report, FindingCode.DEB_FETCH_FAILED);
        assertEquals(TestMirror.ALPHA_TAR, f.target());
        assertTrue(f.message().startsWith("could not be fetched, so it is not checked: http://127.0.0.1:"),
                f.message());
        assertEquals(1, report.findings().size(), () -> report.findings().toString());
        TrustReport.PoolSummary pool = pool(report);
        assertEquals(5, pool.listed());
        assertEquals(5, pool.sampled());
        assertEquals(4, pool.verified(), "every other file is checked");
        assertEquals(0, pool.missing() + pool.mismatched(), "a cut transfer proves neither");
        assertTrue(server.count("/" + TestMirror.ALPHA_TAR) >= 1);
        assertScratchEmpty();
    }

    @Test
    void sampleChecksExactlyNFilesTheSameForTheSameSeed() throws Exception {
        serve();
        TrustReport first = audit(server.base(), deep().withSample(2).withSeed(42));
        List<String> firstPaths = poolPaths();
        assertEquals(2, firstPaths.size(), firstPaths::toString);
        assertEquals(new TrustReport.PoolSummary(5, 2, 0, 0, bytes(firstPaths), 2), pool(first));
        assertTrue(pool(first).isSampled());
        assertTrue(first.ok(), () -> first.findings().toString());

        requests.clear();
        TrustReport second = audit(server.base(), deep().withSample(2).withSeed(42));
        assertEquals(firstPaths, poolPaths(), "same seed, same sample");
        assertEquals(pool(first), pool(second));
        assertEquals(PoolAudit.sample(POOL, 2, 42), firstPaths, "the sample the local audit would draw");
        assertScratchEmpty();
    }

    @Test
    void sampleAtLeastTheListingChecksEverything() throws Exception {
        serve();
        TrustReport report = audit(server.base(), deep().withSample(5).withSeed(1));
        assertEquals(new TrustReport.PoolSummary(5, 5, 0, 0, poolBytes(), 5), pool(report));
        assertFalse(pool(report).isSampled());
        assertEquals(5, poolRequests());
    }

    @Test
    void poolOverFileUriIsCheckedTheSameWay() throws Exception {
        m.write();
        copy(m.root.resolve("dists"), lists.resolve("dists"));
        Files.delete(m.root.resolve(TestMirror.GAMMA_DEB));
        Files.writeString(m.root.resolve(TestMirror.BETA_DEB), "y".repeat(100_000));

        TrustReport report = audit(m.root.toUri(), deep());

        assertEquals(TestMirror.GAMMA_DEB, only(report, FindingCode.DEB_MISSING).target());
        Finding large = only(report, FindingCode.DEB_HASH_MISMATCH);
        assertEquals(TestMirror.BETA_DEB, large.target());
        assertTrue(large.message().startsWith("larger than the "), large.message());
        assertEquals(3, pool(report).verified());
        assertScratchEmpty();
    }

    @Test
    void pathsWithPlusTildeAndEpochColonAreEncoded() throws Exception {
        String odd = "pool/main/o/odd/odd_1:2.0+dfsg~rc1_amd64.deb";
        m.pool(odd, "odd package\n");
        m.amd64(m.binary("odd", "1:2.0+dfsg~rc1", "amd64", odd));
        serve();

        TrustReport report = audit();

        assertTrue(report.ok(), () -> report.findings().toString());
        assertEquals(6, pool(report).verified());
        assertEquals(1, server.count("/" + odd));
    }

    @Test
    void stanzaWithWeakDigestsOnlyIsRefusedWithoutADownload() throws Exception {
        String weak = "pool/main/w/weak/weak_1_amd64.deb";
        m.pool(weak, "weak\n");
        m.amd64(m.binary("weak", "1", "amd64", weak).replaceAll("SHA(256|512): [0-9a-f]+\n", ""));
        serve();

        TrustReport report = audit();

        Finding f = only(report, FindingCode.DEB_HASH_INSUFFICIENT);
        assertEquals(weak, f.target());
        assertEquals(0, server.count("/" + weak), "nothing that cannot be trusted is downloaded");
        assertEquals(5, pool(report).verified());
    }

    @Test
    void remoteRefusesABaseWithAQuery() {
        assertThrows(IllegalArgumentException.class,
                () -> PoolFiles.remote(URI.create("http://mirror.example/debian/?x=1"), fetcher(), scratch));
        assertThrows(IllegalArgumentException.class,
                () -> PoolFiles.remote(URI.create("debian/"), fetcher(), scratch));
    }

    /** The pool paths asked for, in order of path. */
    private List<String> poolPaths() {
        List<String> paths = new ArrayList<>();
        for (FetchRequest r : requests) {
            String p = r.uri().getPath();
            paths.add(p.substring(p.indexOf("/pool/") + 1));
        }
        paths.sort(null);
        return paths;
    }

    private long bytes(List<String> paths) throws IOException {
        long bytes = 0;
        for (String p : paths) {
            bytes += Files.size(m.root.resolve(p));
        }
        return bytes;
    }

    @Test
    void differentSeedsDrawDifferentSamples() {
        Set<List<String>> samples = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            List<String> s = PoolAudit.sample(POOL, 2, seed);
            assertEquals(2, s.size());
            assertEquals(s.stream().sorted().toList(), s, "in path order");
            assertTrue(POOL.containsAll(s));
            samples.add(s);
        }
        assertTrue(samples.size() > 1, "20 seeds all drew " + samples);
    }
}
