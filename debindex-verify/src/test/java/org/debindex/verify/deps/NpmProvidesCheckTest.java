package org.debindex.verify.deps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.debindex.core.compress.SizeLimit;
import org.debindex.core.index.IndexInput;
import org.debindex.core.index.PackageIndex;
import org.debindex.core.index.PackageOrigin;
import org.debindex.verify.deps.CheckResult.Status;
import org.debindex.verify.deps.debian.ContentsMapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An npm module bundled in another module's package has the version its {@code Provides: node-NAME
 * (= VERSION)} gives, not the package's (bookworm: {@code node-babel7 7.20.15+ds1+~cs214.269.168-3}
 * provides {@code node-babel-core (= 7.20.12)}).
 */
class NpmProvidesCheckTest {

    @TempDir
    Path dir;

    private DependencyCheck check() throws Exception {
        Path contents = Files.writeString(dir.resolve("Contents-all"), String.join("\n",
                "usr/share/nodejs/@babel/core/package.json javascript/node-babel7",
                "usr/share/nodejs/@babel/cli/package.json javascript/node-babel7",
                "usr/share/nodejs/babel7/package.json javascript/node-babel7",
                "usr/share/nodejs/acorn-walk/package.json javascript/node-acorn",
                ""), StandardCharsets.UTF_8);
        Path packages = Files.writeString(dir.resolve("Packages"), """
                Package: node-babel7
                Version: 7.20.15+ds1+~cs214.269.168-3
                Architecture: all
                Provides: babeljs (= 7.20.15+ds1+~cs214.269.168-3), node-babel-cli (= 7.20.7), node-babel-core (= 7.20.12)
                Description: babel

                Package: node-acorn
                Version: 8.8.1+ds+~cs25.17.7-2
                Architecture: all
                Provides: node-acorn-walk (= 8.2.0), node-acorn-walk (= 9.9.9)
                Description: acorn
                """, StandardCharsets.UTF_8);
        ContentsMapping mapping = ContentsMapping.builder().add(contents, SizeLimit.defaultLimit()).build();
        PackageIndex index = PackageIndex.build(List.of(IndexInput.packages(
                new PackageOrigin("oldstable", "bookworm", "main", "amd64"), packages, "Packages",
                Files.size(packages), "", SizeLimit.defaultLimit())));
        return new DependencyCheck(mapping, index, "bookworm");
    }

    private static DeclaredDependency npm(String name, String range) {
        return new DeclaredDependency(Ecosystem.NPM, name, range, Optional.empty(), true, "package.json", 3);
    }

    @Test
    void aBundledModuleHasItsProvidedVersion() throws Exception {
        DependencyCheck check = check();
        CheckResult core = check.check(npm("@babel/core", "^7.20.13"));
        assertEquals(Status.TOO_OLD, core.status(), core.toString());
        assertEquals(Optional.of("7.20.12"), core.upstreamVersion(), "not the package's 7.20.15");
        assertEquals(Optional.of("node-babel7"), core.debianPackage());
        assertEquals(Status.AVAILABLE, check.check(npm("@babel/core", "~7.20.0")).status());
        assertEquals(Optional.of("7.20.7"), check.check(npm("@babel/cli", "*")).upstreamVersion());
    }

    @Test
    void theMainModuleKeepsThePackagesVersion() throws Exception {
        assertEquals(Optional.of("7.20.15"), check().check(npm("babel7", "^7")).upstreamVersion());
    }

    @Test
    void theHigherOfTwoProvidedVersionsIsTaken() throws Exception {
        assertEquals(Optional.of("9.9.9"), check().check(npm("acorn-walk", "*")).upstreamVersion());
    }

    @Test
    void npmNamesBecomePkgJsToolsNames() {
        assertEquals("node-babel-core", DependencyCheck.npmDebianName("@babel/core"));
        assertEquals("node-types-backbone", DependencyCheck.npmDebianName("@types/backbone"));
        assertEquals("node-array.prototype.reduce", DependencyCheck.npmDebianName("array.prototype.reduce"));
        assertEquals("node-string-decoder", DependencyCheck.npmDebianName("string_decoder"));
        assertEquals("node-jquery", DependencyCheck.npmDebianName("jQuery"));
    }
}
