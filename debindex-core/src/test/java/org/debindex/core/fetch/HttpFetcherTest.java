package org.debindex.core.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.debindex.core.fetch.LoopbackServer.Reply;
import org.debindex.core.fetch.LoopbackServer.Served;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The http fetcher against a loopback server that answers, fails and misbehaves as scripted. */
class HttpFetcherTest {

    private static final byte[] BODY = "Package: hello\nVersion: 2.10-3\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OLD = "the copy fetched last time\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path cache;

    private Path partial;
    private LoopbackServer server;
    private RecordingSleeper sleeper;
    private FetchPolicy policy;

    @BeforeEach
    void start() throws IOException {
        partial = Files.createDirectory(cache.resolve("partial"));
        server = LoopbackServer.start();
        sleeper = new RecordingSleeper();
        policy = FetchPolicy.defaults().withBackoff(Duration.ofMillis(500), sleeper);
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    private FetchResult fetch(FetchRequest request) throws IOException {
        return fetch(policy, request);
    }

    private static FetchResult fetch(FetchPolicy policy, FetchRequest request) throws IOException {
        return assertTimeoutPreemptively(LoopbackServer.PATIENCE, () -> Fetchers.standard(policy).fetch(request));
    }

    private FetchException failure(FetchRequest request) {
        return failure(policy, request);
    }

    private static FetchException failure(FetchPolicy policy, FetchRequest request) {
        Executable fetch = () -> Fetchers.standard(policy).fetch(request);
        return assertTimeoutPreemptively(LoopbackServer.PATIENCE, () -> assertThrows(FetchException.class, fetch));
    }

    private FetchRequest request(String path, long maxBytes) {
        return FetchRequest.of(server.uri(path), partial.resolve("Packages.xz"), maxBytes);
    }

    /** What is in partial/: the file names, sorted; a temporary file left behind shows up here. */
    private List<String> partialContents() throws IOException {
        try (Stream<Path> files = Files.list(partial)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void fetchesTheExactBytesWithValidators() throws IOException {
        server.on("/dists/trixie/main/binary-amd64/Packages.xz", Reply.ok(BODY)
                .header("ETag", "\"5f-61a\"").header("Last-Modified", "Sat, 10 Jan 2026 09:00:00 GMT"));
        URI uri = server.uri("/dists/trixie/main/binary-amd64/Packages.xz");

        FetchResult result = fetch(FetchRequest.of(uri, partial.resolve("Packages.xz"), 1000));

        assertEquals(new FetchResult(FetchResult.Outcome.FETCHED, BODY.length, new Validators(Optional.of("\"5f-61a\""),
                Optional.of("Sat, 10 Jan 2026 09:00:00 GMT")), uri, 1), result);
        assertArrayEquals(BODY, Files.readAllBytes(partial.resolve("Packages.xz")));
        assertEquals(List.of("Packages.xz"), partialContents());
        LoopbackServer.SeenRequest seen = server.requests().get(0);
        assertEquals("GET", seen.method());
        assertTrue(seen.header("User-Agent").orElseThrow().startsWith("debindex/"), seen.toString());
        assertEquals(Optional.of("identity"), seen.header("Accept-Encoding"));
        assertEquals(Optional.empty(), seen.header("If-None-Match"));
        assertEquals(Optional.empty(), seen.header("If-Modified-Since"));
    }

    @Test
    void anEmptyBodyIsAFile() throws IOException {
        server.on("/empty", Reply.ok(new byte[0]));
        FetchResult result = fetch(FetchRequest.ofSize(server.uri("/empty"), partial.resolve("Packages"), 0));
        assertEquals(FetchResult.Outcome.FETCHED, result.outcome());
        assertEquals(0, Files.size(partial.resolve("Packages")));
    }

    @Test
    void aBodyOfExactlyTheBoundIsAccepted() throws IOException {
        server.on("/exact", Reply.ok(BODY).withoutLength());
        FetchResult result = fetch(FetchRequest.ofSize(server.uri("/exact"), partial.resolve("Packages.xz"),
                BODY.length));
        assertEquals(BODY.length, result.bytesWritten());
        assertArrayEquals(BODY, Files.readAllBytes(partial.resolve("Packages.xz")));
    }

    @Test
    void notModifiedAfterAConditionalRequest() throws IOException {
        Files.write(partial.resolve("Packages.xz"), OLD);
        server.on("/InRelease", Reply.status(304).header("ETag", "\"v2\""));
        Validators held = new Validators(Optional.of("\"v1\""), Optional.of("Fri, 09 Jan 2026 08:00:00 GMT"));

        FetchResult result = fetch(request("/InRelease", 1000).withPrevious(held));

        assertEquals(FetchResult.Outcome.NOT_MODIFIED, result.outcome());
        assertEquals(0, result.bytesWritten());
        assertEquals(new Validators(Optional.of("\"v2\""), Optional.of("Fri, 09 Jan 2026 08:00:00 GMT")),
                result.validators(), "a 304's own ETag replaces the held one; the date is kept");
        LoopbackServer.SeenRequest seen = server.requests("/InRelease").get(0);
        assertEquals(Optional.of("\"v1\""), seen.header("If-None-Match"));
        assertEquals(Optional.of("Fri, 09 Jan 2026 08:00:00 GMT"), seen.header("If-Modified-Since"));
        assertArrayEquals(OLD, Files.readAllBytes(partial.resolve("Packages.xz")), "nothing written on 304");
        assertEquals(List.of("Packages.xz"), partialContents());
    }

    @Test
    void aChangedFileIsFetchedDespiteValidators() throws IOException {
        server.on("/InRelease", Reply.ok(BODY).header("ETag", "\"v2\""));
        FetchResult result = fetch(request("/InRelease", 1000).withPrevious(
                new Validators(Optional.of("\"v1\""), Optional.empty())));
        assertEquals(FetchResult.Outcome.FETCHED, result.outcome());
        assertEquals(Optional.of("\"v2\""), result.validators().etag());
        assertEquals(Optional.empty(), server.requests().get(0).header("If-Modified-Since"));
    }

    @Test
    void a304ToAnUnconditionalRequestIsAnError() {
        server.on("/InRelease", Reply.status(304));
        FetchException e = failure(request("/InRelease", 1000));
        assertEquals(FetchException.Kind.HTTP_STATUS, e.kind());
        assertEquals(OptionalInt.of(304), e.statusCode());
    }

    @ParameterizedTest
    @ValueSource(ints = {404, 410})
    void goneOrMissingIsNotFound(int status) throws IOException {
        server.on("/dists/trixie/InRelease", Reply.status(status).body("no such file".getBytes(StandardCharsets.US_ASCII)));
        URI uri = server.uri("/dists/trixie/InRelease");
        FetchResult result = fetch(FetchRequest.of(uri, partial.resolve("InRelease"), 1000));
        assertEquals(new FetchResult(FetchResult.Outcome.NOT_FOUND, 0, Validators.none(), uri, 1), result);
        assertEquals(List.of(), partialContents());
        assertEquals(1, server.requests().size(), "a 404 is an answer, not retried");
    }

    @Test
    void byHashPresentIsFetched() throws IOException {
        String byHash = "/dists/trixie/main/binary-amd64/by-hash/SHA256/" + "ab".repeat(32);
        server.on(byHash, Reply.ok(BODY));
        FetchResult result = fetch(request(byHash, 1000));
        assertEquals(FetchResult.Outcome.FETCHED, result.outcome());
        assertEquals(List.of(byHash), server.requests().stream().map(LoopbackServer.SeenRequest::path).toList());
    }

    @Test
    void byHashAbsentLetsTheCallerFallBackToThePlainPath() throws IOException {
        String byHash = "/dists/trixie/main/binary-amd64/by-hash/SHA256/" + "cd".repeat(32);
        String plain = "/dists/trixie/main/binary-amd64/Packages.xz";
        server.on(plain, Reply.ok(BODY));
        Fetcher fetcher = Fetchers.standard(policy);

        FetchResult first = fetcher.fetch(request(byHash, BODY.length));
        FetchResult second = fetcher.fetch(request(plain, BODY.length));

        assertEquals(FetchResult.Outcome.NOT_FOUND, first.outcome());
        assertEquals(FetchResult.Outcome.FETCHED, second.outcome());
        assertArrayEquals(BODY, Files.readAllBytes(partial.resolve("Packages.xz")));
        assertEquals(List.of("Packages.xz"), partialContents());
    }

    @Test
    void forbiddenIsFinalAtOnce() throws IOException {
        server.on("/InRelease", Reply.status(403));
        FetchException e = failure(request("/InRelease", 1000));
        assertEquals(FetchException.Kind.HTTP_STATUS, e.kind());
        assertEquals(OptionalInt.of(403), e.statusCode());
        assertEquals(1, e.attempts());
        assertEquals(server.uri("/InRelease") + ": http status 403", e.getMessage());
        assertEquals(1, server.requests().size(), "a 4xx is never retried");
        assertEquals(List.of(), sleeper.waits());
        assertEquals(List.of(), partialContents());
    }

    @Test
    void serverErrorsAreRetriedWithBackoffUntilSuccess() throws IOException {
        server.on("/InRelease", Reply.status(500), Reply.status(503), Reply.ok(BODY));
        FetchResult result = fetch(request("/InRelease", 1000));
        assertEquals(FetchResult.Outcome.FETCHED, result.outcome());
        assertEquals(3, result.attempts());
        assertEquals(3, server.requests().size());
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofSeconds(1)), sleeper.waits());
        assertArrayEquals(BODY, Files.readAllBytes(partial.resolve("Packages.xz")));
        assertEquals(List.of("Packages.xz"), partialContents());
    }

    @Test
    void serverErrorsGiveUpAfterTheLastAttempt() throws IOException {
        server.on("/InRelease", Reply.status(500).body("oops".getBytes(StandardCharsets.US_ASCII)));
        FetchException e = failure(request("/InRelease", 1000));
        assertEquals(FetchException.Kind.HTTP_STATUS, e.kind());
        assertEquals(OptionalInt.of(500), e.statusCode());
        assertEquals(3, e.attempts());
        assertEquals(server.uri("/InRelease") + ": http status 500 (3 attempts)", e.getMessage());
        assertEquals(3, server.requests().size());
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofSeconds(1)), sleeper.waits());
        assertEquals(List.of(), partialContents());
    }

    @Test
    void oneAttemptMeansNoRetry() {
        server.on("/InRelease", Reply.status(502));
        FetchException e = failure(policy.withMaxAttempts(1), request("/InRelease", 1000));
        assertEquals(1, e.attempts());
        assertEquals(1, server.requests().size());
        assertEquals(List.of(), sleeper.waits());
    }

    @Test
    void aConnectionCutMidBodyIsRetriedFromScratch() throws IOException {
        byte[] big = LoopbackServer.patternBytes(100_000);
        server.on("/Contents-amd64.gz", Reply.ok(big).cutAfter(40_000), Reply.ok(big));
        FetchResult result = fetch(request("/Contents-amd64.gz", big.length));
        assertEquals(2, result.attempts());
        assertArrayEquals(big, Files.readAllBytes(partial.resolve("Packages.xz")));
        assertEquals(List.of("Packages.xz"), partialContents());
        assertEquals(Optional.empty(), server.requests().get(1).header("Range"), "no Range: a retry starts over");
    }

    @Test
    void aConnectionAlwaysCutIsTruncatedAndLeavesNothing() throws IOException {
        server.on("/Packages.xz", Reply.ok(LoopbackServer.patternBytes(100_000)).cutAfter(40_000));
        FetchException e = failure(request("/Packages.xz", 200_000));
        assertEquals(FetchException.Kind.TRUNCATED, e.kind());
        assertEquals(3, e.attempts());
        assertEquals(server.uri("/Packages.xz") + ": connection closed after 40000 of 100000 bytes (3 attempts)",
                e.getMessage());
        assertEquals(List.of(), partialContents());
    }

    @Test
    void aLieInContentLengthIsTruncated() throws IOException {
        server.on("/Packages.xz", Reply.ok(BODY).declaring(BODY.length + 100));
        FetchException e = failure(policy.withMaxAttempts(1), request("/Packages.xz", 1000));
        assertEquals(FetchException.Kind.TRUNCATED, e.kind());
        assertEquals(List.of(), partialContents());
    }

    @Test
    void aCutWithoutContentLengthIsCaughtByTheExpectedSize() throws IOException {
        byte[] big = LoopbackServer.patternBytes(10_000);
        server.on("/Packages.xz", Reply.ok(big).withoutLength().cutAfter(4_000));
        FetchException e = failure(policy.withMaxAttempts(1), FetchRequest.ofSize(server.uri("/Packages.xz"),
                partial.resolve("Packages.xz"), big.length));
        assertEquals(FetchException.Kind.TRUNCATED, e.kind());
        assertEquals(server.uri("/Packages.xz") + ": body ended after 4000 bytes; expected 10000", e.getMessage());
        assertEquals(List.of(), partialContents());
    }

    @Test
    void aShorterContentLengthThanExpectedIsRefusedUnread() throws IOException {
        server.on("/Packages.xz", Reply.ok(BODY));
        FetchException e = failure(policy.withMaxAttempts(1), FetchRequest.ofSize(server.uri("/Packages.xz"),
                partial.resolve("Packages.xz"), BODY.length + 1));
        assertEquals(FetchException.Kind.TRUNCATED, e.kind());
        assertEquals(server.uri("/Packages.xz") + ": content-length " + BODY.length + " is less than the expected "
                + (BODY.length + 1) + " bytes", e.getMessage());
        assertEquals(List.of(), partialContents());
    }

    @Test
    void aStalledBodyTimesOut() throws IOException {
        server.on("/Contents-all.gz", Reply.ok(LoopbackServer.patternBytes(10_000)).stallAfter(1_000));
        FetchPolicy impatient = policy.withStallTimeout(Duration.ofMillis(300));

        FetchException e = failure(impatient, request("/Contents-all.gz", 10_000));

        assertEquals(FetchException.Kind.TIMEOUT, e.kind());
        assertEquals(server.uri("/Contents-all.gz") + ": no data for 300 ms (3 attempts)", e.getMessage());
        assertEquals(3, server.requests().size(), "a timeout is retried");
        assertEquals(List.of(), partialContents());
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws IOException {
        server.on("/InRelease", Reply.ok(BODY).delayed(LoopbackServer.PATIENCE));
        FetchPolicy impatient = policy.withResponseTimeout(Duration.ofMillis(300)).withMaxAttempts(1);

        FetchException e = failure(impatient, request("/InRelease", 1000));

        assertEquals(FetchException.Kind.TIMEOUT, e.kind());
        assertEquals(server.uri("/InRelease") + ": no response within 300 ms", e.getMessage());
        assertEquals(List.of(), partialContents());
    }

    @Test
    void anInterruptStopsTheDownloadAndLeavesNothing() throws Exception {
        Files.write(partial.resolve("Packages.xz"), OLD);
        server.on("/Packages.xz", Reply.ok(LoopbackServer.patternBytes(10_000)).stallAfter(1_000));
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread downloader = new Thread(() -> {
            try {
                Fetchers.standard(policy).fetch(request("/Packages.xz", 10_000));
            } catch (Throwable e) {
                thrown.set(e);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            }
        });
        downloader.start();
        long deadline = System.nanoTime() + LoopbackServer.PATIENCE.toNanos();
        while (server.requests().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        downloader.interrupt();
        downloader.join(LoopbackServer.PATIENCE.toMillis());

        assertFalse(downloader.isAlive(), "the download did not stop when interrupted");
        assertTrue(thrown.get() instanceof InterruptedIOException, String.valueOf(thrown.get()));
        assertEquals(server.uri("/Packages.xz") + ": download interrupted", thrown.get().getMessage());
        assertTrue(stillInterrupted.get(), "the interrupt status is set again");
        assertArrayEquals(OLD, Files.readAllBytes(partial.resolve("Packages.xz")));
        assertEquals(List.of("Packages.xz"), partialContents());
        assertEquals(1, server.requests().size(), "an interrupt is not retried");
    }

    @Test
    void aSlowButSteadyBodyIsNotAStall() throws IOException {
        // 12 pieces 200 ms apart take 2.4 s in all, longer than the stall timeout, but no gap comes near it
        byte[] body = LoopbackServer.patternBytes(1_200);
        server.on("/Packages", Reply.ok(body).trickling(100, Duration.ofMillis(200)));
        FetchPolicy stall = policy.withStallTimeout(Duration.ofSeconds(2)).withMaxAttempts(1);

        FetchResult result = fetch(stall, request("/Packages", body.length));

        assertEquals(FetchResult.Outcome.FETCHED, result.outcome());
        assertArrayEquals(body, Files.readAllBytes(partial.resolve("Packages.xz")));
    }

    @Test
    void aDeclaredLengthAboveTheBoundIsRefusedUnread() throws IOException, InterruptedException {
        long size = 64L << 20;
        server.on("/Contents-amd64.gz", Reply.status(200).generated(size));

        FetchException e = failure(request("/Contents-amd64.gz", 1000));

        assertEquals(FetchException.Kind.TOO_LARGE, e.kind());
        assertEquals(server.uri("/Contents-amd64.gz") + ": content-length " + size + " exceeds the limit of 1000 bytes",
                e.getMessage());
        assertEquals(1, server.requests().size(), "too large is final");
        Served served = server.awaitServed("/Contents-amd64.gz");
        assertFalse(served.complete(), "the client closed the connection instead of reading on: " + served);
        assertEquals(List.of(), partialContents());
    }

    @Test
    void aBodyGrowingPastTheBoundIsCutOff() throws IOException, InterruptedException {
        long size = 64L << 20;
        server.on("/Contents-amd64.gz", Reply.status(200).generated(size).withoutLength());

        FetchException e = failure(request("/Contents-amd64.gz", 100_000));

        assertEquals(FetchException.Kind.TOO_LARGE, e.kind());
        assertEquals(server.uri("/Contents-amd64.gz") + ": body exceeds the limit of 100000 bytes", e.getMessage());
        assertEquals(1, server.requests().size(), "too large is final");
        Served served = server.awaitServed("/Contents-amd64.gz");
        assertFalse(served.complete(), "the client closed the connection instead of reading on: " + served);
        assertEquals(List.of(), partialContents());
    }

    @Test
    void aBodyLongerThanTheExpectedSizeIsTooLarge() throws IOException {
        server.on("/Packages.xz", Reply.ok(BODY).withoutLength());
        FetchException e = failure(FetchRequest.ofSize(server.uri("/Packages.xz"), partial.resolve("Packages.xz"),
                BODY.length - 1));
        assertEquals(FetchException.Kind.TOO_LARGE, e.kind());
        assertEquals(List.of(), partialContents());
    }

    @Test
    void aFailedDownloadLeavesTheOldFileIntact() throws IOException {
        Files.write(partial.resolve("Packages.xz"), OLD);
        server.on("/Packages.xz", Reply.ok(LoopbackServer.patternBytes(50_000)).cutAfter(20_000));
        failure(request("/Packages.xz", 100_000));
        server.on("/Packages.xz", Reply.status(500));
        failure(request("/Packages.xz", 100_000));
        server.on("/Packages.xz", Reply.status(200).generated(1 << 20).withoutLength());
        failure(request("/Packages.xz", 100_000));

        assertArrayEquals(OLD, Files.readAllBytes(partial.resolve("Packages.xz")));
        assertEquals(List.of("Packages.xz"), partialContents());
    }

    @Test
    void aCompleteDownloadReplacesTheOldFile() throws IOException {
        Files.write(partial.resolve("Packages.xz"), OLD);
        server.on("/Packages.xz", Reply.ok(BODY));
        fetch(request("/Packages.xz", 1000));
        assertArrayEquals(BODY, Files.readAllBytes(partial.resolve("Packages.xz")));
        assertEquals(List.of("Packages.xz"), partialContents());
    }

    @Test
    void redirectsWithinHttpAreFollowed() throws IOException {
        server.on("/debian/dists/trixie/InRelease", Reply.redirect(301, "/mirror/dists/trixie/InRelease"));
        server.on("/mirror/dists/trixie/InRelease", Reply.redirect(307,
                server.uri("/final/dists/trixie/InRelease").toString()));
        server.on("/final/dists/trixie/InRelease", Reply.ok(BODY));
        Validators held = new Validators(Optional.of("\"v1\""), Optional.empty());

        FetchResult result = fetch(request("/debian/dists/trixie/InRelease", 1000).withPrevious(held));

        assertEquals(FetchResult.Outcome.FETCHED, result.outcome());
        assertEquals(server.uri("/final/dists/trixie/InRelease"), result.finalUri());
        assertEquals(1, result.attempts());
        assertArrayEquals(BODY, Files.readAllBytes(partial.resolve("Packages.xz")));
        assertEquals(Optional.of("\"v1\""), server.requests("/final/dists/trixie/InRelease").get(0)
                .header("If-None-Match"), "every hop is conditional");
    }

    @Test
    void aRedirectToAFileIsRefused() throws IOException {
        server.on("/InRelease", Reply.redirect(302, "file:/etc/passwd"));
        FetchException e = failure(request("/InRelease", 1_000_000));
        assertEquals(FetchException.Kind.REDIRECT_REFUSED, e.kind());
        assertEquals(server.uri("/InRelease") + ": redirect to \"file:/etc/passwd\" refused; expected an http or https uri",
                e.getMessage());
        assertEquals(1, server.requests().size(), "a refused redirect is final");
        assertEquals(List.of(), partialContents());
    }

    @Test
    void aRedirectToFtpIsRefused() {
        server.on("/InRelease", Reply.redirect(301, "ftp://127.0.0.1/debian/dists/trixie/InRelease"));
        assertEquals(FetchException.Kind.REDIRECT_REFUSED, failure(request("/InRelease", 1000)).kind());
    }

    @Test
    void aRedirectLoopEndsAtTheLimit() throws IOException {
        server.on("/a", Reply.redirect(302, "/b"));
        server.on("/b", Reply.redirect(302, "/a"));
        FetchException e = failure(request("/a", 1000));
        assertEquals(FetchException.Kind.REDIRECT_REFUSED, e.kind());
        assertEquals(server.uri("/b") + ": more than 5 redirects", e.getMessage());
        assertEquals(6, server.requests().size(), "the first request and five redirects");
        assertEquals(List.of(), partialContents());
    }

    @Test
    void aRedirectWithoutLocationIsRefused() {
        server.on("/InRelease", Reply.status(302));
        assertEquals(FetchException.Kind.REDIRECT_REFUSED, failure(request("/InRelease", 1000)).kind());
    }

    @Test
    void aRedirectToHttpsIsFollowed() throws IOException {
        int closedPort;
        try (ServerSocket nobody = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = nobody.getLocalPort();
        }
        server.on("/InRelease", Reply.redirect(301, "https://127.0.0.1:" + closedPort + "/InRelease"));
        FetchException e = failure(policy.withMaxAttempts(1), request("/InRelease", 1000));
        assertEquals(FetchException.Kind.CONNECTION, e.kind(), e.getMessage());
        assertEquals(URI.create("https://127.0.0.1:" + closedPort + "/InRelease"), e.uri());
    }

    @Test
    void aRefusedConnectionIsRetriedAndReported() throws IOException {
        int closedPort;
        try (ServerSocket nobody = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = nobody.getLocalPort();
        }
        URI uri = URI.create("http://127.0.0.1:" + closedPort + "/InRelease");
        FetchException e = failure(FetchRequest.of(uri, partial.resolve("InRelease"), 1000));
        assertEquals(FetchException.Kind.CONNECTION, e.kind());
        assertEquals(uri + ": connection refused (3 attempts)", e.getMessage());
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofSeconds(1)), sleeper.waits());
        assertEquals(List.of(), partialContents());
    }

    @Test
    void credentialsNeverReachTheMessage() {
        server.on("/InRelease", Reply.status(401));
        URI uri = URI.create(server.uri("/InRelease").toString().replace("http://", "http://user:secret@"));
        FetchException e = failure(FetchRequest.of(uri, partial.resolve("InRelease"), 1000));
        assertEquals(server.uri("/InRelease") + ": http status 401", e.getMessage());
    }

    @Test
    void unsupportedSchemesAreRefusedWithoutAConnection() {
        FetchException e = failure(FetchRequest.of(URI.create("ftp://127.0.0.1/debian/dists/trixie/InRelease"),
                partial.resolve("InRelease"), 1000));
        assertEquals(FetchException.Kind.UNSUPPORTED_SCHEME, e.kind());
        assertEquals("ftp://127.0.0.1/debian/dists/trixie/InRelease: scheme \"ftp\" is not supported; expected one of"
                + " file, http, https", e.getMessage());
    }
}
