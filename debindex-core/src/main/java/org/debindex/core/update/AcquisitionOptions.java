package org.debindex.core.update;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How an update runs.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param at                       the verification time; empty for the time the update starts
 * @param hostArchitectures        the architectures to fetch for an entry without an {@code arch}
 *                                 option, e.g. {@code [amd64]}
 * @param withSources              whether {@code deb-src} entries' Sources are fetched
 * @param withContents             whether Contents files are fetched
 * @param parallelism              the most downloads in flight
 * @param acceptReleaseInfoChange  whether a changed Origin, Label or Codename is accepted (apt's
 *                                 {@code --allow-releaseinfo-change}) rather than refused
 */
public record AcquisitionOptions(Optional<Instant> at, List<String> hostArchitectures, boolean withSources,
                                 boolean withContents, int parallelism, boolean acceptReleaseInfoChange) {

    /** A few downloads at a time hide each request's latency without hammering a mirror. */
    public static final int DEFAULT_PARALLELISM = 4;

    /**
     * Validates and copies.
     *
     * @throws NullPointerException if a component or an architecture is null
     * @throws IllegalArgumentException if {@code parallelism} is below 1
     */
    public AcquisitionOptions {
        Objects.requireNonNull(at, "at");
        hostArchitectures = List.copyOf(hostArchitectures);
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
        }
    }

    /**
     * Verification now, Packages and Translations only, {@link #DEFAULT_PARALLELISM} downloads.
     *
     * @param hostArchitectures the host's architectures
     * @throws NullPointerException if the list or an element is null
     */
    public static AcquisitionOptions defaults(List<String> hostArchitectures) {
        return new AcquisitionOptions(Optional.empty(), hostArchitectures, false, false, DEFAULT_PARALLELISM, false);
    }

    /** These options verifying at {@code instant}. @throws NullPointerException if it is null */
    public AcquisitionOptions at(Instant instant) {
        return new AcquisitionOptions(Optional.of(instant), hostArchitectures, withSources, withContents, parallelism,
                acceptReleaseInfoChange);
    }

    /** These options with Sources fetched or not. */
    public AcquisitionOptions withSources(boolean value) {
        return new AcquisitionOptions(at, hostArchitectures, value, withContents, parallelism, acceptReleaseInfoChange);
    }

    /** These options with Contents fetched or not. */
    public AcquisitionOptions withContents(boolean value) {
        return new AcquisitionOptions(at, hostArchitectures, withSources, value, parallelism, acceptReleaseInfoChange);
    }

    /** These options with another parallelism. @throws IllegalArgumentException if below 1 */
    public AcquisitionOptions withParallelism(int value) {
        return new AcquisitionOptions(at, hostArchitectures, withSources, withContents, value, acceptReleaseInfoChange);
    }

    /** These options accepting changed Release information or not. */
    public AcquisitionOptions acceptingReleaseInfoChange(boolean value) {
        return new AcquisitionOptions(at, hostArchitectures, withSources, withContents, parallelism, value);
    }
}
