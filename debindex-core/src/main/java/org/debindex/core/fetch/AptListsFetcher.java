package org.debindex.core.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.debindex.core.compress.Compression;
import org.debindex.core.compress.Decompressors;
import org.debindex.core.compress.SizeLimit;

/**
 * Serves repository files from the lists apt has already downloaded ({@code /var/lib/apt/lists}
 * or a copy), so that an update needs no network: a request's URI is turned into apt's file name
 * ({@link AptListNames#fileName}) and that file of the directory is copied, with the bounds and
 * the all-or-nothing rename of any other fetcher.
 *
 * <p>apt names an index file after its <em>uncompressed</em> URI and may store it recompressed
 * ({@code .lz4} when {@code Acquire::GzipIndexes} is set, as on Ubuntu; {@code .gz}, {@code .xz}
 * or {@code .zst} with other settings), whatever compression it downloaded. So a request for an
 * uncompressed index file, when the directory has no file of that very name, is served by
 * decompressing the stored variant ({@link #STORED_SUFFIXES}, in that order) into the
 * destination, bounded by the request's limit: exactly the listed size when the request gives one,
 * so a file that decompresses to more stops there. A request for a compressed variant is served
 * only by a file of exactly that name. Nothing here says the bytes are right: the caller checks
 * them against the verified Release, as a download (for a decompressed file, against the Release's
 * entry for the uncompressed path). {@code InRelease}, {@code Release} and {@code Release.gpg}
 * are never decompressed.
 *
 * <p>The result's {@link FetchResult#finalUri()} is the {@code file:} URI of the file read, for
 * messages. A file absent from the directory is {@link FetchResult.Outcome#NOT_FOUND}; a stored
 * variant that cannot be decompressed fails with its {@link
 * org.debindex.core.compress.DecompressionException}. No request reaches the network.
 *
 * <p>Immutable and thread-safe.
 */
public final class AptListsFetcher implements Fetcher {

    /** Where apt keeps its lists on a Debian host. */
    public static final Path DEFAULT_DIRECTORY = Path.of("/var/lib/apt/lists");

    /**
     * The suffixes of the compressions apt may store an index in, in the order they are looked
     * for when the uncompressed file is absent; apt keeps one of them per index.
     */
    public static final List<String> STORED_SUFFIXES = List.of(Compression.LZ4.fileSuffix(),
            Compression.GZIP.fileSuffix(), Compression.XZ.fileSuffix(), Compression.ZSTD.fileSuffix(),
            Compression.BZIP2.fileSuffix());

    private final Path directory;
    private final Fetcher files = new FileFetcher();

    /**
     * A fetcher reading {@code directory}.
     *
     * @param directory apt's lists directory
     * @throws NullPointerException if {@code directory} is null
     */
    public AptListsFetcher(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
    }

    /** The directory read, absolute. */
    public Path directory() {
        return directory;
    }

    /**
     * The files of the directory that may hold {@code uri}, in the order they are looked for: the
     * file of apt's name and, for an uncompressed index file, that name with each of {@link
     * #STORED_SUFFIXES}.
     *
     * @param uri the file's URI, e.g. {@code http://mirror.example/debian/dists/trixie/main/binary-amd64/Packages}
     * @throws NullPointerException if {@code uri} is null
     * @throws IllegalArgumentException if {@code uri} is not absolute
     */
    public List<Path> candidates(URI uri) {
        String name = AptListNames.fileName(uri);
        List<Path> out = new ArrayList<>();
        out.add(directory.resolve(name));
        if (isStoredRecompressed(name)) {
            for (String suffix : STORED_SUFFIXES) {
                out.add(directory.resolve(name + suffix));
            }
        }
        return List.copyOf(out);
    }

    /**
     * The first of {@link #candidates} that is in the directory.
     *
     * @throws NullPointerException if {@code uri} is null
     * @throws IllegalArgumentException if {@code uri} is not absolute
     */
    public Optional<Path> stored(URI uri) {
        return candidates(uri).stream().filter(Files::exists).findFirst();
    }

    @Override
    public FetchResult fetch(FetchRequest request) throws IOException {
        Objects.requireNonNull(request, "request");
        URI uri = request.uri();
        List<Path> candidates;
        try {
            candidates = candidates(uri);
        } catch (IllegalArgumentException e) {
            throw new FetchException(FetchException.Kind.UNSUPPORTED_SCHEME, uri, "not a repository file uri", e);
        }
        Path exact = candidates.get(0);
        if (Files.exists(exact)) {
            // the plain copy: its bounds, checks and validators are those of a file: mirror
            FetchResult copied = files.fetch(new FetchRequest(exact.toUri(), request.destination(),
                    request.maxBytes(), request.expectedSize(), request.previous()));
            return new FetchResult(copied.outcome(), copied.bytesWritten(), copied.validators(), exact.toUri(),
                    copied.attempts());
        }
        for (Path stored : candidates.subList(1, candidates.size())) {
            if (Files.isRegularFile(stored)) {
                return new FetchResult(FetchResult.Outcome.FETCHED, decompress(stored, request), Validators.none(),
                        stored.toUri(), 1);
            }
        }
        return new FetchResult(FetchResult.Outcome.NOT_FOUND, 0, Validators.none(), exact.toUri(), 1);
    }

    /** Decompresses a stored variant into the destination, within the request's limit. */
    private static long decompress(Path stored, FetchRequest request) throws IOException {
        SizeLimit limit = request.expectedSize().isPresent() ? SizeLimit.exactly(request.expectedSize().get())
                : SizeLimit.atMost(request.maxBytes());
        try (PartialFile partial = PartialFile.create(request.destination());
                InputStream in = Decompressors.open(stored, limit);
                OutputStream out = Channels.newOutputStream(partial.channel())) {
            long written = in.transferTo(out);
            out.flush();
            partial.commit();
            return written;
        }
    }

    /**
     * Whether apt may keep a file of this name recompressed: an index file named without a
     * compression suffix, and not one of the Release files, which apt keeps as they came.
     */
    private static boolean isStoredRecompressed(String name) {
        if (name.endsWith("Release") || name.endsWith("Release.gpg")) {
            return false;
        }
        for (Compression c : Compression.values()) {
            if (c != Compression.NONE && name.endsWith(c.fileSuffix())) {
                return false;
            }
        }
        return true;
    }
}
