package org.debindex.core.fetch;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Supplier;

/**
 * Receives one response body from the HTTP client: into a file up to a bound, or into nowhere.
 *
 * <p>The client pushes the body in pieces; each piece is written whole or not at all, so the file
 * never holds a byte beyond the bound: the piece that would cross it fails the body with {@link
 * FetchException.Kind#TOO_LARGE} and cancels the subscription, which makes the client close the
 * connection instead of reading the rest. A body whose Content-Length is already too large is
 * refused before its first byte ({@link #refusing}). Bodies of answers that carry no file (3xx,
 * 4xx, 5xx) are read up to a small cap and dropped, so that a server cannot keep a failed request
 * busy forever.
 *
 * <p>Every piece reports progress to the {@link Transfer}'s stall watchdog, which may {@link
 * #abort} the body from its own thread. The lock makes writes and the abort exclusive: after
 * {@code abort} returns nothing is written any more, so the owner may close and delete the file.
 * The subscription is cancelled outside the lock, since the client may call back into this
 * object while cancelling.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<Long> {

    private final Object lock = new Object();
    private final Optional<FileChannel> channel;
    private final long limit;
    private final Supplier<FetchException> overflow;
    private final Runnable progress;
    private final CompletableFuture<Long> result = new CompletableFuture<>();
    private Flow.Subscription subscription;
    private long received;
    private boolean finished;
    private IOException localFailure;

    private BoundedBody(Optional<FileChannel> channel, long limit, Supplier<FetchException> overflow,
            Runnable progress) {
        this.channel = channel;
        this.limit = limit;
        this.overflow = overflow;
        this.progress = progress;
    }

    /** A body written to {@code channel}; more than {@code limit} bytes fail with {@code overflow}. */
    static BoundedBody toFile(FileChannel channel, long limit, Supplier<FetchException> overflow,
            Runnable progress) {
        return new BoundedBody(Optional.of(channel), limit, overflow, progress);
    }

    /** A body that is dropped; after {@code cap} bytes the rest is not read. */
    static BoundedBody discarding(long cap, Runnable progress) {
        return new BoundedBody(Optional.empty(), cap, null, progress);
    }

    /** A body that is refused before its first byte. */
    static BoundedBody refusing(FetchException reason) {
        BoundedBody body = new BoundedBody(Optional.empty(), 0, null, () -> { });
        body.finished = true;
        body.result.completeExceptionally(reason);
        return body;
    }

    @Override
    public CompletionStage<Long> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        boolean cancel;
        synchronized (lock) {
            cancel = finished || subscription != null;
            if (!cancel) {
                subscription = s;
            }
        }
        if (cancel) {
            s.cancel();
        } else {
            s.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> pieces) {
        Flow.Subscription s;
        boolean more;
        synchronized (lock) {
            if (finished) {
                return;
            }
            s = subscription;
            more = accept(pieces);
        }
        if (more) {
            progress.run();
            s.request(1);
        } else {
            s.cancel();
        }
    }

    /** Writes the pieces; false when the body is finished (bound reached or a write failed). */
    private boolean accept(List<ByteBuffer> pieces) {
        for (ByteBuffer piece : pieces) {
            int n = piece.remaining();
            if (n > limit - received) {
                finished = true;
                if (channel.isPresent()) {
                    result.completeExceptionally(overflow.get());
                } else {
                    result.complete(received);
                }
                return false;
            }
            if (channel.isPresent()) {
                try {
                    FileChannel out = channel.get();
                    while (piece.hasRemaining()) {
                        out.write(piece);
                    }
                } catch (IOException e) {
                    finished = true;
                    localFailure = e;
                    result.completeExceptionally(e);
                    return false;
                }
            }
            received += n;
        }
        return true;
    }

    @Override
    public void onError(Throwable failure) {
        synchronized (lock) {
            if (finished) {
                return;
            }
            finished = true;
            result.completeExceptionally(failure);
        }
    }

    @Override
    public void onComplete() {
        synchronized (lock) {
            if (finished) {
                return;
            }
            finished = true;
            result.complete(received);
        }
    }

    /**
     * Ends the body with {@code reason} unless it has already ended; waits for a write in
     * progress, so nothing is written after this returns.
     */
    void abort(FetchException reason) {
        Flow.Subscription s;
        synchronized (lock) {
            if (finished) {
                return;
            }
            finished = true;
            s = subscription;
            result.completeExceptionally(reason);
        }
        if (s != null) {
            s.cancel();
        }
    }

    /** Whether the body goes to a file (a 200 answer within the bound). */
    boolean isFile() {
        return channel.isPresent();
    }

    /** Bytes accepted so far. */
    long received() {
        synchronized (lock) {
            return received;
        }
    }

    /** The local write failure that ended the body, if one did. */
    Optional<IOException> localFailure() {
        synchronized (lock) {
            return Optional.ofNullable(localFailure);
        }
    }
}
