package org.debindex.core.trust;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.debindex.core.model.HashAlgorithm;

/**
 * Computes a file's size and several digests in one pass, so that SHA-256 and SHA-512 of a 50 MB
 * index cost one read.
 *
 * <p>Stateless and thread-safe.
 */
public final class Digests {

    private static final int BUFFER = 1 << 16;

    private Digests() {
    }

    /**
     * The size and digests of everything one stream holds, read to its end (the stream is not
     * closed).
     *
     * @param in         the data
     * @param algorithms the digests to compute
     * @throws IOException if reading fails (including a decompression error of a decompressing stream)
     * @throws NullPointerException if an argument is null
     */
    public static Computed of(InputStream in, Set<HashAlgorithm> algorithms) throws IOException {
        Objects.requireNonNull(in, "in");
        Map<HashAlgorithm, MessageDigest> digests = start(algorithms);
        byte[] buffer = new byte[BUFFER];
        long size = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) {
            for (MessageDigest d : digests.values()) {
                d.update(buffer, 0, n);
            }
            size += n;
        }
        return finish(size, digests);
    }

    /**
     * The size and digests of a file.
     *
     * @throws IOException if the file cannot be read
     * @throws NullPointerException if an argument is null
     */
    public static Computed of(Path file, Set<HashAlgorithm> algorithms) throws IOException {
        Objects.requireNonNull(file, "file");
        Map<HashAlgorithm, MessageDigest> digests = start(algorithms);
        ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);
        long size = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (channel.read(buffer.clear()) >= 0) {
                buffer.flip();
                size += buffer.remaining();
                for (MessageDigest d : digests.values()) {
                    d.update(buffer.rewind());
                }
            }
        }
        return finish(size, digests);
    }

    private static Map<HashAlgorithm, MessageDigest> start(Set<HashAlgorithm> algorithms) {
        Objects.requireNonNull(algorithms, "algorithms");
        Map<HashAlgorithm, MessageDigest> digests = new EnumMap<>(HashAlgorithm.class);
        for (HashAlgorithm a : algorithms) {
            try {
                digests.put(a, MessageDigest.getInstance(a.javaName()));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("the JDK lacks " + a.javaName(), e);
            }
        }
        return digests;
    }

    private static Computed finish(long size, Map<HashAlgorithm, MessageDigest> digests) {
        Map<HashAlgorithm, String> hex = new EnumMap<>(HashAlgorithm.class);
        digests.forEach((a, d) -> hex.put(a, HexFormat.of().formatHex(d.digest())));
        return new Computed(size, hex);
    }

    /**
     * A size and digests as computed.
     *
     * @param size    bytes read
     * @param digests lower-case hex digest per algorithm
     */
    public record Computed(long size, Map<HashAlgorithm, String> digests) {
        /** Copies. @throws NullPointerException if {@code digests} is null */
        public Computed {
            digests = Collections.unmodifiableMap(new EnumMap<>(digests.isEmpty()
                    ? new EnumMap<HashAlgorithm, String>(HashAlgorithm.class) : digests));
        }
    }
}
