package org.debindex.core.fetch;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waits between attempts of a download.
 *
 * <p>The standard sleeper blocks the calling thread; tests give a {@link FetchPolicy} one that
 * records the waits instead, so that back-off is checked by value and no test sleeps.
 * Implementations must be thread-safe: one policy serves parallel downloads.
 */
@FunctionalInterface
public interface Sleeper {

    /**
     * Waits for about {@code duration}.
     *
     * @param duration how long; never negative
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;

    /**
     * The sleeper that blocks the calling thread.
     *
     * @return a stateless, thread-safe sleeper
     */
    static Sleeper system() {
        return duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos());
    }
}
