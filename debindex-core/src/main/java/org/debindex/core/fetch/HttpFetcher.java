package org.debindex.core.fetch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Downloads over http and https with the JDK's HTTP client, bounded, retried and watched.
 *
 * <p>One attempt sends a GET (conditional when the request carries validators), follows up to
 * {@link FetchPolicy#maxRedirects()} acceptable redirects ({@link Redirects}), and writes a 200
 * body through a {@link Transfer} into a {@link PartialFile}, renamed onto the destination only
 * when complete. A failed attempt that may pass ({@link FetchException#isRetryable()}) is tried
 * again from the start after the policy's back-off; Range requests are not used, so a retry never
 * stitches two versions of a file together.
 *
 * <p>The request asks for {@code Accept-Encoding: identity}: index files are compressed already
 * and their Release digests cover the bytes as stored, so a transfer encoding must not change
 * them. The client speaks HTTP/1.1 (no h2c upgrade to surprise old mirrors) and follows no
 * redirect itself.
 *
 * <p>Thread-safe: the client, made on the first request, is shared; every download has its own
 * state.
 */
final class HttpFetcher implements Fetcher {

    private final FetchPolicy policy;
    /** Made by the first request: building it sets up TLS (the default SSLContext reads the trust
     *  store) and starts a selector thread, about 0.2 s that a run of {@code file:} sources only
     *  would spend for nothing. */
    private volatile HttpClient client;

    HttpFetcher(FetchPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    private HttpClient client() {
        HttpClient made = client;
        if (made == null) {
            synchronized (this) {
                made = client;
                if (made == null) {
                    made = HttpClient.newBuilder()
                            .version(HttpClient.Version.HTTP_1_1)
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .connectTimeout(policy.connectTimeout())
                            .build();
                    client = made;
                }
            }
        }
        return made;
    }

    @Override
    public FetchResult fetch(FetchRequest request) throws IOException {
        Objects.requireNonNull(request, "request");
        requireHttp(request.uri());
        for (int attempt = 1;; attempt++) {
            try {
                return attempt(request, attempt);
            } catch (FetchException e) {
                if (!e.isRetryable() || attempt >= policy.maxAttempts()) {
                    throw attempt > 1 ? e.afterAttempts(attempt) : e;
                }
                pause(request.uri(), policy.backoff(attempt));
            }
        }
    }

    private void pause(URI uri, Duration wait) throws InterruptedIOException {
        try {
            policy.sleeper().sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException(UriText.display(uri)
                    + ": download interrupted");
            interrupted.initCause(e);
            throw interrupted;
        }
    }

    private FetchResult attempt(FetchRequest request, int attempt) throws IOException {
        try (PartialFile partial = PartialFile.create(request.destination())) {
            URI current = request.uri();
            for (int redirects = 0;; redirects++) {
                HttpResponse<Long> answer = exchange(current, request, partial);
                int status = answer.statusCode();
                if (status == 200) {
                    long bytes = answer.body();
                    checkSize(current, request, bytes);
                    partial.commit();
                    return new FetchResult(FetchResult.Outcome.FETCHED, bytes, validators(answer, Validators.none()),
                            current, attempt);
                }
                if (status == 304 && request.conditional().isPresent()) {
                    return new FetchResult(FetchResult.Outcome.NOT_MODIFIED, 0,
                            validators(answer, request.conditional().get()), current, attempt);
                }
                if (status == 404 || status == 410) {
                    return new FetchResult(FetchResult.Outcome.NOT_FOUND, 0, Validators.none(), current, attempt);
                }
                if (!Redirects.STATUSES.contains(status)) {
                    throw FetchException.httpStatus(current, status);
                }
                current = Redirects.next(current, answer.headers().firstValue("Location"), redirects,
                        policy.maxRedirects());
            }
        }
    }

    private HttpResponse<Long> exchange(URI uri, FetchRequest request, PartialFile partial) throws IOException {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(uri);
        } catch (IllegalArgumentException e) {
            throw new FetchException(FetchException.Kind.UNSUPPORTED_SCHEME, uri, "not a usable http uri", e);
        }
        builder.GET()
                .timeout(policy.responseTimeout())
                .header("User-Agent", policy.userAgent())
                .header("Accept-Encoding", "identity");
        request.conditional().ifPresent(previous -> {
            previous.etag().ifPresent(etag -> builder.header("If-None-Match", etag));
            previous.lastModified().ifPresent(date -> builder.header("If-Modified-Since", date));
        });
        Transfer transfer = new Transfer(uri, request, partial.channel(), policy);
        return transfer.await(client().sendAsync(builder.build(), transfer::subscriber));
    }

    private static void checkSize(URI uri, FetchRequest request, long bytes) throws FetchException {
        Optional<Long> expected = request.expectedSize();
        if (expected.isPresent() && bytes < expected.get()) {
            throw new FetchException(FetchException.Kind.TRUNCATED, uri, "body ended after " + bytes
                    + " bytes; expected " + expected.get(), null);
        }
    }

    private static Validators validators(HttpResponse<?> answer, Validators fallback) {
        Optional<String> etag = answer.headers().firstValue("ETag").filter(Validators::isUsable);
        Optional<String> lastModified = answer.headers().firstValue("Last-Modified").filter(Validators::isUsable);
        return new Validators(etag.or(fallback::etag), lastModified.or(fallback::lastModified));
    }

    /** Refuses, before any connection, a URI the HTTP client cannot use. */
    private static void requireHttp(URI uri) throws FetchException {
        String scheme = UriText.scheme(uri);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw Fetchers.unsupported(uri, "http, https");
        }
        if (uri.getHost() == null) {
            throw new FetchException(FetchException.Kind.UNSUPPORTED_SCHEME, uri, "http uri without a host", null);
        }
    }
}
