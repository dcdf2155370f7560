package org.debindex.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.debindex.cli.output.TestJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code search}, {@code show}, {@code versions}, {@code depends} and {@code rdepends} end to
 * end, in process, on a cache that {@code debindex update} filled from a small signed
 * {@code file:} mirror with two suites (built once for the class; tests only read it).
 */
class QueryCommandsTest {

    static final String ALPHA_LONG = "Alpha does things.\n\nIt is the first letter.";
    static final String ALPHA_OLD_LONG = "The old alpha.";
    static final String NGINX_LONG = "Nginx is a web server.";

    @TempDir
    static Path shared;

    static Path cache;

    @TempDir
    Path dir;

    /** The Description value: synopsis, long lines indented, empty lines as {@code .}. */
    static String description(String synopsis, String longText) {
        StringBuilder out = new StringBuilder(synopsis);
        for (String line : longText.split("\n", -1)) {
            out.append("\n ").append(line.isEmpty() ? "." : line);
        }
        return out.toString();
    }

    static String md5(String synopsis, String longText) {
        return TestMirror.md5(description(synopsis, longText));
    }

    @BeforeAll
    static void update() throws Exception {
        cache = makeCache(shared);
    }

    /** Makes the cache the tests query, in {@code dir}; returns its directory. */
    static Path makeCache(Path dir) throws Exception {
        TestMirror mirror = new TestMirror(dir);
        mirror.suite("stable", "trixie", Map.of(
                "main/binary-amd64/Packages", TestMirror.file(
                        "Package: alpha\nVersion: 2.0-1\nArchitecture: amd64\n"
                                + "Depends: libfoo1 (>= 1.2), mail-transport-agent | postfix\n"
                                + "Description: alpha tool\nDescription-md5: " + md5("alpha tool", ALPHA_LONG),
                        "Package: libfoo1\nSource: foo\nVersion: 1.5-1\nArchitecture: amd64\n"
                                + "Pre-Depends: libc6 (>= 2.36)\nDescription: foo library",
                        "Package: postfix\nVersion: 3.10-1\nArchitecture: amd64\n"
                                + "Provides: mail-transport-agent, default-mta (= 3.10-1)\nConflicts: mail-transport-agent\n"
                                + "Description: mail server",
                        "Package: exim4\nVersion: 4.98-1\nArchitecture: all\nProvides: mail-transport-agent\n"
                                + "Description: another mail server",
                        "Package: mailer-user\nVersion: 1.0\nArchitecture: all\n"
                                + "Depends: default-mta (>= 3.0) | mail-transport-agent\nSuggests: alpha\n"
                                + "Description: sends mail",
                        "Package: nginx\nVersion: 1.26-1\nArchitecture: amd64\nDepends: nginx-common (= 1.26-1)\n"
                                + "Provides: httpd\nDescription: small web server\nDescription-md5: "
                                + md5("small web server", NGINX_LONG),
                        "Package: nginx-common\nSource: nginx\nVersion: 1.26-1\nArchitecture: all\n"
                                + "Description: web server common files",
                        "Package: libnginx-mod-echo\nSource: nginx\nVersion: 1.26-1\nArchitecture: amd64\n"
                                + "Depends: nginx\nDescription: echo module",
                        "Package: webserver-doc\nVersion: 1.0\nArchitecture: all\n"
                                + "Description: documentation for nginx and other servers",
                        "Package: evil\nVersion: 1\nArchitecture: amd64\nDescription: clears \u001b[2J the screen"),
                "main/binary-i386/Packages", TestMirror.file(
                        "Package: alpha\nVersion: 2.0-1\nArchitecture: i386\n"
                                + "Depends: libfoo1 (>= 1.2), mail-transport-agent | postfix\n"
                                + "Description: alpha tool\nDescription-md5: " + md5("alpha tool", ALPHA_LONG),
                        "Package: exim4\nVersion: 4.98-1\nArchitecture: all\nProvides: mail-transport-agent\n"
                                + "Description: another mail server"),
                "main/i18n/Translation-en", TestMirror.file(
                        "Package: alpha\nDescription-md5: " + md5("alpha tool", ALPHA_LONG)
                                + "\nDescription-en: " + description("alpha tool", ALPHA_LONG),
                        "Package: nginx\nDescription-md5: " + md5("small web server", NGINX_LONG)
                                + "\nDescription-en: " + description("small web server", NGINX_LONG))));
        mirror.suite("oldstable", "bookworm", Map.of(
                "main/binary-amd64/Packages", TestMirror.file(
                        "Package: alpha\nVersion: 1.0-1\nArchitecture: amd64\n"
                                + "Description: alpha tool (old)\nDescription-md5: " + md5("alpha tool (old)", ALPHA_OLD_LONG),
                        "Package: nginx\nVersion: 1.22-1\nArchitecture: amd64\nProvides: httpd\n"
                                + "Description: small web server",
                        "Package: oldonly\nVersion: 0.1\nArchitecture: amd64\n"
                                + "Description: only in bookworm\n Its own long description.\n .\n Second paragraph."),
                "main/binary-i386/Packages", "",
                "main/i18n/Translation-en", TestMirror.file(
                        "Package: alpha\nDescription-md5: " + md5("alpha tool (old)", ALPHA_OLD_LONG)
                                + "\nDescription-en: " + description("alpha tool (old)", ALPHA_OLD_LONG))));
        Path cache = dir.resolve("cache");
        Cli result = Cli.run("--cache-dir", cache.toString(), "--repo", mirror.repo("trixie"),
                "--repo", mirror.repo("bookworm"), "update", "--arch", "amd64", "--arch", "i386", "--at", TestMirror.AT);
        assertEquals(0, result.status(), result.out() + result.err());
        assertTrue(Files.isRegularFile(cache.resolve("index/packages.idx")), result.out());
        return cache;
    }

    /** Runs a command on the class's cache. */
    static Cli query(String... args) {
        List<String> all = new ArrayList<>(List.of("--cache-dir", cache.toString()));
        all.addAll(List.of(args));
        return Cli.run(all.toArray(String[]::new));
    }

    /** Runs with stdout as a terminal of {@code width} columns. */
    static Cli queryOnTerminal(int width, String... args) {
        List<String> all = new ArrayList<>(List.of("--cache-dir", cache.toString()));
        all.addAll(List.of(args));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int status;
        try (java.io.PrintStream o = new java.io.PrintStream(out, false, StandardCharsets.UTF_8);
                java.io.PrintStream e = new java.io.PrintStream(err, false, StandardCharsets.UTF_8)) {
            status = Main.run(all.toArray(String[]::new), java.io.InputStream.nullInputStream(), o, e, false,
                    OptionalInt.of(width));
        }
        return new Cli(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> array(Cli result) {
        return (List<Map<String, Object>>) TestJson.parse(result.out());
    }

    static Cli ok(Cli result) {
        assertEquals(0, result.status(), result.out() + result.err());
        assertEquals("", result.err());
        return result;
    }

    static final String NGINX_SEARCH = """
            nginx              1.26-1  trixie/main    amd64  small web server
            nginx              1.22-1  bookworm/main  amd64  small web server
            nginx-common       1.26-1  trixie/main    all    web server common files
            libnginx-mod-echo  1.26-1  trixie/main    amd64  echo module
            webserver-doc      1.0     trixie/main    all    documentation for nginx and other servers
            """;

    // ---- search

    @Test
    void searchRanksExactNameThenPrefixThenContainingNameThenDescription() {
        assertEquals(NGINX_SEARCH, ok(query("search", "nginx")).out());
    }

    @Test
    void searchIsCaseInsensitiveAndEveryTermMustMatch() {
        assertEquals("""
                exim4    4.98-1  trixie/main  all    another mail server
                postfix  3.10-1  trixie/main  amd64  mail server
                """, ok(query("search", "MAIL", "Server")).out());
    }

    @Test
    void searchAProvidedNameRanksAfterNames() {
        assertEquals("""
                nginx  1.26-1  trixie/main    amd64  small web server
                nginx  1.22-1  bookworm/main  amd64  small web server
                """, ok(query("search", "httpd")).out());
    }

    @Test
    void searchNamesOnlySkipsDescriptions() {
        assertEquals("""
                nginx              1.26-1  trixie/main    amd64  small web server
                nginx              1.22-1  bookworm/main  amd64  small web server
                nginx-common       1.26-1  trixie/main    all    web server common files
                libnginx-mod-echo  1.26-1  trixie/main    amd64  echo module
                """, ok(query("search", "--names-only", "nginx")).out());
    }

    @Test
    void searchRegex() {
        assertEquals("""
                nginx         1.26-1  trixie/main    amd64  small web server
                nginx         1.22-1  bookworm/main  amd64  small web server
                nginx-common  1.26-1  trixie/main    all    web server common files
                """, ok(query("search", "--regex", "^nginx(-common)?$")).out());
    }

    @Test
    void anInvalidRegexIsAUsageError() {
        Cli result = query("search", "--regex", "x(");
        assertEquals(2, result.status(), result.err());
        assertEquals("", result.out());
        assertEquals("debindex: invalid regular expression \"x(\": unclosed group at index 2\n"
                + "Try 'debindex search --help' for more information.\n", result.err());
    }

    @Test
    void searchSuiteAndArchFilters() {
        assertEquals("nginx  1.22-1  bookworm/main  amd64  small web server\n",
                ok(query("search", "--suite", "bookworm", "nginx", "server")).out());
        assertEquals("nginx  1.22-1  bookworm/main  amd64  small web server\n",
                ok(query("search", "--suite", "oldstable", "nginx", "server")).out());
        assertEquals("alpha  2.0-1  trixie/main  i386  alpha tool\n", ok(query("search", "--arch", "i386", "alpha")).out());
        // 'all' packages listed for i386 count as i386
        assertEquals("exim4  4.98-1  trixie/main  all  another mail server\n",
                ok(query("search", "--arch", "i386", "exim4")).out());
    }

    @Test
    void searchLimitKeepsTheBest() {
        assertEquals(NGINX_SEARCH.lines().limit(2).map(l -> l + "\n").reduce("", String::concat)
                .replace("nginx              ", "nginx  "), ok(query("search", "--limit", "2", "nginx")).out());
        Cli zero = query("search", "--limit", "0", "nginx");
        assertEquals(2, zero.status(), zero.err());
        assertTrue(zero.err().startsWith("debindex: --limit must be at least 1: 0\n"), zero.err());
    }

    @Test
    void searchWithoutHitIsStatus1WithANoteThatQuietSilences() {
        assertEquals(new Cli(1, "", "debindex: no package matches \"zzz\" \"yyy\" in suite trixie\n"),
                query("search", "--suite", "trixie", "zzz", "yyy"));
        assertEquals(new Cli(1, "", ""), query("-q", "search", "zzz"));
        assertEquals(new Cli(1, "[]\n", "debindex: no package matches \"zzz\"\n"), query("--json", "search", "zzz"));
    }

    @Test
    void searchJson() {
        Cli result = ok(query("--json", "search", "--limit", "3", "nginx"));
        List<Map<String, Object>> hits = array(result);
        assertEquals(3, hits.size(), result.out());
        assertEquals(Map.of("package", "nginx", "version", "1.26-1", "architecture", "amd64", "suite", "stable",
                "codename", "trixie", "component", "main", "summary", "small web server", "match", "EXACT_NAME"),
                hits.get(0));
        assertEquals(List.of("package", "version", "architecture", "suite", "codename", "component", "summary", "match"),
                List.copyOf(hits.get(0).keySet()));
        assertEquals(List.of("bookworm", "trixie"), List.of(hits.get(1).get("codename"), hits.get(2).get("codename")));
        assertEquals("NAME_PREFIX", hits.get(2).get("match"));
    }

    @Test
    void onATerminalRowsAreCutAtItsWidth() {
        Cli result = queryOnTerminal(40, "search", "nginx");
        assertEquals(0, result.status(), result.err());
        List<String> expected = NGINX_SEARCH.lines().map(l -> l.length() > 40 ? l.substring(0, 40) : l).toList();
        assertEquals(expected, result.out().lines().toList());
        assertEquals("nginx              1.26-1  trixie/main  ", result.out().lines().findFirst().orElseThrow());
    }

    @Test
    void controlCharactersFromTheIndexAreEscaped() {
        assertEquals("evil  1  trixie/main  amd64  clears \\u001b[2J the screen\n", ok(query("search", "evil")).out());
        assertTrue(ok(query("show", "evil")).out().contains("\nDescription: clears \\u001b[2J the screen\n"));
        assertEquals("clears \u001b[2J the screen", array(ok(query("--json", "search", "evil"))).get(0).get("summary"));
    }

    // ---- show

    static final String ALPHA_AMD64 = """
            Package: alpha
            Version: 2.0-1
            Architecture: amd64
            Depends: libfoo1 (>= 1.2), mail-transport-agent | postfix
            Description: alpha tool
             Alpha does things.
             .
             It is the first letter.
            Description-md5: %s
            """.formatted(md5("alpha tool", ALPHA_LONG));

    static final String ALPHA_OLD = """
            Package: alpha
            Version: 1.0-1
            Architecture: amd64
            Description: alpha tool (old)
             The old alpha.
            Description-md5: %s
            """.formatted(md5("alpha tool (old)", ALPHA_OLD_LONG));

    @Test
    void showMergesTheLongDescriptionFromTranslation() {
        assertEquals(ALPHA_AMD64, ok(query("show", "--arch", "amd64", "alpha/trixie")).out());
    }

    @Test
    void showPrintsEveryVersionNewestFirstSeparatedByABlankLine() {
        String i386 = ALPHA_AMD64.replace("Architecture: amd64", "Architecture: i386");
        assertEquals(ALPHA_AMD64 + "\n" + i386 + "\n" + ALPHA_OLD, ok(query("show", "alpha")).out());
    }

    @Test
    void showSelectsAVersionOrASuite() {
        assertEquals(ALPHA_OLD, ok(query("show", "alpha=1.0-1")).out());
        assertEquals(ALPHA_OLD, ok(query("show", "alpha=0:1.0-1")).out());
        assertEquals(ALPHA_OLD, ok(query("show", "alpha/bookworm")).out());
        assertEquals(ALPHA_OLD, ok(query("show", "alpha/oldstable")).out());
    }

    @Test
    void showKeepsALongDescriptionTheStanzaHasAndListsAnAllPackageOnce() {
        assertEquals("""
                Package: oldonly
                Version: 0.1
                Architecture: amd64
                Description: only in bookworm
                 Its own long description.
                 .
                 Second paragraph.

                Package: exim4
                Version: 4.98-1
                Architecture: all
                Provides: mail-transport-agent
                Description: another mail server
                """, ok(query("show", "oldonly", "exim4")).out());
    }

    @Test
    void showJsonHasTheFieldsInOrder() {
        Cli result = ok(query("--json", "show", "alpha=1.0-1"));
        List<Map<String, Object>> stanzas = array(result);
        assertEquals(1, stanzas.size(), result.out());
        Map<String, Object> s = stanzas.get(0);
        assertEquals(List.of("alpha", "1.0-1", "amd64", "oldstable", "bookworm", "main"),
                List.of(s.get("package"), s.get("version"), s.get("architecture"), s.get("suite"), s.get("codename"),
                        s.get("component")));
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) s.get("fields");
        assertEquals(List.of("Package", "Version", "Architecture", "Description", "Description-md5"),
                List.copyOf(fields.keySet()));
        assertEquals("alpha tool (old)\n The old alpha.", fields.get("Description"));
    }

    @Test
    void showAVersionThatIsNotThereNamesThoseThatAre() {
        assertEquals(new Cli(1, "", "debindex: package \"alpha\" has no version matching version 9; the index has:"
                + " 2.0-1 (trixie/main amd64), 2.0-1 (trixie/main i386), 1.0-1 (bookworm/main amd64)\n"),
                query("show", "alpha=9"));
        assertEquals(new Cli(1, "", "debindex: package \"oldonly\" has no version matching suite trixie; the index has:"
                + " 0.1 (bookworm/main amd64)\n"), query("show", "oldonly/trixie"));
    }

    @Test
    void anUnknownPackageIsStatus1WithSuggestions() {
        assertEquals(new Cli(1, "", "debindex: no package \"alpah\" in the index; did you mean: alpha?\n"),
                query("show", "alpah"));
        assertEquals(new Cli(1, "", "debindex: no package \"zzzzzz\" in the index\n"), query("show", "zzzzzz"));
    }

    @Test
    void aVirtualPackageNamesItsProviders() {
        assertEquals(new Cli(1, "", "debindex: no package \"mail-transport-agent\" in the index;"
                + " it is a virtual package provided by: exim4, postfix\n"), query("show", "mail-transport-agent"));
    }

    @Test
    void showPrintsWhatItFindsAndFailsForTheRest() {
        Cli result = query("show", "oldonly", "nosuch");
        assertEquals(1, result.status());
        assertTrue(result.out().startsWith("Package: oldonly\n"), result.out());
        assertEquals("debindex: no package \"nosuch\" in the index\n", result.err());
    }

    @Test
    void aMalformedPackageArgumentIsAUsageError() {
        Cli result = query("show", "alpha=");
        assertEquals(2, result.status(), result.err());
        assertTrue(result.err().startsWith("debindex: expected NAME, NAME=VERSION or NAME/SUITE: \"alpha=\"\n"),
                result.err());
    }

    // ---- versions

    @Test
    void versionsOneRowPerVersionAndSuiteNewestFirstWithTheArchitecturesJoined() {
        assertEquals("""
                alpha | 2.0-1  | trixie/main   | amd64, i386
                alpha | 1.0-1  | bookworm/main | amd64
                nginx | 1.26-1 | trixie/main   | amd64
                nginx | 1.22-1 | bookworm/main | amd64
                exim4 | 4.98-1 | trixie/main   | all
                """, ok(query("versions", "alpha", "nginx", "exim4")).out());
    }

    @Test
    void versionsFilters() {
        assertEquals("alpha | 2.0-1 | trixie/main | i386\n", ok(query("versions", "--arch", "i386", "alpha")).out());
        assertEquals("""
                alpha | 1.0-1  | bookworm/main | amd64
                nginx | 1.22-1 | bookworm/main | amd64
                """, ok(query("versions", "--suite", "oldstable", "alpha", "nginx")).out());
        assertEquals(new Cli(1, "", "debindex: package \"oldonly\" has no version in suite trixie; the index has:"
                + " 0.1 (bookworm/main amd64)\n"), query("versions", "--suite", "trixie", "oldonly"));
    }

    @Test
    void versionsJson() {
        Cli result = ok(query("--json", "versions", "alpha"));
        assertEquals(List.of(
                Map.of("package", "alpha", "version", "2.0-1", "suite", "stable", "codename", "trixie",
                        "component", "main", "architectures", List.of("amd64", "i386")),
                Map.of("package", "alpha", "version", "1.0-1", "suite", "oldstable", "codename", "bookworm",
                        "component", "main", "architectures", List.of("amd64"))), array(result));
    }

    @Test
    void versionsOfAnUnknownPackage() {
        Cli result = query("versions", "nginx", "ngin");
        assertEquals(1, result.status());
        assertEquals("nginx | 1.26-1 | trixie/main   | amd64\nnginx | 1.22-1 | bookworm/main | amd64\n", result.out());
        assertEquals("debindex: no package \"ngin\" in the index; did you mean: nginx, nginx-common?\n", result.err());
    }

    // ---- depends

    @Test
    void dependsOneLinePerGroupOfAlternatives() {
        assertEquals("""
                alpha 2.0-1 amd64 trixie/main
                  Depends: libfoo1 (>= 1.2)
                  Depends: mail-transport-agent | postfix

                postfix 3.10-1 amd64 trixie/main
                  Conflicts: mail-transport-agent
                  Provides: mail-transport-agent
                  Provides: default-mta (= 3.10-1)
                """, ok(query("depends", "alpha", "postfix")).out());
        assertEquals("""
                libfoo1 1.5-1 amd64 trixie/main
                  Pre-Depends: libc6 (>= 2.36)
                """, ok(query("depends", "libfoo1")).out());
    }

    @Test
    void dependsOfASelectedVersion() {
        assertEquals("alpha 1.0-1 amd64 bookworm/main\n", ok(query("depends", "alpha=1.0-1")).out());
        assertEquals("alpha 1.0-1 amd64 bookworm/main\n", ok(query("depends", "alpha/bookworm")).out());
        assertEquals("alpha 2.0-1 i386 trixie/main\n  Depends: libfoo1 (>= 1.2)\n  Depends: mail-transport-agent | postfix\n",
                ok(query("depends", "--arch", "i386", "alpha")).out());
    }

    @Test
    void dependsJson() {
        Cli result = ok(query("--json", "depends", "mailer-user"));
        List<Map<String, Object>> packages = array(result);
        assertEquals(1, packages.size());
        assertEquals(Map.of(
                "Depends", List.of(List.of(
                        Map.of("package", "default-mta", "architectureQualifier", TestJson.NULL, "operator", ">=",
                                "version", "3.0"),
                        Map.of("package", "mail-transport-agent", "architectureQualifier", TestJson.NULL,
                                "operator", TestJson.NULL, "version", TestJson.NULL))),
                "Suggests", List.of(List.of(Map.of("package", "alpha", "architectureQualifier", TestJson.NULL,
                        "operator", TestJson.NULL, "version", TestJson.NULL)))),
                packages.get(0).get("relations"));
        assertEquals("mailer-user", packages.get(0).get("package"));
    }

    @Test
    void dependsOfAnUnknownPackage() {
        assertEquals(new Cli(1, "", "debindex: no package \"postfx\" in the index; did you mean: postfix?\n"),
                query("depends", "postfx"));
    }

    // ---- rdepends

    static final String POSTFIX_RDEPENDS = """
            alpha        2.0-1   trixie/main  amd64  Depends: postfix
            alpha        2.0-1   trixie/main  i386   Depends: postfix
            mailer-user  1.0     trixie/main  all    Depends: default-mta (>= 3.0) | ... (via Provides)
            alpha        2.0-1   trixie/main  amd64  Depends: mail-transport-agent | ... (via Provides)
            alpha        2.0-1   trixie/main  i386   Depends: mail-transport-agent | ... (via Provides)
            mailer-user  1.0     trixie/main  all    Depends: mail-transport-agent (via Provides)
            postfix      3.10-1  trixie/main  amd64  Conflicts: mail-transport-agent (via Provides)
            """;

    @Test
    void rdependsIncludesRelationsToWhatItProvidesVersionedOrNot() {
        assertEquals(POSTFIX_RDEPENDS, ok(query("rdepends", "postfix")).out());
    }

    @Test
    void rdependsOfAVirtualPackage() {
        assertEquals("""
                alpha        2.0-1   trixie/main  amd64  Depends: mail-transport-agent | ...
                alpha        2.0-1   trixie/main  i386   Depends: mail-transport-agent | ...
                mailer-user  1.0     trixie/main  all    Depends: mail-transport-agent
                postfix      3.10-1  trixie/main  amd64  Conflicts: mail-transport-agent
                """, ok(query("rdepends", "mail-transport-agent")).out());
    }

    @Test
    void rdependsFilters() {
        assertEquals("""
                alpha  2.0-1  trixie/main  i386  Depends: postfix
                alpha  2.0-1  trixie/main  i386  Depends: mail-transport-agent | ... (via Provides)
                """, ok(query("rdepends", "--arch", "i386", "postfix")).out());
        assertEquals(new Cli(1, "", "debindex: no package names \"postfix\" in suite bookworm\n"),
                query("rdepends", "--suite", "bookworm", "postfix"));
    }

    @Test
    void rdependsJson() {
        Cli result = ok(query("--json", "rdepends", "--arch", "amd64", "default-mta"));
        assertEquals(List.of(Map.of("package", "mailer-user", "version", "1.0", "architecture", "all", "suite", "stable",
                "codename", "trixie", "component", "main", "field", "Depends",
                "relation", Map.of("package", "default-mta", "architectureQualifier", TestJson.NULL, "operator", ">=",
                        "version", "3.0"),
                "alternativeFollows", true, "viaProvides", false)), array(result));
    }

    @Test
    void rdependsOfAPackageNothingNamesOrOfNoPackage() {
        assertEquals(new Cli(1, "", "debindex: no package names \"webserver-doc\"\n"), query("rdepends", "webserver-doc"));
        assertEquals(new Cli(1, "", ""), query("-q", "rdepends", "webserver-doc"));
        assertEquals(new Cli(1, "", "debindex: no package \"postfx\" in the index; did you mean: postfix?\n"),
                query("rdepends", "postfx"));
    }

    // ---- the cache

    @Test
    void withoutAnIndexEveryQueryIsStatus3AndWritesNothing() throws Exception {
        Path empty = dir.resolve("empty-cache");
        for (String[] command : List.of(new String[] {"search", "x"}, new String[] {"show", "x"},
                new String[] {"versions", "x"}, new String[] {"depends", "x"}, new String[] {"rdepends", "x"})) {
            List<String> args = new ArrayList<>(List.of("--cache-dir", empty.toString()));
            args.addAll(List.of(command));
            assertEquals(new Cli(3, "", "debindex: no package index in " + empty + ": run 'debindex update' first\n"),
                    Cli.run(args.toArray(String[]::new)), command[0]);
        }
        assertFalse(Files.exists(empty));
    }

    @Test
    void aCorruptSnapshotIsRebuiltAndTheAnswerIsStillRight() throws Exception {
        Path copy = copyOfCache();
        Path snapshot = copy.resolve("index/packages.idx");
        byte[] good = Files.readAllBytes(snapshot);
        byte[] bad = good.clone();
        // Past the header (checked on open; its length is the int at byte 12), the sections are
        // checked only when a query reads them: damage the middle half of them.
        int header = java.nio.ByteBuffer.wrap(good).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(12);
        int data = bad.length - header;
        assertTrue(header > 0 && data > 0, "header length " + header + " of " + bad.length);
        for (int i = header + data / 4; i < header + data * 3 / 4; i++) {
            bad[i] ^= (byte) 0x5a;
        }
        Files.write(snapshot, bad);
        Cli result = Cli.run("--cache-dir", copy.toString(), "search", "nginx");
        assertEquals(0, result.status(), result.err());
        assertEquals(NGINX_SEARCH, result.out());
        assertTrue(result.err().startsWith("debindex: the index snapshot is corrupt ("), result.err());
        assertTrue(result.err().endsWith("); rebuilding it\n"), result.err());
        assertEquals(1, result.err().lines().count(), result.err());
        assertArrayEquals(good, Files.readAllBytes(snapshot), "the same inputs give the same snapshot");
        assertEquals(new Cli(0, ALPHA_OLD, ""), Cli.run("--cache-dir", copy.toString(), "show", "alpha/bookworm"));
    }

    @Test
    void aMissingSnapshotIsRebuiltWithANoteThatQuietSilences() throws Exception {
        Path copy = copyOfCache();
        Files.delete(copy.resolve("index/packages.idx"));
        assertEquals(new Cli(0, POSTFIX_RDEPENDS, "debindex: rebuilt the index snapshot: there was none\n"),
                Cli.run("--cache-dir", copy.toString(), "rdepends", "postfix"));
        assertTrue(Files.isRegularFile(copy.resolve("index/packages.idx")));
        Files.delete(copy.resolve("index/packages.idx"));
        assertEquals(new Cli(0, POSTFIX_RDEPENDS, ""), Cli.run("--cache-dir", copy.toString(), "-q", "rdepends", "postfix"));
    }

    private Path copyOfCache() throws Exception {
        Path copy = dir.resolve("cache");
        try (var files = Files.walk(cache)) {
            for (Path from : files.toList()) {
                Path to = copy.resolve(cache.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        return copy;
    }

    // ---- help

    @Test
    void helpMatchesGolden() {
        for (String command : List.of("search", "show", "versions", "depends", "rdepends")) {
            Cli result = Cli.run(command, "--help");
            assertEquals(0, result.status(), result.err());
            Golden.assertMatches("help-" + command + ".txt", result.out());
        }
    }
}
