package org.debindex.core.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** zstd needs zstd-jni's native library; without it, zstd data is unsupported, not a crash. */
class ZstdFrameInputStreamTest {

    @TempDir
    Path tmp;

    private String runProbe(String jvmOption) throws IOException, InterruptedException {
        byte[] data = Fixtures.packagesText(1000, 41);
        Path zst = Files.write(tmp.resolve("Packages.zst"), Fixtures.compress(Compression.ZSTD, data));
        Path gz = Files.write(tmp.resolve("Packages.gz"), Fixtures.compress(Compression.GZIP, data));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(jvmOption);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ZstdUnavailableProbe.class.getName());
        command.add(zst.toString());
        command.add(gz.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "probe finished");
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    private void assertUnsupportedTwice(String output) {
        String zst = tmp.resolve("Packages.zst").toString();
        for (int attempt = 1; attempt <= 2; attempt++) {
            assertTrue(output.contains("attempt " + attempt + ": UNSUPPORTED " + zst
                    + ": zstd data cannot be decoded: the zstd-jni native library is not available"), output);
        }
        assertTrue(output.contains("gzip: 1000 bytes"), output);
    }

    @Test
    void aMissingNativeLibraryIsUnsupported() throws Exception {
        // zstd-jni loads the library named by this property instead of its bundled copy.
        assertUnsupportedTwice(runProbe("-DZstdNativePath=" + tmp.resolve("missing/libzstd-jni.so")));
    }

    @Test
    void anUnusableTemporaryDirectoryIsUnsupported() throws Exception {
        // zstd-jni unpacks its bundled library into java.io.tmpdir, which may be missing or noexec.
        assertUnsupportedTwice(runProbe("-Djava.io.tmpdir=" + tmp.resolve("no-such-directory")));
    }

    @Test
    void theBundledLibraryWorksHere() throws Exception {
        String output = runProbe("-Dunused=1");
        assertTrue(output.contains("attempt 1: opened, 1000 bytes"), output);
        assertTrue(output.contains("attempt 2: opened, 1000 bytes"), output);
    }
}
