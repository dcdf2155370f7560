package org.debindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.debindex.core.openpgp.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command turns off Bouncy Castle's Miller-Rabin test of RSA moduli unless the user set it,
 * and RSA signatures are still checked with the key: changed text or another key fails.
 */
class TrustedKeysTest {

    private static final String AT = TestKeys.VERIFY_AT.toString();
    private static final String RELEASE = "Origin: Test\nLabel: Test\nSuite: stable\nCodename: trixie\n"
            + "Date: Sun, 01 Jun 2025 00:00:00 UTC\nArchitectures: amd64\nComponents: main\nSHA256:\n"
            + " 0000000000000000000000000000000000000000000000000000000000000000 0 main/binary-amd64/Packages\n";

    @TempDir
    Path dir;

    private String saved;
    private TestKeys.TestKey signer;
    private Path keyring;

    @BeforeEach
    void setUp() throws Exception {
        saved = System.getProperty(TrustedKeys.MR_TESTS);
        System.clearProperty(TrustedKeys.MR_TESTS);
        signer = TestKeys.key(TestKeys.Kind.RSA2048).build();
        keyring = Files.write(dir.resolve("keyring.gpg"), signer.binary());
    }

    @AfterEach
    void restore() {
        if (saved == null) {
            System.clearProperty(TrustedKeys.MR_TESTS);
        } else {
            System.setProperty(TrustedKeys.MR_TESTS, saved);
        }
    }

    private Path inRelease(String name, String text) throws Exception {
        return Files.write(dir.resolve(name), TestKeys.clearsign(text, null, TestKeys.by(signer)));
    }

    private static Cli verify(Path keyring, Path file) {
        return Cli.run("verify", "--keyring", keyring.toString(), "--at", AT, file.toString());
    }

    @Test
    void verifyTurnsTheTestOffAndAGoodRsaSignatureHolds() throws Exception {
        Cli result = verify(keyring, inRelease("InRelease", RELEASE));
        assertEquals(0, result.status(), result.out() + result.err());
        assertTrue(result.out().lines().anyMatch(l -> l.startsWith("signature ") && l.contains(" GOOD: ")), result.out());
        assertEquals("0", System.getProperty(TrustedKeys.MR_TESTS));
    }

    @Test
    void updateTurnsTheTestOffToo() {
        // fails at once (no sources), after the setting is made
        Cli.run("--cache-dir", dir.resolve("cache").toString(), "--sources", dir.resolve("none.list").toString(), "update");
        assertEquals("0", System.getProperty(TrustedKeys.MR_TESTS));
    }

    @Test
    void aValueTheUserSetIsKept() throws Exception {
        System.setProperty(TrustedKeys.MR_TESTS, "3");
        Cli result = verify(keyring, inRelease("InRelease", RELEASE));
        assertEquals(0, result.status(), result.out() + result.err());
        assertEquals("3", System.getProperty(TrustedKeys.MR_TESTS));
    }

    @Test
    void changedTextIsStillBad() throws Exception {
        String signed = Files.readString(inRelease("InRelease", RELEASE));
        Path changed = Files.writeString(dir.resolve("changed"), signed.replace("Codename: trixie", "Codename: sid"));
        Cli result = verify(keyring, changed);
        assertEquals(1, result.status(), result.out() + result.err());
        assertEquals("0", System.getProperty(TrustedKeys.MR_TESTS));
        assertTrue(result.out().lines().anyMatch(l -> l.startsWith("signature ") && l.contains(" BAD: ")), result.out());
    }

    @Test
    void anotherKeyDoesNotVerifyIt() throws Exception {
        Path other = Files.write(dir.resolve("other.gpg"), TestKeys.key(TestKeys.Kind.RSA2048).build().binary());
        Cli result = verify(other, inRelease("InRelease", RELEASE));
        assertEquals(1, result.status(), result.out() + result.err());
        assertEquals("0", System.getProperty(TrustedKeys.MR_TESTS));
        assertTrue(result.out().lines().noneMatch(l -> l.contains(" GOOD: ")), result.out());
    }
}
