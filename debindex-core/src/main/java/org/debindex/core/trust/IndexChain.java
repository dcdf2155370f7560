package org.debindex.core.trust;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.debindex.core.Finding;
import org.debindex.core.FindingCode;
import org.debindex.core.compress.Compression;
import org.debindex.core.compress.DecompressionException;
import org.debindex.core.compress.Decompressors;
import org.debindex.core.compress.SizeLimit;
import org.debindex.core.model.IndexFileEntry;
import org.debindex.core.model.Release;

/**
 * Checks an index file against a verified Release: its own size and strong digests, and, when it
 * is compressed and the Release also lists the uncompressed file, the decompressed content too
 * (trust-chain.md §2G items 25 and 26). Decompression is bounded by the uncompressed size the
 * Release lists, so a bomb stops there.
 *
 * <p>Stateless and thread-safe.
 */
public final class IndexChain {

    private static final List<Compression> COMPRESSED = List.of(
            Compression.XZ, Compression.GZIP, Compression.BZIP2, Compression.LZ4, Compression.ZSTD);

    private IndexChain() {
    }

    /**
     * Checks one index file that a Release lists.
     *
     * @param releaseDir the directory holding the Release ({@code dists/SUITE}); the path resolves against it
     * @param release    the verified Release
     * @param path       the file as the Release lists it, e.g. {@code main/binary-amd64/Packages.xz}
     * @return the outcome: {@link FileCheck.Outcome#ABSENT} when the file is not there,
     *         {@link FileCheck.Outcome#SKIPPED} with an {@link FindingCode#INDEX_NOT_LISTED}
     *         warning when the Release does not list it, or with a {@link FindingCode#PATH_UNSAFE}
     *         error when the path would leave the directory
     * @throws IOException if the file exists but cannot be read
     * @throws NullPointerException if an argument is null
     */
    public static FileCheck check(Path releaseDir, Release release, String path) throws IOException {
        Objects.requireNonNull(releaseDir, "releaseDir");
        Objects.requireNonNull(path, "path");
        // an unsafe path is refused by checkAs before the resolved file is read
        return checkAs(releaseDir.resolve(RelativePaths.isSafe(path) ? path : "."), release, path);
    }

    /**
     * Checks a file that sits anywhere (a download in {@code partial/}, say) as the index file the
     * Release lists at {@code path}: its own size and strong digests, then its decompressed content
     * against the uncompressed entry when the Release lists one. The one place for that logic, so
     * an update and an audit judge a file alike.
     *
     * @param file    where the file is
     * @param release the verified Release
     * @param path    the file as the Release lists it, e.g. {@code main/binary-amd64/Packages.xz}
     * @return as {@link #check(Path, Release, String)}
     * @throws IOException if the file exists but cannot be read
     * @throws NullPointerException if an argument is null
     */
    public static FileCheck checkAs(Path file, Release release, String path) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(path, "path");
        Optional<String> unsafe = RelativePaths.problem(path);
        if (unsafe.isPresent()) {
            return new FileCheck(path, FileCheck.Outcome.SKIPPED, 0, List.of(), List.of(Finding.error(
                    FindingCode.PATH_UNSAFE, path, "not read: the path " + unsafe.get())));
        }
        Optional<IndexFileEntry> listed = release.file(path);
        if (listed.isEmpty()) {
            return new FileCheck(path, FileCheck.Outcome.SKIPPED, 0, List.of(), List.of(Finding.warning(
                    FindingCode.INDEX_NOT_LISTED, path, "not listed in the Release; skipped")));
        }
        return checkListed(file, release, listed.get());
    }

    private static FileCheck checkListed(Path file, Release release, IndexFileEntry entry) throws IOException {
        String path = entry.path();
        FileCheck own = FileVerifier.check(file, entry, FileVerifier.Link.INDEX);
        if (!own.isVerified()) {
            return own;
        }
        Optional<IndexFileEntry> uncompressed = uncompressedEntry(release, path);
        if (uncompressed.isEmpty() || !FileVerifier.strongDigests(uncompressed.get()).iterator().hasNext()) {
            return own;
        }
        IndexFileEntry content = uncompressed.get();
        try (InputStream in = Decompressors.open(file, SizeLimit.exactly(content.size()))) {
            FileCheck decompressed = FileVerifier.compare(
                    Digests.of(in, FileVerifier.strongDigests(content)), content, FileVerifier.Link.INDEX);
            if (decompressed.isVerified()) {
                return own;
            }
            return failed(own, decompressed.findings().stream()
                    .map(f -> Finding.error(f.code(), path, "decompressed content does not match the listed "
                            + content.path() + ": " + f.message()))
                    .toList());
        } catch (DecompressionException e) {
            return failed(own, List.of(Finding.error(decompressionCode(e), path, "decompressed against the listed " + content.path()
                    + " (" + content.size() + " bytes): " + e.problem())));
        }
    }

    /**
     * The finding code of an index file that failed to decompress within the size its Release
     * lists for the content: {@link FindingCode#LIMIT_EXCEEDED} when it decompresses to more,
     * {@link FindingCode#INDEX_SIZE_MISMATCH} when to less, else {@link FindingCode#INDEX_DECOMPRESS}.
     *
     * @param e the failure
     * @return the code
     * @throws NullPointerException if {@code e} is null
     */
    public static FindingCode decompressionCode(DecompressionException e) {
        return switch (e.reason()) {
            case LIMIT_EXCEEDED -> FindingCode.LIMIT_EXCEEDED;
            case SIZE_MISMATCH -> FindingCode.INDEX_SIZE_MISMATCH;
            default -> FindingCode.INDEX_DECOMPRESS;
        };
    }

    /** The entry of the file a compressed index decompresses to, when the Release lists it. */
    static Optional<IndexFileEntry> uncompressedEntry(Release release, String path) {
        for (Compression c : COMPRESSED) {
            if (path.endsWith(c.fileSuffix())) {
                return release.file(path.substring(0, path.length() - c.fileSuffix().length()));
            }
        }
        return Optional.empty();
    }

    private static FileCheck failed(FileCheck own, List<Finding> findings) {
        return new FileCheck(own.path(), FileCheck.Outcome.FAILED, own.size(), own.algorithms(), findings);
    }
}
