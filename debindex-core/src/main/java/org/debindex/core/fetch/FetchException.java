package org.debindex.core.fetch;

import java.io.IOException;
import java.net.URI;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A download that failed: the server's answer, the size, the connection or the redirect was not
 * acceptable.
 *
 * <p>It is an {@link IOException}, not a {@link org.debindex.core.DebindexException}, because a
 * failed download is an I/O failure, not bad content: what arrived is never looked at, and
 * nothing is left at the request's destination. A caller tells the cases apart by {@link #kind()};
 * {@link #getMessage()} is one lower-case line in the project's form {@code <uri>: <what is
 * wrong>[; expected <what>]}, for example {@code
 * http://mirror.example/debian/dists/trixie/InRelease: http status 500 (3 attempts)}. The URI in
 * the message never shows user information (credentials).
 *
 * <p>Normal answers are not exceptions: 404 and 410 are {@link FetchResult.Outcome#NOT_FOUND}
 * and 304 is {@link FetchResult.Outcome#NOT_MODIFIED}.
 *
 * <p>Instances are immutable.
 */
public final class FetchException extends IOException {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /**
         * The server answered with a status that is neither success, 304, 404/410 nor a
         * followable redirect; {@link #statusCode()} holds it. A 5xx status is retried, any other
         * is final.
         */
        HTTP_STATUS,
        /**
         * The body is, or would be, longer than the request allows: the Content-Length or the
         * bytes received exceed the bound. Never retried: the same server would send the same.
         */
        TOO_LARGE,
        /**
         * The body ended before its Content-Length, or before the expected size. Retried from the
         * start (a mirror sync or a cut connection may be over by then).
         */
        TRUNCATED,
        /** The server did not accept the connection, answer, or send data in time. Retried. */
        TIMEOUT,
        /** The connection could not be made, or failed before the body began. Retried. */
        CONNECTION,
        /**
         * A redirect that is not followed: to a scheme other than http or https (a {@code file:}
         * or {@code ftp:} target), from https down to http, without a usable Location, or one
         * more than the policy allows (which is how a redirect loop ends). Never retried.
         */
        REDIRECT_REFUSED,
        /**
         * The URI cannot be fetched at all: a scheme with no fetcher, or a URI the scheme's
         * fetcher cannot use (an http URI without a host, a {@code file:} URI naming a host).
         * Never retried.
         */
        UNSUPPORTED_SCHEME
    }

    private final Kind kind;
    private final URI uri;
    private final int statusCode;
    private final String problem;
    private final int attempts;

    /**
     * Creates an exception for a failure that is not an HTTP status.
     *
     * @param kind    what went wrong; not {@link Kind#HTTP_STATUS}
     * @param uri     the URI whose download failed
     * @param problem what is wrong, lower-case, no final period
     * @param cause   the underlying exception, or null
     * @throws NullPointerException if {@code kind}, {@code uri} or {@code problem} is null
     * @throws IllegalArgumentException if {@code kind} is {@link Kind#HTTP_STATUS} (use {@link
     *                                  #httpStatus(URI, int)})
     */
    public FetchException(Kind kind, URI uri, String problem, Throwable cause) {
        this(kind, uri, -1, problem, 1, cause);
        if (kind == Kind.HTTP_STATUS) {
            throw new IllegalArgumentException("an HTTP_STATUS failure needs its status code; use httpStatus");
        }
    }

    private FetchException(Kind kind, URI uri, int statusCode, String problem, int attempts, Throwable cause) {
        super(message(uri, problem, attempts), cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.uri = uri;
        this.statusCode = statusCode;
        this.problem = problem;
        this.attempts = attempts;
    }

    /**
     * A server answer with an unacceptable status.
     *
     * @param uri        the URI that was asked for
     * @param statusCode the HTTP status the server sent
     * @return the exception, of kind {@link Kind#HTTP_STATUS}
     * @throws NullPointerException if {@code uri} is null
     * @throws IllegalArgumentException if {@code statusCode} is not a three-digit status
     */
    public static FetchException httpStatus(URI uri, int statusCode) {
        if (statusCode < 100 || statusCode > 999) {
            throw new IllegalArgumentException("statusCode must have three digits: " + statusCode);
        }
        return new FetchException(Kind.HTTP_STATUS, uri, statusCode, "http status " + statusCode, 1, null);
    }

    /**
     * The same failure, reported as the last of several attempts: the message ends with {@code (N
     * attempts)}.
     */
    FetchException afterAttempts(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
        FetchException e = new FetchException(kind, uri, statusCode, problem, count, getCause());
        e.setStackTrace(getStackTrace());
        return e;
    }

    /** What went wrong. */
    public Kind kind() {
        return kind;
    }

    /** The URI whose download failed (after any redirects), as given, with any user information. */
    public URI uri() {
        return uri;
    }

    /** The server's status, for {@link Kind#HTTP_STATUS}; empty for every other kind. */
    public OptionalInt statusCode() {
        return statusCode < 0 ? OptionalInt.empty() : OptionalInt.of(statusCode);
    }

    /** What is wrong, without the URI and the attempt count. */
    public String problem() {
        return problem;
    }

    /** How many attempts were made before giving up; 1 when the failure was not retried. */
    public int attempts() {
        return attempts;
    }

    /**
     * Whether trying again from the start may succeed: connection failures, timeouts, truncated
     * bodies and 5xx statuses. A 4xx status, a body that is too large and a refused redirect are
     * final.
     */
    public boolean isRetryable() {
        return switch (kind) {
            case CONNECTION, TIMEOUT, TRUNCATED -> true;
            case HTTP_STATUS -> statusCode >= 500 && statusCode <= 599;
            case TOO_LARGE, REDIRECT_REFUSED, UNSUPPORTED_SCHEME -> false;
        };
    }

    private static String message(URI uri, String problem, int attempts) {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(problem, "problem");
        String text = UriText.display(uri) + ": " + problem;
        return attempts > 1 ? text + " (" + attempts + " attempts)" : text;
    }
}
