package org.debindex.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.debindex.core.FindingCode;
import org.debindex.core.MalformedInputException;
import org.debindex.core.VerificationException;
import org.debindex.core.openpgp.Fingerprint;
import org.debindex.core.openpgp.Keyring;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Entries for one repository checked against each other as apt does, and the keyring of each entry. */
class SourceListTest {

    private static final SourcesParser PARSER = new SourcesParser("amd64");

    private static SourceKeys.Key archive;
    private static SourceKeys.Key other;

    @TempDir
    Path tmp;

    @BeforeAll
    static void keys() throws Exception {
        archive = SourceKeys.generate("Archive <archive@mirror.example>");
        other = SourceKeys.generate("Other <other@mirror.example>");
    }

    private static SourceList parse(String text) throws MalformedInputException {
        return PARSER.parseOneLine(text, "t.list");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // two lines for one repository (same URI ignoring the scheme, same suite) that apt refuses together
        "deb-src [trusted=yes] http://mirror.example/d x main | deb http://mirror.example/d x main | trusted | \"yes\" at t.list:1",
        "deb [trusted=no] http://mirror.example/d x main | deb [trusted=yes] http://mirror.example/d x contrib | trusted | \"no\" at t.list:1",
        "deb [check-valid-until=no] http://mirror.example/d x main | deb http://mirror.example/d x contrib | check-valid-until | \"no\" at t.list:1",
        "deb [check-date=no] http://mirror.example/d x main | deb [check-date=yes] http://mirror.example/d x main | check-date | \"no\" at t.list:1",
        "deb [valid-until-min=5] http://mirror.example/d x main | deb http://mirror.example/d x contrib | valid-until-min | \"5\" at t.list:1",
        "deb [valid-until-max=5] http://mirror.example/d x main | deb [valid-until-max=6] http://mirror.example/d x contrib | valid-until-max | \"5\" at t.list:1",
        "deb [allow-insecure=yes] http://mirror.example/d x main | deb http://mirror.example/d x contrib | allow-insecure | \"yes\" at t.list:1",
        "deb [inrelease-path=In] http://mirror.example/d x main | deb [inrelease-path=Out] http://mirror.example/d x contrib | inrelease-path | \"In\" at t.list:1",
        "deb [signed-by=/a.gpg] http://mirror.example/d x main | deb [signed-by=/b.gpg] https://mirror.example/d x contrib | Signed-By | \"/a.gpg\" at t.list:1",
        "deb [signed-by=/a.gpg] http://mirror.example/d x main | deb http://mirror.example/d x contrib | Signed-By | \"/a.gpg\" at t.list:1",
    })
    void conflictingOptionsForOneRepository(String first, String second, String option, String fixed) {
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> parse(first + "\n" + second + "\n"));
        assertEquals(2, e.line());
        assertTrue(e.problem().startsWith("conflicting values for option " + option + " of "), e.problem());
        assertTrue(e.problem().contains(fixed + "; apt requires the same value in every entry for one repository"),
                e.problem());
    }

    @Test
    void agreeingEntriesAreFine() throws Exception {
        String fpr = archive.fingerprint();
        SourceList list = parse(String.join("\n",
                // the same keys spelled differently normalise to the same value
                "deb [signed-by=/a.gpg," + fpr.toLowerCase() + " trusted=yes] http://mirror.example/d x main",
                "deb-src [signed-by=/a.gpg," + fpr + " trusted=true] http://mirror.example/d x main",
                // other suites and other URIs are other repositories
                "deb [signed-by=/b.gpg] http://mirror.example/d y main",
                "deb http://mirror.example/e x main",
                // an unset time option after a set one is a conflict, but a set one after an unset one is not
                "deb http://mirror.example/f x main",
                "deb [valid-until-min=60] http://mirror.example/f x contrib", ""));
        assertEquals(6, list.entries().size());
    }

    @Test
    void signedByIsSharedByTheEntriesOfOneRepository() throws Exception {
        // apt accepts an entry without Signed-By before one with it, and verifies their shared Release with it
        SourceList list = parse("deb http://mirror.example/d x main\ndeb [signed-by=/k.gpg] http://mirror.example/d x contrib\n"
                + "deb http://mirror.example/d y main\n");
        List<SourceEntry> e = list.entries();
        assertEquals(Optional.empty(), e.get(0).signedBy());
        assertEquals(Optional.of("/k.gpg"), list.signedBy(e.get(0)));
        assertEquals(Optional.of("/k.gpg"), list.signedBy(e.get(1)));
        assertEquals(Optional.empty(), list.signedBy(e.get(2)));
    }

    @Test
    void concatChecksAcrossFiles() throws Exception {
        SourceList a = PARSER.parseOneLine("deb [signed-by=/a.gpg] http://mirror.example/d x main\n", "a.list");
        SourceList b = PARSER.parseDeb822("Types: deb\nURIs: http://mirror.example/d\nSuites: x\nComponents: contrib\n"
                + "Signed-By: /b.gpg\n", "b.sources");
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> SourceList.concat(List.of(a, b)));
        assertEquals("b.sources", e.source());
        assertEquals(1, e.line());
        SourceList ok = SourceList.concat(List.of(a, PARSER.parseRepo("deb file:/srv/m x main")));
        assertEquals(List.of("a.list", "--repo"), ok.entries().stream().map(SourceEntry::source).toList());
        assertEquals(List.of(), SourceList.empty().entries());
    }

    // --- keyrings ---------------------------------------------------------------------------

    private Path trustedDirectory(SourceKeys.Key... keys) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("etc/apt/trusted.gpg.d"));
        for (SourceKeys.Key key : keys) {
            Files.write(dir.resolve(key.fingerprint() + ".gpg"), key.binary());
        }
        return dir;
    }

    @Test
    void withoutSignedByEveryTrustedKey() throws Exception {
        List<Path> trusted = List.of(trustedDirectory(archive, other));
        SourceList list = parse("deb http://mirror.example/d x main\n");
        Keyring keyring = list.keyring(list.entries().get(0), trusted);
        assertEquals(2, keyring.fingerprints().size());
        assertEquals(false, keyring.isRestricted());
        VerificationException none = assertThrows(VerificationException.class,
                () -> list.keyring(list.entries().get(0), List.of()));
        assertEquals(FindingCode.KEYRING_UNUSABLE, none.code());
        assertEquals("t.list:1: no Signed-By and no trusted keyring (trusted.gpg.d, trusted.gpg) to fall back on",
                none.getMessage());
    }

    @Test
    void signedByAKeyringFileNeedsNoTrustedKeys() throws Exception {
        Path file = Files.write(tmp.resolve("archive.asc"), SourceKeys.ascii(archive.armored()));
        SourceList list = parse("deb [signed-by=" + file + "] http://mirror.example/d x main\n");
        Keyring keyring = list.keyring(list.entries().get(0), List.of());
        assertEquals(List.of(Fingerprint.parse(archive.fingerprint())), keyring.fingerprints());
    }

    @Test
    void signedByAFingerprintSelectsFromTheTrustedKeys() throws Exception {
        List<Path> trusted = List.of(trustedDirectory(archive, other));
        SourceList list = parse("deb [signed-by=" + other.fingerprint() + "] http://mirror.example/d x main\n");
        Keyring keyring = list.keyring(list.entries().get(0), trusted);
        assertEquals(List.of(Fingerprint.parse(other.fingerprint())), keyring.fingerprints());
        assertTrue(keyring.isRestricted());
        // the same with the trusted keys loaded beforehand
        assertEquals(keyring.fingerprints(), list.keyring(list.entries().get(0), Keyring.load(trusted)).fingerprints());
        VerificationException none = assertThrows(VerificationException.class,
                () -> list.keyring(list.entries().get(0), List.of()));
        assertEquals(FindingCode.KEYRING_UNUSABLE, none.code());
    }

    @Test
    void signedByAnEmbeddedKeyBlock() throws Exception {
        SourceList list = PARSER.parseDeb822("Types: deb\nURIs: http://mirror.example/d\nSuites: x\nComponents: main\n"
                + "Signed-By:" + SourceKeys.asDeb822Value(archive.armored()) + "\n", "k.sources");
        SourceEntry entry = list.entries().get(0);
        assertTrue(entry.signedBy().orElseThrow().contains("-----BEGIN PGP PUBLIC KEY BLOCK-----\n .\n"));
        Keyring keyring = list.keyring(entry, List.of());
        assertEquals(List.of(Fingerprint.parse(archive.fingerprint())), keyring.fingerprints());
    }

    @Test
    void anEntryWithoutSignedByUsesTheKeysOfItsRepository() throws Exception {
        Path file = Files.write(tmp.resolve("other.gpg"), other.binary());
        List<Path> trusted = List.of(trustedDirectory(archive));
        SourceList list = parse("deb http://mirror.example/d x main\ndeb [signed-by=" + file + "] http://mirror.example/d x contrib\n");
        assertEquals(List.of(Fingerprint.parse(other.fingerprint())), list.keyring(list.entries().get(0), trusted).fingerprints());
    }
}
