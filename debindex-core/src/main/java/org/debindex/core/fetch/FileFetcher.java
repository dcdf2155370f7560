package org.debindex.core.fetch;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Copies a file of a local mirror tree ({@code file:} URIs), with the same bound and the same
 * all-or-nothing rename as an HTTP download.
 *
 * <p>A missing file is {@link FetchResult.Outcome#NOT_FOUND}, like a 404, so callers fall back
 * the same way for every scheme. A directory, a device or a FIFO is not a file to copy, and a
 * file that cannot be read is a local I/O error: these are plain {@link IOException}s naming
 * the URI. The size is checked before copying and the copy itself is bounded, since a file may
 * grow while it is read (a mirror being synced).
 *
 * <p>The validators are made like a web server makes them: an entity tag from the size and the
 * modification time, and the modification time as an HTTP date. A request carrying the same
 * entity tag gets {@link FetchResult.Outcome#NOT_MODIFIED} without a copy.
 *
 * <p>Stateless and thread-safe.
 */
final class FileFetcher implements Fetcher {

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private static final int BUFFER = 64 * 1024;

    @Override
    public FetchResult fetch(FetchRequest request) throws IOException {
        Objects.requireNonNull(request, "request");
        URI uri = request.uri();
        Path source = localPath(uri);
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(source, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return new FetchResult(FetchResult.Outcome.NOT_FOUND, 0, Validators.none(), uri, 1);
        } catch (IOException e) {
            throw unreadable(uri, e);
        }
        if (attributes.isDirectory()) {
            throw new IOException(UriText.display(uri) + ": is a directory; expected a file");
        }
        if (!attributes.isRegularFile()) {
            throw new IOException(UriText.display(uri) + ": is not a regular file");
        }
        Validators validators = validators(attributes);
        Optional<String> held = request.conditional().flatMap(Validators::etag);
        if (held.isPresent() && held.equals(validators.etag())) {
            return new FetchResult(FetchResult.Outcome.NOT_MODIFIED, 0, validators, uri, 1);
        }
        long limit = request.limit();
        if (attributes.size() > limit) {
            throw tooLarge(uri, limit);
        }
        long copied = copy(uri, source, request);
        return new FetchResult(FetchResult.Outcome.FETCHED, copied, validators, uri, 1);
    }

    /** Copies at most the limit, committing only a copy that ended within it and is long enough. */
    private static long copy(URI uri, Path source, FetchRequest request) throws IOException {
        long limit = request.limit();
        try (PartialFile partial = PartialFile.create(request.destination());
                FileChannel in = open(uri, source)) {
            ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
            long copied = 0;
            while (true) {
                long room = limit - copied;
                // one byte more than the room tells a file that grew past the limit from one that ends at it
                buffer.clear().limit(room >= BUFFER ? BUFFER : (int) room + 1);
                int n = read(uri, in, buffer);
                if (n < 0) {
                    break;
                }
                if (n > room) {
                    throw tooLarge(uri, limit);
                }
                buffer.flip();
                while (buffer.hasRemaining()) {
                    partial.channel().write(buffer);
                }
                copied += n;
            }
            Optional<Long> expected = request.expectedSize();
            if (expected.isPresent() && copied < expected.get()) {
                throw new FetchException(FetchException.Kind.TRUNCATED, uri, "file has " + copied
                        + " bytes; expected " + expected.get(), null);
            }
            partial.commit();
            return copied;
        }
    }

    private static FileChannel open(URI uri, Path source) throws IOException {
        try {
            return FileChannel.open(source, StandardOpenOption.READ);
        } catch (IOException e) {
            throw unreadable(uri, e);
        }
    }

    private static int read(URI uri, FileChannel in, ByteBuffer buffer) throws IOException {
        try {
            return in.read(buffer);
        } catch (IOException e) {
            throw unreadable(uri, e);
        }
    }

    private static Path localPath(URI uri) throws FetchException {
        if (!UriText.scheme(uri).equals("file")) {
            throw Fetchers.unsupported(uri, "file");
        }
        if (uri.getRawAuthority() != null || uri.isOpaque() || uri.getRawQuery() != null) {
            throw new FetchException(FetchException.Kind.UNSUPPORTED_SCHEME, uri,
                    "not a local file uri; expected file:/absolute/path", null);
        }
        try {
            return Path.of(uri);
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            throw new FetchException(FetchException.Kind.UNSUPPORTED_SCHEME, uri,
                    "not a local file uri; expected file:/absolute/path", e);
        }
    }

    private static Validators validators(BasicFileAttributes attributes) {
        long millis = attributes.lastModifiedTime().toMillis();
        String etag = "\"" + Long.toHexString(attributes.size()) + "-" + Long.toHexString(millis) + "\"";
        return new Validators(Optional.of(etag),
                Optional.of(HTTP_DATE.format(attributes.lastModifiedTime().toInstant())));
    }

    private static FetchException tooLarge(URI uri, long limit) {
        return new FetchException(FetchException.Kind.TOO_LARGE, uri, "file exceeds the limit of " + limit
                + " bytes", null);
    }

    private static IOException unreadable(URI uri, IOException e) {
        String why = e instanceof AccessDeniedException ? "permission denied"
                : e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                : e.getMessage();
        return new IOException(UriText.display(uri) + ": cannot read: " + why, e);
    }
}
