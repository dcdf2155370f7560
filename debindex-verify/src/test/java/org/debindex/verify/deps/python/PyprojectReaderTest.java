package org.debindex.verify.deps.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.debindex.core.MalformedInputException;
import org.debindex.verify.deps.DeclaredDependency;
import org.debindex.verify.deps.Ecosystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PyprojectReaderTest {

    private final PyprojectReader reader = new PyprojectReader();

    static DeclaredDependency dep(String name, String requested, String scope, boolean runtime, Path file, int line) {
        return new DeclaredDependency(Ecosystem.PYPI, name, requested, Optional.ofNullable(scope), runtime,
                file.toString(), line);
    }

    @Test
    void pep621AndPep735(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("pyproject.toml");
        Files.writeString(f, """
                [build-system]
                requires = ["setuptools>=61"]

                [project]
                name = "demo"
                dependencies = [
                  "httpx[http2] >=0.27",
                  'tomli >= 1.1.0 ; python_version < "3.11"',
                  "pkg @ https://example.org/pkg-1.0.tar.gz",
                ]

                [project.optional-dependencies]
                docs = ["sphinx~=7.2"]
                test = [
                  "pytest",
                ]

                [dependency-groups]
                lint = ["ruff==0.4.*"]
                dev = [{include-group = "lint"}, "mypy>=1"]
                """);
        assertEquals(List.of(
                dep("httpx", ">=0.27", null, true, f, 7),
                dep("tomli", ">= 1.1.0", "marker:python_version < \"3.11\"", true, f, 8),
                dep("pkg", "", "url", true, f, 9),
                dep("sphinx", "~=7.2", "optional:docs", false, f, 13),
                dep("pytest", "", "optional:test", false, f, 15),
                dep("ruff", "==0.4.*", "group:lint", false, f, 19),
                dep("mypy", ">=1", "group:dev", false, f, 20)), reader.read(f));
    }

    @Test
    void poetry(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("pyproject.toml");
        Files.writeString(f, """
                [tool.poetry]
                name = "demo"

                [tool.poetry.dependencies]
                python = "^3.11"
                requests = "^2.31"
                pendulum = { version = "~2.1", optional = true }
                mylib = { git = "https://example.org/mylib.git", tag = "v1" }
                local = { path = "../local" }
                anything = "*"
                numpy = [
                  { version = "<1.25", markers = "python_version < '3.9'" },
                  { version = ">=1.25,<2", markers = "python_version >= '3.9'" },
                ]

                [tool.poetry.group.test.dependencies]
                pytest = ">=7"

                [tool.poetry.dev-dependencies]
                black = "24.4.2"
                """);
        assertEquals(List.of(
                dep("requests", "^2.31", null, true, f, 6),
                dep("pendulum", "~2.1", "optional", false, f, 7),
                dep("mylib", "", "url", true, f, 8),
                dep("local", "", "path", true, f, 9),
                dep("anything", "", null, true, f, 10),
                dep("numpy", "<1.25", "marker:python_version < '3.9'", true, f, 12),
                dep("numpy", ">=1.25,<2", "marker:python_version >= '3.9'", true, f, 13),
                dep("black", "24.4.2", "group:dev", false, f, 20),
                dep("pytest", ">=7", "group:test", false, f, 17)), reader.read(f));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            not an array     | `[project]\\ndependencies = "six"`                        | 2: "project.dependencies" is a string; expected an array of PEP 508 strings
            not a string     | `[project]\\ndependencies = [\\n  "six",\\n  3,\\n]`      | 4: "project.dependencies" is an integer; expected a PEP 508 string
            bad requirement  | `[project]\\ndependencies = [\\n  "six >= one",\\n]`      | 3: invalid PEP 440 version "one"
            unknown include  | `[dependency-groups]\\na = [{include-group = "b"}]`     | 2: dependency group "a" includes unknown group "b"
            poetry version   | `[tool.poetry.dependencies]\\nx = {version = 1}`       | 2: "tool.poetry dependency x version" is an integer; expected a string
            bad toml         | `[project]\\ndependencies = ["a"]\\ndependencies = []` | 3: duplicate key "dependencies", already defined as a value on line 2
            """)
    void malformed(String what, String content, String message, @TempDir Path dir) throws IOException {
        Path f = dir.resolve("pyproject.toml");
        Files.writeString(f, content.replace("\\n", "\n"));
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> reader.read(f), what);
        assertEquals(f + ":" + message, e.getMessage(), what);
    }

    @Test
    void acceptsOnlyPyprojectToml() {
        assertTrue(reader.accepts(Path.of("a/pyproject.toml")));
        assertFalse(reader.accepts(Path.of("Cargo.toml")));
        assertFalse(reader.accepts(Path.of("requirements.txt")));
    }
}
