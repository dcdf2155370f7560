package org.debindex.verify.trust;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.debindex.core.Finding;
import org.debindex.core.FindingCode;
import org.debindex.core.fetch.FetchException;
import org.debindex.core.fetch.FetchRequest;
import org.debindex.core.fetch.FetchResult;
import org.debindex.core.fetch.Fetcher;
import org.debindex.core.model.IndexFileEntry;
import org.debindex.core.trust.FileCheck;
import org.debindex.core.trust.FileVerifier;

/**
 * {@link PoolFiles#remote}: one bounded download per file into a scratch file deleted at once.
 *
 * <p>Immutable and thread-safe.
 */
final class RemotePoolFiles implements PoolFiles {

    private final URI base;
    private final Fetcher fetcher;
    private final Path scratchDir;
    /** Names scratch files: unique per instance, so audits sharing a directory do not meet. */
    private final String token = Long.toHexString(new SplittableRandom().nextLong());
    private final AtomicLong count = new AtomicLong();

    RemotePoolFiles(URI base, Fetcher fetcher, Path scratchDir) {
        Objects.requireNonNull(base, "base");
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.scratchDir = Objects.requireNonNull(scratchDir, "scratchDir");
        if (!base.isAbsolute() || base.isOpaque() || base.getRawQuery() != null || base.getRawFragment() != null) {
            throw new IllegalArgumentException("base must be an absolute hierarchical uri without query or fragment: "
                    + display(base));
        }
        String raw = base.toString();
        this.base = raw.endsWith("/") ? base : URI.create(raw + "/");
    }

    @Override
    public FileCheck check(String path, IndexFileEntry entry) throws IOException {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(entry, "entry");
        if (FileVerifier.strongDigests(entry).isEmpty()) {
            // refused unread, as for a local file: no point downloading what cannot be trusted
            return FileVerifier.check(scratchDir.resolve("unread"), entry, FileVerifier.Link.POOL);
        }
        URI uri = uri(path);
        // a fresh name, not a created placeholder: the fetcher writes its own partial file beside it
        // and renames it here, so one worker holds one file at a time
        Path scratch = scratchDir.resolve(".debindex-pool-" + token + "-" + count.incrementAndGet());
        try {
            FetchResult result;
            try {
                // the listed size is the bound: a larger body is refused, never read past it
                result = fetcher.fetch(FetchRequest.of(uri, scratch, entry.size()));
            } catch (InterruptedIOException e) {
                throw e;
            } catch (FetchException e) {
                return failed(path, entry, e);
            }
            return switch (result.outcome()) {
                case FETCHED -> FileVerifier.check(scratch, entry, FileVerifier.Link.POOL);
                case NOT_FOUND -> new FileCheck(path, FileCheck.Outcome.ABSENT, entry.size(), List.of(), List.of());
                case NOT_MODIFIED -> throw new IOException(display(uri)
                        + ": not modified although the request was not conditional");
            };
        } finally {
            Files.deleteIfExists(scratch);
        }
    }

    @Override
    public String origin() {
        return "the server";
    }

    @Override
    public String toString() {
        return display(base);
    }

    /** The file's URI: the path percent-encoded where needed, resolved against the base. */
    URI uri(String path) {
        try {
            // "./" keeps a colon in the first segment (an epoch) from reading as a scheme
            return base.resolve(new URI(null, null, "./" + path, null));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("pool path cannot be a uri: " + path, e);
        }
    }

    private static FileCheck failed(String path, IndexFileEntry entry, FetchException e) {
        Finding finding = e.kind() == FetchException.Kind.TOO_LARGE
                ? Finding.error(FindingCode.DEB_HASH_MISMATCH, path, "larger than the " + entry.size()
                        + " bytes listed; download refused: " + e.getMessage())
                : Finding.error(FindingCode.DEB_FETCH_FAILED, path, "could not be fetched, so it is not checked: "
                        + e.getMessage());
        return new FileCheck(path, FileCheck.Outcome.FAILED, entry.size(), List.of(), List.of(finding));
    }

    /** A URI for a message, without user information (credentials). */
    private static String display(URI uri) {
        if (uri.getRawUserInfo() == null) {
            return uri.toString();
        }
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(),
                    uri.getFragment()).toString();
        } catch (URISyntaxException e) {
            return uri.getScheme() + "://" + uri.getHost();
        }
    }
}
