package org.debindex.core.openpgp;

import static org.debindex.core.openpgp.TestKeys.VERIFY_AT;
import static org.debindex.core.openpgp.TestKeys.by;
import static org.debindex.core.openpgp.TestKeys.clearsign;
import static org.debindex.core.openpgp.TestKeys.releaseText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.debindex.core.FindingCode;
import org.debindex.core.VerificationException;
import org.debindex.core.openpgp.TestKeys.Kind;
import org.debindex.core.openpgp.TestKeys.TestKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading keyrings as apt does, and catalogue case 33. */
class KeyringTest {

    static TestKey a;
    static TestKey b;

    @TempDir
    Path dir;

    @BeforeAll
    static void keys() throws Exception {
        a = TestKeys.key(Kind.ED25519).userId("A <a@mirror.example>").build();
        b = TestKeys.key(Kind.ED25519).userId("B <b@mirror.example>").build();
    }

    private Path write(String name, byte[] data) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, data);
        return p;
    }

    @Test
    void binaryAndArmoredFilesLoad() throws Exception {
        Keyring k = Keyring.load(write("a.gpg", a.binary()), write("b.asc", b.armored()));
        assertEquals(List.of(a.fingerprint(), b.fingerprint()), k.fingerprints());
        assertEquals(List.of(), k.warnings());
        assertEquals(Optional.of("B <b@mirror.example>"), k.userId(b.fingerprint()));
    }

    @Test
    void case33WrongFormatsAreUnusable() throws Exception {
        for (Path bad : List.of(write("armored.gpg", a.armored()), write("binary.asc", a.binary()),
                write("keys.kbx", new byte[] {0, 0, 0, 32, 1, 1, 0, 0, 'K', 'B', 'X', 'f'}), write("empty.gpg", new byte[0]))) {
            VerificationException e = assertThrows(VerificationException.class, () -> Keyring.load(bad));
            assertEquals(FindingCode.KEYRING_UNUSABLE, e.code());
            assertTrue(e.getMessage().startsWith(bad + ": no usable OpenPGP key: " + bad + ": skipped: "), e.getMessage());
        }
    }

    @Test
    void case33DirectorySkipsUnusableFilesThenTheirKeysAreUntrusted() throws Exception {
        write("good.gpg", a.binary());
        write("wrong.gpg", b.armored());
        write("notes.txt", "hello".getBytes(StandardCharsets.US_ASCII));
        Keyring k = Keyring.load(dir);
        assertEquals(List.of(a.fingerprint()), k.fingerprints());
        assertEquals(2, k.warnings().size(), k.warnings().toString());
        assertTrue(k.warnings().get(0).contains("notes.txt: ignored"), k.warnings().toString());
        assertTrue(k.warnings().get(1).contains("wrong.gpg: skipped: not a binary OpenPGP keyring"), k.warnings().toString());
        ReleaseVerification r = ReleaseSignatures.verifyInRelease(clearsign(releaseText(), "SHA512", by(b)), "InRelease", k, VERIFY_AT);
        assertEquals(Optional.of(FindingCode.SIG_UNTRUSTED_KEY), r.failure());
    }

    @Test
    void directoryWithNothingUsableIsUnusable() throws Exception {
        write("wrong.asc", a.binary());
        VerificationException e = assertThrows(VerificationException.class, () -> Keyring.load(dir));
        assertEquals(FindingCode.KEYRING_UNUSABLE, e.code());
    }

    @Test
    void missingFileIsAnIoError() {
        assertThrows(NoSuchFileException.class, () -> Keyring.load(dir.resolve("missing.gpg")));
    }

    @Test
    void signedByEmbeddedKeyBlock() throws Exception {
        // as a deb822 .sources field value: continuation lines indented, empty lines as "."
        String block = new String(a.armored(), StandardCharsets.US_ASCII).replace("\n\n", "\n.\n").replace("\n", "\n ");
        Keyring k = Keyring.fromSignedBy(block, b.keyring());
        assertEquals(List.of(a.fingerprint()), k.fingerprints());
    }

    @Test
    void signedByPathsAndFingerprints() throws Exception {
        Path both = write("both.gpg", concat(a.binary(), b.binary()));
        Keyring all = Keyring.fromSignedBy(both.toString(), a.keyring());
        assertEquals(List.of(a.fingerprint(), b.fingerprint()), all.fingerprints());
        Keyring onlyB = Keyring.fromSignedBy(both + ", " + b.fingerprint().hex().toLowerCase(), a.keyring());
        assertEquals(List.of(b.fingerprint()), onlyB.fingerprints());
        assertEquals(List.of(a.fingerprint(), b.fingerprint()), onlyB.allFingerprints());
        assertTrue(onlyB.isRestricted());
        Keyring none = Keyring.fromSignedBy("0123456789ABCDEF0123456789ABCDEF01234567", a.keyring());
        assertEquals(List.of(), none.fingerprints());
        assertEquals(List.of("Signed-By: key 0123456789ABCDEF0123456789ABCDEF01234567 is not in the keyring"), none.warnings());
        VerificationException e = assertThrows(VerificationException.class, () -> Keyring.fromSignedBy(" ", a.keyring()));
        assertEquals(FindingCode.KEYRING_UNUSABLE, e.code());
    }

    @Test
    void signedByWithDefaultPathsLoadsThemOnlyWhenNeeded() throws Exception {
        Path trusted = Files.createDirectories(dir.resolve("trusted.gpg.d"));
        Files.write(trusted.resolve("a.gpg"), a.binary());
        Files.write(trusted.resolve("b.asc"), b.armored());
        // fingerprints select from the default keyrings
        Keyring onlyB = Keyring.fromSignedBy(b.fingerprint().hex(), List.of(trusted));
        assertEquals(List.of(b.fingerprint()), onlyB.fingerprints());
        // a value naming its own file or holding a key block never reads the defaults, even when there are none
        Path own = write("own.gpg", a.binary());
        assertEquals(List.of(a.fingerprint()), Keyring.fromSignedBy(own.toString(), List.of()).fingerprints());
        String block = new String(b.armored(), StandardCharsets.US_ASCII).replace("\n\n", "\n.\n").replace("\n", "\n ");
        assertEquals(List.of(b.fingerprint()), Keyring.fromSignedBy(block, List.of(dir.resolve("missing"))).fingerprints());
        // fingerprints without defaults to select from are unusable
        VerificationException e = assertThrows(VerificationException.class,
                () -> Keyring.fromSignedBy(a.fingerprint().hex(), List.of()));
        assertEquals(FindingCode.KEYRING_UNUSABLE, e.code());
        assertEquals("Signed-By: fingerprints select from the trusted keyrings, but there are none", e.getMessage());
    }

    @Test
    void fingerprintParsing() {
        assertEquals("0123456789ABCDEF0123456789ABCDEF01234567",
                Fingerprint.parse("0x0123 4567 89ab cdef 0123  4567 89AB CDEF 0123 4567").hex());
        assertThrows(IllegalArgumentException.class, () -> new Fingerprint("0123"));
        assertThrows(IllegalArgumentException.class, () -> Fingerprint.parse("xyz"));
    }

    private static byte[] concat(byte[] x, byte[] y) {
        byte[] out = new byte[x.length + y.length];
        System.arraycopy(x, 0, out, 0, x.length);
        System.arraycopy(y, 0, out, x.length, y.length);
        return out;
    }
}
