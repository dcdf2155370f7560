package org.debindex.core;

/**
 * How much a {@link Finding} weighs: an {@link #ERROR} refuses what it is about, a {@link #WARNING}
 * deserves the user's attention without refusing anything, a {@link #NOTE} is information for an
 * audit report.
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum Severity {
    /** The trust chain does not hold for the target. */
    ERROR,
    /** The chain holds, but something is worth a look (apt would warn). */
    WARNING,
    /** Information for a report, such as a listed file the tree does not hold. */
    NOTE
}
