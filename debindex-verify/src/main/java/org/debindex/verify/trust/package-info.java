/**
 * Trust-chain audits of Debian repositories: a signed Release given as files ({@link
 * org.debindex.verify.trust.ReleaseAudit}) and one suite of a local mirror tree ({@link
 * org.debindex.verify.trust.TreeAudit}), link by link from the keyring to the pool files, each
 * reported as a {@link org.debindex.verify.trust.TrustReport}; the keyring's own hygiene ({@link
 * org.debindex.verify.trust.KeyringAudit}) and a change of signing keys since the last accepted
 * Release ({@link org.debindex.verify.trust.SigningKeyChange}) as findings. The checks themselves live in core
 * ({@code org.debindex.core.openpgp}, {@code org.debindex.core.trust}); this package decides what
 * to read, in which order, and never reads a file on the word of an unverified one.
 */
package org.debindex.verify.trust;
