package org.debindex.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.debindex.core.MalformedInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The deb822 format ({@code .sources} files), rule by rule, as apt 2.6 reads it. */
class Deb822SourcesTest {

    private static final SourcesParser PARSER = new SourcesParser("arm64");

    private static SourceList parse(String text) throws MalformedInputException {
        return PARSER.parseDeb822(text, "t.sources");
    }

    private static MalformedInputException failure(String text) {
        return assertThrows(MalformedInputException.class, () -> parse(text));
    }

    @Test
    void expandsTypesUrisAndSuitesInAptsOrder() throws Exception {
        SourceList list = parse("""
                # comment before the stanza
                Types: deb deb-src
                URIs: http://mirror.example/debian file:/srv/mirror
                Suites: trixie trixie-updates
                  trixie-backports
                Components: main contrib
                Architectures: amd64 i386
                """);
        assertEquals(2 * 2 * 3, list.entries().size());
        List<String> seen = new ArrayList<>();
        for (SourceEntry e : list.entries()) {
            seen.add(e.type() + " " + e.uri() + " " + e.suite());
            assertEquals(List.of("main", "contrib"), e.components());
            assertEquals(MultiValueOption.of(List.of("amd64", "i386")), e.options().architectures());
            assertEquals(2, e.line());
            assertEquals("t.sources:2", e.origin());
        }
        assertEquals(List.of(
                "deb http://mirror.example/debian/ trixie",
                "deb http://mirror.example/debian/ trixie-updates",
                "deb http://mirror.example/debian/ trixie-backports",
                "deb file:/srv/mirror/ trixie",
                "deb file:/srv/mirror/ trixie-updates",
                "deb file:/srv/mirror/ trixie-backports",
                "deb-src http://mirror.example/debian/ trixie",
                "deb-src http://mirror.example/debian/ trixie-updates",
                "deb-src http://mirror.example/debian/ trixie-backports",
                "deb-src file:/srv/mirror/ trixie",
                "deb-src file:/srv/mirror/ trixie-updates",
                "deb-src file:/srv/mirror/ trixie-backports"), seen);
        assertEquals(List.of(), list.warnings());
    }

    @Test
    void severalStanzasKeepTheirLines() throws Exception {
        SourceList list = parse("""
                Types: deb
                URIs: http://mirror.example/debian
                Suites: trixie
                Components: main

                # the security archive
                Types: deb
                URIs: http://mirror.example/debian-security
                Suites: trixie-security
                Components: main
                """);
        assertEquals(List.of(1L, 7L), list.entries().stream().map(SourceEntry::line).toList());
    }

    @Test
    void fieldNamesAreCaseInsensitive() throws Exception {
        SourceEntry e = parse("types: deb\nuris: http://mirror.example/d\nSUITES: y\ncomponents: main\narchitectures: amd64\n")
                .entries().get(0);
        assertEquals("y", e.suite());
        assertEquals(List.of("amd64"), e.architectures(List.of("arm64")));
    }

    @Test
    void enabledNoSkipsTheStanza() throws Exception {
        SourceList list = parse("""
                Types: deb
                URIs: http://mirror.example/debian
                Suites: trixie
                Components: main
                Enabled: no

                Types: deb
                URIs: http://mirror.example/other
                Enabled: false

                Types: deb
                URIs: http://mirror.example/third
                Suites: x
                Components: main
                Enabled: yes
                """);
        // a disabled stanza is not checked further: the second has no Suites and is still fine
        assertEquals(List.of(URI.create("http://mirror.example/third/")),
                list.entries().stream().map(SourceEntry::uri).toList());
        SourceList maybe = parse("Types: deb\nURIs: http://mirror.example/d\nSuites: x\nComponents: main\nEnabled: maybe\n");
        assertEquals(1, maybe.entries().size());
        assertEquals(List.of("t.sources:5: Enabled value \"maybe\" is not a boolean; apt keeps the stanza enabled"),
                OneLineSourcesTest.warnings(maybe));
    }

    @Test
    void flatRepositoriesAndTheArchVariable() throws Exception {
        SourceList list = parse("Types: deb\nURIs: http://mirror.example/$(ARCH)/repo\nSuites: ./ sub/$(ARCH)/ $(ARCH)-extra/\n");
        assertEquals(List.of("./", "sub/arm64/", "arm64-extra/"), list.entries().stream().map(SourceEntry::suite).toList());
        assertEquals(URI.create("http://mirror.example/arm64/repo/"), list.entries().get(0).uri());
        for (SourceEntry e : list.entries()) {
            assertTrue(e.isFlat());
            assertEquals(List.of(), e.components());
        }
        // unlike a one-line entry, a deb822 suite has $(ARCH) replaced even when it is not flat
        assertEquals("arm64", parse("Types: deb\nURIs: http://mirror.example/d\nSuites: $(ARCH)\nComponents: main\n")
                .entries().get(0).suite());
    }

    @Test
    void embeddedSignedByKeyBlockIsKeptVerbatim() throws Exception {
        String block = String.join("\n",
                " -----BEGIN PGP PUBLIC KEY BLOCK-----",
                " .",
                " mDMEYCQjIxYJKwYBBAHaRw8BAQdAD/P5Nvvnvk66SxBBHDbhRml9ORg1WV5CvzKY",
                " =IE0r",
                " -----END PGP PUBLIC KEY BLOCK-----");
        SourceList list = parse("Types: deb\nURIs: http://mirror.example/d\nSuites: stable\nComponents: main\nSigned-By:\n"
                + block + "\nArchitectures: amd64\n");
        SourceEntry e = list.entries().get(0);
        assertEquals(Optional.of("\n" + block), e.signedBy());
        assertEquals(List.of("amd64"), e.architectures(List.of()));
    }

    @Test
    void signedByPathsAndFingerprintsOnSeveralLines() throws Exception {
        String fpr = "0123456789ABCDEF0123456789ABCDEF01234567";
        SourceEntry e = parse("Types: deb\nURIs: http://mirror.example/d\nSuites: stable\nComponents: main\n"
                + "Signed-By: /usr/share/keyrings/a.gpg\n " + fpr + "!\n").entries().get(0);
        assertEquals(Optional.of("/usr/share/keyrings/a.gpg\n " + fpr + "!"), e.signedBy());
    }

    @Test
    void optionFields() throws Exception {
        SourceEntry e = parse("""
                Types: deb
                URIs: http://mirror.example/d
                Suites: stable
                Components: main
                Architectures-Add: i386
                Architectures-Remove: arm64
                Languages: de,en fr
                Check-Valid-Until: no
                Trusted: yes
                Check-Date: no
                Valid-Until-Min: 3600
                Date-Max-Future: 60
                PDiffs: no
                By-Hash: force
                """).entries().get(0);
        SourceOptions o = e.options();
        assertEquals(List.of("i386"), e.architectures(List.of("arm64")));
        // deb822 separates values by white space; apt then splits each at commas as well
        assertEquals(List.of("de", "en", "fr"), o.languages().resolve(List.of()));
        assertEquals(Optional.of(false), o.checkValidUntil());
        assertEquals(Optional.of(true), o.trusted());
        assertEquals(Optional.of(false), o.checkDate());
        assertEquals(Optional.of(java.time.Duration.ofHours(1)), o.validUntilMin());
        assertEquals(Optional.of(java.time.Duration.ofMinutes(1)), o.dateMaxFuture());
        assertEquals(Optional.of(false), o.pdiffs());
        assertEquals(Optional.of("force"), o.byHash());
    }

    @Test
    void unknownAndOneLineOnlyFieldsAreWarnings() throws Exception {
        SourceList list = parse("""
                Types: deb
                URIs: http://mirror.example/d
                Suites: stable
                Components: main
                X-Repolib-Name: example
                Allow-Insecure: yes
                arch: amd64
                """);
        assertEquals(Optional.empty(), list.entries().get(0).options().allowInsecure());
        assertEquals(MultiValueOption.DEFAULT, list.entries().get(0).options().architectures());
        assertEquals(List.of(
                "t.sources:5: unknown field \"X-Repolib-Name\" ignored (apt ignores it too)",
                "t.sources:6: field \"Allow-Insecure\" ignored: apt reads it only as the one-line option allow-insecure",
                "t.sources:7: unknown field \"arch\" ignored (apt ignores it too)"), OneLineSourcesTest.warnings(list));
    }

    @Test
    void emptyTypesDefinesNothing() throws Exception {
        SourceList list = parse("Types:\nURIs: http://mirror.example/d\nSuites: y\nComponents: main\n");
        assertEquals(List.of(), list.entries());
        assertTrue(OneLineSourcesTest.warnings(list).contains("t.sources:1: Types is empty: the stanza defines no source"),
                list.warnings().toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // stanza text with \n written as "/"; the line of the error; the problem
        "URIs: http://mirror.example/d/Suites: x/Components: main/Enabled: no | 1 | stanza has no Types field; expected \"Types: deb\", \"Types: deb-src\" or both",
        "Types: deb rpm/URIs: http://mirror.example/d/Suites: x/Components: main | 1 | unknown type \"rpm\"; expected \"deb\" or \"deb-src\"",
        "Enabled: no/Types: deb,deb-src/URIs: http://mirror.example/d | 2 | unknown type \"deb,deb-src\"; expected \"deb\" or \"deb-src\"",
        "Types: deb/Suites: x/Components: main | 1 | stanza has no URIs; expected \"URIs: URI...\"",
        "Types: deb/URIs:  /Suites: x/Components: main | 2 | stanza has no URIs; expected \"URIs: URI...\"",
        "Types: deb/URIs: http://mirror.example/d/Components: main | 1 | stanza has no Suites; expected \"Suites: suite...\"",
        "Types: deb/URIs: http://mirror.example/d/Suites: x | 3 | suite \"x\" needs Components; expected at least one, or a suite ending in \"/\" for a flat repository",
        "Types: deb/URIs: http://mirror.example/d/Suites: y x//Components: main | 4 | flat repository suite \"x/\" (ending in \"/\") must not have Components in the same stanza",
        "Types: deb/URIs: http://mirror.example/d mirror.example/e/Suites: x/Components: main | 2 | URI \"mirror.example/e\" has no scheme; expected one such as \"http:\", \"https:\" or \"file:\"",
        "Types: deb/URIs: http://mirror.example/d/Suites: x/Components: main/Signed-By: keys.gpg | 5 | Signed-By value \"keys.gpg\" is neither an absolute keyring path nor a 40-digit fingerprint",
    })
    void malformedStanzas(String stanza, long line, String problem) {
        String text = "# header\n\n" + stanza.replace("/Suites", "\nSuites").replace("/URIs", "\nURIs")
                .replace("/Components", "\nComponents").replace("/Enabled", "\nEnabled").replace("/Types", "\nTypes")
                .replace("/Signed-By", "\nSigned-By") + "\n";
        MalformedInputException e = failure(text);
        assertEquals(problem, e.problem());
        assertEquals(line + 2, e.line(), text);
        assertEquals("t.sources:" + (line + 2) + ": " + problem, e.getMessage());
    }

    @Test
    void keyBlockMustBeComplete() {
        MalformedInputException e = failure("Types: deb\nURIs: http://mirror.example/d\nSuites: x\nComponents: main\n"
                + "Signed-By:\n -----BEGIN PGP PUBLIC KEY BLOCK-----\n .\n mDMEYCQjIxYJ\n");
        assertEquals(5, e.line());
        assertEquals("Signed-By key block has no \"-----END PGP PUBLIC KEY BLOCK-----\" line", e.problem());
    }

    @Test
    void theFormatFollowsTheExtensionAsInApt() {
        assertTrue(SourcesParser.isDeb822(java.nio.file.Path.of("/etc/apt/sources.list.d/debian.sources")));
        assertTrue(SourcesParser.isDeb822(java.nio.file.Path.of("sources")));
        assertTrue(!SourcesParser.isDeb822(java.nio.file.Path.of("/etc/apt/sources.list")));
        assertTrue(!SourcesParser.isDeb822(java.nio.file.Path.of("/tmp/my.dir/sources")));
        assertTrue(!SourcesParser.isDeb822(java.nio.file.Path.of("x.sources.save")));
    }

    @Test
    void syntaxErrorsComeFromTheDeb822Reader() {
        MalformedInputException e = failure("Types: deb\nURIs http://mirror.example/d\n");
        assertEquals(2, e.line());
        assertEquals("t.sources", e.source());
    }
}
