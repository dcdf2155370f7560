/**
 * OpenPGP for Debian repositories: keyrings as apt loads them, the strict split of clearsigned
 * {@code InRelease} files, and the check of every signature on a Release against a keyring, an
 * algorithm policy and a verification time.
 *
 * <p>Entry points: {@link org.debindex.core.openpgp.Keyring} (load keys, apply {@code Signed-By}),
 * {@link org.debindex.core.openpgp.ReleaseSignatures} (verify an {@code InRelease} or
 * {@code Release} + {@code Release.gpg}), whose result
 * {@link org.debindex.core.openpgp.ReleaseVerification} lists one
 * {@link org.debindex.core.openpgp.SignatureCheck} per signature and hands out the signed text
 * only when the file is accepted.
 *
 * <p>This is the only package of debindex that uses Bouncy Castle (bcpg, through its lightweight
 * API, so no JCA provider is ever registered); none of its types appear in the public API. The
 * rules follow RFC 9580 and trust-chain.md; each class names the sections it implements.
 */
package org.debindex.core.openpgp;
