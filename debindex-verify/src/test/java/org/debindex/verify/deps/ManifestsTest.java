package org.debindex.verify.deps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.debindex.core.MalformedInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestsTest {

    @TempDir
    Path dir;

    private Path write(String relative, String text) throws Exception {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @Test
    void findsManifestsAndSkipsBuildDependencyAndVcsDirectories() throws Exception {
        Path go = write("svc/go.mod", "module example.org/svc\n");
        Path req = write("requirements.txt", "requests\n");
        Path npm = write("web/package.json", "{}");
        write("README.md", "");
        for (String skipped : List.of("target", "build", "node_modules/x", "vendor", ".git", "dist", "__pycache__",
                ".venv", "venv")) {
            write(skipped + "/package.json", "{}");
        }
        assertEquals(List.of(req, go, npm), Manifests.find(List.of(dir)));
        assertEquals(List.of(req), Manifests.find(List.of(req, req)), "each once");
    }

    @Test
    void aNamedFileIsKeptAndReadByItsReader() throws Exception {
        Path req = write("requirements-dev.txt", "PyYAML>=6\n");
        Manifests.Content content = Manifests.read(Manifests.find(List.of(req)).get(0));
        assertEquals(1, content.dependencies().size());
        assertEquals(Ecosystem.PYPI, content.dependencies().get(0).ecosystem());
    }

    @Test
    void unresolvedMavenVersionsCarryTheirReason() throws Exception {
        Path pom = write("pom.xml", """
                <project><modelVersion>4.0.0</modelVersion><groupId>org.example</groupId>
                <artifactId>a</artifactId><version>1</version><dependencies><dependency>
                <groupId>org.example</groupId><artifactId>b</artifactId><version>${b.version}</version>
                </dependency></dependencies></project>
                """);
        Manifests.Content content = Manifests.read(pom);
        DeclaredDependency b = content.dependencies().get(0);
        assertTrue(content.unresolved().containsKey(b), content.toString());
    }

    @Test
    void aDependencyOnASiblingModuleIsTheProjectsOwn() throws Exception {
        write("pom.xml", """
                <project><modelVersion>4.0.0</modelVersion><groupId>org.example</groupId>
                  <artifactId>parent</artifactId><version>1.0</version><packaging>pom</packaging>
                  <modules><module>core</module><module>app</module></modules>
                </project>
                """);
        write("core/pom.xml", """
                <project><modelVersion>4.0.0</modelVersion>
                  <parent><groupId>org.example</groupId><artifactId>parent</artifactId><version>1.0</version></parent>
                  <artifactId>core</artifactId>
                </project>
                """);
        write("app/pom.xml", """
                <project><modelVersion>4.0.0</modelVersion>
                  <parent><groupId>org.example</groupId><artifactId>parent</artifactId><version>1.0</version></parent>
                  <artifactId>app</artifactId>
                  <dependencies>
                    <dependency><groupId>org.example</groupId><artifactId>core</artifactId><version>1.0</version></dependency>
                    <dependency><groupId>org.tukaani</groupId><artifactId>xz</artifactId><version>1.9</version></dependency>
                  </dependencies>
                </project>
                """);
        List<Manifests.Content> all = new java.util.ArrayList<>();
        for (Path f : Manifests.find(List.of(dir))) {
            all.add(Manifests.read(f));
        }
        assertEquals(List.of(java.util.Optional.of("org.example:app"), java.util.Optional.of("org.example:core"),
                java.util.Optional.of("org.example:parent")), all.stream().map(Manifests.Content::project).toList());
        List<DeclaredDependency> app = all.get(0).dependencies();
        assertEquals("org.example:core", app.get(0).name());
        assertTrue(Manifests.isOwnModule(app.get(0), all), "core is built with the project");
        assertEquals(false, Manifests.isOwnModule(app.get(1), all), "xz is not");
        assertEquals(false, Manifests.isOwnModule(app.get(0), List.of(all.get(0))), "core's POM not read: not known");
    }

    @Test
    void aFileNoReaderAcceptsIsMalformedInputAndAMissingPathIsAnIoError() throws Exception {
        Path other = write("notes.txt", "");
        assertEquals(List.of(other), Manifests.find(List.of(other)));
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> Manifests.read(other));
        assertTrue(e.getMessage().startsWith(other + ": not a manifest debindex reads"), e.getMessage());
        assertThrows(NoSuchFileException.class, () -> Manifests.find(List.of(dir.resolve("absent"))));
    }
}
