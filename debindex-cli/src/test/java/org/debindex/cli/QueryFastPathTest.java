package org.debindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A query that {@link QueryArguments} recognises runs without picocli and prints exactly what
 * picocli's path prints: every command line of the table is run both ways on the cache of
 * {@link QueryCommandsTest}.
 */
class QueryFastPathTest {

    /** Stands for the cache directory in the table. */
    private static final String CACHE = "<cache>";
    /** Stands for an empty directory: a cache without an index. */
    private static final String EMPTY = "<empty>";

    @TempDir
    static Path shared;

    static Path cache;

    @BeforeAll
    static void update() throws Exception {
        cache = QueryCommandsTest.makeCache(shared);
        Files.createDirectories(shared.resolve("empty"));
    }

    /** Whether the fast path recognises the line (true) or leaves it to picocli, then the line. */
    static Stream<Arguments> commandLines() {
        List<Arguments> lines = new ArrayList<>();
        // search: every option, text and JSON, not found, usage errors of its own and picocli's
        query(lines, true, "search", "nginx");
        query(lines, true, "--json", "search", "nginx");
        query(lines, true, "search", "--names-only", "nginx");
        query(lines, true, "search", "nginx", "--names-only", "server");
        query(lines, true, "search", "--regex", "^ngin", "x$");
        query(lines, true, "search", "--limit", "1", "nginx");
        query(lines, true, "search", "--suite", "trixie", "--arch", "i386", "alpha");
        query(lines, true, "--json", "search", "--names-only", "--regex", "--limit", "2", "--suite", "stable",
                "--arch", "amd64", "^[a-z]");
        query(lines, true, "search", "nothing-matches-this");
        query(lines, true, "-q", "search", "nothing-matches-this");
        query(lines, true, "--json", "search", "nothing-matches-this");
        query(lines, true, "search", "--regex", "[");
        query(lines, true, "search", "--limit", "0", "nginx");
        query(lines, true, "search", "");
        query(lines, false, "search", "--limit", "-3", "nginx");
        query(lines, false, "search", "--limit", "x", "nginx");
        query(lines, false, "search", "--limit", "99999999999", "nginx");
        query(lines, false, "search", "--limit=1", "nginx");
        query(lines, false, "search");
        query(lines, false, "search", "--names-only", "--names-only", "nginx");
        query(lines, false, "search", "--nmes-only", "nginx");
        query(lines, false, "search", "--help");
        query(lines, false, "search", "-h", "nginx");
        // show
        query(lines, true, "show", "alpha");
        query(lines, true, "--json", "show", "alpha", "nginx");
        query(lines, true, "show", "alpha=2.0-1");
        query(lines, true, "show", "alpha=0:1.0-1");
        query(lines, true, "show", "alpha=9.9");
        query(lines, true, "show", "alpha/bookworm");
        query(lines, true, "show", "alpha/sid");
        query(lines, true, "show", "--arch", "i386", "alpha", "exim4");
        query(lines, true, "show", "nosuch", "alpha");
        query(lines, true, "show", "alphx");
        query(lines, true, "show", "mail-transport-agent");
        query(lines, true, "show", "alpha=");
        query(lines, true, "show", "=1.0");
        query(lines, true, "show", "alpha=1:x:!");
        query(lines, false, "show", "--suite", "trixie", "--suite", "bookworm", "alpha");
        query(lines, false, "show", "--suite");
        query(lines, false, "show", "--suite", "--arch", "amd64", "alpha");
        query(lines, false, "show", "alpha", "--");
        query(lines, false, "show", "--", "alpha");
        query(lines, false, "show", "alpha", "--json");
        // versions
        query(lines, true, "versions", "alpha");
        query(lines, true, "--json", "versions", "alpha", "nginx");
        query(lines, true, "versions", "--suite", "trixie", "--arch", "amd64", "alpha");
        query(lines, true, "versions", "alpha=2.0-1");
        query(lines, true, "versions", "nosuch");
        query(lines, false, "versions", "--regex", "alpha");
        // depends
        query(lines, true, "depends", "alpha");
        query(lines, true, "--json", "depends", "alpha/trixie", "postfix");
        query(lines, true, "depends", "--arch", "i386", "alpha");
        query(lines, true, "depends", "alpha=1.0-1");
        query(lines, true, "depends", "nosuch");
        query(lines, true, "depends", "alpha/");
        // rdepends
        query(lines, true, "rdepends", "mail-transport-agent");
        query(lines, true, "--json", "rdepends", "libfoo1");
        query(lines, true, "rdepends", "--suite", "bookworm", "libfoo1");
        query(lines, true, "rdepends", "webserver-doc");
        query(lines, true, "-q", "rdepends", "webserver-doc");
        query(lines, true, "rdepends", "nosuch");
        query(lines, false, "rdepends", "alpha", "nginx");
        query(lines, false, "rdepends");
        // global options
        query(lines, true, "--debug", "show", "alpha");
        query(lines, true, "--json", "--debug", "-q", "versions", "alpha");
        query(lines, true, "--quiet", "--json", "search", "nothing-matches-this");
        query(lines, true, "--repo", "deb http://mirror.example/debian trixie main", "--sources", "/nonexistent",
                "--repo", "deb http://mirror.example/debian sid main", "show", "alpha");
        query(lines, false, "-q", "-q", "search", "nginx");
        query(lines, false, "-q", "--quiet", "search", "nginx");
        query(lines, false, "--json", "--json", "show", "alpha");
        query(lines, false, "--jsn", "show", "alpha");
        query(lines, false, "-qh", "show", "alpha");
        query(lines, false, "--cache-dir", CACHE, "show", "alpha");
        query(lines, false, "--cache-dir=" + CACHE, "show", "alpha");
        query(lines, false, "--sources=x", "show", "alpha");
        query(lines, false, "@nonexistent", "show", "alpha");
        query(lines, false, "show", "@alpha");
        // no command, another command, help and version
        line(lines, false);
        line(lines, false, "--cache-dir", CACHE);
        line(lines, false, "--cache-dir");
        line(lines, false, "--cache-dir", CACHE, "shw", "alpha");
        line(lines, false, "--cache-dir", CACHE, "help", "show");
        line(lines, false, "--help");
        line(lines, false, "-V");
        line(lines, false, "--cache-dir", CACHE, "compare-versions", "1.0", "lt", "2.0");
        // caches that cannot answer
        line(lines, true, "--cache-dir", EMPTY, "show", "alpha");
        line(lines, true, "--cache-dir", EMPTY + "/missing", "--json", "search", "alpha");
        line(lines, true, "--cache-dir", "/dev/null/cache", "rdepends", "alpha");
        return lines.stream();
    }

    private static void query(List<Arguments> lines, boolean fast, String... args) {
        List<String> all = new ArrayList<>(List.of("--cache-dir", CACHE));
        all.addAll(List.of(args));
        line(lines, fast, all.toArray(String[]::new));
    }

    private static void line(List<Arguments> lines, boolean fast, String... args) {
        lines.add(Arguments.of(fast, List.of(args)));
    }

    @Test
    void theTableIsLongAndTriesBothPaths() {
        List<Arguments> all = commandLines().toList();
        assertTrue(all.size() >= 40, "only " + all.size() + " command lines");
        assertTrue(all.stream().anyMatch(a -> (boolean) a.get()[0]));
        assertTrue(all.stream().anyMatch(a -> !(boolean) a.get()[0]));
    }

    @ParameterizedTest
    @MethodSource("commandLines")
    void bothPathsPrintTheSame(boolean fast, List<String> line) {
        String[] args = line.stream().map(QueryFastPathTest::expand).toArray(String[]::new);
        assertEquals(fast, QueryArguments.parse(args).isPresent(), "recognised by the fast path");
        Cli picocli = run(args, false, OptionalInt.empty());
        Cli direct = run(args, true, OptionalInt.empty());
        assertEquals(picocli, direct);
    }

    @Test
    void bothPathsCutRowsAtTheTerminalWidth() {
        String[] args = {"--cache-dir", cache.toString(), "search", "server"};
        Cli picocli = run(args, false, OptionalInt.of(40));
        assertEquals(picocli, run(args, true, OptionalInt.of(40)));
        assertEquals(0, picocli.status(), picocli.err());
        assertTrue(picocli.out().lines().allMatch(l -> l.length() <= 40), picocli.out());
    }

    @Test
    void aQueryLoadsNoPicocliClass() throws Exception {
        String loaded = classesLoaded("--cache-dir", cache.toString(), "show", "alpha");
        assertTrue(loaded.contains("org.debindex.cli.ShowRequest"), "the log lists what was loaded");
        assertFalse(loaded.contains(" picocli."), "a query loaded picocli");
    }

    @Test
    void aHelpRequestStillGoesToPicocli() throws Exception {
        assertTrue(classesLoaded("--cache-dir", cache.toString(), "show", "--help").contains(" picocli.CommandLine "));
    }

    /** Runs {@code debindex ARGS} in a child JVM and returns its class loading log. */
    private String classesLoaded(String... args) throws IOException, InterruptedException {
        Path log = shared.resolve("class-load-" + System.nanoTime() + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:off", "-Xlog:class+load=info:file=" + log,
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        process.getOutputStream().close();
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the child JVM did not end");
        assertEquals(0, process.exitValue(), "exit status of debindex " + String.join(" ", args));
        return Files.readString(log);
    }

    private static String expand(String arg) {
        return arg.replace(EMPTY, shared.resolve("empty").toString()).replace(CACHE, cache.toString());
    }

    private static Cli run(String[] args, boolean fast, OptionalInt width) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, false, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, false, StandardCharsets.UTF_8)) {
            status = Main.run(args, InputStream.nullInputStream(), o, e, false, width, fast);
        }
        return new Cli(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
