package org.debindex.verify.deps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.debindex.core.compress.SizeLimit;
import org.debindex.core.index.IndexInput;
import org.debindex.core.index.PackageIndex;
import org.debindex.core.index.PackageOrigin;
import org.debindex.verify.deps.CheckResult.Status;
import org.debindex.verify.deps.debian.ContentsMapping;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DependencyCheckTest {

    private static final String CONTENTS = String.join("\n",
            "usr/share/maven-repo/org/apache/commons/commons-lang3/3.17.0/commons-lang3-3.17.0.pom java/libcommons-lang3-java",
            "usr/share/maven-repo/org/apache/commons/commons-lang3/debian/commons-lang3-debian.pom java/libcommons-lang3-java",
            "usr/share/maven-repo/com/jcraft/jsch/debian/jsch-debian.pom java/libjsch-java",
            "usr/share/maven-repo/org/slf4j/slf4j-api/1.7.32/slf4j-api-1.7.32.pom java/libslf4j-java",
            "usr/share/maven-repo/org/slf4j/slf4j-api/2.0.17/slf4j-api-2.0.17.pom java/libslf4j2-java",
            "usr/lib/python3/dist-packages/PyYAML-6.0.2.dist-info/METADATA python/python3-yaml",
            "usr/lib/python3/dist-packages/ruamel.yaml.clib-0.2.12.dist-info/METADATA python/python3-ruamel.yaml.clib",
            "usr/lib/python3/dist-packages/lostversion-0.0.0.egg-info/PKG-INFO python/python3-lostversion",
            "usr/lib/python3/dist-packages/ghost-1.0.dist-info/METADATA python/python3-ghost",
            "usr/share/nodejs/express/package.json javascript/node-express",
            "usr/share/gocode/src/github.com/stretchr/testify/go.mod golang/golang-github-stretchr-testify-dev",
            "usr/share/maven-repo/org/bouncycastle/bcprov/1.72/bcprov-1.72.pom java/libbcprov-java",
            "");

    private static final String PACKAGES = stanzas(
            pkg("libcommons-lang3-java", "3.17.0-1"),
            pkg("libjsch-java", "0.1.55-2"),
            pkg("libslf4j-java", "1.7.32-1"),
            pkg("libslf4j2-java", "2.0.17-1"),
            pkg("python3-yaml", "6.0.2-1+b2"),
            pkg("python3-ruamel.yaml.clib", "0.2.12+ds-1"),
            pkg("python3-lostversion", "2.3+dfsg-1"),
            pkg("node-express", "4.21.2+~cs8.36.27-2"),
            pkg("golang-github-stretchr-testify-dev", "1.10.0-1"),
            pkg("libbcprov-java", "1.72-2"));

    private static DependencyCheck check;

    @BeforeAll
    static void build(@TempDir Path dir) throws Exception {
        Path contents = Files.writeString(dir.resolve("Contents-amd64"), CONTENTS, StandardCharsets.UTF_8);
        Path packages = Files.writeString(dir.resolve("Packages"), PACKAGES, StandardCharsets.UTF_8);
        ContentsMapping mapping = ContentsMapping.builder().add(contents, SizeLimit.defaultLimit()).build();
        PackageIndex index = PackageIndex.build(List.of(IndexInput.packages(
                new PackageOrigin("stable", "trixie", "main", "amd64"), packages, "Packages", Files.size(packages), "",
                SizeLimit.defaultLimit())));
        check = new DependencyCheck(mapping, index, "trixie");
    }

    private static String pkg(String name, String version) {
        return "Package: " + name + "\nVersion: " + version + "\nArchitecture: all\nDescription: test " + name + "\n";
    }

    private static String stanzas(String... s) {
        return String.join("\n", s);
    }

    private static CheckResult run(Ecosystem ecosystem, String name, String requested) throws Exception {
        return check.check(dep(ecosystem, name, requested, Optional.empty()));
    }

    private static DeclaredDependency dep(Ecosystem ecosystem, String name, String requested, Optional<String> scope) {
        return new DeclaredDependency(ecosystem, name, requested, scope, true, "manifest", 1);
    }

    @Test
    void availableWithTheVersionFromThePath() throws Exception {
        CheckResult r = run(Ecosystem.MAVEN, "org.apache.commons:commons-lang3", "[3.12,4)");
        assertEquals(Status.AVAILABLE, r.status(), r.reason());
        assertEquals(Optional.of("libcommons-lang3-java"), r.debianPackage());
        assertEquals(Optional.of("3.17.0-1"), r.debianVersion());
        assertEquals(Optional.of("3.17.0"), r.upstreamVersion());
        assertEquals("", r.reason(), "its debian/ alias path is no second candidate");
    }

    @Test
    void aKnownAliasFindsTheNameDebianShipsItUnder() throws Exception {
        // Bouncy Castle's per-JDK artifact; Debian's maven-repo has the plain artifactId
        CheckResult r = run(Ecosystem.MAVEN, "org.bouncycastle:bcprov-jdk18on", "[1.70,2)");
        assertEquals(Status.AVAILABLE, r.status(), r.reason());
        assertEquals(Optional.of("libbcprov-java"), r.debianPackage());
        assertEquals(Optional.of("1.72"), r.upstreamVersion());
        assertEquals("Debian ships it as org.bouncycastle:bcprov", r.reason());
        // an alias the suite lacks changes nothing
        assertEquals(Status.MISSING, run(Ecosystem.MAVEN, "org.bouncycastle:bcpg-jdk18on", "").status());
    }

    @Test
    void tooOldSaysWhatDebianHas() throws Exception {
        CheckResult r = run(Ecosystem.PYPI, "PyYAML", ">=7");
        assertEquals(Status.TOO_OLD, r.status());
        assertTrue(r.reason().contains("6.0.2"), r.reason());
    }

    @Test
    void missingWhenNoPackageShipsIt() throws Exception {
        CheckResult r = run(Ecosystem.NPM, "left-pad", "^1.0.0");
        assertEquals(Status.MISSING, r.status());
        assertEquals(Optional.empty(), r.debianPackage());
    }

    @Test
    void missingWhenTheShippingPackageIsNotInTheSuite() throws Exception {
        CheckResult r = run(Ecosystem.PYPI, "ghost", "");
        assertEquals(Status.MISSING, r.status());
        assertTrue(r.reason().contains("python3-ghost"), r.reason());
    }

    @Test
    void unknownForAnUnparsableRange() throws Exception {
        CheckResult r = run(Ecosystem.NPM, "express", "latest");
        assertEquals(Status.UNKNOWN, r.status());
        assertTrue(r.reason().startsWith("cannot parse the requirement"), r.reason());
        assertEquals(Optional.of("node-express"), r.debianPackage());
    }

    @Test
    void unknownForAUrlDependency() throws Exception {
        CheckResult r = check.check(dep(Ecosystem.PYPI, "pyyaml", "", Optional.of("url")));
        assertEquals(Status.UNKNOWN, r.status());
        assertTrue(r.reason().contains("URL"), r.reason());
    }

    @Test
    void unknownForAnUnresolvedMavenVersion() throws Exception {
        CheckResult r = check.check(dep(Ecosystem.MAVEN, "org.apache.commons:commons-lang3", "", Optional.empty()),
                Optional.of("property \"lang.version\" is not defined"));
        assertEquals(Status.UNKNOWN, r.status());
        assertEquals("property \"lang.version\" is not defined", r.reason());
    }

    @Test
    void picksTheCandidateThatSatisfies() throws Exception {
        CheckResult old = run(Ecosystem.MAVEN, "org.slf4j:slf4j-api", "[1.7,1.8)");
        assertEquals(Status.AVAILABLE, old.status());
        assertEquals(Optional.of("libslf4j-java"), old.debianPackage());
        assertTrue(old.reason().contains("2 packages ship it"), old.reason());
        CheckResult any = run(Ecosystem.MAVEN, "org.slf4j:slf4j-api", "");
        assertEquals(Optional.of("libslf4j2-java"), any.debianPackage(), "the highest when any will do");
    }

    @Test
    void mavenDebianAliasFallsBackToTheDebianVersion() throws Exception {
        CheckResult r = run(Ecosystem.MAVEN, "com.jcraft:jsch", "[0.1.50,)");
        assertEquals(Status.AVAILABLE, r.status());
        assertEquals(Optional.of("0.1.55"), r.upstreamVersion());
    }

    @Test
    void placeholderPathVersionFallsBackToTheDebianVersion() throws Exception {
        CheckResult r = run(Ecosystem.PYPI, "lostversion", ">=2");
        assertEquals(Status.AVAILABLE, r.status(), r.reason());
        assertEquals(Optional.of("2.3"), r.upstreamVersion());
    }

    @Test
    void npmAndGoVersionsComeFromTheDebianVersion() throws Exception {
        CheckResult npm = run(Ecosystem.NPM, "express", "^4.17.0");
        assertEquals(Status.AVAILABLE, npm.status(), npm.reason());
        assertEquals(Optional.of("4.21.2"), npm.upstreamVersion());
        CheckResult go = run(Ecosystem.GO, "github.com/stretchr/testify", "v1.9.0");
        assertEquals(Status.AVAILABLE, go.status(), go.reason());
        assertEquals(Optional.of("v1.10.0"), go.upstreamVersion());
        assertEquals(Status.TOO_OLD, run(Ecosystem.GO, "github.com/stretchr/testify", "v1.11.0").status());
    }

    @Test
    void pypiNamesAreComparedPep503Normalised() throws Exception {
        CheckResult r = run(Ecosystem.PYPI, "pyyaml", "~=6.0");
        assertEquals(Status.AVAILABLE, r.status());
        assertEquals(Optional.of("python3-yaml"), r.debianPackage());
        assertEquals(Status.AVAILABLE, run(Ecosystem.PYPI, "Ruamel_Yaml-CLIB", "==0.2.12").status());
    }

    @Test
    void softMavenRequirementNotMetIsReportedNotFailed() throws Exception {
        CheckResult r = run(Ecosystem.MAVEN, "org.apache.commons:commons-lang3", "3.18.0");
        assertEquals(Status.AVAILABLE, r.status());
        assertTrue(r.reason().startsWith("soft requirement 3.18.0 not met"), r.reason());
    }

    @Test
    void testAndOptionalDependenciesAreNotRequiredAtRuntime() {
        assertTrue(DependencyCheck.isRequiredAtRuntime(dep(Ecosystem.NPM, "a", "", Optional.empty())));
        assertFalse(DependencyCheck.isRequiredAtRuntime(dep(Ecosystem.NPM, "a", "", Optional.of("optional"))));
        assertFalse(DependencyCheck.isRequiredAtRuntime(
                new DeclaredDependency(Ecosystem.MAVEN, "g:a", "1", Optional.of("test"), false, "pom.xml", 3)));
    }
}
