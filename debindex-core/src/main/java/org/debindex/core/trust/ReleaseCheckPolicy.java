package org.debindex.core.trust;

import java.time.Duration;
import java.util.Objects;

/**
 * The rules a verified Release's own fields must meet (trust-chain.md §2F).
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param maxFutureDate       how far after the verification time {@code Date} may lie (apt's
 *                            {@code Acquire::Max-FutureTime}, 10 s)
 * @param checkDates          whether {@code Date} and {@code Valid-Until} are checked at all (apt's
 *                            {@code Check-Date}/{@code check-valid-until=no} turn them off)
 * @param distMismatchIsError whether a {@code Suite}/{@code Codename} other than the one asked for
 *                            refuses the Release (apt only warns)
 */
public record ReleaseCheckPolicy(Duration maxFutureDate, boolean checkDates, boolean distMismatchIsError) {

    private static final ReleaseCheckPolicy STANDARD = new ReleaseCheckPolicy(Duration.ofSeconds(10), true, false);

    /**
     * Validates.
     *
     * @throws NullPointerException if {@code maxFutureDate} is null
     * @throws IllegalArgumentException if {@code maxFutureDate} is negative
     */
    public ReleaseCheckPolicy {
        Objects.requireNonNull(maxFutureDate, "maxFutureDate");
        if (maxFutureDate.isNegative()) {
            throw new IllegalArgumentException("maxFutureDate must not be negative: " + maxFutureDate);
        }
    }

    /** apt's defaults: 10 s of clock skew, dates checked, a dist mismatch only warned about. */
    public static ReleaseCheckPolicy standard() {
        return STANDARD;
    }
}
