package org.debindex.verify.deps.cargo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.debindex.verify.deps.Ecosystem;
import org.debindex.verify.deps.debian.ContentsMapping;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cargo dependencies through {@link DependencyCheck}: Cargo's rules pick among semver-suffixed
 * packages, and the semver crate's pre-release rule holds for a pre-release Debian ships.
 */
class CargoCheckTest {

    private static DependencyCheck check;

    @BeforeAll
    static void build(@TempDir Path dir) throws Exception {
        Path contents = Files.writeString(dir.resolve("Contents-all"), String.join("\n",
                "usr/share/cargo/registry/clap-4.0.32/Cargo.toml rust/librust-clap-dev",
                "usr/share/cargo/registry/clap-3.2.23/Cargo.toml rust/librust-clap-3-dev",
                "usr/share/cargo/registry/serde_json-1.0.91/Cargo.toml rust/librust-serde-json-dev",
                "usr/share/cargo/registry/sval_derive-1.0.0-alpha.5/Cargo.toml rust/librust-sval-derive-dev",
                ""), StandardCharsets.UTF_8);
        Path packages = Files.writeString(dir.resolve("Packages"), String.join("\n",
                pkg("librust-clap-dev", "4.0.32-1"), pkg("librust-clap-3-dev", "3.2.23-1"),
                pkg("librust-serde-json-dev", "1.0.91-1"), pkg("librust-sval-derive-dev", "1.0.0~alpha.5-1")),
                StandardCharsets.UTF_8);
        ContentsMapping mapping = ContentsMapping.builder().add(contents, SizeLimit.defaultLimit()).build();
        PackageIndex index = PackageIndex.build(List.of(IndexInput.packages(
                new PackageOrigin("stable", "bookworm", "main", "amd64"), packages, "Packages", Files.size(packages), "",
                SizeLimit.defaultLimit())));
        check = new DependencyCheck(mapping, index, "bookworm");
    }

    private static String pkg(String name, String version) {
        return "Package: " + name + "\nVersion: " + version + "\nArchitecture: all\nDescription: test " + name + "\n";
    }

    private static CheckResult run(String name, String requested, String scope) throws Exception {
        return check.check(new DeclaredDependency(Ecosystem.CARGO, name, requested, Optional.ofNullable(scope), true,
                "Cargo.toml", 1));
    }

    @Test
    void picksThePackageWhoseSemverLineSatisfies() throws Exception {
        CheckResult three = run("clap", "^3.1", null);
        assertEquals(Status.AVAILABLE, three.status());
        assertEquals(Optional.of("librust-clap-3-dev"), three.debianPackage());
        assertEquals(Optional.of("3.2.23"), three.upstreamVersion());

        CheckResult four = run("clap", "4", null);
        assertEquals(Status.AVAILABLE, four.status());
        assertEquals(Optional.of("librust-clap-dev"), four.debianPackage());

        assertEquals(Status.TOO_OLD, run("clap", "5", null).status());
        assertEquals(Status.TOO_OLD, run("clap", "~4.1", null).status());
        assertEquals(Status.AVAILABLE, run("serde_json", "1.0", null).status());
        assertEquals(Status.TOO_OLD, run("serde_json", ">=1.0.92", null).status());
    }

    @Test
    void aPreReleaseSatisfiesOnlyARequirementThatNamesOne() throws Exception {
        CheckResult r = run("sval_derive", "^1.0.0-alpha.1", null);
        assertEquals(Optional.of("1.0.0-alpha.5"), r.upstreamVersion());
        assertEquals(Status.AVAILABLE, r.status());
        assertEquals(Status.TOO_OLD, run("sval_derive", "1", null).status());
        assertEquals(Status.TOO_OLD, run("sval_derive", ">=0.9", null).status());
    }

    @Test
    void unfetchableAndUnparsableAreUnknown() throws Exception {
        assertEquals(Status.UNKNOWN, run("clap", "", "url").status());
        assertEquals(Status.UNKNOWN, run("clap", "4", "path").status());
        CheckResult bad = run("clap", ">=3 <4", null);
        assertEquals(Status.UNKNOWN, bad.status());
        assertTrue(bad.reason().contains("cannot parse the requirement"), bad.reason());
    }
}
