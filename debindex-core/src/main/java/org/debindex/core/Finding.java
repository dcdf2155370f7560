package org.debindex.core;

import java.util.Objects;

/**
 * One line of a trust-chain report: what is wrong (or worth a warning), about which file or
 * signature, and in words.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param severity whether it refuses the target
 * @param code     the kind of finding, as listed in {@code trust-chain.md} §1
 * @param target   what it is about: a file path as the report names it, a fingerprint
 * @param message  one lower-case line that explains it without the code
 */
public record Finding(Severity severity, FindingCode code, String target, String message) {

    /**
     * Validates.
     *
     * @throws NullPointerException if a component is null
     */
    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(message, "message");
    }

    /** An error finding. @throws NullPointerException if an argument is null */
    public static Finding error(FindingCode code, String target, String message) {
        return new Finding(Severity.ERROR, code, target, message);
    }

    /** A warning finding. @throws NullPointerException if an argument is null */
    public static Finding warning(FindingCode code, String target, String message) {
        return new Finding(Severity.WARNING, code, target, message);
    }

    /** A note for the report. @throws NullPointerException if an argument is null */
    public static Finding note(FindingCode code, String target, String message) {
        return new Finding(Severity.NOTE, code, target, message);
    }

    /** Whether this finding refuses its target. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code target: message (CODE)}, the form a text report prints. */
    @Override
    public String toString() {
        return target + ": " + message + " (" + code + ")";
    }
}
