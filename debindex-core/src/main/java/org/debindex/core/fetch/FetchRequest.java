package org.debindex.core.fetch;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One download: where from, where to, and how big it may be.
 *
 * <p>The destination is a file in the cache's {@code partial/} directory (design.md, "Cache
 * layout"); the fetcher writes a temporary file beside it and moves it to the destination in one
 * atomic rename only when the body is complete, so a half file never carries the final name and
 * an older file there is replaced only by a complete one. Whether the bytes are the right ones is
 * the caller's check (size and digests against the verified Release) before it moves them out of
 * {@code partial/}.
 *
 * <p>The size bound is hard: a Content-Length above it is refused before the body is read, and a
 * body that grows past it is cut off without writing a byte beyond it. When the size is known
 * (every index file's size is listed in the Release), {@link #expectedSize()} makes it exact: the
 * bound becomes that size and a shorter body is {@link FetchException.Kind#TRUNCATED}.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param uri          an absolute {@code http:}, {@code https:} or {@code file:} URI
 * @param destination  where a complete download is placed; its directory must exist
 * @param maxBytes     the most bytes the body may have
 * @param expectedSize the exact size, when it is known; at most {@code maxBytes}
 * @param previous     the validators of the copy already held, for a conditional request
 */
public record FetchRequest(URI uri, Path destination, long maxBytes, Optional<Long> expectedSize,
        Optional<Validators> previous) {

    /**
     * Validates the components.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code uri} is not absolute, {@code destination} has no
     *                                  file name, {@code maxBytes} is negative, or {@code
     *                                  expectedSize} is negative or above {@code maxBytes}
     */
    public FetchRequest {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(expectedSize, "expectedSize");
        Objects.requireNonNull(previous, "previous");
        if (!uri.isAbsolute()) {
            throw new IllegalArgumentException("uri must be absolute: " + UriText.display(uri));
        }
        if (destination.getFileName() == null) {
            throw new IllegalArgumentException("destination must name a file: " + destination);
        }
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must not be negative: " + maxBytes);
        }
        if (expectedSize.isPresent()) {
            long size = expectedSize.get();
            if (size < 0 || size > maxBytes) {
                throw new IllegalArgumentException("expectedSize must be between 0 and maxBytes " + maxBytes + ": "
                        + size);
            }
        }
    }

    /**
     * A request with a bound only: no expected size, no validators.
     *
     * @param uri         where from
     * @param destination where to
     * @param maxBytes    the most bytes accepted
     * @return the request
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException as the canonical constructor
     */
    public static FetchRequest of(URI uri, Path destination, long maxBytes) {
        return new FetchRequest(uri, destination, maxBytes, Optional.empty(), Optional.empty());
    }

    /**
     * A request for a file whose size is known, as a Release lists it: the size is both the
     * bound and the exact length expected.
     *
     * @param uri         where from
     * @param destination where to
     * @param size        the listed size
     * @return the request
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException as the canonical constructor
     */
    public static FetchRequest ofSize(URI uri, Path destination, long size) {
        return new FetchRequest(uri, destination, size, Optional.of(size), Optional.empty());
    }

    /**
     * This request, made conditional on the copy described by {@code validators}.
     *
     * @param validators what the server said about the copy held
     * @return the new request; this one is unchanged
     * @throws NullPointerException if {@code validators} is null
     */
    public FetchRequest withPrevious(Validators validators) {
        Objects.requireNonNull(validators, "validators");
        return new FetchRequest(uri, destination, maxBytes, expectedSize, Optional.of(validators));
    }

    /**
     * This request with an exact expected size.
     *
     * @param size the expected size
     * @return the new request; this one is unchanged
     * @throws IllegalArgumentException if {@code size} is negative or above {@link #maxBytes()}
     */
    public FetchRequest withExpectedSize(long size) {
        return new FetchRequest(uri, destination, maxBytes, Optional.of(size), previous);
    }

    /** The most bytes that will be written: the expected size when known, else the bound. */
    public long limit() {
        return expectedSize.orElse(maxBytes);
    }

    /** The validators that make the request conditional; empty validators are as none. */
    Optional<Validators> conditional() {
        return previous.filter(v -> !v.isEmpty());
    }
}
