package org.debindex.core.cache;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Replaces files so that a reader (or a process killed at any instant) sees either the old
 * content or the new, never a mix: write a temporary file in the same directory, force it to
 * disk, rename it over the target, force the directory.
 *
 * <p>Stateless and thread-safe; concurrent writers of one target must be serialised by the caller.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * Writes {@code data} to {@code target} atomically, creating parent directories.
     *
     * @throws IOException if writing or renaming fails; {@code target} is then unchanged
     * @throws NullPointerException if an argument is null
     */
    public static void write(Path target, byte[] data) throws IOException {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(data, "data");
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(data);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            moveIntoPlace(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Renames a complete file over {@code target} in one step and forces the directory entry to
     * disk (best effort where the platform cannot open directories).
     *
     * @throws IOException if the rename fails; {@code target} is then unchanged
     * @throws NullPointerException if an argument is null
     */
    public static void moveIntoPlace(Path complete, Path target) throws IOException {
        Objects.requireNonNull(complete, "complete");
        Objects.requireNonNull(target, "target");
        try {
            Files.move(complete, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot replace " + target + " atomically: " + complete
                    + " is on another file system", e);
        }
        forceDirectory(target.toAbsolutePath().getParent());
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some platforms cannot open a directory; the rename itself is still atomic there.
        }
    }
}
