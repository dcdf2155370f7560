package org.debindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.debindex.cli.output.TestJson;
import org.debindex.core.testdata.SharedTestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The query commands on Debian's real trixie and bookworm data (see the shared test data's
 * README), updated through {@code file:} into a cache once for the class (about 15 s and 1 GB);
 * the whole class is skipped, with the reason, when the data is absent.
 */
class QueryRealDataTest {

    private static final String AT = "2026-11-26";

    @TempDir
    static Path dir;

    private static Path cache;

    private static String repo(String suite) {
        return "deb [signed-by=" + SharedTestData.file("keyrings/debian-archive-keyring.gpg") + "] "
                + SharedTestData.require().resolve("debian").toUri() + " " + suite + " main";
    }

    @BeforeAll
    static void update() {
        SharedTestData.require();
        cache = dir.resolve("cache");
        Cli result = Cli.run("--cache-dir", cache.toString(), "--repo", repo("trixie"), "--repo", repo("bookworm"),
                "update", "--arch", "amd64", "--at", AT);
        // bookworm's Translation-en is absent from the shared data: a NOTE, not a failure
        assertEquals(0, result.status(), result.out() + result.err());
    }

    private static Cli query(String... args) {
        List<String> all = new ArrayList<>(List.of("--cache-dir", cache.toString()));
        all.addAll(List.of(args));
        Cli result = Cli.run(all.toArray(String[]::new));
        assertEquals(0, result.status(), result.out() + result.err());
        assertEquals("", result.err());
        return result;
    }

    @Test
    void versionsListsTheVersionOfEachSuite() {
        assertEquals("""
                bash | 5.2.37-2+b10 | trixie/main   | amd64
                bash | 5.2.15-2+b13 | bookworm/main | amd64
                """, query("versions", "bash").out());
    }

    @Test
    void showBashHasTheLongDescriptionFromTranslation() {
        String out = query("show", "bash/trixie").out();
        assertTrue(out.startsWith("Package: bash\n"), out);
        assertTrue(out.contains("\nDescription: GNU Bourne Again SHell\n Bash is an sh-compatible command language"
                + " interpreter that executes\n"), out);
        assertEquals(1, out.lines().filter(l -> l.startsWith("Package: ")).count(), out);
    }

    @Test
    void rdependsOfAVirtualPackageListsThoseThatNameIt() {
        List<String> lines = query("rdepends", "--suite", "trixie", "mail-transport-agent").out().lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.matches("altermime +0\\.3\\.10-13 +trixie/main +amd64 +"
                + "Depends: mail-transport-agent")), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.matches("anacron +2\\.3-43 +trixie/main +amd64 +"
                + "Suggests: mail-transport-agent")), String.join("\n", lines));
        assertTrue(lines.stream().allMatch(l -> l.contains(" trixie/main ")), String.join("\n", lines));
    }

    @Test
    void searchNginxFindsTheExactNameFirst() {
        List<String> lines = query("search", "nginx").out().lines().toList();
        assertTrue(lines.get(0).matches("nginx +1\\.26\\.3-3\\+deb13u10 +trixie/main +amd64 +small, powerful, scalable"
                + " web/proxy server"), lines.get(0));
        assertTrue(lines.get(1).matches("nginx +1\\.22\\.1-9\\+deb12u9 +bookworm/main +amd64 .*"), lines.get(1));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> hits = (List<Map<String, Object>>) TestJson.parse(
                query("--json", "search", "--limit", "1", "nginx").out());
        assertEquals(List.of("nginx", "EXACT_NAME"), List.of(hits.get(0).get("package"), hits.get(0).get("match")));
    }

    @Test
    void dependsOfNginx() {
        String out = query("depends", "nginx/trixie").out();
        assertTrue(out.startsWith("nginx 1.26.3-3+deb13u10 amd64 trixie/main\n"), out);
        assertTrue(out.contains("\n  Depends: nginx-common (= 1.26.3-3+deb13u10)\n"), out);
    }
}
