package org.debindex.core.index;

import static org.debindex.core.index.Fixture.BOOKWORM;
import static org.debindex.core.index.Fixture.TRIXIE;
import static org.debindex.core.index.Fixture.TRIXIE_I386;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.debindex.core.MalformedInputException;
import org.debindex.core.compress.SizeLimit;
import org.debindex.core.model.SourceRef;
import org.debindex.core.relation.RelationField;
import org.debindex.core.version.DebianVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Queries of an index built in memory from the small {@link Fixture} archive. */
class PackageIndexTest {

    @TempDir
    static Path dir;

    static List<IndexInput> inputs;
    static PackageIndex index;

    @BeforeAll
    static void build() throws Exception {
        inputs = Fixture.write(dir);
        index = PackageIndex.build(inputs);
    }

    /** {@code name version arch codename/arch} of each entry. */
    static List<String> describe(List<PackageEntry> entries) {
        List<String> out = new ArrayList<>();
        for (PackageEntry e : entries) {
            out.add(e.name() + " " + e.version() + " " + e.architecture() + " " + e.origin().codename() + "/"
                    + e.origin().architecture());
        }
        return out;
    }

    static List<String> hits(List<SearchHit> hits) {
        List<String> out = new ArrayList<>();
        for (SearchHit h : hits) {
            out.add(h.match() + " " + describe(List.of(h.entry())).get(0));
        }
        return out;
    }

    static List<String> reverse(List<ReverseDependency> deps) {
        List<String> out = new ArrayList<>();
        for (ReverseDependency d : deps) {
            out.add(describe(List.of(d.dependent())).get(0) + " " + d.field() + " " + d.relation()
                    + (d.followedByAlternative() ? " |" : "") + (d.viaProvides() ? " via" : ""));
        }
        return out;
    }

    @Test
    void countsEveryStanzaOfEveryPackagesFile() {
        assertEquals(12 + 5 + 2, index.size());
        assertEquals(List.of(TRIXIE, BOOKWORM, TRIXIE_I386), index.origins());
        List<InputIdentity> expected = new ArrayList<>();
        for (IndexInput in : inputs) {
            expected.add(in.identity());
        }
        assertEquals(expected, index.inputs());
    }

    @Test
    void versionsNewestFirstThenOriginInInputOrder() throws Exception {
        assertEquals(List.of("alpha 2.0-1 amd64 trixie/amd64", "alpha 2.0-1 i386 trixie/i386",
                "alpha 1.0-1 amd64 bookworm/amd64"), describe(index.packages("alpha")));
        assertEquals(List.of("libfoo1 1.5-1 amd64 trixie/amd64", "libfoo1 1.5-1 amd64 bookworm/amd64"),
                describe(index.packages("libfoo1")));
        assertEquals(List.of("mailer-user 1.0 all trixie/amd64", "mailer-user 1.0 all trixie/i386"),
                describe(index.packages("mailer-user")));
        assertEquals("alpha tool", index.packages("alpha").get(0).summary());
        assertEquals("alpha tool (old)", index.packages("alpha").get(2).summary());
    }

    @Test
    void namesThatAreNoPackageHaveNoEntries() throws Exception {
        assertEquals(List.of(), index.packages("ghost"));           // only in Translation: ignored
        assertEquals(List.of(), index.packages("mail-transport-agent"));
        assertEquals(List.of(), index.packages("libc6"));
        assertEquals(List.of(), index.packages("nonexistent"));
        assertEquals(List.of(), index.packages(""));
        assertEquals(List.of(), index.search(SearchQuery.of("nobody ships")));
    }

    @Test
    void providersWithVersionedProvides() throws Exception {
        List<Provider> mta = index.providers("mail-transport-agent");
        List<String> names = new ArrayList<>();
        for (Provider p : mta) {
            names.add(describe(List.of(p.provider())).get(0));
            assertEquals(Optional.empty(), p.providedVersion());
            assertEquals("mail-transport-agent", p.providedName());
        }
        assertEquals(List.of("exim4 4.98-1 amd64 trixie/amd64", "postfix 3.10-1 amd64 trixie/amd64",
                "postfix 3.7-1 amd64 bookworm/amd64"), names);
        List<Provider> mta2 = index.providers("default-mta");
        assertEquals(1, mta2.size());
        assertEquals(Optional.of(DebianVersion.of("3.10-1")), mta2.get(0).providedVersion());
        assertEquals(List.of(), index.providers("postfix"));
    }

    @Test
    void reverseDependenciesOfAVirtualPackage() throws Exception {
        assertEquals(List.of(
                "alpha 2.0-1 amd64 trixie/amd64 Depends mail-transport-agent |",
                "alpha 2.0-1 i386 trixie/i386 Depends mail-transport-agent |",
                "mailer-user 1.0 all trixie/amd64 Recommends mail-transport-agent",
                "mailer-user 1.0 all trixie/i386 Recommends mail-transport-agent",
                "postfix 3.10-1 amd64 trixie/amd64 Conflicts mail-transport-agent",
                "postfix 3.10-1 amd64 trixie/amd64 Replaces mail-transport-agent"),
                reverse(index.reverseDependencies("mail-transport-agent")));
    }

    @Test
    void reverseDependenciesThroughProvides() throws Exception {
        assertEquals(List.of(
                "alpha 2.0-1 amd64 trixie/amd64 Depends postfix",
                "alpha 2.0-1 i386 trixie/i386 Depends postfix",
                "alpha 2.0-1 amd64 trixie/amd64 Depends mail-transport-agent | via",
                "alpha 2.0-1 i386 trixie/i386 Depends mail-transport-agent | via",
                "mailer-user 1.0 all trixie/amd64 Recommends mail-transport-agent via",
                "mailer-user 1.0 all trixie/i386 Recommends mail-transport-agent via",
                "postfix 3.10-1 amd64 trixie/amd64 Conflicts mail-transport-agent via",
                "postfix 3.10-1 amd64 trixie/amd64 Replaces mail-transport-agent via"),
                reverse(index.reverseDependencies("postfix")));
    }

    @Test
    void reverseDependenciesKeepFieldVersionAndQualifier() throws Exception {
        assertEquals(List.of(
                "gamma-data 1.0-1 all trixie/amd64 Enhances alpha",
                "gamma-data 1.0-1 all trixie/amd64 Breaks alpha (<< 2.0)",
                "mailer-user 1.0 all trixie/amd64 Suggests alpha",
                "mailer-user 1.0 all trixie/i386 Suggests alpha"),
                reverse(index.reverseDependencies("alpha")));
        assertEquals(List.of(
                "alpha 2.0-1 amd64 trixie/amd64 Depends libc6:any",
                "alpha 2.0-1 i386 trixie/i386 Depends libc6:any",
                "libfoo1 1.5-1 amd64 trixie/amd64 Depends libc6 (>= 2.36)",
                "nginx 1.26-1 amd64 trixie/amd64 Pre-Depends libc6 (>= 2.38)"),
                reverse(index.reverseDependencies("libc6")));
        assertEquals(RelationField.PRE_DEPENDS, index.reverseDependencies("libc6").get(3).field());
        assertEquals(List.of(), index.reverseDependencies("nonexistent"));
    }

    @Test
    void binariesBySourcePackage() throws Exception {
        assertEquals(List.of("libfoo-dev 1.5-1 amd64 trixie/amd64", "libfoo1 1.5-1 amd64 trixie/amd64",
                "libfoo1 1.5-1 amd64 bookworm/amd64"), describe(index.bySource("foo")));
        assertEquals(describe(index.packages("alpha")), describe(index.bySource("alpha")));
        assertEquals(new SourceRef("foo", DebianVersion.of("1.5-1")), index.source(index.packages("libfoo1").get(0)));
        assertEquals(new SourceRef("alpha", DebianVersion.of("2.0-1")), index.source(index.packages("alpha").get(0)));
    }

    @Test
    void stanzasExactlyAsWritten() throws Exception {
        PackageEntry alpha = index.packages("alpha").get(0);
        String expected = TestArchive.pkg("alpha", "2.0-1", "amd64")
                .field("Depends", "libfoo1 (>= 1.2), mail-transport-agent | postfix, libc6:any")
                .description("alpha tool", Fixture.ALPHA_LONG).text();
        assertEquals(expected.substring(0, expected.length() - 1), index.stanza(alpha));
        assertTrue(java.util.Arrays.equals(index.stanza(alpha).getBytes(StandardCharsets.UTF_8),
                index.stanzaBytes(alpha)));
        assertEquals("libfoo1 (>= 1.2), mail-transport-agent | postfix, libc6:any",
                index.binaryPackage(alpha).relations(RelationField.DEPENDS).toString());
    }

    @Test
    void longDescriptionsJoinedOnNameAndMd5() throws Exception {
        List<PackageEntry> alpha = index.packages("alpha");
        assertEquals(Optional.of(Fixture.ALPHA_LONG), index.longDescription(alpha.get(0)));
        assertEquals(Optional.of(Fixture.ALPHA_LONG), index.longDescription(alpha.get(1)));
        // bookworm has no Translation file: the trixie one has an entry with its md5
        assertEquals(Optional.of(Fixture.ALPHA_OLD_LONG), index.longDescription(alpha.get(2)));
        assertEquals(Optional.empty(), index.longDescription(index.packages("postfix").get(0)));
        assertEquals(Optional.of(Fixture.OLDONLY_LONG), index.longDescription(index.packages("oldonly").get(0)));
        assertEquals("only in bookworm", index.packages("oldonly").get(0).summary());
    }

    @Test
    void searchRanksExactThenPrefixThenNameThenDescription() throws Exception {
        List<String> expected = List.of(
                "EXACT_NAME nginx 1.26-1 amd64 trixie/amd64",
                "EXACT_NAME nginx 1.22-1 amd64 bookworm/amd64",
                "NAME_PREFIX nginx-common 1.26-1 all trixie/amd64",
                "NAME_CONTAINS libnginx-mod-http-foo 1.26-1 amd64 trixie/amd64",
                "DESCRIPTION webserver-doc 1.0 all trixie/amd64");
        assertEquals(expected, hits(index.search(SearchQuery.of("nginx"))));
        assertEquals(expected, hits(index.search(SearchQuery.of("NGINX"))));
        assertEquals(expected.subList(0, 4), hits(index.search(SearchQuery.of("nginx").withNamesOnly(true))));
        assertEquals(expected.subList(0, 2), hits(index.search(SearchQuery.of("nginx").withLimit(2))));
    }

    @Test
    void everyTermMustMatchNameOrDescription() throws Exception {
        assertEquals(List.of("NAME_PREFIX python3-yaml 6.0-1 amd64 trixie/amd64"),
                hits(index.search(SearchQuery.of("python3", "yaml"))));
        assertEquals(List.of(
                "DESCRIPTION nginx 1.26-1 amd64 trixie/amd64",
                "DESCRIPTION nginx 1.22-1 amd64 bookworm/amd64",
                "DESCRIPTION nginx-common 1.26-1 all trixie/amd64"),
                hits(index.search(SearchQuery.of("proxy", "server"))));
        assertEquals(List.of(), hits(index.search(SearchQuery.of("nginx", "yaml"))));
        // a term must match within one name or one description, not across them
        assertEquals(List.of(), hits(index.search(SearchQuery.of("alphaalpha"))));
    }

    @Test
    void providedNamesCountAsNamesOfTheProvider() throws Exception {
        List<String> expected = List.of(
                "PROVIDED_NAME exim4 4.98-1 amd64 trixie/amd64",
                "PROVIDED_NAME postfix 3.10-1 amd64 trixie/amd64",
                "PROVIDED_NAME postfix 3.7-1 amd64 bookworm/amd64");
        assertEquals(expected, hits(index.search(SearchQuery.of("mail-transport-agent"))));
        assertEquals(expected, hits(index.search(SearchQuery.of("mail-transport-agent").withNamesOnly(true))));
        assertEquals(expected, hits(index.search(SearchQuery.of("transport", "agent"))));
        assertEquals(List.of("PROVIDED_NAME postfix 3.10-1 amd64 trixie/amd64"),
                hits(index.search(SearchQuery.of("default", "mta"))));
        assertEquals(List.of("PROVIDED_NAME postfix 3.10-1 amd64 trixie/amd64"),
                hits(index.search(SearchQuery.of("default-m.a").withRegex(true).withNamesOnly(true))));
    }

    @Test
    void searchFindsNonAsciiTextInEitherCase() throws Exception {
        List<String> expected = List.of("DESCRIPTION alpha 2.0-1 amd64 trixie/amd64",
                "DESCRIPTION alpha 2.0-1 i386 trixie/i386");
        assertEquals(expected, hits(index.search(SearchQuery.of("ünïcödé"))));
        assertEquals(expected, hits(index.search(SearchQuery.of("ÜNÏCÖDÉ"))));
    }

    @Test
    void searchFiltersBySuiteAndArchitecture() throws Exception {
        assertEquals(List.of("EXACT_NAME nginx 1.22-1 amd64 bookworm/amd64"),
                hits(index.search(SearchQuery.of("nginx").withSuite("bookworm"))));
        assertEquals(List.of("EXACT_NAME nginx 1.22-1 amd64 bookworm/amd64"),
                hits(index.search(SearchQuery.of("nginx").withSuite("oldstable"))));
        assertEquals(5 - 1, index.search(SearchQuery.of("nginx").withSuite("trixie")).size());
        assertEquals(List.of("NAME_PREFIX mailer-user 1.0 all trixie/i386"),
                hits(index.search(SearchQuery.of("mail").withArchitecture("i386"))));
        assertEquals(List.of("NAME_PREFIX mailer-user 1.0 all trixie/amd64", "NAME_PREFIX mailer-user 1.0 all trixie/i386"),
                hits(index.search(SearchQuery.of("mailer").withArchitecture("all"))));
        assertEquals(List.of(), hits(index.search(SearchQuery.of("nginx").withSuite("sid"))));
    }

    @Test
    void regularExpressions() throws Exception {
        assertEquals(List.of(
                "NAME_PREFIX nginx 1.26-1 amd64 trixie/amd64",
                "NAME_PREFIX nginx 1.22-1 amd64 bookworm/amd64",
                "NAME_PREFIX nginx-common 1.26-1 all trixie/amd64"),
                hits(index.search(SearchQuery.of("^ngin").withRegex(true).withNamesOnly(true))));
        assertEquals(hits(index.search(SearchQuery.of("nginx"))),
                hits(index.search(SearchQuery.of("ng.nx").withRegex(true))));
        assertEquals(hits(index.search(SearchQuery.of("nginx"))),
                hits(index.search(SearchQuery.of("nginx").withRegex(true))));
        assertEquals(List.of("EXACT_NAME python3-yaml 6.0-1 amd64 trixie/amd64"),
                hits(index.search(SearchQuery.of("^python3-ya?ml$").withRegex(true))));
        assertThrows(java.util.regex.PatternSyntaxException.class,
                () -> index.search(SearchQuery.of("(").withRegex(true)));
    }

    @Test
    void closeMatchesForSuggestions() throws Exception {
        assertTrue(index.closeMatches("ngnix", 5).contains("nginx"), index.closeMatches("ngnix", 5).toString());
        assertEquals(List.of("alpha"), index.closeMatches("alph", 1));
        List<String> near = index.closeMatches("nginx", 10);
        assertFalse(near.contains("nginx"));
        assertTrue(near.contains("nginx-common"), near.toString());
        assertTrue(index.closeMatches("default-mtb", 5).contains("default-mta"));   // provided names count
        assertFalse(index.closeMatches("ghosts", 5).contains("ghost"));              // Translation only
        assertFalse(index.closeMatches("libc7", 5).contains("libc6"));              // only a relation target
        assertThrows(IllegalArgumentException.class, () -> index.closeMatches("x", 0));
    }

    @Test
    void entriesOfAnotherIndexAreRefused() throws Exception {
        PackageEntry alpha = index.packages("alpha").get(0);
        PackageEntry forged = new PackageEntry(alpha.id(), "beta", alpha.version(), alpha.architecture(),
                alpha.origin(), alpha.summary());
        assertThrows(IllegalArgumentException.class, () -> index.stanza(forged));
        PackageEntry outside = new PackageEntry(index.size(), "alpha", alpha.version(), alpha.architecture(),
                alpha.origin(), alpha.summary());
        assertThrows(IllegalArgumentException.class, () -> index.longDescription(outside));
    }

    @Test
    void malformedInputNamesTheFileAndLine() throws Exception {
        Path bad = dir.resolve("bad-Packages");
        Files.writeString(bad, "Package: a\nVersion: 1.0\nArchitecture: all\n\nPackage: b\nVersion: !!\nArchitecture: all\n");
        IndexInput input = IndexInput.packages(TRIXIE, bad, "bad/Packages", Files.size(bad), "", SizeLimit.defaultLimit());
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> PackageIndex.build(List.of(input)));
        assertTrue(e.getMessage().startsWith("bad/Packages:6: "), e.getMessage());
    }

    @Test
    void sizeLimitIsEnforced() throws Exception {
        Path file = dir.resolve("small-Packages");
        Files.writeString(file, "Package: a\nVersion: 1.0\nArchitecture: all\n");
        IndexInput input = IndexInput.packages(TRIXIE, file, "small/Packages", Files.size(file), "", SizeLimit.exactly(10));
        assertThrows(IOException.class, () -> PackageIndex.build(List.of(input)));
    }

    @Test
    void emptyInputsGiveAnEmptyIndex() throws Exception {
        PackageIndex empty = PackageIndex.build(List.of());
        assertEquals(0, empty.size());
        assertEquals(List.of(), empty.packages("alpha"));
        assertEquals(List.of(), empty.search(SearchQuery.of("alpha")));
        assertEquals(List.of(), empty.closeMatches("alpha", 3));
        Path file = dir.resolve("empty.idx");
        empty.write(file);
        assertEquals(0, PackageIndex.open(file).size());
    }
}
