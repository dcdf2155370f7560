package org.debindex.verify.deps.debian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.debindex.core.cache.CacheLayout;
import org.debindex.core.testdata.SharedTestData;
import org.debindex.core.update.IndexKind;
import org.debindex.core.update.VerifiedIndex;
import org.debindex.verify.deps.Ecosystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mapping kept in the index directory: reused while current, rebuilt otherwise, never answered from when damaged. */
class CachedMappingTest {

    @TempDir
    Path dir;

    private static final String CONTENTS = String.join("\n",
            "usr/share/maven-repo/org/apache/commons/commons-lang3/3.17.0/commons-lang3-3.17.0.pom java/libcommons-lang3-java",
            "usr/share/maven-repo/org/apache/commons/commons-lang3/debian/commons-lang3-debian.pom java/libcommons-lang3-java",
            "usr/lib/python3/dist-packages/PyYAML-6.0.2.dist-info/METADATA python/python3-yaml",
            "usr/share/nodejs/50%\tweird/package.json javascript/node-weird",
            "usr/share/nodejs/express/package.json javascript/node-express,javascript/node-express-alt",
            "");

    private VerifiedIndex contents(String text) throws Exception {
        byte[] gz;
        try (var bytes = new java.io.ByteArrayOutputStream(); var out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.finish();
            gz = bytes.toByteArray();
        }
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(gz));
        Path file = dir.resolve("lists/Contents-amd64.gz@" + sha);
        Files.createDirectories(file.getParent());
        Files.write(file, gz);
        return verified(file, "main/Contents-amd64.gz", gz.length, sha, text.length());
    }

    private static VerifiedIndex verified(Path file, String listedPath, long size, String sha, long uncompressed) {
        return new VerifiedIndex("http://mirror.example/debian/ trixie", URI.create("http://mirror.example/debian/"),
                "trixie", Optional.of("stable"), Optional.of("trixie"), Optional.empty(), "main", Optional.of("amd64"),
                IndexKind.CONTENTS, listedPath, file, size, sha, Optional.of(uncompressed));
    }

    private static void assertSameMapping(ContentsMapping expected, ContentsMapping actual) {
        for (Ecosystem e : Ecosystem.values()) {
            assertEquals(expected.table(e), actual.table(e), e.name());
        }
    }

    @Test
    void theFirstOpenBuildsAndKeepsItTheSecondReadsItBackEqual() throws Exception {
        CacheLayout cache = new CacheLayout(dir.resolve("cache"));
        List<VerifiedIndex> files = List.of(contents(CONTENTS));
        CachedMapping.Opened first = CachedMapping.open(cache, "trixie", files);
        assertEquals(Optional.of("there was none"), first.rebuiltBecause());
        Path kept = CachedMapping.file(cache, "trixie");
        assertTrue(Files.isRegularFile(kept), "kept in the index directory");
        assertEquals(cache.index(), kept.getParent());

        CachedMapping.Opened second = CachedMapping.open(cache, "trixie", files);
        assertEquals(Optional.empty(), second.rebuiltBecause());
        assertSameMapping(first.mapping(), second.mapping());
        assertEquals(List.of(new Candidate("node-express", Optional.empty(), Optional.empty()),
                        new Candidate("node-express-alt", Optional.empty(), Optional.empty())),
                second.mapping().candidates(Ecosystem.NPM, "express"), "candidates keep their order");
        assertEquals(List.of(new Candidate("node-weird", Optional.empty(), Optional.empty())),
                second.mapping().candidates(Ecosystem.NPM, "50%\tweird"), "a tab and a % survive");
        assertEquals(List.of(new Candidate("libcommons-lang3-java", Optional.of("3.17.0"), Optional.empty()),
                        new Candidate("libcommons-lang3-java", Optional.empty(), Optional.of("debian"))),
                second.mapping().candidates(Ecosystem.MAVEN, "org.apache.commons:commons-lang3"));
        assertEquals(List.of(new Candidate("python3-yaml", Optional.of("6.0.2"), Optional.empty())),
                second.mapping().candidates(Ecosystem.PYPI, "pyyaml"));
    }

    @Test
    void otherContentsFilesRebuildIt() throws Exception {
        CacheLayout cache = new CacheLayout(dir.resolve("cache"));
        CachedMapping.open(cache, "trixie", List.of(contents(CONTENTS)));
        List<VerifiedIndex> changed = List.of(contents(CONTENTS.replace("6.0.2", "6.0.3")));
        CachedMapping.Opened opened = CachedMapping.open(cache, "trixie", changed);
        assertEquals(Optional.of("the Contents or Sources files changed"), opened.rebuiltBecause());
        assertEquals(Optional.of("6.0.3"), opened.mapping().candidates(Ecosystem.PYPI, "pyyaml").get(0).versionFromPath());
        assertEquals(Optional.empty(), CachedMapping.open(cache, "trixie", changed).rebuiltBecause());
    }

    @Test
    void aDamagedOrTruncatedFileIsRebuiltNeverRead() throws Exception {
        CacheLayout cache = new CacheLayout(dir.resolve("cache"));
        List<VerifiedIndex> files = List.of(contents(CONTENTS));
        ContentsMapping built = CachedMapping.open(cache, "trixie", files).mapping();
        Path kept = CachedMapping.file(cache, "trixie");
        String good = Files.readString(kept);

        // a package name changed, the checksum line left alone
        Files.writeString(kept, good.replace("python3-yaml", "python3-evil"));
        CachedMapping.Opened altered = CachedMapping.open(cache, "trixie", files);
        assertTrue(altered.rebuiltBecause().orElseThrow().contains("checksum"), altered.rebuiltBecause().toString());
        assertEquals("python3-yaml", altered.mapping().candidates(Ecosystem.PYPI, "pyyaml").get(0).packageName());
        assertEquals(good, Files.readString(kept), "rewritten as built");

        Files.writeString(kept, good.substring(0, good.length() / 2));
        CachedMapping.Opened truncated = CachedMapping.open(cache, "trixie", files);
        assertTrue(truncated.rebuiltBecause().orElseThrow().startsWith("the kept one was unreadable"));
        assertSameMapping(built, truncated.mapping());

        Files.writeString(kept, good.replace(CachedMapping.HEADER, "DEBINDEX-MAPPING 1"));
        assertTrue(CachedMapping.open(cache, "trixie", files).rebuiltBecause().isPresent(), "an older format");
    }

    @Test
    void anUnwritableIndexDirectoryStillGivesTheMapping() throws Exception {
        // a file where the index directory should be: no one, root included, can create it
        Path root = dir.resolve("cache");
        Files.createDirectories(root);
        CacheLayout cache = new CacheLayout(root);
        Files.writeString(cache.index(), "not a directory");
        CachedMapping.Opened opened = CachedMapping.open(cache, "trixie", List.of(contents(CONTENTS)));
        assertTrue(opened.rebuiltBecause().isPresent());
        assertFalse(opened.mapping().candidates(Ecosystem.NPM, "express").isEmpty());
    }

    @Test
    void suiteNamesBecomeSafeFileNames() {
        CacheLayout cache = new CacheLayout(dir);
        assertEquals(dir.resolve("index/mapping-trixie.map"), CachedMapping.file(cache, "trixie"));
        assertEquals(dir.resolve("index/mapping-trixie_updates.map"), CachedMapping.file(cache, "trixie/updates"));
        assertEquals(dir.resolve("index/mapping-.._x.map"), CachedMapping.file(cache, "../x"));
    }

    @Test
    void bookwormsRealMappingSurvivesTheRoundTrip() throws Exception {
        Path all = SharedTestData.dists("bookworm", "main/Contents-all.gz");
        Path amd64 = SharedTestData.dists("bookworm", "main/Contents-amd64.gz");
        List<VerifiedIndex> files = List.of(real(all, "main/Contents-all.gz", 519_622_348L),
                real(amd64, "main/Contents-amd64.gz", 148_405_971L));
        CacheLayout cache = new CacheLayout(dir.resolve("cache"));
        long start = System.nanoTime();
        CachedMapping.Opened built = CachedMapping.open(cache, "bookworm", files);
        long buildMs = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        CachedMapping.Opened read = CachedMapping.open(cache, "bookworm", files);
        long readMs = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("bookworm mapping: built and kept in %d ms, read back in %d ms, %d bytes%n", buildMs, readMs,
                Files.size(CachedMapping.file(cache, "bookworm")));
        assertTrue(built.rebuiltBecause().isPresent());
        assertEquals(Optional.empty(), read.rebuiltBecause());
        assertSameMapping(built.mapping(), read.mapping());
        assertEquals(3_142, read.mapping().names(Ecosystem.MAVEN).size());
    }

    private static VerifiedIndex real(Path file, String listedPath, long uncompressed) throws Exception {
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        return verified(file, listedPath, Files.size(file), sha, uncompressed);
    }
}
