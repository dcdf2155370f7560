package org.debindex.core.fetch;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * How one request of a {@link ParallelFetch} ended: a result or a failure, never both.
 *
 * <p>Instances are immutable and thread-safe (the failure is an exception object; it is not
 * changed after it is stored here).
 *
 * @param request the request
 * @param result  its result, when it did not fail
 * @param failure why it failed, otherwise
 */
public record FetchOutcome(FetchRequest request, Optional<FetchResult> result, Optional<IOException> failure) {

    /**
     * Validates the components.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException unless exactly one of {@code result} and {@code failure}
     *                                  is present
     */
    public FetchOutcome {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(failure, "failure");
        if (result.isPresent() == failure.isPresent()) {
            throw new IllegalArgumentException("exactly one of result and failure must be present: " + result + ", "
                    + failure);
        }
    }

    /**
     * A request that ended with a result.
     *
     * @throws NullPointerException if an argument is null
     */
    public static FetchOutcome of(FetchRequest request, FetchResult result) {
        return new FetchOutcome(request, Optional.of(result), Optional.empty());
    }

    /**
     * A request that failed.
     *
     * @throws NullPointerException if an argument is null
     */
    public static FetchOutcome failed(FetchRequest request, IOException failure) {
        return new FetchOutcome(request, Optional.empty(), Optional.of(failure));
    }

    /** Whether the request ended with a result (fetched, not modified or not found). */
    public boolean hasResult() {
        return result.isPresent();
    }

    /**
     * The result, or the failure thrown.
     *
     * @return the result
     * @throws IOException the failure, if the request failed
     */
    public FetchResult resultOrThrow() throws IOException {
        if (failure.isPresent()) {
            throw failure.get();
        }
        return result.get();
    }
}
