package org.debindex.core.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code file:} URIs: a local mirror tree copied with the same bound and rename as a download. */
class FileFetcherTest {

    private static final byte[] RELEASE = "Origin: Debian\nSuite: stable\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OLD = "the copy fetched last time\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path root;

    private Path mirror;
    private Path partial;
    private final Fetcher fetcher = Fetchers.standard(FetchPolicy.defaults());

    @BeforeEach
    void tree() throws IOException {
        mirror = Files.createDirectories(root.resolve("mirror/debian/dists/trixie"));
        partial = Files.createDirectories(root.resolve("cache/partial"));
        Files.write(mirror.resolve("Release"), RELEASE);
        Files.setLastModifiedTime(mirror.resolve("Release"), FileTime.from(Instant.parse("2026-01-10T09:00:00Z")));
    }

    private List<String> partialContents() throws IOException {
        try (Stream<Path> files = Files.list(partial)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void copiesTheFileWithValidators() throws IOException {
        URI uri = mirror.resolve("Release").toUri();
        FetchResult result = fetcher.fetch(FetchRequest.ofSize(uri, partial.resolve("Release"), RELEASE.length));
        assertEquals(FetchResult.Outcome.FETCHED, result.outcome());
        assertEquals(RELEASE.length, result.bytesWritten());
        assertEquals(uri, result.finalUri());
        assertEquals(Optional.of("Sat, 10 Jan 2026 09:00:00 GMT"), result.validators().lastModified());
        assertTrue(result.validators().etag().isPresent());
        assertArrayEquals(RELEASE, Files.readAllBytes(partial.resolve("Release")));
        assertEquals(List.of("Release"), partialContents());
    }

    @Test
    void theSameFileIsNotModified() throws IOException {
        URI uri = mirror.resolve("Release").toUri();
        Files.write(partial.resolve("Release"), OLD);
        FetchRequest request = FetchRequest.of(uri, partial.resolve("Release"), 1000);
        Validators first = fetcher.fetch(request).validators();
        Files.write(partial.resolve("Release"), OLD);

        FetchResult again = fetcher.fetch(request.withPrevious(first));

        assertEquals(FetchResult.Outcome.NOT_MODIFIED, again.outcome());
        assertEquals(first, again.validators());
        assertArrayEquals(OLD, Files.readAllBytes(partial.resolve("Release")), "nothing written when not modified");
    }

    @Test
    void aChangedFileIsCopiedAgain() throws IOException {
        URI uri = mirror.resolve("Release").toUri();
        FetchRequest request = FetchRequest.of(uri, partial.resolve("Release"), 1000);
        Validators first = fetcher.fetch(request).validators();
        byte[] changed = "Origin: Debian\nSuite: stable\nCodename: trixie\n".getBytes(StandardCharsets.US_ASCII);
        Files.write(mirror.resolve("Release"), changed);

        FetchResult again = fetcher.fetch(request.withPrevious(first));

        assertEquals(FetchResult.Outcome.FETCHED, again.outcome());
        assertArrayEquals(changed, Files.readAllBytes(partial.resolve("Release")));
    }

    @Test
    void aMissingFileIsNotFound() throws IOException {
        URI uri = mirror.resolve("InRelease").toUri();
        FetchResult result = fetcher.fetch(FetchRequest.of(uri, partial.resolve("InRelease"), 1000));
        assertEquals(new FetchResult(FetchResult.Outcome.NOT_FOUND, 0, Validators.none(), uri, 1), result);
        assertEquals(List.of(), partialContents());
    }

    @Test
    void aDirectoryIsAnErrorNamingIt() throws IOException {
        URI uri = mirror.toUri();
        IOException e = assertThrows(IOException.class,
                () -> fetcher.fetch(FetchRequest.of(uri, partial.resolve("Release"), 1000)));
        assertFalse(e instanceof FetchException);
        assertEquals(uri + ": is a directory; expected a file", e.getMessage());
        assertEquals(List.of(), partialContents());
    }

    @Test
    void aFileLargerThanTheBoundIsNotCopied() throws IOException {
        Files.write(partial.resolve("Release"), OLD);
        URI uri = mirror.resolve("Release").toUri();
        FetchException e = assertThrows(FetchException.class,
                () -> fetcher.fetch(FetchRequest.of(uri, partial.resolve("Release"), RELEASE.length - 1)));
        assertEquals(FetchException.Kind.TOO_LARGE, e.kind());
        assertEquals(uri + ": file exceeds the limit of " + (RELEASE.length - 1) + " bytes", e.getMessage());
        assertArrayEquals(OLD, Files.readAllBytes(partial.resolve("Release")));
        assertEquals(List.of("Release"), partialContents());
    }

    @Test
    void aFileShorterThanExpectedIsTruncated() throws IOException {
        Files.write(partial.resolve("Release"), OLD);
        URI uri = mirror.resolve("Release").toUri();
        FetchException e = assertThrows(FetchException.class,
                () -> fetcher.fetch(FetchRequest.ofSize(uri, partial.resolve("Release"), RELEASE.length + 5)));
        assertEquals(FetchException.Kind.TRUNCATED, e.kind());
        assertEquals(uri + ": file has " + RELEASE.length + " bytes; expected " + (RELEASE.length + 5), e.getMessage());
        assertArrayEquals(OLD, Files.readAllBytes(partial.resolve("Release")));
        assertEquals(List.of("Release"), partialContents());
    }

    @Test
    void aLargeFileIsCopiedWhole() throws IOException {
        byte[] big = LoopbackServer.patternBytes(1_000_000);
        Files.write(mirror.resolve("Contents-all"), big);
        FetchResult result = fetcher.fetch(FetchRequest.ofSize(mirror.resolve("Contents-all").toUri(),
                partial.resolve("Contents-all"), big.length));
        assertEquals(big.length, result.bytesWritten());
        assertArrayEquals(big, Files.readAllBytes(partial.resolve("Contents-all")));
    }

    @Test
    void aFileUriWithAHostIsRefused() {
        FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(FetchRequest.of(
                URI.create("file://mirror.example/debian/dists/trixie/Release"), partial.resolve("Release"), 1000)));
        assertEquals(FetchException.Kind.UNSUPPORTED_SCHEME, e.kind());
    }
}
