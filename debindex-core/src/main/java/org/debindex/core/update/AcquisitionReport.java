package org.debindex.core.update;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.debindex.core.Finding;
import org.debindex.core.openpgp.ReleaseVerification;

/**
 * What an update did with one repository suite.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param repository   the repository suite, {@code BASE-URI SUITE}, as the state file keys it
 * @param baseUri      the repository's base URI
 * @param suite        the suite as configured
 * @param outcome      updated, unchanged or failed
 * @param verification the signature verdict on the Release, when one was made
 * @param targets      what happened to each wanted index file, in order
 * @param findings     every finding: the Release's and each target's
 * @param verified     the verified index files in {@code lists/} after the update (for the index
 *                     builder); for a failed suite, those of the previous update
 */
public record AcquisitionReport(String repository, URI baseUri, String suite, Outcome outcome,
                                Optional<ReleaseVerification> verification, List<TargetReport> targets,
                                List<Finding> findings, List<VerifiedIndex> verified) {

    /** What happened to a suite. */
    public enum Outcome {
        /** A new Release was accepted (or a target was fetched anew). */
        UPDATED,
        /** The server said the Release is unchanged, it still verifies, and no target changed. */
        UNCHANGED,
        /** The Release was refused or could not be fetched; the previous lists and state are kept. */
        FAILED
    }

    /**
     * Validates and copies.
     *
     * @throws NullPointerException if a component is null
     */
    public AcquisitionReport {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(verification, "verification");
        targets = List.copyOf(targets);
        findings = List.copyOf(findings);
        verified = List.copyOf(verified);
    }

    /** Whether anything failed: the suite, or one of its targets (an error finding). */
    public boolean hasFailures() {
        return outcome == Outcome.FAILED || findings.stream().anyMatch(Finding::isError);
    }
}
