package org.debindex.verify.deps.debian;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.debindex.core.MalformedInputException;
import org.debindex.core.compress.SizeLimit;
import org.debindex.core.update.IndexKind;
import org.debindex.core.update.VerifiedIndex;

/**
 * The verified {@code Contents} files of a cache ({@code update --with-contents}), chosen by
 * suite and read into a {@link ContentsMapping}.
 *
 * <p>Thread-safe: a static holder without state.
 */
public final class CachedContents {

    private CachedContents() {
    }

    /**
     * The suite of the first verified Contents file, as configured: the default of {@code check}.
     *
     * @throws NullPointerException if {@code verified} is null
     */
    public static Optional<String> defaultSuite(List<VerifiedIndex> verified) {
        return verified.stream().filter(v -> v.kind() == IndexKind.CONTENTS).map(VerifiedIndex::suite).findFirst();
    }

    /**
     * The Contents files of a suite, named as configured, by the Release's {@code Suite} or by its
     * {@code Codename} (as apt's {@code -t} accepts either).
     *
     * @throws NullPointerException if an argument is null
     */
    public static List<VerifiedIndex> forSuite(List<VerifiedIndex> verified, String suite) {
        Objects.requireNonNull(suite, "suite");
        return verified.stream()
                .filter(v -> v.kind() == IndexKind.CONTENTS)
                .filter(v -> v.suite().equals(suite) || v.releaseSuite().filter(suite::equals).isPresent()
                        || v.codename().filter(suite::equals).isPresent())
                .toList();
    }

    /**
     * The mapping of the files; each is read within the decompressed size its Release lists.
     *
     * @throws MalformedInputException if a file is malformed
     * @throws IOException if a file cannot be read or breaks its size
     * @throws NullPointerException if {@code contents} or an element is null
     */
    public static ContentsMapping mapping(List<VerifiedIndex> contents) throws IOException, MalformedInputException {
        ContentsMapping.Builder builder = ContentsMapping.builder();
        for (VerifiedIndex v : contents) {
            builder.add(v.file(), v.uncompressedSize().map(SizeLimit::exactly).orElseGet(SizeLimit::defaultLimit));
        }
        return builder.build();
    }
}
