package org.debindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
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
 * {@code check} of a project with a manifest of every ecosystem against Debian's real bookworm
 * data (the shared test data: Packages, Contents-all and Contents-amd64), updated through
 * {@code file:} once for the class. Each expectation was first read in the raw files with zgrep:
 * e.g. {@code usr/share/maven-repo/org/apache/commons/commons-lang3/3.12.0/...pom
 * java/libcommons-lang3-java}, {@code Package: librust-serde+serde-derive-dev} providing {@code
 * librust-serde-1.0.152+derive-dev}, {@code node-babel7} providing {@code node-babel-core (= 7.20.12)}.
 */
class CheckRealDataTest {

    @TempDir
    static Path dir;

    private static Path cache;
    private static Path project;

    @BeforeAll
    static void update() throws Exception {
        SharedTestData.require();
        cache = dir.resolve("cache");
        String repo = "deb [signed-by=" + SharedTestData.file("keyrings/debian-archive-keyring.gpg") + "] "
                + SharedTestData.require().resolve("debian").toUri() + " bookworm main";
        Cli result = Cli.run("--cache-dir", cache.toString(), "--repo", repo, "update", "--arch", "amd64",
                "--with-contents", "--at", "2026-11-26");
        assertEquals(0, result.status(), result.out() + result.err());
        assertTrue(Files.isRegularFile(cache.resolve("index/mapping-bookworm.map")));

        project = dir.resolve("project");
        Files.createDirectories(project.resolve("web"));
        Files.writeString(project.resolve("pom.xml"), """
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
                  </dependencies>
                </project>
                """);
        Files.writeString(project.resolve("requirements.txt"), "PyYAML>=6\nrequests>=2.31\n");
        Files.writeString(project.resolve("web/package.json"), """
                {"name": "web", "dependencies": {"@babel/core": "^7.20.13", "archy": "~1.0.0"}}
                """);
        Files.writeString(project.resolve("go.mod"), "module example.org/app\n\ngo 1.19\n\n"
                + "require github.com/stretchr/testify v1.8.0\n");
        Files.writeString(project.resolve("Cargo.toml"), """
                [package]
                name = "app"
                version = "0.1.0"

                [dependencies]
                serde = { version = "1.0.150", features = ["derive"] }
                clap = "5"
                """);
        Files.writeString(project.resolve("Gemfile"), """
                source "https://rubygems.example.org"
                gem "rails", "~> 6.1"
                gem "rack", ">= 3.0"
                """);
        Files.writeString(project.resolve("cpanfile"), "requires 'Moose', '2.2';\nrequires 'LWP::UserAgent';\n");
        Files.writeString(project.resolve("web/composer.json"), """
                {"require": {"php": ">=8.1", "nikic/php-parser": "^4.15"}}
                """);
        Files.writeString(project.resolve("web/composer.lock"), """
                {"packages": [{"name": "nikic/php-parser", "version": "v4.15.4",
                  "autoload": {"psr-4": {"PhpParser\\\\": "lib/PhpParser"}}}], "packages-dev": []}
                """);
    }

    private static Cli check(String... args) {
        List<String> all = new ArrayList<>(List.of("--cache-dir", cache.toString()));
        all.addAll(List.of(args));
        return Cli.run(all.toArray(String[]::new));
    }

    @Test
    void everyEcosystemIsMappedAndComparedByItsOwnRules() throws Exception {
        long start = System.nanoTime();
        Cli result = check("--json", "check", "--suite", "bookworm", project.toString());
        System.out.printf("check of 8 manifests against bookworm: %d ms in-process%n",
                (System.nanoTime() - start) / 1_000_000);
        assertEquals(1, result.status(), result.out() + result.err());
        assertEquals("", result.err(), "the kept mapping is current: nothing rebuilt");
        @SuppressWarnings("unchecked")
        Map<String, Object> doc = (Map<String, Object>) TestJson.parse(result.out());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> deps = (List<Map<String, Object>>) doc.get("dependencies");
        List<String> rows = deps.stream().map(d -> d.get("ecosystem") + " " + d.get("name") + " " + d.get("status")
                + " " + d.get("debianPackage") + " " + d.get("upstreamVersion")).toList();
        assertEquals(List.of(
                "CARGO serde AVAILABLE librust-serde-dev 1.0.152",
                "CARGO clap TOO_OLD librust-clap-dev 4.0.32",
                "RUBYGEMS rails AVAILABLE ruby-rails 6.1.7.10",
                "RUBYGEMS rack TOO_OLD ruby-rack 2.2.22",
                "PERL Moose AVAILABLE libmoose-perl 2.2203",
                "PERL LWP::UserAgent AVAILABLE libwww-perl 6.68",
                "GO github.com/stretchr/testify AVAILABLE golang-github-stretchr-testify-dev v1.8.1",
                "MAVEN org.apache.commons:commons-lang3 AVAILABLE libcommons-lang3-java 3.12.0",
                "PYPI PyYAML AVAILABLE python3-yaml 6.0",
                "PYPI requests TOO_OLD python3-requests 2.28.1",
                "COMPOSER php UNKNOWN null null",
                "COMPOSER nikic/php-parser AVAILABLE php-parser 4.15.4",
                "NPM @babel/core TOO_OLD node-babel7 7.20.12",
                "NPM archy AVAILABLE node-archy 1.0.0"), rows, result.out());
    }

    @Test
    void theMarkdownRecordIsDatedByBookwormsRelease() throws Exception {
        Path md = dir.resolve("record.md");
        Cli result = check("check", "--suite", "bookworm", "--markdown", md.toString(), project.toString());
        assertEquals(1, result.status(), result.out() + result.err());
        String doc = Files.readString(md);
        assertTrue(doc.contains("signed Release of Sat, 11 Jul 2026 10:16:37 UTC, verified before use."), doc);
        assertTrue(doc.contains("\napt-get install golang-github-stretchr-testify-dev libcommons-lang3-java"
                + " libmoose-perl librust-serde-dev libwww-perl node-archy php-parser python3-yaml ruby-rails\n"), doc);
        assertTrue(doc.contains("| NPM | @babel/core | ^7.20.13 | TOO_OLD | Debian has 7.20.12 (node-babel7) |"), doc);
    }
}
