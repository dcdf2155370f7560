package org.debindex.core.trust;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.debindex.core.Finding;
import org.debindex.core.FindingCode;
import org.debindex.core.model.HashAlgorithm;
import org.debindex.core.model.IndexFileEntry;

/**
 * Checks one file against the size and strong digests listed for it: an index file against its
 * Release, a {@code .deb} or source file against its Packages or Sources stanza.
 *
 * <p>The size is compared before anything is read (a wrong size needs no hashing); then every
 * strong digest listed (SHA-256 and SHA-512) is computed in one pass and each must match. Weak
 * digests (MD5, SHA-1) are never compared: an entry that has only those is refused unread, as apt
 * does.
 *
 * <p>Stateless and thread-safe.
 */
public final class FileVerifier {

    /** Which link of the chain a file belongs to, which decides the finding codes. */
    public enum Link {
        /** An index file listed by a Release. */
        INDEX(FindingCode.INDEX_WEAK_ONLY, FindingCode.INDEX_SIZE_MISMATCH, FindingCode.INDEX_HASH_MISMATCH,
                FindingCode.INDEX_MISSING),
        /** A pool file listed by Packages or Sources. */
        POOL(FindingCode.DEB_HASH_INSUFFICIENT, FindingCode.DEB_HASH_MISMATCH, FindingCode.DEB_HASH_MISMATCH,
                FindingCode.DEB_MISSING);

        private final FindingCode weakOnly;
        private final FindingCode sizeMismatch;
        private final FindingCode hashMismatch;
        private final FindingCode missing;

        Link(FindingCode weakOnly, FindingCode sizeMismatch, FindingCode hashMismatch, FindingCode missing) {
            this.weakOnly = weakOnly;
            this.sizeMismatch = sizeMismatch;
            this.hashMismatch = hashMismatch;
            this.missing = missing;
        }

        /** The code for a file that is listed but absent. */
        public FindingCode missing() {
            return missing;
        }
    }

    private FileVerifier() {
    }

    /**
     * Checks a file.
     *
     * @param file     where the file is
     * @param expected what is listed for it; its path names the file in findings
     * @param link     which link of the chain it is
     * @return {@link FileCheck.Outcome#VERIFIED}, {@link FileCheck.Outcome#FAILED} with the
     *         findings, or {@link FileCheck.Outcome#ABSENT} (with no finding: whether absence is an
     *         error is the caller's decision)
     * @throws IOException if the file exists but cannot be read
     * @throws NullPointerException if an argument is null
     */
    public static FileCheck check(Path file, IndexFileEntry expected, Link link) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(link, "link");
        Set<HashAlgorithm> strong = strongDigests(expected);
        String path = expected.path();
        if (strong.isEmpty()) {
            return new FileCheck(path, FileCheck.Outcome.FAILED, expected.size(), List.of(),
                    List.of(Finding.error(link.weakOnly, path, "listed with " + names(expected)
                            + " only; SHA-256 or SHA-512 is needed to trust it")));
        }
        long actualSize;
        try {
            actualSize = Files.size(file);
        } catch (NoSuchFileException e) {
            return new FileCheck(path, FileCheck.Outcome.ABSENT, expected.size(), List.of(), List.of());
        }
        if (actualSize != expected.size()) {
            return new FileCheck(path, FileCheck.Outcome.FAILED, expected.size(), List.of(),
                    List.of(sizeMismatch(link, path, expected.size(), actualSize)));
        }
        return compare(Digests.of(file, strong), expected, link);
    }

    /**
     * Compares computed digests with the listed ones (data that was read some other way, such
     * as decompressed).
     *
     * @throws NullPointerException if an argument is null
     */
    public static FileCheck compare(Digests.Computed computed, IndexFileEntry expected, Link link) {
        Objects.requireNonNull(computed, "computed");
        Set<HashAlgorithm> strong = strongDigests(expected);
        String path = expected.path();
        if (computed.size() != expected.size()) {
            return new FileCheck(path, FileCheck.Outcome.FAILED, expected.size(), List.of(),
                    List.of(sizeMismatch(link, path, expected.size(), computed.size())));
        }
        List<Finding> findings = new ArrayList<>();
        for (HashAlgorithm a : strong) {
            String want = expected.digests().get(a);
            String got = computed.digests().get(a);
            if (got == null) {
                throw new IllegalArgumentException(a + " was not computed for " + path);
            }
            if (!want.equals(got)) {
                findings.add(Finding.error(link.hashMismatch, path, a.javaName() + " mismatch: expected " + want
                        + ", got " + got));
            }
        }
        return new FileCheck(path, findings.isEmpty() ? FileCheck.Outcome.VERIFIED : FileCheck.Outcome.FAILED,
                expected.size(), List.copyOf(strong), findings);
    }

    /** The strong algorithms listed for an entry, SHA-256 before SHA-512. */
    public static Set<HashAlgorithm> strongDigests(IndexFileEntry expected) {
        Set<HashAlgorithm> strong = EnumSet.noneOf(HashAlgorithm.class);
        for (HashAlgorithm a : expected.digests().keySet()) {
            if (a.isStrong()) {
                strong.add(a);
            }
        }
        return strong;
    }

    private static Finding sizeMismatch(Link link, String path, long want, long got) {
        return Finding.error(link.sizeMismatch, path, "size " + got + " bytes, but " + want
                + " are listed" + (link == Link.INDEX ? " (mirror sync in progress?)" : ""));
    }

    private static String names(IndexFileEntry expected) {
        List<String> names = new ArrayList<>();
        expected.digests().keySet().forEach(a -> names.add(a.javaName()));
        return String.join(" and ", names);
    }
}
