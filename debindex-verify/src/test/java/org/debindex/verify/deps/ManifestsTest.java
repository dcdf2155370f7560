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
    void aFileNoReaderAcceptsIsMalformedInputAndAMissingPathIsAnIoError() throws Exception {
        Path other = write("notes.txt", "");
        assertEquals(List.of(other), Manifests.find(List.of(other)));
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> Manifests.read(other));
        assertTrue(e.getMessage().startsWith(other + ": not a manifest debindex reads"), e.getMessage());
        assertThrows(NoSuchFileException.class, () -> Manifests.find(List.of(dir.resolve("absent"))));
    }
}
