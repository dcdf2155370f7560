/**
 * Bounded, all-or-nothing downloads of repository files: {@code file:} URIs (a local mirror tree)
 * and {@code http:}/{@code https:} with the JDK's {@link java.net.http.HttpClient}.
 *
 * <p>A {@link org.debindex.core.fetch.FetchRequest} names the URI, the destination (a file in
 * the cache's {@code partial/} directory), a hard size bound and, when known, the exact size a
 * Release lists. A {@link org.debindex.core.fetch.Fetcher} (made by {@link
 * org.debindex.core.fetch.Fetchers}) writes the body to a temporary file beside the destination
 * and renames it into place only when it is complete, so a failed download never leaves a file
 * and never damages the one already there. The answers a caller branches on are results ({@link
 * org.debindex.core.fetch.FetchResult}: fetched, not modified, not found); everything else is a
 * {@link org.debindex.core.fetch.FetchException} with a kind and a one-line message.
 *
 * <p>{@link org.debindex.core.fetch.FetchPolicy} sets the timeouts (connect, response headers,
 * and a stall timeout for the body, which the JDK client lacks), the retries with exponential
 * back-off for failures that may pass, and the redirect limit; redirects are followed only
 * within http and https, never down from https. Requests are conditional ({@code
 * If-None-Match}, {@code If-Modified-Since}) when the caller has the validators of its copy, so
 * an unchanged repository costs one small request. {@link org.debindex.core.fetch.ParallelFetch}
 * runs many downloads on a bounded number of threads.
 *
 * <p>{@link org.debindex.core.fetch.AptListsFetcher} serves a source's files from the lists apt
 * has already downloaded, by apt's file names ({@link org.debindex.core.fetch.AptListNames}).
 *
 * <p>Checking the downloaded bytes against the Release is not done here; see {@code
 * org.debindex.core.trust}.
 */
package org.debindex.core.fetch;
