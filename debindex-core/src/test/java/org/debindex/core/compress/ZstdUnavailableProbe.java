package org.debindex.core.compress;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Run in a separate JVM by {@link ZstdFrameInputStreamTest} with zstd-jni's native library made
 * unloadable: prints what opening zstd data does, twice (the second time zstd-jni's classes have
 * already failed to initialise), and that other formats still work.
 */
final class ZstdUnavailableProbe {

    private ZstdUnavailableProbe() {
    }

    public static void main(String[] args) throws IOException {
        for (int attempt = 1; attempt <= 2; attempt++) {
            try (InputStream in = Decompressors.open(Path.of(args[0]), SizeLimit.defaultLimit())) {
                System.out.println("attempt " + attempt + ": opened, " + in.readAllBytes().length + " bytes");
            } catch (DecompressionException e) {
                System.out.println("attempt " + attempt + ": " + e.reason() + " " + e.getMessage());
            }
        }
        try (InputStream in = Decompressors.open(Path.of(args[1]), SizeLimit.defaultLimit())) {
            System.out.println("gzip: " + in.readAllBytes().length + " bytes");
        }
    }
}
