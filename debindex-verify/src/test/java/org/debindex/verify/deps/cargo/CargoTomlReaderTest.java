package org.debindex.verify.deps.cargo;

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
import org.debindex.verify.deps.DependencyCheck;
import org.debindex.verify.deps.Ecosystem;
import org.debindex.verify.deps.Manifests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cargo.toml dependency tables, their forms, workspace inheritance, lines and malformed files. */
class CargoTomlReaderTest {

    @TempDir
    Path dir;

    private final CargoTomlReader reader = new CargoTomlReader();

    private Path write(String relative, String text) throws Exception {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static DeclaredDependency dep(Path file, String name, String requested, String scope, boolean runtime,
                                          int line) {
        return new DeclaredDependency(Ecosystem.CARGO, name, requested,
                scope == null ? Optional.empty() : Optional.of(scope), runtime, file.toString(), line);
    }

    @Test
    void acceptsOnlyCargoToml() {
        assertTrue(reader.accepts(Path.of("crates/core/Cargo.toml")));
        assertFalse(reader.accepts(Path.of("Cargo.lock")));
        assertFalse(reader.accepts(Path.of("cargo.toml")));
        assertFalse(reader.accepts(Path.of("pyproject.toml")));
        assertTrue(Manifests.isManifest(Path.of("x/Cargo.toml")));
    }

    @Test
    void readsEveryForm() throws Exception {
        Path file = write("Cargo.toml", """
                [package]
                name = "app"
                version = "0.1.0"

                [dependencies]
                serde = "1.0"
                serde_json = { version = "1", features = ["std", "arbitrary_precision"], default-features = false }
                rand = { version = "0.8", optional = true }
                my-log = { package = "log", version = "^0.4.17" }
                local = { path = "../local" }
                remote = { git = "https://example.org/remote.git", branch = "main" }
                both = { path = "../both", version = "2.1" }
                any = "*"
                bare = { features = ["x"] }

                [dependencies.tokio]
                version = "~1.24"
                features = ["rt-multi-thread", "macros"]

                [dev-dependencies]
                proptest = "1"

                [build-dependencies]
                cc = ">=1.0.50, <2"

                [target.'cfg(unix)'.dependencies]
                libc = "0.2"

                [target.'cfg(any(windows, target_os = "macos"))'.dev-dependencies]
                winapi = { version = "0.3", features = ["winuser"] }

                [target.x86_64-pc-windows-gnu.build-dependencies]
                winres = "=0.1.12"
                """);
        assertEquals(List.of(
                dep(file, "serde", "1.0", null, true, 6),
                dep(file, "serde_json", "1", "features:arbitrary_precision+std,no-default-features", true, 7),
                dep(file, "rand", "0.8", "optional", true, 8),
                dep(file, "log", "^0.4.17", null, true, 9),
                dep(file, "local", "", "path", true, 10),
                dep(file, "remote", "", "url", true, 11),
                dep(file, "both", "2.1", "path", true, 12),
                dep(file, "any", "*", null, true, 13),
                dep(file, "bare", "", "features:x", true, 14),
                dep(file, "tokio", "~1.24", "features:macros+rt-multi-thread", true, 16),
                dep(file, "proptest", "1", "dev", false, 21),
                dep(file, "cc", ">=1.0.50, <2", "build", false, 24),
                dep(file, "libc", "0.2", "target:cfg(unix)", true, 27),
                dep(file, "winapi", "0.3", "dev,target:cfg(any(windows%2C target_os = \"macos\")),features:winuser",
                        false, 30),
                dep(file, "winres", "=0.1.12", "build,target:x86_64-pc-windows-gnu", false, 33)),
                reader.read(file));
    }

    @Test
    void scopesWorkWithDependencyCheck() throws Exception {
        Path file = write("Cargo.toml", """
                [package]
                name = "app"
                [dependencies]
                a = { version = "1", optional = true }
                b = { version = "1", features = ["x,y"] }
                [target.'cfg(all(unix, not(target_os = "linux")))'.dependencies]
                c = "1"
                """);
        List<DeclaredDependency> deps = reader.read(file);
        assertFalse(DependencyCheck.isRequiredAtRuntime(deps.get(0)));
        assertTrue(DependencyCheck.isRequiredAtRuntime(deps.get(1)));
        assertEquals(Optional.of("features:x%2Cy"), deps.get(1).scope());
        assertTrue(DependencyCheck.isRequiredAtRuntime(deps.get(2)));
        assertEquals(Optional.of("target:cfg(all(unix%2C not(target_os = \"linux\")))"), deps.get(2).scope());
        assertEquals("a%25b%2Cc%3Bd%2Be", CargoTomlReader.escape("a%b,c;d+e", true));
        assertEquals("a%25b%2Cc%3Bd+e", CargoTomlReader.escape("a%b,c;d+e", false));
    }

    @Test
    void dottedKeysAndLegacyTableNames() throws Exception {
        Path file = write("Cargo.toml", """
                [package]
                name = "app"

                [dependencies]
                regex.version = "1.7"
                regex.default_features = false

                [dev_dependencies]
                old = "0.1"
                """);
        assertEquals(List.of(dep(file, "regex", "1.7", "no-default-features", true, 5),
                        dep(file, "old", "0.1", "dev", false, 9)),
                reader.read(file));
    }

    @Test
    void virtualManifestDeclaresNothing() throws Exception {
        Path file = write("Cargo.toml", """
                [workspace]
                members = ["crates/*"]

                [workspace.dependencies]
                serde = "1"
                """);
        assertEquals(List.of(), reader.read(file));
        assertEquals(List.of(), reader.read(write("empty/Cargo.toml", "")));
    }

    @Test
    void inheritsFromTheNearestWorkspaceRoot() throws Exception {
        write("Cargo.toml", """
                [workspace]
                members = ["crates/*"]
                resolver = "2"

                [workspace.dependencies]
                serde = { version = "1.0.150", features = ["derive"] }
                anyhow = "1"
                log = { version = "0.4", default-features = false }
                rlog = { package = "real-log", version = "0.2" }
                shared = { path = "crates/shared" }
                """);
        write("crates/app/src/Cargo.toml", "this file is not on the way up and is not read = = =\n");
        Path member = write("crates/app/Cargo.toml", """
                [package]
                name = "app"
                version.workspace = true

                [dependencies]
                serde = { workspace = true, features = ["rc"], optional = true }
                anyhow.workspace = true
                log = { workspace = true }
                rlog = { workspace = true }
                shared = { workspace = true }

                [dev-dependencies]
                anyhow = { workspace = true, features = ["backtrace"] }
                """);
        assertEquals(List.of(
                dep(member, "serde", "1.0.150", "optional,features:derive+rc", true, 6),
                dep(member, "anyhow", "1", null, true, 7),
                dep(member, "log", "0.4", "no-default-features", true, 8),
                dep(member, "real-log", "0.2", null, true, 9),
                dep(member, "shared", "", "path", true, 10),
                dep(member, "anyhow", "1", "dev,features:backtrace", false, 13)),
                reader.read(member));
    }

    @Test
    void aNearerWorkspaceWinsAndARootPackageInheritsFromItself() throws Exception {
        write("Cargo.toml", """
                [workspace]
                [workspace.dependencies]
                serde = "0.9"
                """);
        Path inner = write("inner/Cargo.toml", """
                [package]
                name = "inner"
                [workspace]
                [workspace.dependencies]
                serde = "1.0"
                [dependencies]
                serde = { workspace = true }
                """);
        assertEquals(List.of(dep(inner, "serde", "1.0", null, true, 7)), reader.read(inner));
        Path deep = write("inner/a/b/Cargo.toml", """
                [package]
                name = "deep"
                [dependencies]
                serde.workspace = true
                """);
        assertEquals(List.of(dep(deep, "serde", "1.0", null, true, 4)), reader.read(deep));
    }

    @Test
    void packageWorkspaceKeyNamesTheRoot() throws Exception {
        write("elsewhere/Cargo.toml", """
                [workspace]
                [workspace.dependencies]
                serde = "1.0.100"
                """);
        write("Cargo.toml", """
                [workspace]
                [workspace.dependencies]
                serde = "0.1"
                """);
        Path member = write("m/Cargo.toml", """
                [package]
                name = "m"
                workspace = "../elsewhere"
                [dependencies]
                serde = { workspace = true }
                """);
        assertEquals(List.of(dep(member, "serde", "1.0.100", null, true, 5)), reader.read(member));
    }

    @Test
    void withoutAWorkspaceRootTheDependencyIsKeptUnresolved() throws Exception {
        Path member = write("lonely/Cargo.toml", """
                [package]
                name = "lonely"
                [dependencies]
                serde = { workspace = true, features = ["derive"] }
                """);
        assertEquals(List.of(dep(member, "serde", "", "features:derive,workspace-unresolved", true, 4)),
                reader.read(member));
    }

    @Test
    void workspaceErrorsNameTheFileAndLine() throws Exception {
        write("Cargo.toml", """
                [workspace]
                [workspace.dependencies]
                serde = "1"
                """);
        Path missing = write("a/Cargo.toml", """
                [package]
                name = "a"
                [dependencies]
                tokio = { workspace = true }
                """);
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> reader.read(missing));
        assertEquals(missing.toString(), e.source());
        assertEquals(4, e.line());
        assertTrue(e.getMessage().contains("expected it in [workspace.dependencies]"), e.getMessage());

        Path both = write("b/Cargo.toml", """
                [package]
                name = "b"
                [dependencies]

                serde = { workspace = true, version = "1" }
                """);
        e = assertThrows(MalformedInputException.class, () -> reader.read(both));
        assertEquals(5, e.line());
        assertTrue(e.getMessage().contains("expected only features and optional"), e.getMessage());

        Path notTrue = write("c/Cargo.toml", "[package]\nname = \"c\"\n[dependencies]\nserde = { workspace = false }\n");
        e = assertThrows(MalformedInputException.class, () -> reader.read(notTrue));
        assertEquals(4, e.line());
        assertTrue(e.getMessage().contains("expected workspace = true"), e.getMessage());
    }

    @Test
    void aMalformedWorkspaceRootIsReportedAtItsOwnLine() throws Exception {
        Path root = write("Cargo.toml", "[workspace]\n[workspace.dependencies]\nserde = 1\n");
        Path member = write("a/Cargo.toml", "[package]\nname = \"a\"\n[dependencies]\nserde.workspace = true\n");
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> reader.read(member));
        assertEquals(root.toString(), e.source());
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("is an integer; expected a version string or a table"), e.getMessage());

        Files.writeString(root, "[workspace]\n[workspace.dependencies]\n\nserde = { version = \"1.x.2\" }\n");
        e = assertThrows(MalformedInputException.class, () -> reader.read(member));
        assertEquals(root.toString(), e.source());
        assertEquals(4, e.line());
        assertTrue(e.getMessage().contains("dependency \"serde\": invalid Cargo version requirement \"1.x.2\""),
                e.getMessage());
    }

    @Test
    void malformedTomlKeepsTheTomlReadersFileAndLine() throws Exception {
        Path file = write("Cargo.toml", "[package]\nname = \"x\"\n[dependencies]\nserde = \"1.0\n");
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> reader.read(file));
        assertEquals(file.toString(), e.source());
        assertEquals(4, e.line());
        assertTrue(e.getMessage().startsWith(file + ":4: "), e.getMessage());
    }

    @Test
    void wrongValuesNameFileLineAndWhatWasExpected() throws Exception {
        record Case(String toml, int line, String expected) {}
        for (Case c : List.of(
                new Case("[dependencies]\n\nserde = 1\n", 3,
                        "dependency \"serde\" is an integer; expected a version string or a table"),
                new Case("[dependencies]\nserde = [\"1\"]\n", 2, "is an array; expected a version string or a table"),
                new Case("[dependencies]\nserde = true\n", 2, "is true; expected a version string or a table"),
                new Case("[dependencies]\nserde = \">=1 <2\"\n", 2, "dependency \"serde\": invalid Cargo version "
                        + "requirement \">=1 <2\": expected a comma after \"1\", got \"<2\"; expected a requirement"),
                new Case("[dependencies]\nserde = \"\"\n", 2, "expected a version requirement"),
                new Case("[dependencies]\nserde = { version = 1 }\n", 2,
                        "\"version\" of dependency \"serde\" is an integer; expected a string"),
                new Case("[dependencies]\nserde = { version = \"1\", features = \"derive\" }\n", 2,
                        "\"features\" of dependency \"serde\" is a string; expected an array of strings"),
                new Case("[dependencies]\nserde = { version = \"1\", features = [1] }\n", 2,
                        "expected an array of strings"),
                new Case("[dependencies]\nserde = { version = \"1\", optional = \"yes\" }\n", 2,
                        "\"optional\" of dependency \"serde\" is a string; expected true or false"),
                new Case("[dependencies]\nserde = { version = \"1\", package = \"\" }\n", 2,
                        "has an empty package; expected the crate's name"),
                new Case("dependencies = \"serde\"\n", 1, "\"dependencies\" is a string; expected a table"),
                new Case("[package]\n[target]\nx = 1\n", 3, "\"target.x\" is an integer; expected a table"))) {
            Path file = write("Cargo.toml", c.toml());
            MalformedInputException e = assertThrows(MalformedInputException.class, () -> reader.read(file), c.toml());
            assertEquals(file.toString(), e.source(), c.toml());
            assertEquals(c.line(), e.line(), c.toml());
            assertTrue(e.getMessage().startsWith(file + ":" + c.line() + ": "), e.getMessage());
            assertTrue(e.getMessage().contains(c.expected()), e.getMessage());
        }
    }

    @Test
    void manifestsReadsCargoToml() throws Exception {
        Path file = write("Cargo.toml", "[package]\nname = \"x\"\n[dependencies]\nserde = \"1\"\n");
        assertEquals(List.of(file), Manifests.find(List.of(dir)));
        assertEquals(List.of(dep(file, "serde", "1", null, true, 4)), Manifests.read(file).dependencies());
        MalformedInputException e = assertThrows(MalformedInputException.class,
                () -> Manifests.read(write("Cargo.lock", "")));
        assertTrue(e.getMessage().contains("Cargo.toml"), e.getMessage());
    }

    @Test
    void refusesFilesOverTheLimit() throws Exception {
        Path file = write("Cargo.toml", "#".repeat(CargoTomlReader.MAX_SIZE + 1));
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> reader.read(file));
        assertTrue(e.getMessage().contains("larger than the limit"), e.getMessage());
    }
}
