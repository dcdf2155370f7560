package org.debindex.core.update;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.debindex.core.IndexFormatException;
import org.debindex.core.MalformedInputException;
import org.debindex.core.cache.CacheLayout;
import org.debindex.core.compress.Compression;
import org.debindex.core.compress.SizeLimit;
import org.debindex.core.index.IndexBuildOptions;
import org.debindex.core.index.IndexInput;
import org.debindex.core.index.InputIdentity;
import org.debindex.core.index.PackageIndex;
import org.debindex.core.index.PackageOrigin;

/**
 * The package index of a cache: the snapshot {@code index/packages.idx}, built from the verified
 * files the cache's manifests name and nothing else.
 *
 * <p>A snapshot is trusted only while it records exactly the inputs the manifests name now (same
 * files, sizes, SHA-256 and origins, in the same order); otherwise, or when it is missing,
 * unreadable or fails its checks, it is rebuilt from the verified lists, written to a temporary
 * file and renamed into place. A reader never sees a half-written snapshot, and a cache whose index directory cannot be
 * written still answers from an index built in memory.
 *
 * <p>Thread-safe (stateless).
 */
public final class CachedIndex {

    /** The snapshot's file name under {@code index/}. */
    public static final String SNAPSHOT_NAME = "packages.idx";

    private CachedIndex() {
    }

    /**
     * An opened index and why it was rebuilt.
     *
     * @param index          the index
     * @param rebuiltBecause why the snapshot was rebuilt; empty when it was current
     */
    public record Opened(PackageIndex index, Optional<String> rebuiltBecause) {
        /** @throws NullPointerException if a component is null */
        public Opened {
            Objects.requireNonNull(index, "index");
            Objects.requireNonNull(rebuiltBecause, "rebuiltBecause");
        }
    }

    /**
     * The snapshot file of a cache.
     *
     * @throws NullPointerException if {@code cache} is null
     */
    public static Path snapshot(CacheLayout cache) {
        return cache.index().resolve(SNAPSHOT_NAME);
    }

    /**
     * The index inputs for verified files: the {@code Packages}, {@code Translation} and
     * {@code Sources} files, in the given order, each bounded by the decompressed size its Release
     * lists (or, when the Release lists none, by {@link SizeLimit#defaultLimit()}). The origin's
     * architecture is the Packages file's, empty for the other kinds. Other kinds
     * ({@code Contents}) are left out.
     *
     * @throws NullPointerException if {@code verified} or an element is null
     */
    public static List<IndexInput> inputs(List<VerifiedIndex> verified) {
        List<IndexInput> out = new ArrayList<>();
        for (VerifiedIndex v : verified) {
            org.debindex.core.index.IndexKind kind;
            switch (v.kind()) {
                case PACKAGES -> kind = org.debindex.core.index.IndexKind.PACKAGES;
                case TRANSLATION -> kind = org.debindex.core.index.IndexKind.TRANSLATION;
                case SOURCES -> kind = org.debindex.core.index.IndexKind.SOURCES;
                default -> {
                    continue;
                }
            }
            PackageOrigin origin = new PackageOrigin(v.releaseSuite().orElse(v.suite()), v.codename().orElse(""),
                    v.component(), kind == org.debindex.core.index.IndexKind.PACKAGES ? v.architecture().orElse("") : "");
            String displayName = v.baseUri() + Acquisition.releaseDirectory(v.suite()) + v.listedPath();
            out.add(new IndexInput(new InputIdentity(kind, origin, displayName, v.size(), v.sha256()), v.file(),
                    limit(v)));
        }
        return List.copyOf(out);
    }

    private static SizeLimit limit(VerifiedIndex v) {
        if (v.uncompressedSize().isPresent()) {
            return SizeLimit.exactly(v.uncompressedSize().get());
        }
        for (Compression c : Compression.values()) {
            if (c != Compression.NONE && v.listedPath().endsWith(c.fileSuffix())) {
                return SizeLimit.defaultLimit();
            }
        }
        return SizeLimit.exactly(v.size());
    }

    /**
     * Opens the cache's index: the snapshot when it is current and passes its header checks,
     * else a rebuilt one (see the class comment); a snapshot that is missing, cannot be read or
     * fails its header checks is rebuilt. Regions of a snapshot are checked lazily, so a
     * query may still meet an {@link IndexFormatException}; the caller then calls
     * {@link #rebuild} and asks again.
     *
     * @throws MalformedInputException if a manifest or a verified file is malformed
     * @throws IOException if the cache's lists cannot be read, or an input cannot be decompressed
     * @throws NullPointerException if an argument is null
     */
    public static Opened open(CacheLayout cache, IndexBuildOptions options) throws IOException, MalformedInputException {
        Objects.requireNonNull(options, "options");
        return open(cache, inputs(SuiteManifest.verifiedIndexes(cache)), options);
    }

    /**
     * Opens the cache's index as {@link #open} does, unless the cache holds no verified file to
     * index (no update ran yet): then nothing is built or written.
     *
     * @return the index; empty when there is nothing to index
     * @throws MalformedInputException if a manifest or a verified file is malformed
     * @throws IOException if the cache cannot be read, or an input cannot be decompressed
     * @throws NullPointerException if an argument is null
     */
    public static Optional<Opened> openIfIndexed(CacheLayout cache, IndexBuildOptions options)
            throws IOException, MalformedInputException {
        Objects.requireNonNull(options, "options");
        List<IndexInput> inputs = inputs(SuiteManifest.verifiedIndexes(cache));
        return inputs.isEmpty() ? Optional.empty() : Optional.of(open(cache, inputs, options));
    }

    private static Opened open(CacheLayout cache, List<IndexInput> inputs, IndexBuildOptions options)
            throws IOException, MalformedInputException {
        Path snapshot = snapshot(cache);
        String reason;
        try {
            PackageIndex index = PackageIndex.open(snapshot);
            if (index.inputs().equals(identities(inputs))) {
                return new Opened(index, Optional.empty());
            }
            reason = "the verified lists changed since it was built";
        } catch (NoSuchFileException e) {
            reason = "there was none";
        } catch (IndexFormatException e) {
            reason = "it was unusable: " + e.getMessage();
        } catch (IOException e) {
            // The snapshot is only a cache of the verified lists: one we cannot read (another
            // user's, or index/ not a directory) is rebuilt like a corrupt one, in memory if
            // need be, rather than failing a cache whose lists are readable.
            reason = "it could not be read: " + e.getMessage();
        }
        return new Opened(build(cache, inputs, options), Optional.of(reason));
    }

    /**
     * Rebuilds the cache's snapshot from its verified lists, whatever the current one holds.
     *
     * @return the new index
     * @throws MalformedInputException if a manifest or a verified file is malformed
     * @throws IOException if the cache cannot be read, or an input cannot be decompressed
     * @throws NullPointerException if an argument is null
     */
    public static PackageIndex rebuild(CacheLayout cache, IndexBuildOptions options)
            throws IOException, MalformedInputException {
        Objects.requireNonNull(options, "options");
        return build(cache, inputs(SuiteManifest.verifiedIndexes(cache)), options);
    }

    private static PackageIndex build(CacheLayout cache, List<IndexInput> inputs, IndexBuildOptions options)
            throws IOException, MalformedInputException {
        PackageIndex built = PackageIndex.build(inputs, options);
        Path snapshot = snapshot(cache);
        try {
            Files.createDirectories(snapshot.getParent());
            built.write(snapshot);
        } catch (IOException e) {
            // a cache we may read but not write (another user's): answer from memory
            return built;
        } catch (IndexFormatException e) {
            throw new IllegalStateException("a freshly built index is inconsistent: " + e.getMessage(), e);
        }
        try {
            // the mapped file rather than the heap copy: the build's memory can go
            return PackageIndex.open(snapshot);
        } catch (IOException | IndexFormatException e) {
            return built;
        }
    }

    private static List<InputIdentity> identities(List<IndexInput> inputs) {
        List<InputIdentity> out = new ArrayList<>(inputs.size());
        for (IndexInput input : inputs) {
            out.add(input.identity());
        }
        return out;
    }
}
