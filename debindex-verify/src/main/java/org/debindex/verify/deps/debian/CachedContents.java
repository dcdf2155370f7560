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
                .filter(v -> isSuite(v, suite))
                .toList();
    }

    /**
     * What a suite's mapping is built from: its Contents files, then its Sources files (for
     * {@code Go-Import-Path}), as {@link #forSuite} picks them.
     *
     * @throws NullPointerException if an argument is null
     */
    public static List<VerifiedIndex> mappingInputs(List<VerifiedIndex> verified, String suite) {
        Objects.requireNonNull(suite, "suite");
        List<VerifiedIndex> contents = forSuite(verified, suite);
        List<VerifiedIndex> sources = verified.stream()
                .filter(v -> v.kind() == IndexKind.SOURCES)
                .filter(v -> isSuite(v, suite))
                .toList();
        return java.util.stream.Stream.concat(contents.stream(), sources.stream()).toList();
    }

    /**
     * The mapping of the files (Contents by their paths, Sources by {@code Go-Import-Path}); each
     * is read within the decompressed size its Release lists.
     *
     * @throws MalformedInputException if a file is malformed
     * @throws IOException if a file cannot be read or breaks its size
     * @throws NullPointerException if {@code files} or an element is null
     * @throws IllegalArgumentException if a file is neither Contents nor Sources
     */
    public static ContentsMapping mapping(List<VerifiedIndex> files) throws IOException, MalformedInputException {
        ContentsMapping.Builder builder = ContentsMapping.builder();
        for (VerifiedIndex v : files) {
            SizeLimit limit = v.uncompressedSize().map(SizeLimit::exactly).orElseGet(SizeLimit::defaultLimit);
            switch (v.kind()) {
                case CONTENTS -> builder.add(v.file(), limit);
                case SOURCES -> builder.addSources(v.file(), limit);
                default -> throw new IllegalArgumentException("neither Contents nor Sources: " + v.listedPath());
            }
        }
        return builder.build();
    }

    private static boolean isSuite(VerifiedIndex v, String suite) {
        return v.suite().equals(suite) || v.releaseSuite().filter(suite::equals).isPresent()
                || v.codename().filter(suite::equals).isPresent();
    }
}
