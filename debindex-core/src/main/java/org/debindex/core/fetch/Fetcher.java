package org.debindex.core.fetch;

import java.io.IOException;

/**
 * Downloads one URI to a file, bounded and all-or-nothing.
 *
 * <p>Every implementation keeps these promises: at most {@link FetchRequest#limit()} bytes are
 * written; the destination is changed only by moving a complete download onto it in one atomic
 * rename; a download that fails, for whatever reason (including an interrupt), leaves the
 * destination as it was and no temporary file behind. Implementations are thread-safe, so one
 * fetcher may serve {@link ParallelFetch}.
 */
@FunctionalInterface
public interface Fetcher {

    /**
     * Downloads {@code request.uri()} to {@code request.destination()}.
     *
     * @param request what to fetch, where to, and within which bounds
     * @return {@link FetchResult.Outcome#FETCHED} with the bytes at the destination, {@link
     *         FetchResult.Outcome#NOT_MODIFIED} or {@link FetchResult.Outcome#NOT_FOUND}
     * @throws FetchException if the download failed (after any retries the fetcher makes)
     * @throws java.io.InterruptedIOException if the thread was interrupted; its interrupt status
     *                                        is set again
     * @throws IOException if a local file could not be read or written
     * @throws NullPointerException if {@code request} is null
     */
    FetchResult fetch(FetchRequest request) throws IOException;
}
