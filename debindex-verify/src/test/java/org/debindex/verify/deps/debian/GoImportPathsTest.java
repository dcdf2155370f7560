package org.debindex.verify.deps.debian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.debindex.core.MalformedInputException;
import org.debindex.core.compress.SizeLimit;
import org.debindex.core.testdata.SharedTestData;
import org.debindex.verify.deps.Ecosystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Go rule by {@code Sources}' {@code Go-Import-Path}. */
class GoImportPathsTest {

    @TempDir
    Path dir;

    private static Candidate none(String pkg) {
        return new Candidate(pkg, Optional.empty(), Optional.empty());
    }

    @Test
    void everyImportPathMapsToTheSourcesDevPackagesOnly() throws Exception {
        Path sources = Files.writeString(dir.resolve("Sources"), """
                Package: etcd
                Binary: etcd-server, etcd-client,
                 golang-etcd-server-dev
                Version: 3.5.16-4
                Go-Import-Path: go.etcd.io/etcd, github.com/coreos/etcd,

                Package: aerc
                Binary: aerc
                Version: 0.18.2-1
                Go-Import-Path: git.sr.ht/~rjarry/aerc

                Package: hello
                Binary: hello
                Version: 2.10-3

                Package: etcd
                Binary: etcd-server, etcd-client, golang-etcd-server-dev
                Version: 3.4.30-1
                Go-Import-Path: go.etcd.io/etcd
                """, StandardCharsets.UTF_8);
        ContentsMapping mapping = ContentsMapping.builder().addSources(sources, SizeLimit.defaultLimit()).build();
        assertEquals(List.of(none("golang-etcd-server-dev")), mapping.candidates(Ecosystem.GO, "go.etcd.io/etcd"),
                "a source listed twice gives its package once");
        assertEquals(List.of(none("golang-etcd-server-dev")), mapping.candidates(Ecosystem.GO, "github.com/coreos/etcd"),
                "a folded Binary and a trailing comma");
        assertEquals(List.of(), mapping.candidates(Ecosystem.GO, "git.sr.ht/~rjarry/aerc"), "a program, no library");
        assertEquals(List.of(none("golang-etcd-server-dev")), mapping.candidates(Ecosystem.GO, "go.etcd.io/etcd/v3"),
                "a /vN module installed without its suffix");
        assertEquals(2, mapping.names(Ecosystem.GO).size());
    }

    @Test
    void aMalformedSourcesFileNamesFileAndLine() throws Exception {
        Path sources = Files.writeString(dir.resolve("Sources"), "Package: x\n continuation without a field\n"
                + "Binary x\n", StandardCharsets.UTF_8);
        MalformedInputException e = assertThrows(MalformedInputException.class,
                () -> ContentsMapping.builder().addSources(sources, SizeLimit.defaultLimit()));
        assertEquals(true, e.getMessage().startsWith(sources.toString() + ":"), e.getMessage());
    }

    /**
     * Trixie's real Sources: the counts were found independently with python3-debian 0.1.49
     * ({@code deb822.Sources.iter_paragraphs}, Go-Import-Path split on commas, {@code -dev}
     * binaries): 2,384 import paths, 2,404 (path, package) pairs.
     */
    @Test
    void trixieSourcesGiveTheCountsPythonDebianFinds() throws Exception {
        ContentsMapping mapping = ContentsMapping.builder()
                .addSources(SharedTestData.dists("trixie", "main/source/Sources.xz"), SizeLimit.defaultLimit())
                .build();
        assertEquals(2_384, mapping.names(Ecosystem.GO).size());
        assertEquals(2_404, mapping.names(Ecosystem.GO).stream()
                .mapToInt(n -> mapping.candidates(Ecosystem.GO, n).size()).sum());
        assertEquals(List.of(none("golang-etcd-server-dev")), mapping.candidates(Ecosystem.GO, "github.com/coreos/etcd"));
        assertEquals(List.of(none("golang-github-cenkalti-backoff-dev")),
                mapping.candidates(Ecosystem.GO, "github.com/cenkalti/backoff/v4"));
        assertEquals(List.of(none("golang-github-stretchr-testify-dev")),
                mapping.candidates(Ecosystem.GO, "github.com/stretchr/testify"));
    }
}
