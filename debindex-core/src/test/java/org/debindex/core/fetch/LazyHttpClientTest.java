package org.debindex.core.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standard fetcher makes its HTTP client (TLS set-up and a selector thread) only for an http
 * or https request: a run of {@code file:} sources never starts one.
 */
class LazyHttpClientTest {

    @TempDir
    Path dir;

    /** The JDK's HTTP client runs one thread named HttpClient-N-SelectorManager per client. */
    private static Set<String> selectorThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName)
                .filter(name -> name.startsWith("HttpClient-") && name.endsWith("-SelectorManager"))
                .collect(Collectors.toSet());
    }

    @Test
    void fileFetchesMakeNoHttpClient() throws Exception {
        Set<String> before = selectorThreads();
        byte[] body = "Origin: Test\n".getBytes(StandardCharsets.UTF_8);
        Path source = Files.write(dir.resolve("Release"), body);
        Fetcher fetcher = Fetchers.standard(FetchPolicy.defaults());
        FetchResult result = fetcher.fetch(FetchRequest.ofSize(source.toUri(), dir.resolve("copy"), body.length));
        assertEquals(FetchResult.Outcome.FETCHED, result.outcome());
        assertEquals(Set.of(), difference(selectorThreads(), before));
    }

    @Test
    void anHttpRequestMakesOne() throws Exception {
        Set<String> before = selectorThreads();
        Fetcher fetcher = Fetchers.standard(FetchPolicy.defaults());
        assertEquals(Set.of(), difference(selectorThreads(), before));
        try (LoopbackServer server = LoopbackServer.start()) {
            server.on("/Release", LoopbackServer.Reply.ok("Origin: Test\n".getBytes(StandardCharsets.UTF_8)));
            fetcher.fetch(FetchRequest.of(server.uri("/Release"), dir.resolve("copy"), 1000));
        }
        assertEquals(1, difference(selectorThreads(), before).size());
    }

    private static Set<String> difference(Set<String> after, Set<String> before) {
        return after.stream().filter(name -> !before.contains(name)).collect(Collectors.toSet());
    }
}
