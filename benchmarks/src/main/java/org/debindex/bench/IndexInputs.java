package org.debindex.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import org.debindex.core.MalformedInputException;
import org.debindex.core.compress.SizeLimit;
import org.debindex.core.index.IndexInput;
import org.debindex.core.index.IndexKind;
import org.debindex.core.index.InputIdentity;
import org.debindex.core.index.PackageOrigin;
import org.debindex.core.model.HashAlgorithm;
import org.debindex.core.model.IndexFileEntry;
import org.debindex.core.model.Release;

/**
 * The real data an index is built from in the benchmarks, as an update hands it over: trixie and
 * bookworm {@code main/binary-amd64/Packages.xz} and trixie {@code main/i18n/Translation-en.xz},
 * each with the size and SHA-256 its Release lists, decompressed to exactly the listed size.
 */
final class IndexInputs {

    private IndexInputs() {
    }

    static List<IndexInput> trixieAndBookworm() throws IOException, MalformedInputException {
        return List.of(
                input(IndexKind.PACKAGES, new PackageOrigin("stable", "trixie", "main", "amd64"), "trixie",
                        "main/binary-amd64/Packages"),
                input(IndexKind.PACKAGES, new PackageOrigin("oldstable", "bookworm", "main", "amd64"), "bookworm",
                        "main/binary-amd64/Packages"),
                input(IndexKind.TRANSLATION, new PackageOrigin("stable", "trixie", "main", ""), "trixie",
                        "main/i18n/Translation-en"));
    }

    private static IndexInput input(IndexKind kind, PackageOrigin origin, String suite, String path)
            throws IOException, MalformedInputException {
        Release release;
        try (InputStream in = Files.newInputStream(BenchData.dists(suite, "Release"))) {
            release = Release.read(in, suite + "/Release");
        }
        IndexFileEntry compressed = release.file(path + ".xz").orElseThrow();
        IndexFileEntry plain = release.file(path).orElseThrow();
        return new IndexInput(new InputIdentity(kind, origin, suite + "/" + path + ".xz", compressed.size(),
                compressed.digest(HashAlgorithm.SHA256).orElseThrow()), BenchData.dists(suite, path + ".xz"),
                SizeLimit.exactly(plain.size()));
    }
}
