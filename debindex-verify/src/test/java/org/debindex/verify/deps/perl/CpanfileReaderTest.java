package org.debindex.verify.deps.perl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
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

class CpanfileReaderTest {

    @TempDir
    Path dir;

    private final CpanfileReader reader = new CpanfileReader();

    private Path write(String text) throws Exception {
        Path file = dir.resolve("cpanfile");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** name, requested, scope (empty for none), runtime, line */
    private static String row(DeclaredDependency d) {
        return d.name() + "|" + d.requested() + "|" + d.scope().orElse("") + "|" + d.runtime() + "|" + d.line();
    }

    private List<String> rows(String text) throws Exception {
        return reader.read(write(text)).stream().map(CpanfileReaderTest::row).toList();
    }

    @Test
    void acceptsOnlyCpanfile() {
        assertTrue(reader.accepts(Path.of("a/cpanfile")));
        assertFalse(reader.accepts(Path.of("cpanfile.snapshot")));
        assertFalse(reader.accepts(Path.of("Makefile.PL")));
        assertTrue(Manifests.isManifest(Path.of("x/cpanfile")));
    }

    @Test
    void readsTheSynopsisOfCpanfile5() throws Exception {
        List<String> got = rows("""
                requires 'Plack', '1.0'; # 1.0 or newer
                requires 'JSON', '>= 2.00, < 2.80';

                recommends 'JSON::XS', '2.0';
                conflicts 'JSON', '< 1.0';

                on 'test' => sub {
                  requires 'Test::More', '>= 0.96, < 2.0';
                  recommends 'Test::TCP', '1.12';
                };

                on 'develop' => sub {
                  recommends 'Devel::NYTProf';
                };

                feature 'sqlite', 'SQLite support' => sub {
                  recommends 'DBD::SQLite';
                };
                """);
        assertEquals(List.of(
                "Plack|1.0||true|1",
                "JSON|>= 2.00, < 2.80||true|2",
                "JSON::XS|2.0|recommends|false|4",
                "Test::More|>= 0.96, < 2.0|test|false|8",
                "Test::TCP|1.12|test,recommends|false|9",
                "Devel::NYTProf||develop,recommends|false|13",
                "DBD::SQLite||recommends,feature:sqlite,optional|false|17"), got);
    }

    @Test
    void fatCommaDoubleQuotesNumbersAndParentheses() throws Exception {
        assertEquals(List.of(
                "Moose|2.2203||true|1",
                "Try::Tiny|0.31||true|2",
                "List::Util|1.45||true|3",
                "Foo|v1.2.3||true|4",
                "Bar|||true|5",
                "JSON|2.0||true|6",
                "Path::Tiny|0.144||true|7"), rows("""
                requires 'Moose' => '2.2203';
                requires "Try::Tiny", "0.31";
                requires 'List::Util', 1.45;
                requires('Foo', v1.2.3);
                requires 'Bar';
                requires JSON => '2.0';
                requires 'Path::Tiny', '0.144', dist => 'DAGOLDEN/Path-Tiny-0.144.tar.gz';
                """));
    }

    @Test
    void phaseShorthandsAndPhases() throws Exception {
        assertEquals(List.of(
                "Test::Deep||test|false|1",
                "Module::Build|0.42|build|false|2",
                "ExtUtils::MakeMaker|6.64|configure|false|3",
                "Perl::Critic||develop|false|4",
                "Carp|||true|5",
                "File::Temp||build|false|6",
                "Win32::API||osname:MSWin32|true|7",
                "Win32||conditional|true|8",
                "Linux::Inotify2||conditional|true|9",
                "Acme::Git||url|true|10"), rows("""
                test_requires 'Test::Deep';
                build_requires 'Module::Build', '0.42';
                configure_requires 'ExtUtils::MakeMaker', '6.64';
                author_requires 'Perl::Critic';
                on runtime => sub { requires 'Carp' };
                on build => sub { requires 'File::Temp'; };
                osname 'MSWin32' => sub { requires 'Win32::API' };
                requires 'Win32' if $^O eq 'MSWin32';
                if ($^O eq 'linux') { requires 'Linux::Inotify2' }
                requires 'Acme::Git', git => 'https://example.org/acme.git', ref => 'main';
                """));
    }

    @Test
    void perlItselfIsThePlatform() throws Exception {
        List<DeclaredDependency> deps = reader.read(write("requires 'perl', '5.010';\nrequires 'strict';\n"));
        assertEquals(new DeclaredDependency(Ecosystem.PERL, "perl", "5.010", Optional.of("platform"), true,
                dir.resolve("cpanfile").toString(), 1), deps.get(0));
        assertTrue(deps.get(1).scope().isEmpty());
        assertTrue(DependencyCheck.isRequiredAtRuntime(deps.get(1)));
    }

    @Test
    void featureDependenciesAreOptional() throws Exception {
        List<DeclaredDependency> deps = reader.read(write("""
                feature 'pg', 'PostgreSQL' => sub {
                    requires 'DBD::Pg', '3.0';
                    on test => sub { requires 'Test::PostgreSQL' };
                };
                """));
        assertEquals(List.of("DBD::Pg|3.0|feature:pg,optional|true|2",
                "Test::PostgreSQL||test,feature:pg,optional|false|3"), deps.stream().map(CpanfileReaderTest::row).toList());
        assertFalse(DependencyCheck.isRequiredAtRuntime(deps.get(0)));
    }

    @Test
    void skipsCommentsPodMirrorAndOtherPerl() throws Exception {
        assertEquals(List.of("A|||true|4", "B|1.0||true|12", "C|||true|15"), rows("""
                # requires 'Commented';
                use strict;
                mirror 'https://mirror.example/cpan';
                requires 'A'; # requires 'AlsoCommented';
                my $x = { a => 1, b => "requires 'InAString';" };

                =pod

                requires 'InPod';

                =cut
                requires 'B', "1.0";
                sub helper { return 1 }
                my @list = (1, 2);
                requires 'C';
                __END__
                requires 'AfterEnd';
                """));
    }

    @Test
    void multiLineStatementsGiveTheLineOfTheName() throws Exception {
        assertEquals(List.of("Long::Name|>= 1, < 2||true|3"), rows("""
                requires
                    (
                    'Long::Name',
                    '>= 1, < 2'
                    );
                """));
    }

    @Test
    void errorsNameFileAndLine() throws Exception {
        assertError("requires 'A';\nrequires 'B, '1.0';\n", 2, "unterminated string");
        assertError("requires 'A';\non test => sub {\n  requires 'B';\n", 2, "not closed");
        assertError("requires 'A';\n};\n", 2, "unbalanced \"}\"");
        assertError("my $x = {\n a => 1;\n", 1, "not closed");
        assertError("\n\nrequires $_ for qw(A B);\n", 3, "quoted module name");
        assertError("on 'testing' => sub { requires 'A' };\n", 1, "unknown phase");
        assertError("requires 'A',\n  '>= abc';\n", 1, "invalid Perl version");
        assertError("requires 'A', '1.0' 'B';\n", 1, "unexpected");
        assertError("feature 'x';\n", 1, "needs a block");
    }

    private void assertError(String text, long line, String problem) throws Exception {
        Path file = write(text);
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> reader.read(file), text);
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(file.toString(), e.source());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertTrue(e.getMessage().contains("expected"), e.getMessage());
    }

    @Test
    void boundedAndUtf8() throws Exception {
        Path big = dir.resolve("big/cpanfile");
        Files.createDirectories(big.getParent());
        Files.write(big, new byte[CpanfileReader.MAX_SIZE + 1]);
        assertTrue(assertThrows(MalformedInputException.class, () -> reader.read(big)).getMessage().contains("limit"));
        Path bad = dir.resolve("bad/cpanfile");
        Files.createDirectories(bad.getParent());
        Files.write(bad, new byte[] {'r', (byte) 0xff});
        assertTrue(assertThrows(MalformedInputException.class, () -> reader.read(bad)).getMessage().contains("UTF-8"));
    }

    @Test
    void manifestsReadsIt() throws Exception {
        Path file = write("requires 'Moose';\n");
        assertEquals(List.of("Moose"), Manifests.read(file).dependencies().stream().map(DeclaredDependency::name).toList());
    }
}
