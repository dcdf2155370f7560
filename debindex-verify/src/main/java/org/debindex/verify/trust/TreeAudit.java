package org.debindex.verify.trust;

import java.io.IOException;
import java.nio.file.Path;
import org.debindex.core.openpgp.Keyring;

/**
 * Audits one suite of a local mirror tree ({@code ROOT/dists/SUITE/...}): the Release signature,
 * the Release's checks, every index file present against the Release, and for a deep audit every
 * pool file the verified Packages and Sources list.
 *
 * <p>Stateless and thread-safe.
 */
public final class TreeAudit {

    private TreeAudit() {
    }

    /**
     * Audits a suite.
     *
     * @param root     the mirror root (the directory holding {@code dists/} and {@code pool/})
     * @param suite    the suite or codename, as in {@code dists/SUITE}
     * @param keyring  the trusted keys
     * @param options  time, depth, parallelism, policies
     * @param progress receives pool-check progress
     * @throws IOException if {@code root} cannot be read at all; a missing Release is a finding
     */
    public static TrustReport run(Path root, String suite, Keyring keyring, AuditOptions options,
                                  AuditProgress progress) throws IOException {
        throw new UnsupportedOperationException("TreeAudit.run is being written");
    }
}
