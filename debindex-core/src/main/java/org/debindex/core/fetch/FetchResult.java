package org.debindex.core.fetch;

import java.net.URI;
import java.util.Objects;

/**
 * What a download came to when it did not fail.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param outcome      what happened
 * @param bytesWritten how many bytes are now at the destination; 0 unless {@link
 *                     Outcome#FETCHED}
 * @param validators   the server's validators of the file: those of the new copy when fetched,
 *                     those of the held copy (updated by the 304 answer) when not modified, none
 *                     when not found
 * @param finalUri     the URI that answered, after any redirects
 * @param attempts     how many attempts it took, at least 1
 */
public record FetchResult(Outcome outcome, long bytesWritten, Validators validators, URI finalUri, int attempts) {

    /** What happened. */
    public enum Outcome {
        /** The body was complete and is now at the destination. */
        FETCHED,
        /** The server said the held copy is current (304); nothing was written. */
        NOT_MODIFIED,
        /**
         * The server has no such file (404 or 410; a missing {@code file:} path); nothing was
         * written. Normal for a caller that falls back, from {@code InRelease} to {@code Release}
         * or from a {@code by-hash} path to the plain one (trust-chain.md §2B and §2G).
         */
        NOT_FOUND
    }

    /**
     * Validates the components.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code bytesWritten} is negative, or not 0 for an
     *                                  outcome that writes nothing, or {@code attempts} is below 1
     */
    public FetchResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(validators, "validators");
        Objects.requireNonNull(finalUri, "finalUri");
        if (bytesWritten < 0) {
            throw new IllegalArgumentException("bytesWritten must not be negative: " + bytesWritten);
        }
        if (outcome != Outcome.FETCHED && bytesWritten != 0) {
            throw new IllegalArgumentException("bytesWritten must be 0 when " + outcome + ": " + bytesWritten);
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be positive: " + attempts);
        }
    }

    /** Whether new bytes are at the destination. */
    public boolean isFetched() {
        return outcome == Outcome.FETCHED;
    }
}
