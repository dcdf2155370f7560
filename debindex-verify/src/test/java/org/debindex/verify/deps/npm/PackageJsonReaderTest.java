package org.debindex.verify.deps.npm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.debindex.core.MalformedInputException;
import org.debindex.verify.deps.DeclaredDependency;
import org.debindex.verify.deps.Ecosystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** package.json groups, non-registry specs, lines and the messages of malformed files. */
class PackageJsonReaderTest {

    @TempDir
    Path dir;

    private final PackageJsonReader reader = new PackageJsonReader();

    private Path write(String json) throws Exception {
        return Files.writeString(dir.resolve("package.json"), json);
    }

    private DeclaredDependency dep(Path file, String name, String requested, String scope, boolean runtime, int line) {
        return new DeclaredDependency(Ecosystem.NPM, name, requested,
                scope == null ? Optional.empty() : Optional.of(scope), runtime, file.toString(), line);
    }

    @Test
    void acceptsOnlyPackageJson() {
        assertTrue(reader.accepts(Path.of("a/b/package.json")));
        assertFalse(reader.accepts(Path.of("package-lock.json")));
        assertFalse(reader.accepts(Path.of("package.json5")));
    }

    @Test
    void readsTheFourGroupsInFileOrder() throws Exception {
        Path file = write("""
                {
                  "name": "demo",
                  "version": "1.0.0",
                  "devDependencies": {
                    "mocha": "^10.2.0"
                  },
                  "dependencies": {
                    "express": "^4.18.2",
                    "@types/node": ">=18 <21",
                    "lodash": "4.17.21",
                    "left-pad": "*",
                    "next": "latest"
                  },
                  "optionalDependencies": { "fsevents": "~2.3.2" },
                  "peerDependencies": {
                    "react": "^17.0.0 || ^18.0.0"
                  },
                  "scripts": { "test": "mocha" }
                }
                """);
        assertEquals(List.of(
                dep(file, "mocha", "^10.2.0", "dev", false, 5),
                dep(file, "express", "^4.18.2", null, true, 8),
                dep(file, "@types/node", ">=18 <21", null, true, 9),
                dep(file, "lodash", "4.17.21", null, true, 10),
                dep(file, "left-pad", "*", null, true, 11),
                dep(file, "next", "latest", null, true, 12),
                dep(file, "fsevents", "~2.3.2", "optional", true, 14),
                dep(file, "react", "^17.0.0 || ^18.0.0", "peer", true, 16)), reader.read(file));
    }

    @Test
    void nonRegistrySpecsAreMarked() throws Exception {
        Path file = write("""
                {"dependencies": {
                  "a": "git+ssh://git@mirror.example/org/a.git#v1.0.0",
                  "b": "https://mirror.example/b-1.0.0.tgz",
                  "c": "file:../c",
                  "d": "link:../d",
                  "e": "workspace:^1.2.0",
                  "f": "org/f#main",
                  "g": "npm:@scope/real@^2.1.0",
                  "h": "npm:other",
                  "i": "./vendor/i-1.0.0.tgz"
                },
                "devDependencies": {"j": "npm:jj@1.x", "k": "github:org/k"}}
                """);
        assertEquals(List.of(
                dep(file, "a", "git+ssh://git@mirror.example/org/a.git#v1.0.0", "url", true, 2),
                dep(file, "b", "https://mirror.example/b-1.0.0.tgz", "url", true, 3),
                dep(file, "c", "file:../c", "url", true, 4),
                dep(file, "d", "link:../d", "url", true, 5),
                dep(file, "e", "workspace:^1.2.0", "url", true, 6),
                dep(file, "f", "org/f#main", "url", true, 7),
                dep(file, "@scope/real", "^2.1.0", "alias", true, 8),
                dep(file, "other", "", "alias", true, 9),
                dep(file, "i", "./vendor/i-1.0.0.tgz", "url", true, 10),
                dep(file, "jj", "1.x", "dev,alias", false, 12),
                dep(file, "k", "github:org/k", "dev,url", false, 12)), reader.read(file));
    }

    @Test
    void noDependenciesIsAnEmptyList() throws Exception {
        assertEquals(List.of(), reader.read(write("{\"name\": \"x\", \"dependencies\": {}}")));
    }

    @Test
    void malformedFilesNameFileAndLine() throws Exception {
        String[][] cases = {
            {"[1]", ":1: top-level value is an array; expected an object"},
            {"{\n\"dependencies\": [\"a\"]}", ":2: \"dependencies\" is an array; expected an object of package names and ranges"},
            {"{\"dependencies\": {\n\"a\": \"1\",\n\"b\": 2}}", ":3: dependency \"b\" is a number; expected a version range string"},
            {"{\"peerDependencies\": {\n\"\": \"1\"}}", ":2: empty package name in \"peerDependencies\"; expected a package name"},
            {"{\"dependencies\": {\n\"a\": \"npm:@2\"}}", ":2: alias \"npm:@2\" of \"a\" names no package; expected npm:name@range"},
            {"{\"dependencies\": {\n\"a\": \"1\",\n}}", ":3: trailing comma before \"}\"; expected a member name"},
            {"{\"dependencies\": {\"a\": \"1\"},\n\"dependencies\": {}}", ":2: duplicate member name \"dependencies\" (first on line 1); expected unique names"},
            {"{\"dependencies\": {\"a\": null}}", ":1: dependency \"a\" is null; expected a version range string"},
        };
        for (String[] c : cases) {
            Path file = write(c[0]);
            MalformedInputException e = assertThrows(MalformedInputException.class, () -> reader.read(file), c[0]);
            assertEquals(file + c[1], e.getMessage());
        }
    }
}
