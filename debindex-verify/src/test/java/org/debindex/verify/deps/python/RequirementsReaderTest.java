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

class RequirementsReaderTest {

    private final RequirementsReader reader = new RequirementsReader();

    static DeclaredDependency dep(String name, String requested, String scope, Path file, int line) {
        return new DeclaredDependency(Ecosystem.PYPI, name, requested, Optional.ofNullable(scope), true, file.toString(), line);
    }

    @Test
    void readsRequirementsWithIncludesAndExactLines(@TempDir Path dir) throws Exception {
        Path main = dir.resolve("requirements.txt");
        Files.writeString(main, """
                # pinned for production
                requests[security,socks] >= 2.8.1, == 2.8.* ; python_version < "2.7"
                Django>=4.2,<5  # trailing comment
                numpy==1.26.* \\
                    --hash=sha256:abc \\
                    --hash=sha256:def
                -r sub/dev.txt
                -c constraints.txt
                --index-url https://mirror.example/simple
                -e ./local
                mylib @ git+https://example.org/mylib.git@v1.0
                pywin32 >=300 ; sys_platform  ==  "win32" --hash sha256:abc
                foo==${FOO_VERSION}

                --pre
                bar (>=1.0)
                -rcommon.txt
                Zope.Interface
                """);
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/dev.txt"), "pytest>=7\r\n--requirement=../common.txt\r\n");
        Files.writeString(dir.resolve("common.txt"), "six\n#x\\\nattrs \\\n  ~= 23.1\n");
        RequirementsReader.Result result = reader.readAll(main);
        Path dev = dir.resolve("sub/dev.txt");
        Path common = dir.resolve("sub/../common.txt");
        assertEquals(List.of(
                dep("requests", ">= 2.8.1, == 2.8.*", "marker:python_version < \"2.7\"", main, 2),
                dep("Django", ">=4.2,<5", null, main, 3),
                dep("numpy", "==1.26.*", null, main, 4),
                dep("pytest", ">=7", null, dev, 1),
                dep("six", "", null, common, 1),
                dep("attrs", "~= 23.1", null, common, 3),
                dep("mylib", "", "url", main, 11),
                dep("pywin32", ">=300", "marker:sys_platform  ==  \"win32\"", main, 12),
                dep("foo", "==${FOO_VERSION}", null, main, 13),
                dep("bar", ">=1.0", null, main, 16),
                dep("Zope.Interface", "", null, main, 18)), result.dependencies());
        assertEquals(List.of(dir.resolve("constraints.txt")), result.constraintFiles());
        assertEquals(result.dependencies(), reader.read(main));
    }

    @Test
    void commentsEndContinuationsAsInPip(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("requirements.txt");
        // a comment line ends the continuation; a comment ending in a backslash continues nothing
        Files.writeString(f, "attrs\\\n# c \\\nsix # pinned \\\n  ignored\nfoo\n");
        assertEquals(List.of(dep("attrs", "", null, f, 1), dep("six", "", null, f, 3), dep("foo", "", null, f, 5)),
                reader.read(f));
    }

    @Test
    void includeCycleIsAnError(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("a-requirements.txt");
        Path b = dir.resolve("b-requirements.txt");
        Files.writeString(a, "six\n-r b-requirements.txt\n");
        Files.writeString(b, "attrs\n\n-r a-requirements.txt\n");
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> reader.read(a));
        assertEquals(b + ":3: include cycle: \"" + dir.resolve("a-requirements.txt") + "\" is already being read",
                e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            bad specifier       | `six\\nfoo >=\\n`                 | 2: invalid version specifier ">="; expected an operator (~= == != < <= > >= ===) and a version
            bad version         | `foo==1.0-SNAPSHOT`             | 1: invalid PEP 440 version "1.0-SNAPSHOT"
            continued line      | `a\\nb\\nfoo ==1.0 \\\\\\n  ^2\\n` | 3: invalid version specifier "==1.0   ^2"; expected an operator (~= == != < <= > >= ===) and a version
            unknown option      | `--frobnicate x`                | 1: unknown option "--frobnicate"; expected a requirement or a pip option such as -r, -c, -e, --index-url
            unknown req option  | `foo==1 --install-option=x`     | 1: unknown option "--install-option" after a requirement; expected --hash, --config-settings or --global-option
            missing value       | `x\\n-r`                        | 2: option "-r" needs a value
            bare url            | `https://example.org/x.whl`      | 1: requirement "https://example.org/x.whl" has no name; expected name @ url so that it can be checked
            no name             | `>=1.0`                         | 1: invalid requirement ">=1.0"; expected a distribution name (letters, digits, "-", "_", ".") first
            empty marker        | `foo ;`                         | 1: invalid requirement "foo ;"; expected an environment marker after ";"
            url without scheme  | `foo @ bar`                     | 1: invalid requirement "foo @ bar"; expected a URL after "@"
            bad extra           | `foo[a,]`                       | 1: invalid extra "" in "foo[a,]"; expected a name
            """)
    void malformedLinesNameFileAndLine(String what, String content, String message, @TempDir Path dir) throws IOException {
        Path f = dir.resolve("requirements.txt");
        Files.writeString(f, content.replace("\\n", "\n").replace("\\\\", "\\"));
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> reader.read(f), what);
        assertEquals(f + ":" + message, e.getMessage(), what);
    }

    @Test
    void invalidUtf8(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("requirements.txt");
        Files.write(f, new byte[] {'a', '\n', 'b', (byte) 0xff, '\n'});
        assertEquals(f + ":2: invalid UTF-8 byte sequence",
                assertThrows(MalformedInputException.class, () -> reader.read(f)).getMessage());
    }

    @Test
    void acceptsRequirementsFileNames() {
        assertTrue(reader.accepts(Path.of("requirements.txt")));
        assertTrue(reader.accepts(Path.of("proj/requirements-dev.txt")));
        assertTrue(reader.accepts(Path.of("dev-requirements.txt")));
        assertTrue(reader.accepts(Path.of("proj/requirements/test.txt")));
        assertFalse(reader.accepts(Path.of("constraints.txt")));
        assertFalse(reader.accepts(Path.of("requirements.in")));
        assertFalse(reader.accepts(Path.of("pyproject.toml")));
    }

    @Test
    void pep503() {
        assertEquals("friendly-bard", Pep503.normalize("Friendly-Bard"));
        assertEquals("friendly-bard", Pep503.normalize("FRIENDLY_BARD"));
        assertEquals("friendly-bard", Pep503.normalize("friendly.bard"));
        assertEquals("friendly-bard", Pep503.normalize("friendly-._bard"));
        assertEquals("pyyaml", Pep503.normalize("PyYAML"));
        assertEquals("zope-interface", Pep503.normalize("Zope.Interface"));
        assertEquals("-a-", Pep503.normalize("__a.."));
    }
}
