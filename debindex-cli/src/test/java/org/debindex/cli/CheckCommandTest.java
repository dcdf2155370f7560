package org.debindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.debindex.cli.output.TestJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code debindex check} end to end: a signed mirror with Contents, {@code update --with-contents}, then manifests. */
class CheckCommandTest {

    @TempDir
    static Path shared;

    private static Path cache;

    private static final String CONTENTS = String.join("\n",
            "usr/share/maven-repo/org/apache/commons/commons-lang3/3.17.0/commons-lang3-3.17.0.pom java/libcommons-lang3-java",
            "usr/share/maven-repo/org/apache/commons/commons-lang3/debian/commons-lang3-debian.pom java/libcommons-lang3-java",
            "usr/lib/python3/dist-packages/PyYAML-6.0.2.dist-info/METADATA python/python3-yaml",
            "usr/share/nodejs/express/package.json javascript/node-express",
            "usr/share/gocode/src/github.com/stretchr/testify/go.mod golang/golang-github-stretchr-testify-dev",
            "");

    @BeforeAll
    static void update() throws Exception {
        TestMirror mirror = new TestMirror(shared);
        mirror.suite("stable", "trixie", Map.of(
                "main/binary-amd64/Packages", TestMirror.file(
                        pkg("libcommons-lang3-java", "3.17.0-1"),
                        pkg("python3-yaml", "6.0.2-1+b2"),
                        pkg("node-express", "4.21.2+~cs8.36.27-2"),
                        pkg("golang-github-stretchr-testify-dev", "1.10.0-1")),
                "main/Contents-amd64", CONTENTS));
        cache = shared.resolve("cache");
        Cli result = Cli.run("--cache-dir", cache.toString(), "--repo", mirror.repo("trixie"),
                "update", "--arch", "amd64", "--with-contents", "--at", TestMirror.AT);
        assertEquals(0, result.status(), result.out() + result.err());
        assertTrue(Files.isRegularFile(cache.resolve("index/mapping-trixie.map")),
                "update keeps check's mapping beside the index");
    }

    private static String pkg(String name, String version) {
        return "Package: " + name + "\nVersion: " + version + "\nArchitecture: all\nDescription: " + name;
    }

    private static Cli check(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("--cache-dir", cache.toString()));
        all.addAll(List.of(args));
        return Cli.run(all.toArray(String[]::new));
    }

    /** A project whose runtime dependencies Debian has, with test and dev ones beside. */
    private static Path goodProject(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("node_modules/broken"));
        Files.writeString(dir.resolve("node_modules/broken/package.json"), "{ not json");
        Files.writeString(dir.resolve("pom.xml"), """
                <project>
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>org.example</groupId>
                  <artifactId>app</artifactId>
                  <version>1.0</version>
                  <dependencies>
                    <dependency>
                      <groupId>org.apache.commons</groupId>
                      <artifactId>commons-lang3</artifactId>
                      <version>[3.12,4)</version>
                    </dependency>
                    <dependency>
                      <groupId>org.junit.jupiter</groupId>
                      <artifactId>junit-jupiter</artifactId>
                      <version>5.11.0</version>
                      <scope>test</scope>
                    </dependency>
                  </dependencies>
                </project>
                """);
        Files.writeString(dir.resolve("requirements.txt"), "PyYAML>=6\n");
        Files.writeString(dir.resolve("package.json"), """
                {"name": "app", "dependencies": {"express": "^4.17.0"}, "devDependencies": {"mocha": "^10"}}
                """);
        Files.writeString(dir.resolve("go.mod"), "module example.org/app\n\ngo 1.22\n\n"
                + "require github.com/stretchr/testify v1.9.0\n");
        return dir;
    }

    @Test
    void everyRuntimeDependencyAvailableIsStatusZero() throws Exception {
        Path project = goodProject(shared.resolve("good"));
        Cli result = check("check", project.toString());
        assertEquals(0, result.status(), result.out() + result.err());
        assertEquals("", result.err());
        List<String> lines = result.out().lines().toList();
        assertEquals("suite trixie (of the first verified Contents file; choose with --suite)", lines.get(0));
        assertTrue(lines.get(1).matches("ECOSYSTEM +NAME +REQUESTED +STATUS +PACKAGE +VERSION +REASON"), lines.get(1));
        assertTrue(result.out().contains("MAVEN      org.apache.commons:commons-lang3  [3.12,4)"), result.out());
        assertEquals(4, lines.stream().filter(l -> l.contains(" AVAILABLE ")).count(), result.out());
        assertFalse(result.out().contains("junit"), "test scope left out");
        assertFalse(result.out().contains("packages ship it"), "a debian/ alias path is no second candidate");
        assertEquals("4 of 4 available; 2 test, dev or optional dependencies left out (--include-dev lists them)",
                lines.get(lines.size() - 1));

        Cli dev = check("check", "--include-dev", project.toString());
        assertEquals(0, dev.status(), "dev dependencies do not fail the check: " + dev.out());
        assertTrue(dev.out().contains("mocha") && dev.out().contains(" MISSING "), dev.out());
    }

    @SuppressWarnings("unchecked")
    @Test
    void jsonFollowsTheDesign() throws Exception {
        Path project = goodProject(shared.resolve("json"));
        Cli result = check("--json", "check", "--suite", "stable", project.resolve("requirements.txt").toString());
        assertEquals(0, result.status(), result.err());
        Map<String, Object> doc = (Map<String, Object>) TestJson.parse(result.out());
        assertEquals("stable", doc.get("suite"));
        assertEquals(true, doc.get("ok"));
        List<Map<String, Object>> deps = (List<Map<String, Object>>) doc.get("dependencies");
        assertEquals(1, deps.size());
        Map<String, Object> d = deps.get(0);
        assertEquals("PYPI", d.get("ecosystem"));
        assertEquals("PyYAML", d.get("name"));
        assertEquals(">=6", d.get("requested"));
        assertEquals("AVAILABLE", d.get("status"));
        assertEquals("python3-yaml", d.get("debianPackage"));
        assertEquals("6.0.2-1+b2", d.get("debianVersion"));
        assertEquals("6.0.2", d.get("upstreamVersion"));
    }

    @Test
    void missingOrTooOldIsStatusOneAndTheMarkdownSaysWhatToPackage() throws Exception {
        Path project = goodProject(shared.resolve("bad"));
        Files.writeString(project.resolve("requirements.txt"), "PyYAML>=7\nleft_pad==1.0\n");
        Path md = shared.resolve("bad.md");
        Cli result = check("check", "--markdown", md.toString(), project.toString());
        assertEquals(1, result.status(), result.out() + result.err());
        assertTrue(result.out().contains(" TOO_OLD "), result.out());
        String doc = Files.readString(md);
        assertTrue(doc.startsWith("# Dependency check against Debian trixie\n"), doc);
        assertTrue(doc.contains("\nData: the trixie files (Contents, Packages) listed by its signed Release of "
                + TestMirror.DATE + ", verified before use.\n"), doc);
        assertTrue(doc.contains("\napt-get install golang-github-stretchr-testify-dev libcommons-lang3-java node-express\n"),
                doc);
        assertTrue(doc.contains("| PYPI | PyYAML | >=7 | TOO_OLD | Debian has 6.0.2 (python3-yaml) |"), doc);
        assertTrue(doc.contains("| PYPI | left_pad | ==1.0 | MISSING | no package of trixie ships it |"), doc);
    }

    @Test
    void aMalformedManifestIsReportedAfterTheOthersAreChecked() throws Exception {
        Path project = goodProject(shared.resolve("malformed"));
        Files.writeString(project.resolve("package.json"), "{\"dependencies\": {\"express\": ^4}}\n");
        Cli result = check("check", project.toString());
        assertEquals(3, result.status(), result.out() + result.err());
        List<String> err = result.err().lines().toList();
        assertEquals(1, err.size(), result.err());
        assertTrue(err.get(0).startsWith("debindex: " + project.resolve("package.json") + ":1: "), result.err());
        assertTrue(result.out().contains("python3-yaml") && result.out().contains("libcommons-lang3-java"), result.out());
    }

    @Test
    void noContentsForTheSuiteIsStatusThree() throws Exception {
        Path project = goodProject(shared.resolve("nosuite"));
        Cli result = check("check", "--suite", "bookworm", project.toString());
        assertEquals(3, result.status());
        assertEquals("debindex: no verified Contents files for suite bookworm in " + cache
                + ": run 'debindex update --with-contents' first\n", result.err());
    }

    @Test
    void aMarkdownFileThatCannotBeWrittenIsStatusThree() throws Exception {
        Path project = goodProject(shared.resolve("nowrite"));
        Path md = shared.resolve("no-such-dir/report.md");
        Cli result = check("check", "--markdown", md.toString(), project.toString());
        assertEquals(3, result.status(), result.err());
        assertEquals("debindex: cannot write " + md + ": no such file or directory\n", result.err());
    }

    @Test
    void helpMatchesGolden() {
        Cli result = Cli.run("check", "--help");
        assertEquals(0, result.status(), result.err());
        Golden.assertMatches("help-check.txt", result.out());
    }
}
