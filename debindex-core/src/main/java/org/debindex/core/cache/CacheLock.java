package org.debindex.core.cache;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * The exclusive right to change a cache: held by an update from its first write to its last, so
 * that two updates never interleave their renames (as apt's {@code lists/lock}). Readers need no
 * lock: every file they read is replaced by a rename.
 *
 * <p>The lock is the operating system's advisory lock on {@code ROOT/lock}; it is released when
 * closed or when the process dies, so a killed update never leaves the cache locked.
 *
 * <p>Not thread-safe; one holder.
 */
public final class CacheLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private CacheLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of a cache. */
    public static Path file(CacheLayout cache) {
        return cache.root().resolve("lock");
    }

    /**
     * Takes the cache's lock without waiting, creating the cache directory when needed.
     *
     * @throws IOException if another process (or another holder in this one) has it, with a
     *     message saying so, or if the lock file cannot be created
     * @throws NullPointerException if {@code cache} is null
     */
    public static CacheLock acquire(CacheLayout cache) throws IOException {
        Objects.requireNonNull(cache, "cache");
        Files.createDirectories(cache.root());
        Path file = file(cache);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new IOException("another debindex update is using the cache " + cache.root() + " (it holds "
                    + file + "); try again when it has finished");
        }
        return new CacheLock(channel, lock);
    }

    /**
     * Deletes what killed writers left: every file in {@code partial/}, and the temporary
     * {@code .NAME*.tmp} files of atomic writes in the cache root, {@code lists/} and
     * {@code index/}. Only the lock holder may do this, as no other update can be writing; a
     * reader rebuilding the snapshot at this moment loses its temporary file and answers from
     * memory instead.
     *
     * @throws IOException if a directory cannot be read or a file cannot be deleted
     */
    public void removeLeftovers(CacheLayout cache) throws IOException {
        Objects.requireNonNull(cache, "cache");
        deleteMatching(cache.partial(), name -> true);
        for (Path dir : new Path[] {cache.root(), cache.lists(), cache.index()}) {
            deleteMatching(dir, name -> name.startsWith(".") && name.endsWith(".tmp"));
        }
    }

    private static void deleteMatching(Path dir, java.util.function.Predicate<String> name) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (java.nio.file.DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                if (name.test(file.getFileName().toString()) && Files.isRegularFile(file,
                        java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** Releases the lock. */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
