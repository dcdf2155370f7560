package org.debindex.core.index.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.debindex.core.MalformedInputException;
import org.debindex.core.compress.DecompressOptions;
import org.debindex.core.index.IndexBuildOptions;
import org.debindex.core.index.IndexInput;

/**
 * Builds an index from its inputs: each input file is decompressed and parsed on a thread of a
 * bounded pool, then the parts are assembled in input order.
 *
 * <p>Stateless and thread-safe.
 */
public final class IndexBuild {

    private IndexBuild() {
    }

    /**
     * Reads every input and assembles the index.
     *
     * @throws MalformedInputException if an input is malformed (the first failing input in list order)
     * @throws IOException if an input cannot be read or decompressed
     */
    public static Built run(List<IndexInput> inputs, IndexBuildOptions options)
            throws IOException, MalformedInputException {
        List<IndexInput> all = List.copyOf(inputs);
        if (all.size() > 0xFFFF) {
            throw new IllegalArgumentException("more than 65535 inputs: " + all.size());
        }
        int threads = Math.max(1, Math.min(options.parallelism(), all.size()));
        int decoders = Math.max(1, Math.min(DecompressOptions.DEFAULT_MAX_PARALLELISM,
                Runtime.getRuntime().availableProcessors() / threads));
        DecompressOptions decompress = DecompressOptions.defaults().withParallelism(decoders);
        List<Object> parts = new ArrayList<>(all.size());
        if (threads == 1) {
            for (int i = 0; i < all.size(); i++) {
                parts.add(read(all.get(i), i, decompress));
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads, new Workers());
            try {
                List<Future<Object>> futures = new ArrayList<>(all.size());
                for (int i = 0; i < all.size(); i++) {
                    IndexInput input = all.get(i);
                    int ordinal = i;
                    futures.add(pool.submit(() -> read(input, ordinal, decompress)));
                }
                for (Future<Object> f : futures) {
                    parts.add(await(f));
                }
            } finally {
                pool.shutdownNow();
            }
        }
        return Assembler.assemble(all, parts, options.chunkShift());
    }

    private static Object read(IndexInput input, int ordinal, DecompressOptions options)
            throws IOException, MalformedInputException {
        return switch (input.identity().kind()) {
            case PACKAGES -> PackagesPart.read(input, ordinal, options);
            case TRANSLATION -> TranslationPart.read(input, options);
            case SOURCES -> SourcesPart.read(input, ordinal, options);
        };
    }

    private static Object await(Future<Object> future) throws IOException, MalformedInputException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while building the index");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof MalformedInputException m) {
                throw m;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("unexpected failure while building the index", cause);
        }
    }

    /** Daemon threads with names that say what they do. */
    private static final class Workers implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "debindex-index-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
