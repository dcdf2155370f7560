package org.debindex.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.debindex.core.MalformedInputException;
import org.debindex.core.deb822.Paragraph;
import org.debindex.core.relation.Operator;
import org.debindex.core.relation.Relation;
import org.debindex.core.relation.RelationField;
import org.debindex.core.version.DebianVersion;
import org.junit.jupiter.api.Test;

class BinaryPackageTest {

    private static final String HELLO = """
            Package: hello
            Source: hello-src (2.10-3)
            Version: 2.10-3+b1
            Installed-Size: 281
            Maintainer: Santiago Vila <sanvila@debian.org>
            Architecture: amd64
            Multi-Arch: foreign
            Essential: yes
            Depends: libc6 (>= 2.34)
            Description: example package based on GNU hello
             The GNU hello program produces a familiar, friendly greeting.
             .
             Second paragraph.
            Homepage: http://mirror.example/hello/
            Description-md5: 69d08a1e1a5a1b4d4bfb1e7e4b4a8c8e
            Section: devel
            Priority: optional
            Filename: pool/main/h/hello/hello_2.10-3+b1_amd64.deb
            Size: 53164
            SHA256: 0000000000000000000000000000000000000000000000000000000000000001
            """;

    private static BinaryPackage parse(String text) throws MalformedInputException {
        return BinaryPackage.of(Paragraph.parse("Packages", text));
    }

    private static MalformedInputException failure(String text) {
        return assertThrows(MalformedInputException.class, () -> parse(text));
    }

    @Test
    void typedFields() throws Exception {
        BinaryPackage p = parse(HELLO);
        assertEquals("hello", p.name());
        assertEquals(DebianVersion.of("2.10-3+b1"), p.version());
        assertEquals("amd64", p.architecture());
        assertEquals(new SourceRef("hello-src", DebianVersion.of("2.10-3")), p.source());
        assertEquals(OptionalLong.of(281), p.installedSize());
        assertEquals(OptionalLong.of(53164), p.size());
        assertEquals(MultiArch.FOREIGN, p.multiArch());
        assertTrue(p.isEssential());
        assertFalse(p.isProtected());
        assertEquals(Optional.of("devel"), p.section());
        assertEquals(Optional.of("pool/main/h/hello/hello_2.10-3+b1_amd64.deb"), p.filename());
        assertEquals(Optional.of("example package based on GNU hello"), p.synopsis());
        assertEquals(Optional.of("The GNU hello program produces a familiar, friendly greeting.\n\nSecond paragraph."),
                p.longDescription());
        assertEquals(Optional.of("libc6 (>= 2.34)"), p.get("depends"));
        assertEquals("hello 2.10-3+b1 amd64", p.toString());
    }

    @Test
    void defaultsWhenOptionalFieldsAreAbsent() throws Exception {
        BinaryPackage p = parse("Package: a\nVersion: 1\nArchitecture: all\n");
        assertEquals(new SourceRef("a", DebianVersion.of("1")), p.source());
        assertEquals(MultiArch.NO, p.multiArch());
        assertEquals(OptionalLong.empty(), p.size());
        assertEquals(Optional.empty(), p.synopsis());
        assertFalse(p.isEssential());
    }

    @Test
    void sourceWithoutVersionTakesTheBinaryVersion() throws Exception {
        BinaryPackage p = parse("Package: a\nSource: src\nVersion: 1:2-3\nArchitecture: all\n");
        assertEquals(new SourceRef("src", DebianVersion.of("1:2-3")), p.source());
    }

    @Test
    void errorsNameTheFileLineAndField() {
        assertEquals("Packages:1: paragraph has no \"Version\" field",
                failure("Package: a\nArchitecture: all\n").getMessage());
        assertEquals("Packages:2: invalid version \"1.0 beta\": version string has embedded spaces",
                failure("Package: a\nVersion: 1.0 beta\nArchitecture: all\n").getMessage());
        assertEquals("Packages:4: field \"Size\" has value \"12k\"; expected a non-negative integer",
                failure("Package: a\nVersion: 1\nArchitecture: all\nSize: 12k\n").getMessage());
        assertEquals("Packages:4: field \"Multi-Arch\" has value \"sometimes\"; expected no, same, foreign or allowed",
                failure("Package: a\nVersion: 1\nArchitecture: all\nMulti-Arch: sometimes\n").getMessage());
        assertEquals("Packages:2: source \"src (1.0\" is not \"name\" or \"name (version)\"",
                failure("Package: a\nSource: src (1.0\nVersion: 1\nArchitecture: all\n").getMessage());
        assertEquals("Packages:2: invalid version \"\": version string is empty",
                failure("Package: a\nVersion:\nArchitecture: all\n").getMessage());
    }

    @Test
    void sourcePackageNameFilesAndBinaries() throws Exception {
        String sha = "ab".repeat(32);
        SourcePackage s = SourcePackage.of(Paragraph.parse("Sources", """
                Package: hello
                Binary: hello,
                 hello-doc
                Version: 2.10-3
                Architecture: any all
                Directory: pool/main/h/hello
                Uploaders: A <a@example.org>, B <b@example.org>
                Checksums-Sha256:
                 %s 1183 hello_2.10-3.dsc
                 %s 725946 hello_2.10.orig.tar.gz
                """.formatted(sha, sha.toUpperCase())));
        assertEquals("hello", s.name());
        assertEquals(List.of("hello", "hello-doc"), s.binaries());
        assertEquals(List.of("any", "all"), s.architectures());
        assertEquals(List.of("A <a@example.org>", "B <b@example.org>"), s.uploaders());
        assertEquals(List.of(new ChecksumEntry("hello_2.10-3.dsc", 1183, sha),
                new ChecksumEntry("hello_2.10.orig.tar.gz", 725946, sha)), s.files());
        assertEquals("hello", SourcePackage.of(Paragraph.parse("S", "Source: hello\nVersion: 1\n")).name());
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> SourcePackage.of(
                Paragraph.parse("Sources", "Package: x\nVersion: 1\nChecksums-Sha256:\n abc 1 x.dsc\n")));
        assertEquals("Sources:4: line \"abc 1 x.dsc\" in Checksums-Sha256 is not \"<64 hex digits> <size> <file>\"",
                e.getMessage());
    }

    @Test
    void sourcePackageChecksumListsByAlgorithm() throws Exception {
        String sha256 = "ab".repeat(32);
        String sha512 = "CD".repeat(64);
        String md5 = "ef".repeat(16);
        SourcePackage s = SourcePackage.of(Paragraph.parse("Sources", """
                Package: hello
                Version: 2.10-3
                Files:
                 %s 1183 hello_2.10-3.dsc
                Checksums-Sha256:
                 %s 1183 hello_2.10-3.dsc
                Checksums-Sha512:
                 %s 1183 hello_2.10-3.dsc
                """.formatted(md5, sha256, sha512)));
        assertEquals(List.of(new ChecksumEntry("hello_2.10-3.dsc", 1183, md5)), s.checksums(HashAlgorithm.MD5));
        assertEquals(List.of(), s.checksums(HashAlgorithm.SHA1));
        assertEquals(s.files(), s.checksums(HashAlgorithm.SHA256));
        assertEquals(List.of(new ChecksumEntry("hello_2.10-3.dsc", 1183, sha512.toLowerCase())),
                s.checksums(HashAlgorithm.SHA512));
        SourcePackage bad = SourcePackage.of(Paragraph.parse("Sources",
                "Package: x\nVersion: 1\nChecksums-Sha512:\n " + sha256 + " 1 x.dsc\n"));
        MalformedInputException e = assertThrows(MalformedInputException.class,
                () -> bad.checksums(HashAlgorithm.SHA512));
        assertEquals("Sources:4: line \"" + sha256.substring(0, 60) + "...\" in Checksums-Sha512 is not"
                + " \"<128 hex digits> <size> <file>\"", e.getMessage());
    }

    @Test
    void translationEntry() throws Exception {
        TranslationEntry t = TranslationEntry.of(Paragraph.parse("Translation-de", """
                Package: hello
                Description-md5: 69D08A1E1A5A1B4D4BFB1E7E4B4A8C8E
                Description-de: Beispielpaket
                 Erster Absatz.
                 .
                 Zweiter.
                """));
        assertEquals("de", t.language());
        assertEquals("69d08a1e1a5a1b4d4bfb1e7e4b4a8c8e", t.descriptionMd5());
        assertEquals("Beispielpaket", t.synopsis());
        assertEquals("Erster Absatz.\n\nZweiter.", t.longDescription());
        assertEquals("Translation-de:1: paragraph has no \"Description-<lang>\" field",
                assertThrows(MalformedInputException.class, () -> TranslationEntry.of(Paragraph.parse("Translation-de",
                        "Package: a\nDescription-md5: " + "0".repeat(32) + "\n"))).getMessage());
    }

    @Test
    void relationFieldsParseAndErrorsArePlacedInTheFile() throws Exception {
        BinaryPackage p = parse(HELLO);
        assertEquals(List.of(Relation.of("libc6", Operator.LATER_OR_EQUAL, DebianVersion.of("2.34"))),
                p.relations(RelationField.DEPENDS).allRelations());
        assertTrue(p.relations(RelationField.PROVIDES).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> p.relations(RelationField.BUILD_DEPENDS));

        BinaryPackage bad = parse("Package: a\nVersion: 1\nArchitecture: all\nDepends: b,\n c (>= 1) | d [amd64]\n");
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> bad.relations(RelationField.DEPENDS));
        assertEquals(5, e.line());
        assertTrue(e.getMessage().startsWith("Packages:5: field \"Depends\": "), e.getMessage());
        assertEquals("Package: a\nVersion: 1\nArchitecture: all\nDepends: b,\n c (>= 1) | d ".length(), e.offset());
    }

    @Test
    void sourceRelations() throws Exception {
        SourcePackage s = SourcePackage.of(Paragraph.parse("Sources",
                "Package: a\nVersion: 1\nBuild-Depends: debhelper-compat (= 13), gcc [amd64] <!nocheck>\n"));
        assertEquals("debhelper-compat (= 13), gcc [amd64] <!nocheck>",
                s.relations(RelationField.BUILD_DEPENDS).toString());
        assertThrows(IllegalArgumentException.class, () -> s.relations(RelationField.DEPENDS));
    }
}
