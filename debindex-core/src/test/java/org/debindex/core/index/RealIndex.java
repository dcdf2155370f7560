package org.debindex.core.index;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.debindex.core.MalformedInputException;
import org.debindex.core.compress.SizeLimit;
import org.debindex.core.model.HashAlgorithm;
import org.debindex.core.model.IndexFileEntry;
import org.debindex.core.model.Release;
import org.debindex.core.testdata.SharedTestData;

/**
 * The real trixie and bookworm data described as an update would hand it over: each file with
 * the size and SHA-256 its Release lists, decompressed to exactly the uncompressed size listed.
 */
final class RealIndex {

    static final PackageOrigin TRIXIE = new PackageOrigin("stable", "trixie", "main", "amd64");
    static final PackageOrigin BOOKWORM = new PackageOrigin("oldstable", "bookworm", "main", "amd64");
    static final PackageOrigin TRIXIE_I18N = new PackageOrigin("stable", "trixie", "main", "");
    static final PackageOrigin TRIXIE_SRC = new PackageOrigin("stable", "trixie", "main", "");

    private RealIndex() {
    }

    /** trixie and bookworm Packages.xz and trixie Translation-en.xz; skips the test without the data. */
    static List<IndexInput> inputs() throws IOException, MalformedInputException {
        return List.of(
                input(IndexKind.PACKAGES, TRIXIE, "trixie", "main/binary-amd64/Packages"),
                input(IndexKind.PACKAGES, BOOKWORM, "bookworm", "main/binary-amd64/Packages"),
                input(IndexKind.TRANSLATION, TRIXIE_I18N, "trixie", "main/i18n/Translation-en"));
    }

    /** trixie's main/source/Sources.xz; skips the test without the data. */
    static IndexInput trixieSources() throws IOException, MalformedInputException {
        return input(IndexKind.SOURCES, TRIXIE_SRC, "trixie", "main/source/Sources");
    }

    static Path sourcesXz(String suite) {
        return SharedTestData.dists(suite, "main/source/Sources.xz");
    }

    static Path packagesXz(String suite) {
        return SharedTestData.dists(suite, "main/binary-amd64/Packages.xz");
    }

    private static IndexInput input(IndexKind kind, PackageOrigin origin, String suite, String path)
            throws IOException, MalformedInputException {
        Path file = SharedTestData.dists(suite, path + ".xz");
        Release release;
        try (InputStream in = Files.newInputStream(SharedTestData.dists(suite, "Release"))) {
            release = Release.read(in, suite + "/Release");
        }
        IndexFileEntry compressed = release.file(path + ".xz").orElseThrow();
        IndexFileEntry plain = release.file(path).orElseThrow();
        String name = suite + "/" + path + ".xz";
        return new IndexInput(new InputIdentity(kind, origin, name, compressed.size(),
                compressed.digest(HashAlgorithm.SHA256).orElseThrow()), file, SizeLimit.exactly(plain.size()));
    }
}
