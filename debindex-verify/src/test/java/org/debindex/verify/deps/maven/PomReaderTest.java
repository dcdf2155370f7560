package org.debindex.verify.deps.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.debindex.core.MalformedInputException;
import org.debindex.verify.deps.DeclaredDependency;
import org.debindex.verify.deps.Ecosystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** POMs written here: properties, parents, BOMs, scopes, and what must be refused. */
class PomReaderTest {

    @TempDir
    Path dir;

    final PomReader reader = new PomReader();

    Path write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** The 1-based line of the first line containing {@code marker}. */
    static int lineOf(String text, String marker) {
        int at = text.indexOf(marker);
        assertTrue(at >= 0, marker);
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    static Map<String, DeclaredDependency> byName(List<DeclaredDependency> deps) {
        return deps.stream().collect(Collectors.toMap(DeclaredDependency::name, Function.identity(), (a, b) -> a));
    }

    static String dep(String group, String artifact, String extra) {
        return "    <dependency><groupId>" + group + "</groupId><artifactId>" + artifact + "</artifactId>" + extra
                + "</dependency>\n";
    }

    static String pom(String coordinates, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<project>\n  <modelVersion>4.0.0</modelVersion>\n"
                + coordinates + "\n" + body + "</project>\n";
    }

    @Test
    void acceptsOnlyPomXml() {
        assertTrue(reader.accepts(Path.of("pom.xml")));
        assertTrue(reader.accepts(dir.resolve("a/pom.xml")));
        assertFalse(reader.accepts(Path.of("pom.xml.orig")));
        assertFalse(reader.accepts(Path.of("lib-1.0.pom")));
        assertFalse(reader.accepts(Path.of("/")));
        assertThrows(NullPointerException.class, () -> reader.accepts(null));
    }

    @Test
    void propertiesAndProjectValuesAreSubstituted() throws Exception {
        String text = pom("<groupId>org.example</groupId><artifactId>app</artifactId><version>2.1</version>", """
                  <properties>
                    <lib.version>1.2</lib.version>
                  </properties>
                  <dependencies>
                """ + dep("org.example", "lib", "<version>${lib.version}</version>")
                + dep("${project.groupId}", "sibling", "<version>${project.version}</version>")
                + dep("org.example", "old-style", "<version>${version}</version>")
                + dep("org.example", "plain", "<version>[1.0,2.0)</version>")
                + "  </dependencies>\n");
        Path file = write("pom.xml", text);
        List<DeclaredDependency> deps = reader.read(file);
        assertEquals(List.of("org.example:lib", "org.example:sibling", "org.example:old-style", "org.example:plain"),
                deps.stream().map(DeclaredDependency::name).toList());
        DeclaredDependency lib = deps.get(0);
        assertEquals(new DeclaredDependency(Ecosystem.MAVEN, "org.example:lib", "1.2", Optional.empty(), true,
                file.toString(), lineOf(text, "<artifactId>lib<")), lib);
        assertEquals("2.1", deps.get(1).requested());
        assertEquals("2.1", deps.get(2).requested());
        assertEquals("[1.0,2.0)", deps.get(3).requested());
        assertTrue(reader.readManifest(file).unresolved().isEmpty());
    }

    @Test
    void nestedPropertiesResolveThroughEachOther() throws Exception {
        Path file = write("pom.xml", pom("<groupId>org.example</groupId><artifactId>app</artifactId>"
                + "<version>3.0</version>", """
                  <properties>
                    <a>${b}-final</a>
                    <b>${c}.1</b>
                    <c>${project.version}</c>
                    <lib.group>org.${vendor}</lib.group>
                    <vendor>example</vendor>
                  </properties>
                  <dependencies>
                """ + dep("${lib.group}", "lib", "<version>${a}</version>") + "  </dependencies>\n"));
        DeclaredDependency lib = reader.read(file).get(0);
        assertEquals("org.example:lib", lib.name());
        assertEquals("3.0.1-final", lib.requested());
    }

    @Test
    void aPropertyCycleIsRefusedWhereItIsUsed() throws Exception {
        String text = pom("<groupId>org.example</groupId><artifactId>app</artifactId><version>1</version>", """
                  <properties>
                    <a>${b}</a>
                    <b>x-${a}</b>
                    <unused>${unused}</unused>
                  </properties>
                  <dependencies>
                    <dependency>
                      <groupId>org.example</groupId>
                      <artifactId>lib</artifactId>
                      <version>${a}</version>
                    </dependency>
                  </dependencies>
                """);
        Path file = write("pom.xml", text);
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> reader.read(file));
        assertEquals(file.toString(), e.source());
        assertEquals(lineOf(text, "<version>${a}"), e.line());
        assertEquals(file + ":" + e.line() + ": property cycle ${a} -> ${b} -> ${a}; expected properties that do "
                + "not refer back to themselves", e.getMessage());
    }

    @Test
    void aParentInTheTreeGivesPropertiesManagedVersionsAndDependencies() throws Exception {
        String parent = pom("<groupId>org.example</groupId><artifactId>base</artifactId><version>1.0</version>"
                + "<packaging>pom</packaging>", """
                  <modules><module>app</module></modules>
                  <properties>
                    <lib.version>4.6.2</lib.version>
                    <other.version>1.0</other.version>
                  </properties>
                  <dependencyManagement>
                    <dependencies>
                """ + dep("org.example", "lib", "<version>${lib.version}</version>")
                + dep("org.example", "other", "<version>${other.version}</version><scope>runtime</scope>")
                + dep("org.example", "core", "<version>${project.version}</version>")
                + dep("org.example", "tested", "<version>5.10</version><scope>test</scope>")
                + """
                    </dependencies>
                  </dependencyManagement>
                  <dependencies>
                """ + dep("org.example", "inherited", "<version>0.9</version>")
                + dep("org.example", "overridden", "<version>0.1</version>")
                + "  </dependencies>\n");
        Path parentFile = write("pom.xml", parent);
        String child = pom("<parent><groupId>org.example</groupId><artifactId>base</artifactId>"
                + "<version>1.0</version></parent><artifactId>app</artifactId><version>1.1</version>", """
                  <properties>
                    <other.version>2.0</other.version>
                  </properties>
                  <dependencies>
                """ + dep("org.example", "lib", "")
                + dep("org.example", "other", "")
                + dep("org.example", "core", "")
                + dep("org.example", "tested", "")
                + dep("org.example", "overridden", "<version>0.2</version>")
                + "  </dependencies>\n");
        Path childFile = write("app/pom.xml", child);
        PomManifest manifest = reader.readManifest(childFile);
        assertEquals(List.of(), manifest.unresolved());
        List<DeclaredDependency> deps = manifest.dependencies();
        assertEquals(List.of("org.example:lib", "org.example:other", "org.example:core", "org.example:tested",
                "org.example:overridden", "org.example:inherited"), deps.stream().map(DeclaredDependency::name).toList());
        Map<String, DeclaredDependency> by = byName(deps);
        assertEquals("4.6.2", by.get("org.example:lib").requested(), "property from the parent");
        assertEquals("2.0", by.get("org.example:other").requested(), "the child's property wins");
        assertEquals(Optional.of("runtime"), by.get("org.example:other").scope(), "managed scope");
        assertEquals("1.1", by.get("org.example:core").requested(), "${project.version} is the child's");
        assertEquals(Optional.of("test"), by.get("org.example:tested").scope());
        assertFalse(by.get("org.example:tested").runtime());
        assertEquals("0.2", by.get("org.example:overridden").requested());
        assertEquals(childFile.toString(), by.get("org.example:overridden").manifest());
        DeclaredDependency inherited = by.get("org.example:inherited");
        assertEquals("0.9", inherited.requested());
        assertEquals(parentFile.toAbsolutePath().normalize().toString(),
                Path.of(inherited.manifest()).toAbsolutePath().normalize().toString(), "named in the parent's file");
        assertEquals(lineOf(parent, "<artifactId>inherited<"), inherited.line());
    }

    @Test
    void aParentElsewhereIsFoundThroughRelativePathAndAParentWithOtherCoordinatesIsNot() throws Exception {
        write("parents/base/pom.xml", pom("<groupId>org.example</groupId><artifactId>base</artifactId>"
                + "<version>1.0</version>", "  <properties><lib.version>7</lib.version></properties>\n"));
        Path app = write("app/pom.xml", pom("<parent><groupId>org.example</groupId><artifactId>base</artifactId>"
                + "<version>1.0</version><relativePath>../parents/base</relativePath></parent>"
                + "<artifactId>app</artifactId>", "  <dependencies>\n"
                + dep("org.example", "lib", "<version>${lib.version}</version>") + "  </dependencies>\n"));
        assertEquals("7", reader.read(app).get(0).requested());

        // ../pom.xml exists but is another project: Maven would go to the repository; we cannot
        write("pom.xml", pom("<groupId>org.example</groupId><artifactId>unrelated</artifactId>"
                + "<version>1.0</version>", "  <properties><lib.version>8</lib.version></properties>\n"));
        Path other = write("other/pom.xml", pom("<parent><groupId>org.example</groupId><artifactId>base</artifactId>"
                + "<version>2.0</version></parent><artifactId>other</artifactId>", "  <dependencies>\n"
                + dep("org.example", "lib", "<version>${lib.version}</version>") + "  </dependencies>\n"));
        PomManifest manifest = reader.readManifest(other);
        assertEquals("", manifest.dependencies().get(0).requested());
        assertEquals("property \"lib.version\" is not defined; parent org.example:base:2.0 is not in the tree",
                manifest.unresolved().get(0).reason());
    }

    @Test
    void ciFriendlyRevisionsComeFromTheParentsProperties() throws Exception {
        write("pom.xml", pom("<groupId>org.example</groupId><artifactId>root</artifactId>"
                + "<version>${revision}</version>", "  <properties><revision>1.2.3</revision></properties>\n"));
        Path app = write("app/pom.xml", pom("<parent><groupId>org.example</groupId><artifactId>root</artifactId>"
                + "<version>${revision}</version></parent><artifactId>app</artifactId>", "  <dependencies>\n"
                + dep("org.example", "sibling", "<version>${project.version}</version>") + "  </dependencies>\n"));
        assertEquals("1.2.3", reader.read(app).get(0).requested());
    }

    @Test
    void aParentNotInTheTreeLeavesItsManagedVersionsUnknown() throws Exception {
        String text = pom("<parent><groupId>org.example</groupId><artifactId>corporate</artifactId>"
                + "<version>12</version></parent><artifactId>app</artifactId>", """
                  <dependencies>
                """ + dep("org.example", "managed-there", "")
                + dep("org.example", "own", "<version>1.5</version>")
                + dep("org.example", "by-property", "<version>${their.version}</version>")
                + "  </dependencies>\n");
        Path file = write("pom.xml", text);
        PomManifest manifest = reader.readManifest(file);
        Map<String, DeclaredDependency> by = byName(manifest.dependencies());
        assertEquals("", by.get("org.example:managed-there").requested());
        assertEquals("1.5", by.get("org.example:own").requested());
        assertEquals("", by.get("org.example:by-property").requested());
        assertEquals(List.of(
                new PomManifest.Unresolved(by.get("org.example:managed-there"),
                        "no version given and none managed in the tree; parent org.example:corporate:12 is not in "
                                + "the tree"),
                new PomManifest.Unresolved(by.get("org.example:by-property"),
                        "property \"their.version\" is not defined; parent org.example:corporate:12 is not in the "
                                + "tree")), manifest.unresolved());
    }

    @Test
    void anImportedBomInTheTreeIsMergedAndOneOutsideIsReported() throws Exception {
        write("pom.xml", pom("<groupId>org.example</groupId><artifactId>root</artifactId><version>1.0</version>"
                + "<packaging>pom</packaging>", """
                  <modules><module>bom</module><module>app</module></modules>
                  <dependencyManagement><dependencies>
                """ + dep("org.example", "bom", "<version>${project.version}</version><type>pom</type>"
                        + "<scope>import</scope>")
                + dep("org.example", "both", "<version>1.1</version>")
                + "  </dependencies></dependencyManagement>\n"));
        // no parent: the root imports it, so with the root as its parent it would import itself
        write("bom/pom.xml", pom("<groupId>org.example</groupId><artifactId>bom</artifactId><version>1.0</version>"
                + "<packaging>pom</packaging>", """
                  <properties><lib.version>2.5</lib.version></properties>
                  <dependencyManagement><dependencies>
                """ + dep("org.example", "lib", "<version>${lib.version}</version>")
                + dep("org.example", "both", "<version>9.9</version>")
                + dep("org.example", "nested", "<version>[1,2)</version><scope>provided</scope>")
                + "  </dependencies></dependencyManagement>\n"));
        Path app = write("app/pom.xml", pom("<parent><groupId>org.example</groupId><artifactId>root</artifactId>"
                + "<version>1.0</version></parent><artifactId>app</artifactId>", """
                  <dependencyManagement><dependencies>
                """ + dep("org.junit", "junit-bom", "<version>5.10.3</version><type>pom</type><scope>import</scope>")
                + """
                  </dependencies></dependencyManagement>
                  <dependencies>
                """ + dep("org.example", "lib", "")
                + dep("org.example", "both", "")
                + dep("org.example", "nested", "")
                + dep("org.junit.jupiter", "junit-jupiter", "<scope>test</scope>")
                + "  </dependencies>\n"));
        PomManifest manifest = reader.readManifest(app);
        Map<String, DeclaredDependency> by = byName(manifest.dependencies());
        assertEquals("2.5", by.get("org.example:lib").requested(), "from the BOM, with its own property");
        assertEquals("1.1", by.get("org.example:both").requested(), "managed directly wins over an import");
        assertEquals("[1,2)", by.get("org.example:nested").requested());
        assertEquals(Optional.of("provided"), by.get("org.example:nested").scope());
        DeclaredDependency junit = by.get("org.junit.jupiter:junit-jupiter");
        assertEquals("", junit.requested());
        assertEquals(List.of(new PomManifest.Unresolved(junit, "no version given and none managed in the tree; "
                + "imported BOM org.junit:junit-bom:5.10.3 is not in the tree")), manifest.unresolved());
    }

    @Test
    void aBomThatImportsItselfIsRefusedAtTheImport() throws Exception {
        String root = pom("<groupId>org.example</groupId><artifactId>root</artifactId><version>1.0</version>",
                "  <modules><module>bom</module></modules>\n  <dependencyManagement><dependencies>\n"
                + dep("org.example", "bom", "<version>1.0</version><type>pom</type><scope>import</scope>")
                + "  </dependencies></dependencyManagement>\n");
        Path rootFile = write("pom.xml", root);
        write("bom/pom.xml", pom("<parent><groupId>org.example</groupId><artifactId>root</artifactId>"
                + "<version>1.0</version></parent><artifactId>bom</artifactId>", ""));
        Path app = write("app/pom.xml", pom("<parent><groupId>org.example</groupId><artifactId>root</artifactId>"
                + "<version>1.0</version></parent><artifactId>app</artifactId>", ""));
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> reader.read(app));
        assertEquals(lineOf(root, "<artifactId>bom<"), e.line());
        assertTrue(e.getMessage().contains("imported BOM org.example:bom:1.0 imports itself"), e.getMessage());
        assertTrue(Path.of(e.source()).toAbsolutePath().normalize().equals(rootFile.toAbsolutePath().normalize()),
                e.source());
    }

    @Test
    void scopesAndOptional() throws Exception {
        String text = pom("<groupId>org.example</groupId><artifactId>app</artifactId><version>1</version>",
                "  <dependencies>\n"
                + dep("org.example", "default", "<version>1</version>")
                + dep("org.example", "compile", "<version>1</version><scope>compile</scope>")
                + dep("org.example", "runtime", "<version>1</version><scope>runtime</scope>")
                + dep("org.example", "test", "<version>1</version><scope>test</scope>")
                + dep("org.example", "provided", "<version>1</version><scope>provided</scope>")
                + dep("org.example", "system", "<version>1</version><scope>system</scope>"
                        + "<systemPath>${java.home}/lib/x.jar</systemPath>")
                + dep("org.example", "optional", "<version>1</version><optional>true</optional>")
                + dep("org.example", "provided-optional", "<version>1</version><scope>provided</scope>"
                        + "<optional>true</optional>")
                + dep("org.example", "not-optional", "<version>1</version><optional>false</optional>")
                + "  </dependencies>\n");
        Map<String, DeclaredDependency> by = byName(reader.read(write("pom.xml", text)));
        record Expect(String artifact, Optional<String> scope, boolean runtime) {
        }
        for (Expect e : List.of(new Expect("default", Optional.empty(), true),
                new Expect("compile", Optional.empty(), true),
                new Expect("runtime", Optional.of("runtime"), true),
                new Expect("test", Optional.of("test"), false),
                new Expect("provided", Optional.of("provided"), false),
                new Expect("system", Optional.of("system"), false),
                new Expect("optional", Optional.of("optional"), true),
                new Expect("provided-optional", Optional.of("provided,optional"), false),
                new Expect("not-optional", Optional.empty(), true))) {
            DeclaredDependency d = by.get("org.example:" + e.artifact());
            assertEquals(e.scope(), d.scope(), e.artifact());
            assertEquals(e.runtime(), d.runtime(), e.artifact());
        }
    }

    @Test
    void unknownScopesAndOptionalValuesAreRefusedAtTheirLine() throws Exception {
        String text = pom("<groupId>org.example</groupId><artifactId>app</artifactId><version>1</version>", """
                  <dependencies>
                    <dependency>
                      <groupId>org.example</groupId><artifactId>lib</artifactId><version>1</version>
                      <scope>import</scope>
                    </dependency>
                  </dependencies>
                """);
        Path file = write("pom.xml", text);
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> reader.read(file));
        assertEquals(file + ":" + lineOf(text, "<scope>") + ": scope \"import\" of org.example:lib is not a "
                + "dependency scope; expected compile, runtime, test, provided or system (import belongs in "
                + "<dependencyManagement>)", e.getMessage());

        Path other = write("b/pom.xml", text.replace("<scope>import</scope>", "<optional>yes</optional>"));
        e = assertThrows(MalformedInputException.class, () -> reader.read(other));
        assertEquals(other + ":" + lineOf(text, "<scope>") + ": optional \"yes\" of org.example:lib; expected true "
                + "or false", e.getMessage());
    }

    @Test
    void aMalformedRangeIsRefusedAtItsVersion() throws Exception {
        String text = pom("<groupId>org.example</groupId><artifactId>app</artifactId><version>1</version>", """
                  <dependencies>
                    <dependency>
                      <groupId>org.example</groupId><artifactId>lib</artifactId>
                      <version>[1.0,2.0</version>
                    </dependency>
                  </dependencies>
                """);
        Path file = write("pom.xml", text);
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> reader.read(file));
        assertEquals(file + ":" + lineOf(text, "<version>[") + ": invalid Maven version requirement \"[1.0,2.0\": "
                + "unbounded range; expected \"]\" or \")\"", e.getMessage());
    }

    @Test
    void malformedXmlNamesFileLineAndWhatWasExpected() throws Exception {
        String text = """
                <?xml version="1.0"?>
                <project>
                  <artifactId>app</artifactId>
                  <dependencies>
                    <dependency>
                      <groupId>org.example</groupId>
                      <artifactId>lib</artifactId>
                    </dependencies>
                </project>
                """;
        Path file = write("pom.xml", text);
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> reader.read(file));
        assertEquals(file.toString(), e.source());
        assertEquals(lineOf(text, "</dependencies>"), e.line());
        assertTrue(e.getMessage().startsWith(file + ":" + e.line() + ": malformed XML: "), e.getMessage());
        assertTrue(e.getMessage().contains("dependency"), e.getMessage());
        assertTrue(e.getMessage().endsWith("; expected a well-formed POM"), e.getMessage());
    }

    @Test
    void missingElementsAndAWrongRootAreNamed() throws Exception {
        Path noArtifact = write("a/pom.xml", "<project>\n  <groupId>org.example</groupId>\n</project>\n");
        assertEquals(noArtifact + ":1: <project> has no <artifactId>; expected one",
                assertThrows(MalformedInputException.class, () -> reader.read(noArtifact)).getMessage());
        Path noGroup = write("b/pom.xml", "<project>\n  <artifactId>app</artifactId>\n  <dependencies>\n"
                + "    <dependency><artifactId>lib</artifactId></dependency>\n  </dependencies>\n</project>\n");
        assertEquals(noGroup + ":4: <dependency> has no <groupId>; expected one",
                assertThrows(MalformedInputException.class, () -> reader.read(noGroup)).getMessage());
        Path settings = write("c/pom.xml", "<?xml version=\"1.0\"?>\n<settings/>\n");
        assertEquals(settings + ":2: root element is <settings>; expected <project>",
                assertThrows(MalformedInputException.class, () -> reader.read(settings)).getMessage());
        Path empty = write("d/pom.xml", "");
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> reader.read(empty));
        assertTrue(e.getMessage().startsWith(empty + ":"), e.getMessage());
    }

    @Test
    void anExternalEntityIsRefusedAndTheFileItNamesIsNotRead() throws Exception {
        Path secret = write("secret.txt", "TOPSECRET-1234\n");
        String text = "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE project [\n"
                + "  <!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">\n"
                + "]>\n"
                + "<project>\n"
                + "  <artifactId>app</artifactId>\n"
                + "  <dependencies>\n"
                + dep("org.example", "&xxe;", "<version>1</version>")
                + "  </dependencies>\n"
                + "</project>\n";
        Path file = write("pom.xml", text);
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> reader.read(file));
        assertEquals(file.toString(), e.source());
        assertFalse(e.getMessage().contains("TOPSECRET"), e.getMessage());
        assertTrue(e.line() >= 2, e.getMessage());
        assertTrue(e.getMessage().endsWith(": document type declaration (<!DOCTYPE>) refused; expected a POM without "
                + "one"), e.getMessage());

        // an external DTD, which would be fetched before any element is seen
        Path external = write("ext/pom.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE project SYSTEM \""
                + secret.toUri() + "\">\n<project><artifactId>app</artifactId></project>\n");
        e = assertThrows(MalformedInputException.class, () -> reader.read(external));
        assertEquals(external + ":2: document type declaration (<!DOCTYPE>) refused; expected a POM without one",
                e.getMessage());

        // an entity used without a DTD is undeclared
        Path undeclared = write("und/pom.xml", "<project><artifactId>&xxe;</artifactId></project>\n");
        e = assertThrows(MalformedInputException.class, () -> reader.read(undeclared));
        assertTrue(e.getMessage().startsWith(undeclared + ":1: malformed XML: "), e.getMessage());
    }

    @Test
    void predefinedEntitiesCdataAndNamespacesAreFine() throws Exception {
        Path file = write("pom.xml", "<?xml version=\"1.0\"?>\n<project xmlns=\"urn:example:pom\">\n"
                + "  <artifactId>app</artifactId><version>1</version><groupId>org.example</groupId>\n"
                + "  <dependencies><dependency><groupId>org.example</groupId>\n"
                + "    <artifactId>a&amp;b</artifactId><version><![CDATA[ [1,2) ]]></version>\n"
                + "  </dependency></dependencies>\n</project>\n");
        DeclaredDependency d = reader.read(file).get(0);
        assertEquals("org.example:a&b", d.name());
        assertEquals("[1,2)", d.requested());
        assertEquals(4, d.line());
    }

    @Test
    void aParentCycleIsRefused() throws Exception {
        write("a/pom.xml", pom("<parent><groupId>org.example</groupId><artifactId>b</artifactId>"
                + "<version>1</version><relativePath>../b</relativePath></parent><artifactId>a</artifactId>", ""));
        write("b/pom.xml", pom("<parent><groupId>org.example</groupId><artifactId>a</artifactId>"
                + "<version>1</version><relativePath>../a</relativePath></parent><artifactId>b</artifactId>", ""));
        MalformedInputException e = assertThrows(MalformedInputException.class,
                () -> reader.read(dir.resolve("a/pom.xml")));
        assertTrue(e.getMessage().contains("is its own ancestor"), e.getMessage());
    }

    @Test
    void aMissingFileIsAnIoError() {
        assertThrows(IOException.class, () -> reader.read(dir.resolve("pom.xml")));
        assertThrows(NullPointerException.class, () -> reader.read(null));
    }
}
