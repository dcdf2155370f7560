package org.debindex.cli;

/**
 * The one Bouncy Castle setting the command sets for itself: no Miller-Rabin test of the RSA
 * moduli of keyring keys.
 *
 * <p>When Bouncy Castle first makes an RSA public key from a modulus it checks that the modulus
 * is not prime with several Miller-Rabin rounds (system property {@value #MR_TESTS}, by default a
 * number of rounds that grows with the key size). A 4096-bit Debian archive key costs about
 * 0.1 s of each {@code verify} and {@code update} that way, most of the start of a run.
 *
 * <p>Skipping it is sound for this command: every RSA public key debindex gives to Bouncy Castle
 * comes from a keyring the operator chose as the trust anchor ({@code --keyring}, {@code
 * signed-by}, apt's trusted keyrings); signatures, downloads and mirrors never supply a key. The
 * test guards against a weak key, and a key the operator trusts is trusted with everything it
 * signs, weak or not: gpgv and sqv, which apt uses, do not test the modulus either. The cheap
 * checks Bouncy Castle still makes (odd modulus, no small factor, at most 16384 bits) stay, and
 * every signature is still verified with the key (a wrong key or changed text is still BAD).
 *
 * <p>The library does not change the setting: a program that uses debindex-core keeps Bouncy
 * Castle's default unless it decides otherwise, as this command does.
 */
final class TrustedKeys {

    /** Bouncy Castle's name for the number of Miller-Rabin rounds on an RSA modulus. */
    static final String MR_TESTS = "org.bouncycastle.rsa.max_mr_tests";

    private TrustedKeys() {
    }

    /**
     * Turns the test off for this JVM unless the user set {@value #MR_TESTS} (with {@code
     * DEBINDEX_JAVA_OPTS=-D...}); called before the first key is read.
     */
    static void skipModulusPrimalityTest() {
        if (System.getProperty(MR_TESTS) == null) {
            System.setProperty(MR_TESTS, "0");
        }
    }
}
