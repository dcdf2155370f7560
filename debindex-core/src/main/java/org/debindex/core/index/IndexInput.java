package org.debindex.core.index;

import java.nio.file.Path;
import java.util.Objects;
import org.debindex.core.compress.SizeLimit;

/**
 * One verified index file to build a {@link PackageIndex} from.
 *
 * <p>The file is read as fetched (compressed or not: the format is recognised by its magic
 * number) and decompressed within {@code limit}, which should be the uncompressed size the
 * Release lists ({@link SizeLimit#exactly(long)}) when it lists one.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param identity what the file is, recorded in the snapshot
 * @param file     where it is
 * @param limit    how large its decompressed content may be
 */
public record IndexInput(InputIdentity identity, Path file, SizeLimit limit) {

    /** @throws NullPointerException if a component is null */
    public IndexInput {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(limit, "limit");
    }

    /**
     * A {@code Packages} file.
     *
     * @param origin      where it comes from; its architecture should be the file's
     * @param file        the file as fetched
     * @param displayName the name users know it by
     * @param size        its size as the Release lists it
     * @param sha256      its SHA-256 as the Release lists it, or empty
     * @param limit       how large its decompressed content may be
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException as {@link InputIdentity} says
     */
    public static IndexInput packages(PackageOrigin origin, Path file, String displayName, long size, String sha256,
            SizeLimit limit) {
        return new IndexInput(new InputIdentity(IndexKind.PACKAGES, origin, displayName, size, sha256), file, limit);
    }

    /**
     * A {@code Translation-<lang>} file.
     *
     * @param origin      where it comes from; its architecture is empty
     * @param file        the file as fetched
     * @param displayName the name users know it by
     * @param size        its size as the Release lists it
     * @param sha256      its SHA-256 as the Release lists it, or empty
     * @param limit       how large its decompressed content may be
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException as {@link InputIdentity} says
     */
    public static IndexInput translation(PackageOrigin origin, Path file, String displayName, long size,
            String sha256, SizeLimit limit) {
        return new IndexInput(new InputIdentity(IndexKind.TRANSLATION, origin, displayName, size, sha256), file,
                limit);
    }

    /**
     * A {@code Sources} file.
     *
     * @param origin      where it comes from; its architecture is empty
     * @param file        the file as fetched
     * @param displayName the name users know it by
     * @param size        its size as the Release lists it
     * @param sha256      its SHA-256 as the Release lists it, or empty
     * @param limit       how large its decompressed content may be
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException as {@link InputIdentity} says
     */
    public static IndexInput sources(PackageOrigin origin, Path file, String displayName, long size, String sha256,
            SizeLimit limit) {
        return new IndexInput(new InputIdentity(IndexKind.SOURCES, origin, displayName, size, sha256), file, limit);
    }
}
