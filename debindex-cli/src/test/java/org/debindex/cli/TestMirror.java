package org.debindex.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.debindex.core.openpgp.TestKeys;

/**
 * A small signed Debian mirror in a test's directory: per suite {@code dists/CODENAME/InRelease}
 * signed by a generated key, and the Packages and Translation-en files it lists with size and
 * SHA-256 (uncompressed, so that the test's text is what the index reads). Verify it at
 * {@link #AT}.
 *
 * <p>Not thread-safe; one per test class.
 */
final class TestMirror {

    /** When the signatures are valid (the key's and signature's fixed times). */
    static final String AT = TestKeys.VERIFY_AT.toString();
    /** The {@code Date} of every Release. */
    static final String DATE = "Fri, 30 May 2025 00:00:00 UTC";

    private final Path root;
    private final Path keyring;
    private final TestKeys.TestKey key;

    TestMirror(Path dir) throws Exception {
        this.root = dir.resolve("mirror");
        this.keyring = dir.resolve("archive-keyring.gpg");
        this.key = TestKeys.key(TestKeys.Kind.ED25519).build();
        Files.createDirectories(dir);
        Files.write(keyring, key.binary());
    }

    /** One suite: its Release fields, and its files by path under the suite directory. */
    void suite(String suite, String codename, Map<String, String> files) throws Exception {
        Path dists = root.resolve("dists").resolve(codename);
        StringBuilder sums = new StringBuilder();
        for (Map.Entry<String, String> file : new LinkedHashMap<>(files).entrySet()) {
            byte[] bytes = file.getValue().getBytes(StandardCharsets.UTF_8);
            Path path = dists.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.write(path, bytes);
            sums.append(' ').append(sha256(bytes)).append(' ').append(bytes.length).append(' ')
                    .append(file.getKey()).append('\n');
        }
        String release = "Origin: Test\nLabel: Test\nSuite: " + suite + "\nCodename: " + codename
                + "\nDate: " + DATE + "\nArchitectures: amd64 i386\nComponents: main\nSHA256:\n" + sums;
        Files.write(dists.resolve("InRelease"), TestKeys.clearsign(release, "SHA512", TestKeys.by(key)));
    }

    /** The one-line source of a suite. */
    String repo(String codename) {
        return "deb [signed-by=" + keyring + "] " + root.toUri() + " " + codename + " main";
    }

    /** The stanzas joined as a Packages or Translation file: each followed by a blank line. */
    static String file(String... stanzas) {
        StringBuilder out = new StringBuilder();
        for (String s : stanzas) {
            out.append(s.endsWith("\n") ? s : s + "\n").append('\n');
        }
        return out.toString();
    }

    /** {@code Description-md5}: MD5 of the Description value and a newline, as apt-ftparchive computes it. */
    static String md5(String descriptionValue) {
        return digest("MD5", (descriptionValue + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        return digest("SHA-256", bytes);
    }

    private static String digest(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
