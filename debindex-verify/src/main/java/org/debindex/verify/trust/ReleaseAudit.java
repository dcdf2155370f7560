package org.debindex.verify.trust;

import java.io.IOException;
import java.nio.file.Path;
import org.debindex.core.openpgp.Keyring;

/**
 * Audits a signed Release given as files: the signature verdict and the Release's own checks
 * (dates, hashes listed), without index files.
 *
 * <p>Stateless and thread-safe.
 */
public final class ReleaseAudit {

    private ReleaseAudit() {
    }

    /**
     * Audits an {@code InRelease} file.
     *
     * @throws IOException if the file cannot be read at all (missing, no permission); anything
     *     readable, however malformed, gives a report instead
     */
    public static TrustReport inRelease(Path inRelease, Keyring keyring, AuditOptions options) throws IOException {
        throw new UnsupportedOperationException("ReleaseAudit.inRelease is being written");
    }

    /**
     * Audits a {@code Release} file with its detached {@code Release.gpg}.
     *
     * @throws IOException if a file cannot be read at all
     */
    public static TrustReport detached(Path release, Path releaseGpg, Keyring keyring, AuditOptions options)
            throws IOException {
        throw new UnsupportedOperationException("ReleaseAudit.detached is being written");
    }
}
