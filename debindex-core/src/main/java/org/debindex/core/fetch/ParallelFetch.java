package org.debindex.core.fetch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs many downloads on a bounded number of threads, each on its own.
 *
 * <p>A repository update fetches dozens of index files; a few at a time hide the latency of each
 * request without hammering a mirror. Every request succeeds or fails by itself: one failure
 * cancels nothing, and the caller gets every outcome, in the order of the requests, to decide
 * what the failures mean (an all-or-nothing update keeps the old state when any failed).
 *
 * <p>Immutable and thread-safe; each {@link #fetchAll} call uses threads of its own, which are
 * gone when it returns.
 */
public final class ParallelFetch {

    private final Fetcher fetcher;
    private final int parallelism;

    /**
     * A runner of at most {@code parallelism} downloads at a time.
     *
     * @param fetcher     what does each download; must be thread-safe
     * @param parallelism the most downloads in flight, at least 1
     * @throws NullPointerException if {@code fetcher} is null
     * @throws IllegalArgumentException if {@code parallelism} is below 1
     */
    public ParallelFetch(Fetcher fetcher, int parallelism) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
        }
        this.parallelism = parallelism;
    }

    /** The most downloads in flight. */
    public int parallelism() {
        return parallelism;
    }

    /**
     * Runs every request and waits for all of them.
     *
     * @param requests the downloads; no two may share a destination
     * @return one outcome per request, in the same order
     * @throws InterruptedIOException if the calling thread is interrupted; the downloads in flight
     *                                are interrupted (and leave nothing behind) and the thread's
     *                                interrupt status is set again
     * @throws NullPointerException if the list or a request is null
     * @throws IllegalArgumentException if two requests have the same destination
     * @throws RuntimeException the first unchecked exception a download threw (a bug), after all
     *                          downloads have ended
     */
    public List<FetchOutcome> fetchAll(List<FetchRequest> requests) throws InterruptedIOException {
        List<FetchRequest> todo = List.copyOf(requests);
        requireDistinctDestinations(todo);
        if (todo.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, todo.size()), threads());
        try {
            List<Future<FetchOutcome>> running = new ArrayList<>(todo.size());
            for (FetchRequest request : todo) {
                running.add(pool.submit(() -> fetchOne(request)));
            }
            return collect(running);
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException("downloads interrupted");
            interrupted.initCause(e);
            throw interrupted;
        } finally {
            pool.shutdown();
        }
    }

    private FetchOutcome fetchOne(FetchRequest request) {
        try {
            return FetchOutcome.of(request, fetcher.fetch(request));
        } catch (IOException e) {
            return FetchOutcome.failed(request, e);
        }
    }

    private static List<FetchOutcome> collect(List<Future<FetchOutcome>> running) throws InterruptedException {
        List<FetchOutcome> outcomes = new ArrayList<>(running.size());
        RuntimeException bug = null;
        for (Future<FetchOutcome> future : running) {
            try {
                outcomes.add(future.get());
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof Error error) {
                    throw error;
                }
                if (bug == null) {
                    bug = cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
                }
            }
        }
        if (bug != null) {
            throw bug;
        }
        return List.copyOf(outcomes);
    }

    private static void requireDistinctDestinations(List<FetchRequest> requests) {
        Set<Path> seen = new HashSet<>();
        for (FetchRequest request : requests) {
            Path destination = request.destination().toAbsolutePath().normalize();
            if (!seen.add(destination)) {
                throw new IllegalArgumentException("two requests share the destination " + destination);
            }
        }
    }

    private static ThreadFactory threads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "debindex-fetch-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
