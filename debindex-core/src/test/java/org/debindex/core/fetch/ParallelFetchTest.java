package org.debindex.core.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.debindex.core.fetch.LoopbackServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many downloads on a few threads: the bound holds, the order is kept, failures stay apart. */
class ParallelFetchTest {

    @TempDir
    Path partial;

    private LoopbackServer server;
    private Fetcher fetcher;

    @BeforeEach
    void start() throws IOException {
        server = LoopbackServer.start();
        fetcher = Fetchers.standard(FetchPolicy.defaults().withBackoff(Duration.ofMillis(500), new RecordingSleeper()));
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    private static byte[] body(int i) {
        return ("Package: p" + i + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void neverMoreInFlightThanTheParallelismAndResultsInOrder() throws IOException {
        List<FetchRequest> requests = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            // the first three wait for each other, so all three must be in flight together once;
            // the rest keep the server busy a little, so that a fourth in flight would be seen
            Reply reply = Reply.ok(body(i));
            reply = i < 3 ? reply.heldUntilInFlight(3) : reply.delayed(Duration.ofMillis(20));
            server.on("/p" + i, reply);
            requests.add(FetchRequest.of(server.uri("/p" + i), partial.resolve("p" + i), 1000));
        }

        List<FetchOutcome> outcomes = assertTimeoutPreemptively(LoopbackServer.PATIENCE,
                () -> new ParallelFetch(fetcher, 3).fetchAll(requests));

        assertEquals(3, server.maxInFlight());
        assertEquals(20, server.requests().size());
        assertEquals(requests, outcomes.stream().map(FetchOutcome::request).toList());
        for (int i = 0; i < 20; i++) {
            assertEquals(FetchResult.Outcome.FETCHED, outcomes.get(i).resultOrThrow().outcome());
            assertArrayEquals(body(i), Files.readAllBytes(partial.resolve("p" + i)));
        }
    }

    @Test
    void eachRequestSucceedsOrFailsOnItsOwn() throws IOException {
        server.on("/ok", Reply.ok(body(1)));
        server.on("/forbidden", Reply.status(403));
        server.on("/large", Reply.ok(new byte[2000]));
        List<FetchRequest> requests = List.of(
                FetchRequest.of(server.uri("/forbidden"), partial.resolve("a"), 1000),
                FetchRequest.of(server.uri("/ok"), partial.resolve("b"), 1000),
                FetchRequest.of(server.uri("/missing"), partial.resolve("c"), 1000),
                FetchRequest.of(server.uri("/large"), partial.resolve("d"), 1000));

        List<FetchOutcome> outcomes = assertTimeoutPreemptively(LoopbackServer.PATIENCE,
                () -> new ParallelFetch(fetcher, 2).fetchAll(requests));

        assertEquals(FetchException.Kind.HTTP_STATUS,
                ((FetchException) outcomes.get(0).failure().orElseThrow()).kind());
        assertEquals(FetchResult.Outcome.FETCHED, outcomes.get(1).resultOrThrow().outcome());
        assertEquals(FetchResult.Outcome.NOT_FOUND, outcomes.get(2).resultOrThrow().outcome());
        FetchException large = assertThrows(FetchException.class, outcomes.get(3)::resultOrThrow);
        assertEquals(FetchException.Kind.TOO_LARGE, large.kind());
        try (var files = Files.list(partial)) {
            assertEquals(List.of(partial.resolve("b")), files.toList());
        }
    }

    @Test
    void noRequestsNoThreads() throws IOException {
        assertEquals(List.of(), new ParallelFetch(fetcher, 4).fetchAll(List.of()));
    }

    @Test
    void twoRequestsForOneDestinationAreRefused() {
        List<FetchRequest> requests = List.of(
                FetchRequest.of(server.uri("/a"), partial.resolve("x"), 10),
                FetchRequest.of(server.uri("/b"), partial.resolve("y/../x"), 10));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ParallelFetch(fetcher, 2).fetchAll(requests));
        assertEquals("two requests share the destination " + partial.resolve("x"), e.getMessage());
    }

    @Test
    void parallelismMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ParallelFetch(fetcher, 0));
        assertEquals("parallelism must be at least 1: 0", e.getMessage());
    }

    @Test
    void aBugInAFetcherIsNotSwallowed() {
        Fetcher broken = request -> {
            throw new IllegalStateException("bug");
        };
        List<FetchRequest> requests = List.of(FetchRequest.of(server.uri("/a"), partial.resolve("a"), 10));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new ParallelFetch(broken, 2).fetchAll(requests));
        assertEquals("bug", e.getMessage());
    }
}
