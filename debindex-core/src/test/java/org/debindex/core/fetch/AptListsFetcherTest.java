package org.debindex.core.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.debindex.core.compress.DecompressionException;
import org.debindex.core.compress.Lz4FrameWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Serving a source's files from apt's lists directory, by apt's names; never the network. */
class AptListsFetcherTest {

    private static final URI BASE = URI.create("http://mirror.example/debian/dists/trixie/");
    private static final String PREFIX = "mirror.example_debian_dists_trixie_";
    private static final byte[] PACKAGES = "Package: hello\nVersion: 1.0\n\n".repeat(50).getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path root;

    private Path lists;
    private Path partial;
    private AptListsFetcher fetcher;

    @BeforeEach
    void setUp() throws IOException {
        lists = Files.createDirectories(root.resolve("lists"));
        partial = Files.createDirectories(root.resolve("partial"));
        fetcher = new AptListsFetcher(lists);
    }

    private FetchResult fetch(String path, long size) throws IOException {
        return fetcher.fetch(FetchRequest.ofSize(BASE.resolve(path), partial.resolve("out"), size));
    }

    private List<String> partialContents() throws IOException {
        try (Stream<Path> files = Files.list(partial)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void copiesTheFileOfAptsName() throws IOException {
        Files.writeString(lists.resolve(PREFIX + "InRelease"), "signed");
        FetchResult r = fetch("InRelease", 6);
        assertEquals(FetchResult.Outcome.FETCHED, r.outcome());
        assertEquals(lists.resolve(PREFIX + "InRelease").toUri(), r.finalUri());
        assertEquals("signed", Files.readString(partial.resolve("out")));
    }

    @Test
    void absentIsNotFound() throws IOException {
        FetchResult r = fetch("main/binary-amd64/Packages", 10);
        assertEquals(FetchResult.Outcome.NOT_FOUND, r.outcome());
        assertEquals(List.of(), partialContents());
    }

    @Test
    void uncompressedRequestIsServedByDecompressingTheStoredVariant() throws IOException {
        Files.write(lists.resolve(PREFIX + "main_binary-amd64_Packages.lz4"),
                Lz4FrameWriter.likeTheLz4Tool().frame(PACKAGES));
        FetchResult r = fetch("main/binary-amd64/Packages", PACKAGES.length);
        assertEquals(FetchResult.Outcome.FETCHED, r.outcome());
        assertEquals(PACKAGES.length, r.bytesWritten());
        assertEquals(lists.resolve(PREFIX + "main_binary-amd64_Packages.lz4").toUri(), r.finalUri());
        assertArrayEquals(PACKAGES, Files.readAllBytes(partial.resolve("out")));
        assertEquals(List.of("out"), partialContents());
    }

    @Test
    void decompressionIsBoundedByTheExpectedSizeAndLeavesNothing() throws IOException {
        Files.write(lists.resolve(PREFIX + "main_binary-amd64_Packages.gz"), gzip(PACKAGES));
        DecompressionException longer = assertThrows(DecompressionException.class,
                () -> fetch("main/binary-amd64/Packages", PACKAGES.length - 1));
        assertEquals(DecompressionException.Reason.LIMIT_EXCEEDED, longer.reason());
        DecompressionException shorter = assertThrows(DecompressionException.class,
                () -> fetch("main/binary-amd64/Packages", PACKAGES.length + 1));
        assertEquals(DecompressionException.Reason.SIZE_MISMATCH, shorter.reason());
        assertEquals(List.of(), partialContents());
    }

    @Test
    void compressedRequestIsServedOnlyByAFileOfExactlyThatName() throws IOException {
        Files.write(lists.resolve(PREFIX + "main_binary-amd64_Packages.lz4"),
                Lz4FrameWriter.likeTheLz4Tool().frame(PACKAGES));
        assertEquals(FetchResult.Outcome.NOT_FOUND, fetch("main/binary-amd64/Packages.xz", 100).outcome());
        byte[] gz = gzip(PACKAGES);
        Files.write(lists.resolve(PREFIX + "main_binary-amd64_Packages.gz"), gz);
        assertEquals(FetchResult.Outcome.FETCHED, fetch("main/binary-amd64/Packages.gz", gz.length).outcome());
        assertArrayEquals(gz, Files.readAllBytes(partial.resolve("out")), "copied as it is");
    }

    @Test
    void releaseFilesAreNeverDecompressed() throws IOException {
        Files.write(lists.resolve(PREFIX + "InRelease.gz"), gzip(PACKAGES));
        assertEquals(FetchResult.Outcome.NOT_FOUND, fetch("InRelease", PACKAGES.length).outcome());
        assertEquals(List.of(lists.resolve(PREFIX + "Release.gpg")), fetcher.candidates(BASE.resolve("Release.gpg")));
    }

    @Test
    void candidatesAndStored() throws IOException {
        URI packages = BASE.resolve("main/binary-amd64/Packages");
        String name = PREFIX + "main_binary-amd64_Packages";
        assertEquals(List.of(lists.resolve(name), lists.resolve(name + ".lz4"), lists.resolve(name + ".gz"),
                lists.resolve(name + ".xz"), lists.resolve(name + ".zst"), lists.resolve(name + ".bz2")),
                fetcher.candidates(packages));
        assertEquals(Optional.empty(), fetcher.stored(packages));
        Files.write(lists.resolve(name + ".zst"), new byte[] {1});
        assertEquals(Optional.of(lists.resolve(name + ".zst")), fetcher.stored(packages));
        assertFalse(fetcher.stored(BASE.resolve("InRelease")).isPresent());
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }
}
