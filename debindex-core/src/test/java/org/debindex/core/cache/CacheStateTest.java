package org.debindex.core.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.debindex.core.MalformedInputException;
import org.debindex.core.openpgp.Fingerprint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheStateTest {

    @TempDir
    Path dir;

    private static final Fingerprint KEY = Fingerprint.parse("4D64FEC119C2029067D6E791F8D2585B8783D481");

    @Test
    void defaultRootFollowsXdg() {
        Path home = Path.of("/home/u");
        assertEquals(Path.of("/var/cache/x/debindex"),
                CacheLayout.defaultFor(Map.of("XDG_CACHE_HOME", "/var/cache/x"), home).root());
        assertEquals(Path.of("/home/u/.cache/debindex"), CacheLayout.defaultFor(Map.of(), home).root());
        assertEquals(Path.of("/home/u/.cache/debindex"),
                CacheLayout.defaultFor(Map.of("XDG_CACHE_HOME", "relative/dir"), home).root(), "relative XDG value ignored");
        CacheLayout layout = new CacheLayout(dir);
        assertEquals(dir.resolve("partial"), layout.partial());
        assertEquals(dir.resolve("lists"), layout.lists());
        assertEquals(dir.resolve("state"), layout.stateFile());
    }

    @Test
    void listFileNamesAreFlatAndDistinct() {
        assertEquals("mirror.example_debian_dists_trixie_InRelease",
                CacheLayout.listFileName(URI.create("http://mirror.example/debian/"), "dists/trixie/InRelease"));
        assertEquals("mirror.example_debian_dists_trixie_InRelease",
                CacheLayout.listFileName(URI.create("https://mirror.example/debian"), "dists/trixie/InRelease"));
        assertEquals("srv_mirror_dists_trixie_main_binary-amd64_Packages.xz",
                CacheLayout.listFileName(URI.create("file:/srv/mirror/"), "dists/trixie/main/binary-amd64/Packages.xz"));
        // An underscore in the URI must not collide with a slash.
        assertNotEquals(CacheLayout.listFileName(URI.create("http://mirror.example/a_b/"), "x"),
                CacheLayout.listFileName(URI.create("http://mirror.example/a/b/"), "x"));
        // The URI's own escapes are escaped again, so the mapping stays one-to-one.
        assertEquals("mirror.example:8080_d%2520e%5Fx_y", CacheLayout.listFileName(URI.create("http://mirror.example:8080/d%20e_x/"), "y"));
    }

    @Test
    void atomicWriteReplacesAndLeavesNoTemporaryFile() throws Exception {
        Path target = dir.resolve("sub/state");
        AtomicFiles.write(target, "one".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(target, "two".getBytes(StandardCharsets.UTF_8));
        assertArrayEquals("two".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(target));
        try (var files = Files.list(target.getParent())) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void stateRoundTripsAndMissingFileIsEmpty() throws Exception {
        Path file = dir.resolve("state");
        assertEquals(Map.of(), StateStore.load(file));
        RepositoryState signed = new RepositoryState("http://mirror.example/debian/ trixie",
                Instant.parse("2026-11-21T09:15:44Z"), "0".repeat(64), List.of(KEY), Optional.of("Debian"),
                Optional.of("Debian"), Optional.of("trixie"), Instant.parse("2026-11-26T10:00:00Z"));
        RepositoryState unsigned = new RepositoryState("file:/srv/local/ ./", Instant.parse("2026-01-01T00:00:00Z"),
                "a".repeat(64), List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                Instant.parse("2026-11-26T10:00:00Z"));
        StateStore.save(file, List.of(signed, unsigned));
        Map<String, RepositoryState> back = StateStore.load(file);
        assertEquals(List.of("file:/srv/local/ ./", "http://mirror.example/debian/ trixie"), List.copyOf(back.keySet()));
        assertEquals(signed, back.get(signed.repository()));
        assertEquals(unsigned, back.get(unsigned.repository()));
        assertTrue(Files.readString(file).contains("Signers: 4D64FEC119C2029067D6E791F8D2585B8783D481\n"));
    }

    @Test
    void corruptStateNamesFileAndLine() throws Exception {
        Path file = Files.writeString(dir.resolve("state"), "Repository: r\nDate: yesterday\nRelease-SHA256: "
                + "0".repeat(64) + "\nVerified: 2026-11-26T10:00:00Z\n");
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> StateStore.load(file));
        assertTrue(e.getMessage().startsWith(file + ":2: field \"Date\""), e.getMessage());
        Files.writeString(file, "Date: 2026-11-26T10:00:00Z\n");
        assertTrue(assertThrows(MalformedInputException.class, () -> StateStore.load(file)).getMessage()
                .contains("no \"Repository\" field"));
    }
}
