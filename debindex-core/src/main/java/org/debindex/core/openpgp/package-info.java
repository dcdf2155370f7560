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
 *
 * <p>RSA moduli: when Bouncy Castle first makes an RSA key from a modulus it runs Miller-Rabin
 * rounds to show the modulus is not prime (system property {@code
 * org.bouncycastle.rsa.max_mr_tests}), about 0.1 s for a 4096-bit Debian archive key. This package
 * leaves that setting alone, so a library user gets Bouncy Castle's default. The debindex command
 * turns the test off ({@code org.debindex.cli.TrustedKeys}), which is sound because every RSA key
 * this package hands to Bouncy Castle comes from a {@link org.debindex.core.openpgp.Keyring}, the
 * trust anchor the operator chose: a key trusted to sign the archive is trusted whatever its
 * modulus, and gpgv and sqv do not test it either. The cheap checks (odd, no small factor, at
 * most 16384 bits) and every signature check stay.
 */
package org.debindex.core.openpgp;
