package org.debindex.verify.trust;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import org.debindex.core.FindingCode;
import org.debindex.core.fetch.Fetcher;
import org.debindex.core.model.IndexFileEntry;
import org.debindex.core.trust.FileCheck;
import org.debindex.core.trust.FileVerifier;

/**
 * Where a deep audit reads pool files from: a local mirror tree, or a mirror's base URI.
 *
 * <p>Implementations are thread-safe: the audit calls {@link #check} from several worker threads
 * at once, one file per call.
 */
public interface PoolFiles {

    /**
     * Checks one pool file against its listing, as {@link FileVerifier#check} with {@link
     * FileVerifier.Link#POOL} does for a local file.
     *
     * @param path  the path relative to the mirror root, already checked to be safe ({@code
     *              RelativePaths}); it names the file in findings
     * @param entry what the index lists for it: {@code path}, size and digests
     * @return {@link FileCheck.Outcome#VERIFIED}; {@link FileCheck.Outcome#FAILED} with its findings
     *         ({@link FindingCode#DEB_HASH_MISMATCH}, {@link FindingCode#DEB_HASH_INSUFFICIENT}, {@link
     *         FindingCode#DEB_FETCH_FAILED}); or {@link FileCheck.Outcome#ABSENT} without findings
     *         (the audit reports {@link FindingCode#DEB_MISSING} naming the index)
     * @throws InterruptedIOException if the thread was interrupted
     * @throws IOException if a local file cannot be read or written (a failed download is a finding)
     * @throws NullPointerException if an argument is null
     */
    FileCheck check(String path, IndexFileEntry entry) throws IOException;

    /**
     * Where an absent file is absent from, for the {@link FindingCode#DEB_MISSING} message:
     * {@code "the tree"}, {@code "the server"}.
     */
    String origin();

    /**
     * Pool files under a local mirror root, each read in place.
     *
     * @param root the mirror root (holding {@code pool/})
     * @return the pool; immutable and thread-safe
     * @throws NullPointerException if {@code root} is null
     */
    static PoolFiles local(Path root) {
        Objects.requireNonNull(root, "root");
        return new PoolFiles() {
            @Override
            public FileCheck check(String path, IndexFileEntry entry) throws IOException {
                return FileVerifier.check(root.resolve(path), entry, FileVerifier.Link.POOL);
            }

            @Override
            public String origin() {
                return "the tree";
            }

            @Override
            public String toString() {
                return root.toString();
            }
        };
    }

    /**
     * Pool files below a mirror's base URI ({@code http:}, {@code https:} or {@code file:}, as
     * {@code fetcher} accepts), each downloaded into {@code scratchDir} with the listed size as
     * the bound, checked, and deleted at once, whatever the outcome. So at most one file per
     * worker thread is on disk at a time, never the whole pool, and nothing but buffers is held
     * in memory.
     *
     * <p>A 404 (a missing {@code file:} path) is {@link FileCheck.Outcome#ABSENT}; a body larger
     * than listed is refused without reading beyond the bound and is a {@link
     * FindingCode#DEB_HASH_MISMATCH}, as a shorter one is once downloaded; any other failed
     * transfer (after the fetcher's retries) is a {@link FindingCode#DEB_FETCH_FAILED} about that
     * file, and the audit goes on.
     *
     * @param base       the mirror root's URI (the one holding {@code dists/} and {@code pool/}); a
     *                   missing final slash is added
     * @param fetcher    downloads files; thread-safe
     * @param scratchDir an existing directory for the downloads, left as it was found
     * @return the pool; immutable and thread-safe
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code base} is not absolute or has a query or fragment
     */
    static PoolFiles remote(URI base, Fetcher fetcher, Path scratchDir) {
        return new RemotePoolFiles(base, fetcher, scratchDir);
    }
}
