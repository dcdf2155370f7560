package org.debindex.core.fetch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.FileChannel;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * One HTTP request and its answer, watched for stalls.
 *
 * <p>The JDK's client has a connect timeout and a timeout for the response headers, but nothing
 * that notices a body which stops arriving: a server can send the headers and then nothing,
 * forever. So the body is not read by the calling thread; the client pushes it into a {@link
 * BoundedBody} on its own threads, and the calling thread, which waits for the answer anyway,
 * acts as the watchdog. It waits on the answer's future only until the moment the stall timeout
 * would run out since the last sign of life (the headers, or a piece of the body); each piece
 * moves that moment on. When it comes with no new piece, the watchdog aborts the body (which
 * cancels the subscription, and the client closes the connection) and reports {@link
 * FetchException.Kind#TIMEOUT}. No extra thread, no polling interval, and a body that is slow
 * but steady is never cut.
 *
 * <p>Before the headers the client's own timeouts apply; the watchdog then allows the connect
 * and response timeouts plus a second of grace, in case the client misses them, and cancels the
 * request itself. The arrival of the headers wakes it, to start the stall clock.
 *
 * <p>Used by one thread; the progress fields are written by the client's threads.
 */
final class Transfer {

    /** How much of the body of an answer without a file (3xx, 4xx, 5xx) is read and dropped. */
    static final long DISCARD_CAP = 64 * 1024;

    private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final URI uri;
    private final FetchRequest request;
    private final FileChannel file;
    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final Duration stall;
    private final Duration headerWait;
    /** Wakes the watchdog when the headers come, to change from the header clock to the stall clock. */
    private final CompletableFuture<Void> headersArrived = new CompletableFuture<>();
    private volatile long lastSignOfLife = System.nanoTime();
    private volatile BoundedBody body;
    private volatile OptionalLong contentLength = OptionalLong.empty();
    private volatile boolean abandoned;

    Transfer(URI uri, FetchRequest request, FileChannel file, FetchPolicy policy) {
        this.uri = uri;
        this.request = request;
        this.file = file;
        this.connectTimeout = policy.connectTimeout();
        this.responseTimeout = policy.responseTimeout();
        this.stall = policy.stallTimeout();
        this.headerWait = connectTimeout.plus(responseTimeout);
    }

    /** The body handler: picks where the body goes from the status and Content-Length. */
    HttpResponse.BodySubscriber<Long> subscriber(HttpResponse.ResponseInfo info) {
        touch();
        BoundedBody chosen = abandoned ? BoundedBody.discarding(0, () -> { }) : choose(info);
        body = chosen;
        headersArrived.complete(null);
        return chosen;
    }

    private BoundedBody choose(HttpResponse.ResponseInfo info) {
        if (info.statusCode() != 200) {
            return BoundedBody.discarding(DISCARD_CAP, this::touch);
        }
        OptionalLong declared = contentLength(info.headers());
        contentLength = declared;
        long limit = request.limit();
        if (declared.isPresent() && declared.getAsLong() > limit) {
            return BoundedBody.refusing(new FetchException(FetchException.Kind.TOO_LARGE, uri, "content-length "
                    + declared.getAsLong() + " exceeds the limit of " + limit + " bytes", null));
        }
        if (declared.isPresent() && request.expectedSize().isPresent()
                && declared.getAsLong() < request.expectedSize().get()) {
            return BoundedBody.refusing(new FetchException(FetchException.Kind.TRUNCATED, uri, "content-length "
                    + declared.getAsLong() + " is less than the expected " + request.expectedSize().get()
                    + " bytes", null));
        }
        return BoundedBody.toFile(file, limit, () -> new FetchException(FetchException.Kind.TOO_LARGE, uri,
                "body exceeds the limit of " + limit + " bytes", null), this::touch);
    }

    private static OptionalLong contentLength(HttpHeaders headers) {
        try {
            return headers.firstValueAsLong("Content-Length");
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private void touch() {
        lastSignOfLife = System.nanoTime();
    }

    /**
     * Waits for the answer, complete with its body, and turns every failure into a {@link
     * FetchException} (or a plain {@link IOException} for a local write failure).
     */
    HttpResponse<Long> await(CompletableFuture<HttpResponse<Long>> answer) throws IOException {
        while (true) {
            boolean headersSeen = body != null;
            long allowed = headersSeen ? stall.toNanos() : headerWait.toNanos() + GRACE_NANOS;
            long idle = System.nanoTime() - lastSignOfLife;
            if (idle >= allowed) {
                throw abandon(answer, new FetchException(FetchException.Kind.TIMEOUT, uri, headersSeen
                        ? "no data for " + UriText.duration(stall)
                        : "no response within " + UriText.duration(responseTimeout), null));
            }
            try {
                if (headersSeen) {
                    return answer.get(allowed - idle, TimeUnit.NANOSECONDS);
                }
                CompletableFuture.anyOf(answer, headersArrived).get(allowed - idle, TimeUnit.NANOSECONDS);
                if (answer.isDone()) {
                    return answer.get();
                }
            } catch (TimeoutException e) {
                // the last sign of life may have moved on while we waited: look again
            } catch (ExecutionException e) {
                throw classify(e.getCause());
            } catch (InterruptedException e) {
                abandon(answer, new FetchException(FetchException.Kind.CONNECTION, uri, "interrupted", e));
                Thread.currentThread().interrupt();
                InterruptedIOException interrupted = new InterruptedIOException(UriText.display(uri)
                        + ": download interrupted");
                interrupted.initCause(e);
                throw interrupted;
            }
        }
    }

    private FetchException abandon(CompletableFuture<HttpResponse<Long>> answer, FetchException reason) {
        abandoned = true;
        BoundedBody current = body;
        if (current != null) {
            current.abort(reason);
        }
        answer.cancel(true);
        return reason;
    }

    private IOException classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof FetchException e) {
                return e;
            }
        }
        BoundedBody current = body;
        if (current != null && current.localFailure().isPresent()) {
            IOException local = current.localFailure().get();
            return new IOException(UriText.display(uri) + ": cannot write the download: " + local.getMessage(), local);
        }
        if (find(failure, HttpConnectTimeoutException.class) != null) {
            return new FetchException(FetchException.Kind.TIMEOUT, uri, "no connection within "
                    + UriText.duration(connectTimeout), failure);
        }
        if (find(failure, HttpTimeoutException.class) != null) {
            return new FetchException(FetchException.Kind.TIMEOUT, uri, "no response within "
                    + UriText.duration(responseTimeout), failure);
        }
        if (current != null && current.isFile()) {
            OptionalLong declared = contentLength;
            return new FetchException(FetchException.Kind.TRUNCATED, uri, "connection closed after "
                    + current.received() + (declared.isPresent() ? " of " + declared.getAsLong() : "") + " bytes",
                    failure);
        }
        return new FetchException(FetchException.Kind.CONNECTION, uri, describe(failure), failure);
    }

    private static String describe(Throwable failure) {
        ConnectException refused = find(failure, ConnectException.class);
        if (refused != null) {
            return refused.getMessage() == null ? "connection refused" : "cannot connect: " + oneLine(refused);
        }
        if (find(failure, UnresolvedAddressException.class) != null || find(failure, UnknownHostException.class) != null) {
            return "unknown host";
        }
        SSLException tls = find(failure, SSLException.class);
        if (tls != null) {
            return "tls failed: " + oneLine(tls);
        }
        return "connection failed: " + oneLine(failure);
    }

    private static String oneLine(Throwable t) {
        String message = t.getMessage();
        String text = message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
        return text.replaceAll("\\s+", " ").strip();
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
