package org.debindex.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.debindex.core.MalformedInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host's configuration under a fake apt root: which files apt reads, in which order, and the trusted keyrings. */
class HostSourcesTest {

    @TempDir
    Path root;

    private Path etc() throws Exception {
        return Files.createDirectories(root.resolve("etc/apt"));
    }

    private Path parts() throws Exception {
        return Files.createDirectories(root.resolve("etc/apt/sources.list.d"));
    }

    private static String entry(String name) {
        return "deb http://mirror.example/" + name + " trixie main\n";
    }

    private static String stanza(String name) {
        return "Types: deb\nURIs: http://mirror.example/" + name + "\nSuites: trixie\nComponents: main\n";
    }

    @Test
    void readsSourcesListThenTheDirectoryInNameOrder() throws Exception {
        Files.writeString(etc().resolve("sources.list"), entry("main"));
        Path d = parts();
        Files.writeString(d.resolve("b.sources"), stanza("b"));
        Files.writeString(d.resolve("a.list"), entry("a"));
        Files.writeString(d.resolve("C_x-1:2.list"), entry("c"));
        Files.writeString(d.resolve("a.sources"), stanza("a-sources"));
        List<Path> expected = List.of(root.resolve("etc/apt/sources.list"), d.resolve("C_x-1:2.list"), d.resolve("a.list"),
                d.resolve("a.sources"), d.resolve("b.sources"));
        assertEquals(expected, HostSources.files(root));
        SourceList list = HostSources.load(root, "amd64");
        assertEquals(List.of("main", "c", "a", "a-sources", "b"), list.entries().stream()
                .map(e -> e.uri().getPath().replace("/", "")).toList());
        assertEquals(List.of(), list.warnings());
    }

    @Test
    void fileNameRules() throws Exception {
        Path d = parts();
        Files.writeString(d.resolve("good.list"), entry("good"));
        // skipped silently: hidden files, directories, and apt's Dir::Ignore-Files-Silently patterns
        Files.writeString(d.resolve(".hidden.list"), entry("hidden"));
        Files.createDirectories(d.resolve("sub.list"));
        Files.writeString(d.resolve("x.list.dpkg-old"), entry("dpkg-old"));
        Files.writeString(d.resolve("x.list.dpkg-dist"), entry("dpkg-dist"));
        Files.writeString(d.resolve("x.list.save"), entry("save"));
        Files.writeString(d.resolve("x.list~"), entry("tilde"));
        Files.writeString(d.resolve("x.list.disabled"), entry("disabled"));
        Files.writeString(d.resolve("x.list.bak"), entry("bak"));
        Files.writeString(d.resolve("x.list.orig"), entry("orig"));
        Files.writeString(d.resolve("x.list.ucf-old"), entry("ucf"));
        Files.writeString(d.resolve("x.list.distUpgrade"), entry("distUpgrade"));
        Files.writeString(d.resolve("x.list.SAVE"), entry("SAVE"));
        // skipped with a notice: other extensions, no extension, characters apt does not allow
        Files.writeString(d.resolve("x.list.disabled-by-admin"), entry("notice1"));
        Files.writeString(d.resolve("README"), "not a source\n");
        Files.writeString(d.resolve("my repo.list"), entry("space"));
        Files.writeString(d.resolve("x+y.sources"), stanza("plus"));
        SourceList list = HostSources.load(root, "amd64");
        assertEquals(List.of(d.resolve("good.list")), HostSources.files(root));
        assertEquals(List.of("/good/"), list.entries().stream().map(e -> e.uri().getPath()).toList());
        assertEquals(List.of(
                d.resolve("README") + ": ignored: no file name extension; apt reads only *.list and *.sources here",
                d.resolve("my repo.list") + ": ignored: the name may only hold letters, digits, \"_\", \"-\", \":\" and \".\"",
                d.resolve("x+y.sources") + ": ignored: the name may only hold letters, digits, \"_\", \"-\", \":\" and \".\"",
                d.resolve("x.list.disabled-by-admin") + ": ignored: invalid file name extension \"disabled-by-admin\";"
                        + " apt reads only *.list and *.sources here"),
                OneLineSourcesTest.warnings(list));
    }

    @Test
    void symbolicLinksToFilesAreRead() throws Exception {
        Path d = parts();
        Path target = Files.writeString(root.resolve("elsewhere.list"), entry("linked"));
        Files.createSymbolicLink(d.resolve("linked.list"), target);
        Files.createSymbolicLink(d.resolve("dangling.list"), root.resolve("missing"));
        SourceList list = HostSources.load(root, "amd64");
        assertEquals(List.of(d.resolve("linked.list")), HostSources.files(root));
        assertEquals(List.of(d.resolve("dangling.list") + ": ignored: not a regular file"), OneLineSourcesTest.warnings(list));
    }

    @Test
    void onlyTheDirectoryOrOnlyTheFile() throws Exception {
        Files.writeString(parts().resolve("a.list"), entry("a"));
        assertEquals(1, HostSources.load(root, "amd64").entries().size());
        Files.delete(parts().resolve("a.list"));
        Files.delete(parts());
        Files.writeString(etc().resolve("sources.list"), entry("main"));
        SourceList list = HostSources.load(root, "amd64");
        assertEquals(1, list.entries().size());
        assertEquals(List.of(), list.warnings());
    }

    @Test
    void nothingConfigured() throws Exception {
        SourceList list = HostSources.load(root, "amd64");
        assertEquals(List.of(), list.entries());
        assertEquals(List.of(
                root.resolve("etc/apt/sources.list.d") + ": unable to read: not a directory",
                root.resolve("etc/apt/sources.list") + ": unable to read: not a regular file"),
                OneLineSourcesTest.warnings(list));
    }

    @Test
    void errorsNameTheFileAndLine() throws Exception {
        Path d = parts();
        Files.writeString(d.resolve("ok.list"), entry("ok"));
        Files.writeString(d.resolve("zz.sources"), stanza("z") + "\nTypes: deb\nURIs: http://mirror.example/y\nSuites: trixie\n");
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> HostSources.load(root, "amd64"));
        assertEquals(d.resolve("zz.sources") + ":8: suite \"trixie\" needs Components; expected at least one, or a suite"
                + " ending in \"/\" for a flat repository", e.getMessage());
    }

    @Test
    void conflictsAcrossFiles() throws Exception {
        Path d = parts();
        Files.writeString(etc().resolve("sources.list"), "deb [signed-by=/a.gpg] http://mirror.example/d trixie main\n");
        Files.writeString(d.resolve("d.sources"), stanza("d") + "Signed-By: /b.gpg\n");
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> HostSources.load(root, "amd64"));
        assertEquals(d.resolve("d.sources").toString(), e.source());
    }

    @Test
    void trustedKeyrings() throws Exception {
        assertEquals(List.of(), HostSources.trustedKeyrings(root));
        Path dir = Files.createDirectories(etc().resolve("trusted.gpg.d"));
        assertEquals(List.of(dir), HostSources.trustedKeyrings(root));
        Path legacy = Files.write(etc().resolve("trusted.gpg"), new byte[] {(byte) 0x99});
        assertEquals(List.of(dir, legacy), HostSources.trustedKeyrings(root));
        assertEquals(Path.of("/"), HostSources.DEFAULT_ROOT);
    }
}
