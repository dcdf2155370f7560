package org.debindex.core.update;

/**
 * Receives progress of an update, for a display. Called from the updating thread only, never
 * concurrently; an implementation must return quickly and must not throw.
 */
@FunctionalInterface
public interface AcquisitionProgress {

    /**
     * One step of the update.
     *
     * @param repository the repository suite, {@code BASE-URI SUITE}
     * @param step       what is happening, lower-case, e.g. {@code fetching 5 index files}
     */
    void step(String repository, String step);

    /** A receiver that ignores everything. */
    static AcquisitionProgress none() {
        return (repository, step) -> { };
    }
}
