package org.debindex.core.fetch;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A download in progress: a temporary file beside the destination, moved onto it by {@link
 * #commit()} in one atomic rename, and deleted by {@link #close()} otherwise.
 *
 * <p>The temporary name starts with a dot and ends in {@code .part}, so it never looks like the
 * final name. Being in the same directory makes the rename atomic (one file system). Not
 * thread-safe: one download owns it; the HTTP body writer reaches the channel only under its own
 * lock, and stops before the owner closes it.
 */
final class PartialFile implements AutoCloseable {

    private final Path destination;
    private final Path temporary;
    private final FileChannel channel;
    private boolean committed;

    private PartialFile(Path destination, Path temporary, FileChannel channel) {
        this.destination = destination;
        this.temporary = temporary;
        this.channel = channel;
    }

    /** Creates an empty temporary file beside {@code destination}, open for writing. */
    static PartialFile create(Path destination) throws IOException {
        Path directory = destination.toAbsolutePath().getParent();
        Path temporary = Files.createTempFile(directory, "." + destination.getFileName() + ".", ".part");
        try {
            return new PartialFile(destination, temporary, FileChannel.open(temporary, StandardOpenOption.WRITE));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    /** Where the bytes go until the commit. */
    FileChannel channel() {
        return channel;
    }

    /** The temporary file, for messages. */
    Path temporary() {
        return temporary;
    }

    /** Closes the temporary file and renames it to the destination, replacing what is there. */
    void commit() throws IOException {
        channel.close();
        Files.move(temporary, destination, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        committed = true;
    }

    /** Closes the channel and, unless committed, deletes the temporary file. */
    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            if (!committed) {
                Files.deleteIfExists(temporary);
            }
        }
    }
}
