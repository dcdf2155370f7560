package org.debindex.core.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;

/**
 * How patient and how persistent downloads are: timeouts, attempts, back-off and redirects.
 *
 * <p>A download has three clocks. {@code connectTimeout} bounds opening the connection (TCP and
 * TLS); {@code responseTimeout} bounds the wait for the status line and headers once the request
 * is sent; {@code stallTimeout} bounds the silence between two pieces of the body. There is
 * deliberately no limit on a whole download: a large {@code Contents} file on a slow link may
 * take long, and that is fine as long as data keeps coming.
 *
 * <p>A failure that may pass (a connection error, a timeout, a truncated body, a 5xx status) is
 * retried from the start, up to {@code maxAttempts} attempts in all, waiting {@code
 * backoffBase}, then twice that, then four times, ... (at most {@link #MAX_BACKOFF}) before each
 * new attempt. Anything else is final at once.
 *
 * <p>Instances are immutable and thread-safe when their {@link Sleeper} is.
 *
 * @param connectTimeout  the longest wait for a connection; positive
 * @param responseTimeout the longest wait for the response headers; positive
 * @param stallTimeout    the longest wait for the next body bytes; positive
 * @param maxAttempts     attempts in all, at least 1 (1 means no retry)
 * @param backoffBase     the wait before the second attempt; not negative
 * @param maxRedirects    how many redirects one attempt follows; not negative
 * @param userAgent       the {@code User-Agent} header value; not blank, no control characters
 * @param sleeper         how the back-off waits
 */
public record FetchPolicy(Duration connectTimeout, Duration responseTimeout, Duration stallTimeout, int maxAttempts,
        Duration backoffBase, int maxRedirects, String userAgent, Sleeper sleeper) {

    /** The longest wait between two attempts, however many there are. */
    public static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    /**
     * Validates the components.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if a timeout is not positive, {@code backoffBase} is
     *                                  negative, {@code maxAttempts} is below 1, {@code
     *                                  maxRedirects} is negative or {@code userAgent} is blank or
     *                                  holds a control character
     */
    public FetchPolicy {
        requirePositive("connectTimeout", connectTimeout);
        requirePositive("responseTimeout", responseTimeout);
        requirePositive("stallTimeout", stallTimeout);
        Objects.requireNonNull(backoffBase, "backoffBase");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(sleeper, "sleeper");
        if (backoffBase.isNegative()) {
            throw new IllegalArgumentException("backoffBase must not be negative: " + backoffBase);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("maxRedirects must not be negative: " + maxRedirects);
        }
        if (userAgent.isBlank() || userAgent.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("userAgent must be printable and not blank: \"" + userAgent + "\"");
        }
    }

    /**
     * The defaults: 30 s to connect, 30 s for the headers and 30 s of silence in a body (apt's
     * {@code Acquire::http::Timeout}), 3 attempts with 500 ms base back-off, 5 redirects, {@code
     * User-Agent: debindex/<version>}, and a sleeper that really sleeps.
     *
     * @return the default policy
     */
    public static FetchPolicy defaults() {
        Duration thirty = Duration.ofSeconds(30);
        return new FetchPolicy(thirty, thirty, thirty, 3, Duration.ofMillis(500), 5, defaultUserAgent(),
                Sleeper.system());
    }

    /**
     * How long to wait after the {@code failedAttempts}-th failed attempt before the next:
     * {@code backoffBase × 2^(failedAttempts − 1)}, at most {@link #MAX_BACKOFF}.
     *
     * @param failedAttempts how many attempts have failed so far, at least 1
     * @return the wait
     * @throws IllegalArgumentException if {@code failedAttempts} is below 1
     */
    public Duration backoff(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("failedAttempts must be at least 1: " + failedAttempts);
        }
        int shift = Math.min(failedAttempts - 1, 30);
        long nanos = backoffBase.toNanos();
        long max = MAX_BACKOFF.toNanos();
        return nanos > (max >> shift) ? MAX_BACKOFF : Duration.ofNanos(nanos << shift);
    }

    /**
     * This policy with another connect timeout.
     *
     * @throws IllegalArgumentException if not positive
     */
    public FetchPolicy withConnectTimeout(Duration timeout) {
        return new FetchPolicy(timeout, responseTimeout, stallTimeout, maxAttempts, backoffBase, maxRedirects,
                userAgent, sleeper);
    }

    /**
     * This policy with another response timeout.
     *
     * @throws IllegalArgumentException if not positive
     */
    public FetchPolicy withResponseTimeout(Duration timeout) {
        return new FetchPolicy(connectTimeout, timeout, stallTimeout, maxAttempts, backoffBase, maxRedirects,
                userAgent, sleeper);
    }

    /**
     * This policy with another stall timeout.
     *
     * @throws IllegalArgumentException if not positive
     */
    public FetchPolicy withStallTimeout(Duration timeout) {
        return new FetchPolicy(connectTimeout, responseTimeout, timeout, maxAttempts, backoffBase, maxRedirects,
                userAgent, sleeper);
    }

    /**
     * This policy with another number of attempts.
     *
     * @throws IllegalArgumentException if below 1
     */
    public FetchPolicy withMaxAttempts(int attempts) {
        return new FetchPolicy(connectTimeout, responseTimeout, stallTimeout, attempts, backoffBase, maxRedirects,
                userAgent, sleeper);
    }

    /**
     * This policy with another back-off: base wait and sleeper.
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code base} is negative
     */
    public FetchPolicy withBackoff(Duration base, Sleeper how) {
        return new FetchPolicy(connectTimeout, responseTimeout, stallTimeout, maxAttempts, base, maxRedirects,
                userAgent, how);
    }

    /**
     * This policy with another redirect limit.
     *
     * @throws IllegalArgumentException if negative
     */
    public FetchPolicy withMaxRedirects(int redirects) {
        return new FetchPolicy(connectTimeout, responseTimeout, stallTimeout, maxAttempts, backoffBase, redirects,
                userAgent, sleeper);
    }

    private static void requirePositive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }

    /** {@code debindex/<version>}, the version coming from a resource the build fills in. */
    private static String defaultUserAgent() {
        Properties properties = new Properties();
        try (InputStream in = FetchPolicy.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties missing from org.debindex.core.fetch");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "debindex/" + properties.getProperty("version", "unknown");
    }
}
