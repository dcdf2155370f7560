package org.debindex.cli.output;

import java.io.PrintWriter;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.debindex.verify.trust.AuditProgress;

/**
 * A single progress line on a terminal's standard error, redrawn in place with a carriage return:
 * {@code pool: 1234 of 68829 (1%)}.
 *
 * <p>Redrawn at most once per {@link #INTERVAL_NANOS} (ten times a second) whatever the rate of
 * updates, and {@link #clear() cleared} before the report is printed. Only for a terminal: on a
 * pipe or a file the carriage returns would be noise, so the command does not create one there.
 *
 * <p>Thread-safe: audits report from their worker threads.
 */
public final class ProgressLine implements AuditProgress {

    /** The shortest time between two redraws, in nanoseconds. */
    public static final long INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final PrintWriter err;
    private final LongSupplier nanoTime;
    private long lastDrawn;
    private boolean drawnOnce;
    private int width;

    /**
     * A progress line on {@code err}, timed by {@link System#nanoTime()}.
     *
     * @throws NullPointerException if {@code err} is null
     */
    public ProgressLine(PrintWriter err) {
        this(err, System::nanoTime);
    }

    /**
     * A progress line timed by {@code nanoTime} (a test's clock).
     *
     * @throws NullPointerException if an argument is null
     */
    public ProgressLine(PrintWriter err, LongSupplier nanoTime) {
        this.err = Objects.requireNonNull(err, "err");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    @Override
    public void update(String phase, long done, long total) {
        long now = nanoTime.getAsLong();
        synchronized (this) {
            if (drawnOnce && now - lastDrawn < INTERVAL_NANOS) {
                return;
            }
            drawnOnce = true;
            lastDrawn = now;
            draw(TrustReportText.safe(phase) + ": " + done + " of " + total
                    + (total > 0 ? " (" + (done * 100 / total) + "%)" : ""));
        }
    }

    /**
     * Shows {@code text} (made safe) as the line now, whatever the time since the last redraw: for
     * a new step, which is rare and would otherwise be lost when it follows another quickly.
     *
     * @throws NullPointerException if {@code text} is null
     */
    public void showNow(String text) {
        String safe = TrustReportText.safe(text);
        synchronized (this) {
            drawnOnce = true;
            lastDrawn = nanoTime.getAsLong();
            draw(safe);
        }
    }

    /**
     * Shows {@code text} (made safe) as the line, at most every {@link #INTERVAL_NANOS}: for
     * progress that is a step rather than a count, such as an update's.
     *
     * @throws NullPointerException if {@code text} is null
     */
    public void show(String text) {
        String safe = TrustReportText.safe(text);
        long now = nanoTime.getAsLong();
        synchronized (this) {
            if (drawnOnce && now - lastDrawn < INTERVAL_NANOS) {
                return;
            }
            drawnOnce = true;
            lastDrawn = now;
            draw(safe);
        }
    }

    /** Draws the line; the caller holds the lock. */
    private void draw(String text) {
        // pad over a longer previous line instead of an ANSI erase, which not every terminal knows
        err.write('\r' + text + " ".repeat(Math.max(0, width - text.length())));
        width = text.length();
        err.flush();
    }

    /** Erases the line, if one was drawn, so that what follows starts at the left margin. */
    public synchronized void clear() {
        if (width > 0) {
            err.write('\r' + " ".repeat(width) + '\r');
            err.flush();
            width = 0;
        }
    }
}
