package org.debindex.verify.deps.cargo;

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
import org.debindex.verify.deps.CheckResult;
import org.debindex.verify.deps.CheckResult.Status;
import org.debindex.verify.deps.DependencyCheck;
import org.debindex.verify.deps.Manifests;
import org.debindex.verify.deps.debian.ContentsMapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Cargo dependency's features must be shipped too: debcargo's versioned feature Provides (from
 * the crate's package or a split feature package, as bookworm's {@code
 * librust-addr2line+cpp-demangle-dev}) say which are.
 */
class CargoFeaturesCheckTest {

    @TempDir
    Path dir;

    @Test
    void aFeatureNoPackageProvidesIsMissingOneThatIsProvidedIsAvailable() throws Exception {
        Path contents = Files.writeString(dir.resolve("Contents-all"), String.join("\n",
                "usr/share/cargo/registry/serde-1.0.217/Cargo.toml rust/librust-serde-dev",
                "usr/share/cargo/registry/addr2line-0.19.0/Cargo.toml rust/librust-addr2line-dev",
                ""), StandardCharsets.UTF_8);
        Path packages = Files.writeString(dir.resolve("Packages"), """
                Package: librust-serde-dev
                Version: 1.0.217-1
                Architecture: all
                Provides: librust-serde+derive-dev (= 1.0.217-1), librust-serde-1+derive-dev (= 1.0.217-1), librust-serde-1.0+derive-dev (= 1.0.217-1), librust-serde-1.0.217+derive-dev (= 1.0.217-1), librust-serde+std-dev (= 1.0.217-1), librust-serde-1.0.217+std-dev (= 1.0.217-1)
                Description: serde

                Package: librust-addr2line-dev
                Version: 0.19.0-1
                Architecture: amd64
                Description: addr2line

                Package: librust-addr2line+cpp-demangle-dev
                Version: 0.19.0-1
                Architecture: amd64
                Provides: librust-addr2line-0+cpp-demangle-dev (= 0.19.0-1), librust-addr2line-0.19+cpp-demangle-dev (= 0.19.0-1), librust-addr2line-0.19.0+cpp-demangle-dev (= 0.19.0-1)
                Description: addr2line feature
                """, StandardCharsets.UTF_8);
        Path cargo = Files.writeString(dir.resolve("Cargo.toml"), """
                [package]
                name = "app"
                version = "0.1.0"

                [dependencies]
                serde = { version = "1.0.200", features = ["derive", "std"] }
                addr2line = { version = "0.19", features = ["cpp_demangle"] }
                serde_x = { package = "serde", version = "1", features = ["rc"] }
                """, StandardCharsets.UTF_8);
        ContentsMapping mapping = ContentsMapping.builder().add(contents, SizeLimit.defaultLimit()).build();
        PackageIndex index = PackageIndex.build(List.of(IndexInput.packages(
                new PackageOrigin("oldstable", "bookworm", "main", "amd64"), packages, "Packages",
                Files.size(packages), "", SizeLimit.defaultLimit())));
        DependencyCheck check = new DependencyCheck(mapping, index, "bookworm");
        List<CheckResult> results = new java.util.ArrayList<>();
        for (var d : Manifests.read(cargo).dependencies()) {
            results.add(check.check(d));
        }
        assertEquals(List.of(Status.AVAILABLE, Status.AVAILABLE, Status.MISSING),
                results.stream().map(CheckResult::status).toList(), results.toString());
        assertEquals(Optional.of("librust-addr2line-dev"), results.get(1).debianPackage(),
                "a split feature package counts for the crate's package");
        assertEquals("librust-serde-dev 1.0.217 lacks feature rc (nothing in bookworm provides "
                + "librust-serde-1.0.217+rc-dev)", results.get(2).reason());
    }
}
