package org.debindex.verify.deps.perl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.debindex.core.compress.SizeLimit;
import org.debindex.core.index.IndexInput;
import org.debindex.core.index.PackageIndex;
import org.debindex.core.index.PackageOrigin;
import org.debindex.verify.deps.CheckResult;
import org.debindex.verify.deps.CheckResult.Status;
import org.debindex.verify.deps.DeclaredDependency;
import org.debindex.verify.deps.DependencyCheck;
import org.debindex.verify.deps.debian.ContentsMapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cpanfile checked end to end: Contents path rule, Debian upstream version, Perl's order. */
class PerlCheckTest {

    @TempDir
    Path dir;

    @Test
    void checksACpanfileWithPerlsOwnVersionOrder() throws Exception {
        Path contents = Files.writeString(dir.resolve("Contents-amd64"), String.join("\n",
                "usr/share/perl5/Moose.pm perl/libmoose-perl",
                "usr/share/perl5/Try/Tiny.pm perl/libtry-tiny-perl",
                "usr/share/perl5/Decimal/Nine.pm perl/libdecimal-nine-perl",
                "usr/share/perl/5.36.0/Getopt/Long.pm libs/perl-modules-5.36",
                "usr/lib/x86_64-linux-gnu/perl-base/Getopt/Long.pm perl/perl-base",
                ""), StandardCharsets.UTF_8);
        Path packages = Files.writeString(dir.resolve("Packages"), String.join("\n",
                pkg("libmoose-perl", "2.2203-1"),
                pkg("libtry-tiny-perl", "0.31-2"),
                pkg("libdecimal-nine-perl", "1:1.9+dfsg-1"),
                pkg("perl-modules-5.36", "5.36.0-7+deb12u1"),
                pkg("perl-base", "5.36.0-7+deb12u1")), StandardCharsets.UTF_8);
        ContentsMapping mapping = ContentsMapping.builder().add(contents, SizeLimit.defaultLimit()).build();
        PackageIndex index = PackageIndex.build(List.of(IndexInput.packages(
                new PackageOrigin("stable", "bookworm", "main", "amd64"), packages, "Packages", Files.size(packages), "",
                SizeLimit.defaultLimit())));
        DependencyCheck check = new DependencyCheck(mapping, index, "bookworm");
        Path cpanfile = Files.writeString(dir.resolve("cpanfile"), """
                requires 'perl', '5.010';
                requires 'Moose', '2.2200';
                requires 'Try::Tiny', '>= 0.40';
                requires 'Decimal::Nine', '1.10';
                requires 'Getopt::Long';
                requires 'Not::In::Debian';
                """, StandardCharsets.UTF_8);

        List<CheckResult> results = new ArrayList<>();
        for (DeclaredDependency d : new CpanfileReader().read(cpanfile)) {
            results.add(check.check(d));
        }

        assertEquals(List.of(Status.UNKNOWN, Status.AVAILABLE, Status.TOO_OLD, Status.AVAILABLE, Status.AVAILABLE,
                Status.MISSING), results.stream().map(CheckResult::status).toList());
        assertTrue(results.get(0).reason().contains("Perl interpreter"), results.get(0).reason());
        assertEquals(Optional.empty(), results.get(0).debianPackage());
        assertEquals(Optional.of("2.2203"), results.get(1).upstreamVersion());
        assertTrue(results.get(2).reason().contains("0.31"), results.get(2).reason());
        // 1.9 is 1.900, above 1.10 = 1.100, although dpkg orders them the other way
        assertEquals(Optional.of("1.9"), results.get(3).upstreamVersion());
        assertTrue(results.get(4).reason().contains("2 packages ship it"), results.get(4).reason());
    }

    private static String pkg(String name, String version) {
        return "Package: " + name + "\nVersion: " + version + "\nArchitecture: all\nDescription: test " + name + "\n";
    }
}
