package org.debindex.verify.trust;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.debindex.core.openpgp.TestKeys;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/**
 * Writes a small signed mirror tree for tests: {@code pool/} with a few small {@code .deb}-like
 * files, {@code dists/SUITE/} with Packages (plain and {@code .xz}) for amd64, {@code Packages.gz}
 * for arm64, {@code Sources.gz}, a Release listing them with SHA256 and SHA512 (and some files the
 * tree lacks), and an {@code InRelease} signed with a test key. Nothing is checked in; the key is
 * generated per test class.
 *
 * <p>Default content: five distinct pool files, one of them ({@code beta}, {@code Architecture:
 * all}) listed in both Packages files. Tests add stanzas of their own before {@link #write()}.
 */
final class TestMirror {

    /** The verification time the fixtures are valid at. */
    static final Instant AT = TestKeys.VERIFY_AT;

    static final String AMD64 = "main/binary-amd64/Packages";
    static final String ARM64 = "main/binary-arm64/Packages";
    static final String SOURCES = "main/source/Sources";

    static final String ALPHA_DEB = "pool/main/a/alpha/alpha_1.0_amd64.deb";
    static final String BETA_DEB = "pool/main/b/beta/beta_2.0_all.deb";
    static final String GAMMA_DEB = "pool/main/g/gamma/gamma_3.0_arm64.deb";
    static final String ALPHA_DSC = "pool/main/a/alpha/alpha_1.0.dsc";
    static final String ALPHA_TAR = "pool/main/a/alpha/alpha_1.0.orig.tar.gz";
    /** How many distinct pool files the default content lists. */
    static final int DEFAULT_POOL_FILES = 5;

    final Path root;
    final String suite;
    private final TestKeys.TestKey key;
    private final List<String> amd64 = new ArrayList<>();
    private final List<String> arm64 = new ArrayList<>();
    private final List<String> sources = new ArrayList<>();
    private final List<String> extraReleaseFields = new ArrayList<>();
    private boolean inRelease = true;
    private boolean detached;

    TestMirror(Path root, String suite, TestKeys.TestKey key) throws IOException {
        this.root = root;
        this.suite = suite;
        this.key = key;
        pool(ALPHA_DEB, "alpha package, amd64 build\n".repeat(40));
        pool(BETA_DEB, "beta package, for all architectures\n".repeat(30));
        pool(GAMMA_DEB, "gamma package, arm64 build\n".repeat(50));
        pool(ALPHA_DSC, "Format: 3.0 (quilt)\nSource: alpha\nVersion: 1.0\n");
        pool(ALPHA_TAR, "alpha upstream sources\n".repeat(20));
        amd64.add(binary("alpha", "1.0", "amd64", ALPHA_DEB));
        amd64.add(binary("beta", "2.0", "all", BETA_DEB));
        arm64.add(binary("beta", "2.0", "all", BETA_DEB));
        arm64.add(binary("gamma", "3.0", "arm64", GAMMA_DEB));
        sources.add(source("alpha", "1.0", "pool/main/a/alpha", ALPHA_DSC, ALPHA_TAR));
    }

    /** A mirror for suite directory {@code stable} (Suite: stable, Codename: trixie). */
    static TestMirror stable(Path root, TestKeys.TestKey key) throws IOException {
        return new TestMirror(root, "stable", key);
    }

    /** Writes a pool file (or any file below the root). */
    byte[] pool(String path, String content) throws IOException {
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, data);
        return data;
    }

    byte[] read(String path) throws IOException {
        return Files.readAllBytes(root.resolve(path));
    }

    /** A Packages stanza for a pool file already written, with Size, MD5sum, SHA256 and SHA512. */
    String binary(String name, String version, String arch, String path) throws IOException {
        byte[] data = read(path);
        return "Package: " + name + "\nVersion: " + version + "\nArchitecture: " + arch
                + "\nMaintainer: Test <test@mirror.example>\nFilename: " + path + "\nSize: " + data.length
                + "\nMD5sum: " + hex("MD5", data) + "\nSHA256: " + hex("SHA-256", data)
                + "\nSHA512: " + hex("SHA-512", data) + "\nDescription: " + name + " for tests\n";
    }

    /** A Sources stanza for pool files already written, with Files (MD5) and Checksums-Sha256. */
    String source(String name, String version, String directory, String... paths) throws IOException {
        StringBuilder files = new StringBuilder("Files:\n");
        StringBuilder sha256 = new StringBuilder("Checksums-Sha256:\n");
        for (String path : paths) {
            byte[] data = read(path);
            String fileName = path.substring(path.lastIndexOf('/') + 1);
            files.append(' ').append(hex("MD5", data)).append(' ').append(data.length).append(' ').append(fileName)
                    .append('\n');
            sha256.append(' ').append(hex("SHA-256", data)).append(' ').append(data.length).append(' ')
                    .append(fileName).append('\n');
        }
        return "Package: " + name + "\nBinary: " + name + "\nVersion: " + version + "\nArchitecture: any\nFormat: 3.0"
                + " (quilt)\n" + files + sha256 + "Directory: " + directory + "\n";
    }

    TestMirror amd64(String stanza) {
        amd64.add(stanza);
        return this;
    }

    TestMirror arm64(String stanza) {
        arm64.add(stanza);
        return this;
    }

    TestMirror sources(String stanza) {
        sources.add(stanza);
        return this;
    }

    /** Replaces every Packages and Sources stanza given so far. */
    TestMirror clearStanzas() {
        amd64.clear();
        arm64.clear();
        sources.clear();
        return this;
    }

    TestMirror releaseField(String line) {
        extraReleaseFields.add(line);
        return this;
    }

    TestMirror withoutInRelease() {
        inRelease = false;
        return this;
    }

    /** Also writes Release and Release.gpg over the same text. */
    TestMirror withDetached() {
        detached = true;
        return this;
    }

    Path dists() {
        return root.resolve("dists").resolve(suite);
    }

    /**
     * Writes the index files, the Release text and its signatures; returns the Release text.
     * Release lists: amd64 Packages and Packages.xz (both present), arm64 Packages (absent) and
     * Packages.gz (present), Sources (absent) and Sources.gz (present), Translation-en.xz (absent).
     */
    String write() throws IOException {
        byte[] amd64Text = stanzas(amd64);
        byte[] arm64Text = stanzas(arm64);
        byte[] sourcesText = stanzas(sources);
        Map<String, byte[]> listed = new LinkedHashMap<>();
        listed.put(AMD64, amd64Text);
        listed.put(AMD64 + ".xz", xz(amd64Text));
        listed.put(ARM64, arm64Text);
        listed.put(ARM64 + ".gz", gzip(arm64Text));
        listed.put(SOURCES, sourcesText);
        listed.put(SOURCES + ".gz", gzip(sourcesText));
        listed.put("main/i18n/Translation-en.xz", xz("Package: alpha\n".getBytes(StandardCharsets.UTF_8)));
        for (Map.Entry<String, byte[]> e : listed.entrySet()) {
            String path = e.getKey();
            if (path.equals(ARM64) || path.equals(SOURCES) || path.startsWith("main/i18n/")) {
                continue; // listed, not mirrored
            }
            Path file = dists().resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, e.getValue());
        }
        String text = releaseText(listed);
        Files.createDirectories(dists());
        if (inRelease) {
            Files.write(dists().resolve("InRelease"), signInline(text));
        }
        if (detached) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            Files.write(dists().resolve("Release"), bytes);
            Files.write(dists().resolve("Release.gpg"), signDetached(bytes));
        }
        return text;
    }

    /** A clearsigned InRelease of a Release text, by this mirror's key. */
    byte[] signInline(String text) throws IOException {
        try {
            return TestKeys.clearsign(text, "SHA512", TestKeys.by(key));
        } catch (Exception e) {
            throw new IOException("signing failed", e);
        }
    }

    /** A detached Release.gpg over Release bytes, by this mirror's key. */
    byte[] signDetached(byte[] release) throws IOException {
        try {
            return TestKeys.detach(release, TestKeys.by(key));
        } catch (Exception e) {
            throw new IOException("signing failed", e);
        }
    }

    private String releaseText(Map<String, byte[]> listed) {
        StringBuilder out = new StringBuilder();
        out.append("Origin: Test\nLabel: Test\nSuite: stable\nCodename: trixie\nDate: Sun, 01 Jun 2025 00:00:00 UTC\n");
        for (String line : extraReleaseFields) {
            out.append(line).append('\n');
        }
        out.append("Architectures: amd64 arm64\nComponents: main\nDescription: test mirror\n");
        for (String algorithm : List.of("SHA-256", "SHA-512")) {
            out.append(algorithm.replace("-", "")).append(":\n");
            for (Map.Entry<String, byte[]> e : listed.entrySet()) {
                out.append(' ').append(hex(algorithm, e.getValue())).append(' ')
                        .append(String.format("%8d", e.getValue().length)).append(' ').append(e.getKey()).append('\n');
            }
        }
        return out.toString();
    }

    private static byte[] stanzas(List<String> stanzas) {
        return String.join("\n", stanzas).getBytes(StandardCharsets.UTF_8);
    }

    static String hex(String algorithm, byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] xz(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XZOutputStream xz = new XZOutputStream(out, new LZMA2Options())) {
            xz.write(data);
        }
        return out.toByteArray();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }
}
