package org.debindex.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.debindex.core.MalformedInputException;
import org.junit.jupiter.api.Test;

class ReleaseTest {

    private static final String SHA_A = "a".repeat(64);
    private static final String SHA_B = "b".repeat(64);

    private static final String TEXT = """
            Origin: Debian
            Label: Debian
            Suite: stable
            Version: 13.8
            Codename: trixie
            Changelogs: http://mirror.example/changelogs/@CHANGEPATH@_changelog
            Date: Sat, 21 Nov 2026 09:30:42 UTC
            Acquire-By-Hash: yes
            No-Support-for-Architecture-all: Packages
            Architectures: all amd64 arm64
            Components: main contrib non-free-firmware
            Description: Debian 13.8 Released 21 November 2026
            MD5Sum:
             0123456789abcdef0123456789abcdef 1234 main/binary-amd64/Packages
            SHA256:
             %s 1234 main/binary-amd64/Packages
             %s    99 main/binary-amd64/Packages.xz
            """.formatted(SHA_A, SHA_B.toUpperCase());

    private static Release parse(String text) throws MalformedInputException {
        return Release.parse(text.getBytes(StandardCharsets.UTF_8), "Release");
    }

    private static MalformedInputException failure(String text) {
        return assertThrows(MalformedInputException.class, () -> parse(text));
    }

    @Test
    void readsTheDescriptiveFields() throws Exception {
        Release r = parse(TEXT);
        assertEquals(Optional.of("Debian"), r.origin());
        assertEquals(Optional.of("stable"), r.suite());
        assertEquals(Optional.of("trixie"), r.codename());
        assertEquals(Optional.of("13.8"), r.version());
        assertEquals(Optional.of(Instant.parse("2026-11-21T09:30:42Z")), r.date());
        assertEquals(Optional.empty(), r.validUntil());
        assertEquals(List.of("all", "amd64", "arm64"), r.architectures());
        assertEquals(List.of("main", "contrib", "non-free-firmware"), r.components());
        assertTrue(r.acquireByHash());
        assertFalse(r.notAutomatic());
        assertTrue(r.noSupportForArchitectureAll());
        assertEquals(Optional.of("http://mirror.example/changelogs/@CHANGEPATH@_changelog"), r.changelogs());
        assertEquals(List.of(), r.signedBy());
    }

    @Test
    void checksumListsAreEntriesAndFilesMergeThem() throws Exception {
        Release r = parse(TEXT);
        assertEquals(List.of(new ChecksumEntry("main/binary-amd64/Packages", 1234, SHA_A),
                new ChecksumEntry("main/binary-amd64/Packages.xz", 99, SHA_B)), r.checksums(HashAlgorithm.SHA256));
        assertEquals(1, r.checksums(HashAlgorithm.MD5).size());
        assertEquals(List.of(), r.checksums(HashAlgorithm.SHA512));
        IndexFileEntry packages = r.file("main/binary-amd64/Packages").orElseThrow();
        assertEquals(1234, packages.size());
        assertEquals(Optional.of("0123456789abcdef0123456789abcdef"), packages.digest(HashAlgorithm.MD5));
        assertEquals(Optional.of(HashAlgorithm.SHA256), packages.strongestAlgorithm());
        assertEquals(List.of("main/binary-amd64/Packages", "main/binary-amd64/Packages.xz"), List.copyOf(r.files().keySet()));
    }

    @Test
    void aFileListedOnlyWithWeakHashesHasNoStrongDigest() throws Exception {
        Release r = parse("Suite: x\nMD5Sum:\n 0123456789abcdef0123456789abcdef 5 main/i18n/Index\n");
        assertFalse(r.file("main/i18n/Index").orElseThrow().hasStrongDigest());
    }

    @Test
    void datesFollowApt() {
        assertEquals(Instant.parse("2025-11-15T08:27:59Z"), Release.parseDate("Sat, 15 Nov 2025 08:27:59 UTC"));
        assertEquals(Instant.parse("2025-11-05T08:27:59Z"), Release.parseDate("Wed, 5 Nov 2025 08:27:59 GMT"));
        assertEquals(Instant.parse("2025-11-15T08:27:59Z"), Release.parseDate("15 Nov 2025 08:27:59 +0000"));
        assertEquals(Instant.parse("2025-11-15T08:27:59Z"), Release.parseDate("Sat, 15 Nov 2025 08:27:59 Z"));
        for (String bad : List.of("Sat, 15 Nov 2025 08:27:59 +0100", "Sat, 15 Nov 2025 08:27:59", "2025-11-15T08:27:59Z",
                "Sat, 31 Feb 2025 08:27:59 UTC", "Sat, 15 Foo 2025 08:27:59 UTC", "")) {
            assertThrows(IllegalArgumentException.class, () -> Release.parseDate(bad), bad);
        }
    }

    @Test
    void errorsNameTheLineAndWhatWasExpected() {
        assertEquals("Release:2: field \"Date\" has date \"yesterday\"; expected UTC time as \"Sat, 15 Nov 2025 08:27:59 UTC\"",
                failure("Suite: x\nDate: yesterday\n").getMessage());
        assertEquals("Release:3: duplicate field \"suite\" (first on line 1)",
                failure("Suite: x\nCodename: y\nsuite: z\n").getMessage());
        assertEquals("Release:3: digest \"abc\" in SHA256 is not 64 hex digits",
                failure("Suite: x\nSHA256:\n abc 1 main/x\n").getMessage());
        assertEquals("Release:3: checksum line " + MalformedInputException.quote(SHA_A + " 1") + " in SHA256 has 2 fields; expected \"<digest> <size> <path>\"",
                failure("Suite: x\nSHA256:\n " + SHA_A + " 1\n").getMessage());
        assertEquals("Release:3: size \"-1\" in SHA256 is not a number of bytes",
                failure("Suite: x\nSHA256:\n " + SHA_A + " -1 main/x\n").getMessage());
        assertEquals("Release:4: file \"main/x\" is listed twice in SHA256",
                failure("Suite: x\nSHA256:\n " + SHA_A + " 1 main/x\n " + SHA_B + " 1 main/x\n").getMessage());
        assertEquals("Release:4: file \"main/x\" has size 2 in SHA256 but 1 in another checksum list",
                failure("Suite: x\nMD5Sum:\n " + "c".repeat(32) + " 1 main/x\nSHA256:\n " + SHA_A + " 2 main/x\n")
                        .getMessage());
        assertEquals("Release:2: field \"Acquire-By-Hash\" has value \"maybe\"; expected \"yes\" or \"no\"",
                failure("Suite: x\nAcquire-By-Hash: maybe\n").getMessage());
        assertEquals("Release:3: no Release paragraph; expected fields such as \"Suite:\"", failure("\n\n").getMessage());
    }

    @Test
    void onlyTheFirstParagraphCounts() throws Exception {
        Release r = parse("Suite: a\n\nSuite: b\n");
        assertEquals(Optional.of("a"), r.suite());
    }

    @Test
    void signedByListsFingerprints() throws Exception {
        Release r = parse("Suite: a\nSigned-By: " + "A".repeat(40) + ", " + "B".repeat(40) + "\n");
        assertEquals(List.of("A".repeat(40), "B".repeat(40)), r.signedBy());
    }
}
