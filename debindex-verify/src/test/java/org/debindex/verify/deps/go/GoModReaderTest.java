package org.debindex.verify.deps.go;

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

/** go.mod directives, replace and exclude, lines and the messages of malformed files. */
class GoModReaderTest {

    @TempDir
    Path dir;

    private final GoModReader reader = new GoModReader();

    private Path write(String text) throws Exception {
        return Files.writeString(dir.resolve("go.mod"), text);
    }

    private static DeclaredDependency dep(Path file, String name, String requested, String scope, int line) {
        return new DeclaredDependency(Ecosystem.GO, name, requested,
                scope == null ? Optional.empty() : Optional.of(scope), true, file.toString(), line);
    }

    @Test
    void acceptsOnlyGoMod() {
        assertTrue(reader.accepts(Path.of("src/go.mod")));
        assertFalse(reader.accepts(Path.of("go.sum")));
        assertFalse(reader.accepts(Path.of("go.work")));
    }

    @Test
    void readsDirectivesRequiresAndComments() throws Exception {
        Path file = write("""
                // a module for tests
                module example.org/app

                go 1.21
                toolchain go1.21.5

                require example.org/single v1.0.0 // a comment, not indirect

                require (
                \texample.org/a v1.2.3
                \texample.org/b/v2 v2.0.1 // indirect
                \t"example.org/quoted" v0.4.0 // indirect; kept by go mod tidy
                \t`example.org/raw` v0.0.0-20210101120000-abcdef123456
                \tgopkg.in/x.v3 v3.0.1
                \texample.org/old v2.3.0+incompatible
                )

                retract [v1.0.0, v1.0.5] // published by mistake
                retract v1.1.0
                godebug default=go1.21
                """);
        GoMod mod = reader.parse(file);
        assertEquals(Optional.of("example.org/app"), mod.module());
        assertEquals(Optional.of("1.21"), mod.goVersion());
        assertEquals(Optional.of("go1.21.5"), mod.toolchain());
        assertEquals(List.of(), mod.exclusions());
        assertEquals(List.of(
                dep(file, "example.org/single", "v1.0.0", null, 7),
                dep(file, "example.org/a", "v1.2.3", null, 10),
                dep(file, "example.org/b/v2", "v2.0.1", "indirect", 11),
                dep(file, "example.org/quoted", "v0.4.0", "indirect", 12),
                dep(file, "example.org/raw", "v0.0.0-20210101120000-abcdef123456", null, 13),
                dep(file, "gopkg.in/x.v3", "v3.0.1", null, 14),
                dep(file, "example.org/old", "v2.3.0+incompatible", null, 15)), mod.requirements());
        assertEquals(mod.requirements(), reader.read(file));
    }

    @Test
    void replaceAppliesByPathAndVersionExcludeIsListedOnly() throws Exception {
        Path file = write("""
                module example.org/app

                go 1.22

                require (
                \texample.org/a v1.2.3
                \texample.org/b v1.0.0 // indirect
                \texample.org/c v0.5.0
                \texample.org/d v1.1.0
                \texample.org/e v1.0.0
                )

                replace example.org/a => mirror.example/fork/a v1.2.4-0.20220101120000-0123456789ab
                replace (
                \texample.org/b => ../b
                \texample.org/c v0.4.0 => ./c-old
                \texample.org/d => example.org/d v1.1.1
                \texample.org/d v1.1.0 => example.org/d v1.1.2
                \texample.org/unused => ./unused
                )

                exclude example.org/e v1.0.1
                exclude (
                \texample.org/a v1.2.5
                )
                """);
        GoMod mod = reader.parse(file);
        assertEquals(List.of(
                dep(file, "example.org/a", "v1.2.4-0.20220101120000-0123456789ab", "replaced:mirror.example/fork/a", 6),
                dep(file, "example.org/b", "", "indirect,replaced:../b", 7),
                dep(file, "example.org/c", "v0.5.0", null, 8),
                dep(file, "example.org/d", "v1.1.2", "replaced:example.org/d", 9),
                dep(file, "example.org/e", "v1.0.0", null, 10)), mod.requirements());
        assertEquals(List.of(new GoMod.Exclusion("example.org/e", "v1.0.1", 22),
                new GoMod.Exclusion("example.org/a", "v1.2.5", 24)), mod.exclusions());
    }

    @Test
    void emptyBlocksAndNoRequirements() throws Exception {
        Path file = write("module example.org/app\n\ngo 1.20\nrequire ()\n");
        assertEquals(List.of(), reader.read(file));
        assertEquals(Optional.empty(), reader.parse(write("require example.org/a v1.0.0\n")).module());
    }

    @Test
    void malformedFilesNameFileAndLine() throws Exception {
        String[][] cases = {
            {"module example.org/app\nrequire example.org/a\n",
                ":2: require needs a module path and a version; expected \"require PATH VERSION\""},
            {"module example.org/app\nrequire (\n\texample.org/a v1.0.0\n",
                ":2: \"require\" block is not closed; expected \")\" on a line of its own"},
            {"module example.org/app\nrequire example.org/a 1.0.0\n",
                ":2: invalid Go module version \"1.0.0\": expected a \"v\" prefix"},
            {"module example.org/app\nrequire example.org/a/v2 v1.0.0\n",
                ":2: version \"v1.0.0\" does not belong to module \"example.org/a/v2\"; expected v2"},
            {"module example.org/app\n\nrequires example.org/a v1.0.0\n",
                ":3: unknown directive \"requires\"; expected module, go, toolchain, godebug, require, exclude, replace,"
                        + " retract, tool or ignore"},
            {"module example.org/app\ngo 1.21.x\n", ":2: invalid go version \"1.21.x\"; expected 1.N, 1.N.P or 1.NrcP"},
            {"module example.org/app\nmodule example.org/other\n", ":2: repeated module directive; expected one"},
            {"module example.org/app\nreplace example.org/a => example.org/b\n",
                ":2: replacement \"example.org/b\" without a version is no directory; expected ./DIR, ../DIR, /DIR or PATH VERSION"},
            {"module example.org/app\nreplace example.org/a v1.0.0\n",
                ":2: replace needs \"=>\" after the module path and optional version; expected \"replace PATH [VERSION] => PATH [VERSION]\""},
            {"module example.org/app\nreplace example.org/a => ./a\nreplace example.org/a => ./b\n",
                ":3: repeated replacement of \"example.org/a\" (first on line 2); expected one"},
            {"module \"example.org/app\n", ":1: unterminated quoted string \"\\\"example.org/app\"; expected a closing \""},
            {"module example.org/app\nrequire example..org/a v1.0.0 junk\n",
                ":2: require needs a module path and a version; expected \"require PATH VERSION\""},
            {"module example.org/a pp\n", ":1: module needs one module path; expected \"module PATH\""},
            {"module example.org/app\nrequire example.org/a@x v1.0.0\n",
                ":2: invalid module path \"example.org/a@x\"; expected ASCII letters, digits and -._~/+ without empty elements"},
            {"module example.org/app\ngo (\n)\n", ":2: \"go\" cannot start a block; expected one of exclude, godebug, ignore,"
                    + " replace, require, retract, tool"},
            {"module example.org/app\nrequire (\n\texample.org/a v1.0.0\n) x\n",
                ":4: unexpected \"x\" after \")\"; expected the end of the line"},
        };
        for (String[] c : cases) {
            Path file = write(c[0]);
            MalformedInputException e = assertThrows(MalformedInputException.class, () -> reader.parse(file), c[0]);
            assertEquals(file + c[1], e.getMessage());
        }
        Path latin1 = Files.write(dir.resolve("go.mod"), new byte[] {'m', 'o', 'd', 'u', 'l', 'e', ' ', 'x', '\n',
            '/', '/', ' ', (byte) 0xe9, '\n'});
        assertEquals(latin1 + ":2: invalid UTF-8; expected UTF-8 text",
                assertThrows(MalformedInputException.class, () -> reader.parse(latin1)).getMessage());
    }
}
