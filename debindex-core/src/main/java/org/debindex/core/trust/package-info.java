/**
 * The trust chain after the signature: a verified Release's own checks ({@link
 * org.debindex.core.trust.ReleaseChecks}), its history ({@link org.debindex.core.trust.ReleaseHistory}),
 * and files against the sizes and digests listed for them ({@link org.debindex.core.trust.IndexChain},
 * {@link org.debindex.core.trust.FileVerifier}). Signatures themselves are checked in
 * {@link org.debindex.core.openpgp}.
 */
package org.debindex.core.trust;
