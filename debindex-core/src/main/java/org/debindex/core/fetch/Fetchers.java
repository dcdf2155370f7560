package org.debindex.core.fetch;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.debindex.core.MalformedInputException;

/**
 * The fetchers debindex provides, and dispatch by URI scheme.
 *
 * <p>{@link #standard(FetchPolicy)} handles the three schemes apt sources use here: {@code
 * file:} (a local mirror tree), {@code http:} and {@code https:} (the JDK's {@link
 * java.net.http.HttpClient}).
 */
public final class Fetchers {

    private Fetchers() {
    }

    /**
     * The fetcher for {@code file:}, {@code http:} and {@code https:} URIs; any other scheme fails
     * with {@link FetchException.Kind#UNSUPPORTED_SCHEME}.
     *
     * @param policy timeouts, retries and redirects for http and https
     * @return a thread-safe fetcher holding one HTTP client, whose connections it reuses; the
     *     client is made by the first http or https request, so {@code file:} sources alone never
     *     set up TLS
     * @throws NullPointerException if {@code policy} is null
     */
    public static Fetcher standard(FetchPolicy policy) {
        Fetcher http = http(policy);
        return forSchemes(Map.of("file", file(), "http", http, "https", http));
    }

    /**
     * The fetcher for {@code http:} and {@code https:} URIs only.
     *
     * @param policy timeouts, retries and redirects
     * @return a thread-safe fetcher with its own HTTP client, made by its first request
     * @throws NullPointerException if {@code policy} is null
     */
    public static Fetcher http(FetchPolicy policy) {
        return new HttpFetcher(policy);
    }

    /**
     * The fetcher for {@code file:} URIs only: a bounded copy of a local file, without retries
     * (a local read does not get better by waiting).
     *
     * @return a stateless, thread-safe fetcher
     */
    public static Fetcher file() {
        return new FileFetcher();
    }

    /**
     * A fetcher that hands each request to the fetcher registered for its URI's scheme; any other
     * scheme fails with {@link FetchException.Kind#UNSUPPORTED_SCHEME}.
     *
     * @param byScheme fetchers by scheme name (matched without regard to case)
     * @return a fetcher, thread-safe when every fetcher in the map is
     * @throws NullPointerException if the map, a key or a value is null
     * @throws IllegalArgumentException if two keys differ only in case
     */
    public static Fetcher forSchemes(Map<String, Fetcher> byScheme) {
        Map<String, Fetcher> table = new TreeMap<>();
        byScheme.forEach((scheme, fetcher) -> {
            String key = Objects.requireNonNull(scheme, "scheme").toLowerCase(Locale.ROOT);
            if (table.put(key, Objects.requireNonNull(fetcher, "fetcher")) != null) {
                throw new IllegalArgumentException("scheme given twice: " + scheme);
            }
        });
        Map<String, Fetcher> frozen = Map.copyOf(table);
        String expected = String.join(", ", table.keySet());
        return request -> {
            Objects.requireNonNull(request, "request");
            Fetcher fetcher = frozen.get(UriText.scheme(request.uri()));
            if (fetcher == null) {
                throw unsupported(request.uri(), expected);
            }
            return fetcher.fetch(request);
        };
    }

    static FetchException unsupported(URI uri, String expected) {
        return new FetchException(FetchException.Kind.UNSUPPORTED_SCHEME, uri, "scheme "
                + MalformedInputException.quote(UriText.scheme(uri)) + " is not supported; expected one of " + expected, null);
    }
}
