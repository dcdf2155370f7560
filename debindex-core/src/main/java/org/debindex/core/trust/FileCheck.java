package org.debindex.core.trust;

import java.util.List;
import java.util.Objects;
import org.debindex.core.Finding;
import org.debindex.core.model.HashAlgorithm;

/**
 * What checking one file against the size and digests a verified Release (or a Packages or
 * Sources stanza) lists for it found.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param path       the file as listed, e.g. {@code main/binary-amd64/Packages.xz}
 * @param outcome    verified, failed, absent or skipped
 * @param size       the listed size in bytes
 * @param algorithms the strong digests compared (SHA-256, SHA-512); empty when none was
 * @param findings   why it failed or was skipped, and warnings; empty for a plain verified file
 */
public record FileCheck(String path, Outcome outcome, long size, List<HashAlgorithm> algorithms,
                        List<Finding> findings) {

    /** The verdict on one file. */
    public enum Outcome {
        /** Size and every strong digest listed match (and the decompressed content too, when listed). */
        VERIFIED,
        /** The file is there and does not match, does not decompress, or is listed with weak digests only. */
        FAILED,
        /** Listed but not present; counted, not an error, for a partial mirror's index files. */
        ABSENT,
        /** Not checked, for a reason the findings give (an unsafe path, for example). */
        SKIPPED
    }

    /**
     * Validates and copies.
     *
     * @throws NullPointerException if a component is null
     */
    public FileCheck {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(outcome, "outcome");
        algorithms = List.copyOf(algorithms);
        findings = List.copyOf(findings);
    }

    /** Whether the file was read and matched. */
    public boolean isVerified() {
        return outcome == Outcome.VERIFIED;
    }
}
