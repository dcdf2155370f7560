package org.debindex.verify.trust;

/**
 * Receives the progress of a long audit (a deep pool check), for a progress line on a terminal.
 * Called from worker threads; implementations must be thread-safe and cheap.
 */
@FunctionalInterface
public interface AuditProgress {

    /** Ignores progress. */
    AuditProgress NONE = (phase, done, total) -> { };

    /**
     * Reports that {@code done} of {@code total} items of a phase are finished.
     *
     * @param phase what is being done, e.g. {@code "pool"}
     * @param done  items finished so far
     * @param total items in the phase
     */
    void update(String phase, long done, long total);
}
