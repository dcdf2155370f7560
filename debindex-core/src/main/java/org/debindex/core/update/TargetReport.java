package org.debindex.core.update;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.debindex.core.Finding;

/**
 * What an update did with one {@link IndexTarget}.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param target     the target
 * @param outcome    what happened
 * @param listedPath the variant fetched or kept (with its compression suffix), when there is one
 * @param findings   why it failed or was skipped, and warnings
 */
public record TargetReport(IndexTarget target, Outcome outcome, Optional<String> listedPath, List<Finding> findings) {

    /** What happened to a target. */
    public enum Outcome {
        /** Downloaded, verified against the new Release and moved into {@code lists/}. */
        FETCHED,
        /** The copy in {@code lists/} is the one the Release lists; nothing was downloaded. */
        UNCHANGED,
        /** Not wanted after all: not listed, not declared, or optional and absent from the mirror. */
        SKIPPED,
        /** Wanted and not verified; any previous verified copy is kept. */
        FAILED
    }

    /**
     * Validates and copies.
     *
     * @throws NullPointerException if a component is null
     */
    public TargetReport {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(listedPath, "listedPath");
        findings = List.copyOf(findings);
    }
}
