package org.debindex.core.relation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Architecture wildcard matching, by table and against dpkg's own implementation. */
class ArchitecturesTest {

    @ParameterizedTest(name = "{0} matched by {1}: {2}")
    @CsvSource({
        "amd64, amd64, true", "amd64, any, true", "amd64, linux-any, true", "amd64, any-amd64, true",
        "amd64, gnu-any-any, true", "amd64, base-any-any-amd64, true", "amd64, any-any-linux-any, true",
        "amd64, linux-amd64, true", "amd64, i386, false", "amd64, any-i386, false", "amd64, hurd-any, false",
        "amd64, musl-any-any, false", "amd64, x32-any-any-any, false",
        "x32, any-amd64, true", "x32, linux-any, true", "x32, amd64, false",
        "armhf, any-arm, true", "armhf, linux-any, true", "armhf, eabihf-any-any-any, true", "armhf, armel, false",
        "armel, any-arm, true", "arm64, any-arm, false", "arm, any-arm, true",
        "i386, any-i386, true", "hurd-i386, any-i386, true", "hurd-i386, hurd-any, true",
        "hurd-i386, linux-any, false", "hurd-i386, i386, false",
        "kfreebsd-amd64, kfreebsd-any, true", "kfreebsd-amd64, any-amd64, true", "kfreebsd-amd64, bsd-any-any, false",
        "musl-linux-amd64, musl-any-any, true", "musl-linux-amd64, linux-any, true",
        "musl-linux-amd64, gnu-any-any, false",
        "mips64el, any-mips64el, true", "mipsn32el, any-mips64el, true", "mips64el, abi64-any-any-any, true",
        "powerpcspe, any-powerpc, true", "ppc64el, any-ppc64, false",
        "linux-amd64, amd64, true", "linux-amd64, any-amd64, true",
        "all, all, true", "all, any, true", "all, linux-any, false", "all, amd64, false",
        "foo, foo, true", "foo, any, true", "foo, linux-any, false", "amd64, foo, false", "amd64, foo-any, false",
    })
    void matches(String architecture, String pattern, boolean expected) {
        assertEquals(expected, Architectures.matches(architecture, pattern));
    }

    @Test
    void known_architectures() {
        for (String arch : new String[] {"amd64", "arm64", "armhf", "armel", "i386", "ppc64el", "riscv64", "s390x",
            "loong64", "x32", "hurd-amd64", "kfreebsd-i386", "musl-linux-arm64", "mipsn32r6el", "linux-amd64"}) {
            assertTrue(Architectures.isKnown(arch), arch);
        }
        for (String name : new String[] {"all", "any", "linux-any", "any-amd64", "foo", "AMD64", ""}) {
            assertFalse(Architectures.isKnown(name), name);
        }
        assertThrows(NullPointerException.class, () -> Architectures.isKnown(null));
        assertThrows(NullPointerException.class, () -> Architectures.matches(null, "any"));
        assertThrows(NullPointerException.class, () -> Architectures.matches("amd64", null));
    }

    /**
     * Every architecture dpkg knows against every architecture and a set of wildcards, compared
     * with dpkg's {@code Dpkg::Arch::debarch_is}; skipped when dpkg's Perl modules are missing.
     */
    @Test
    void agrees_with_dpkg_on_every_architecture() throws IOException, InterruptedException {
        Path perl = Path.of("/usr/bin/perl");
        assumeTrue(Files.isExecutable(perl), "perl not installed: differential check against Dpkg::Arch skipped");
        String wildcards = "any all foo linux-any hurd-any kfreebsd-any knetbsd-any kopensolaris-any darwin-any "
                + "any-amd64 any-i386 any-arm any-arm64 any-mips64el any-ppc64el any-powerpc any-riscv64 "
                + "any-loong64 any-s390x gnu-any-any musl-any-any uclibc-any-any bsd-any-any base-any-any-amd64 "
                + "eabihf-any-any-any eabi-any-any-any x32-any-any-any abin32-any-any-any any-any any-any-any "
                + "any-any-any-any any-linux-any gnu-linux-any any-gnu-linux-arm linux-amd64 linux-arm64 linux-i386 "
                + "linux-foo any-foo foo-any uclinux-any mint-any";
        String script = "use Dpkg::Arch qw(get_valid_arches debarch_is);"
                + "my @arches = get_valid_arches(); my @patterns = (@arches, split(' ', $ARGV[0]));"
                + "for my $a (@arches, 'all', 'foo', 'linux-amd64') {"
                + " for my $p (@patterns) { print $a, ' ', $p, ' ', (debarch_is($a, $p) ? 1 : 0), \"\\n\" } }";
        Process p = new ProcessBuilder(perl.toString(), "-e", script, wildcards).redirectErrorStream(false).start();
        p.getOutputStream().close();
        List<String> disagreements = new ArrayList<>();
        int checked = 0;
        int matched = 0;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                String[] f = line.split(" ");
                boolean dpkg = f[2].equals("1");
                checked++;
                matched += dpkg ? 1 : 0;
                if (dpkg != Architectures.matches(f[0], f[1]) && disagreements.size() < 20) {
                    disagreements.add(line);
                }
            }
        }
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "perl did not finish");
        assumeTrue(p.exitValue() == 0 && checked > 0, "Dpkg::Arch not usable, differential check skipped: " + err);
        assertEquals(List.of(), disagreements);
        // dpkg 1.21.22 knows 569 architectures; with the three extra names, against every pattern
        assertTrue(checked > 300_000, "only " + checked + " pairs checked");
        System.out.printf("Architectures agrees with Dpkg::Arch::debarch_is on %,d pairs (%,d matches)%n",
                checked, matched);
    }

    @Test
    void every_architecture_dpkg_knows_is_known() throws IOException, InterruptedException {
        Path perl = Path.of("/usr/bin/perl");
        assumeTrue(Files.isExecutable(perl), "perl not installed: check against Dpkg::Arch skipped");
        Process p = new ProcessBuilder(perl.toString(), "-e",
                "use Dpkg::Arch qw(get_valid_arches); print join(\"\\n\", get_valid_arches()), \"\\n\"").start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "perl did not finish");
        assumeTrue(p.exitValue() == 0, "Dpkg::Arch not usable, check skipped");
        List<String> unknown = new ArrayList<>();
        int count = 0;
        for (String arch : out.split("\n")) {
            count++;
            if (!Architectures.isKnown(arch)) {
                unknown.add(arch);
            }
        }
        assertEquals(List.of(), unknown);
        assertTrue(count > 500, "dpkg listed only " + count);
    }
}
