package org.debindex.core.update;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.debindex.core.openpgp.TestKeys;
import org.debindex.core.source.SourceList;
import org.debindex.core.source.SourcesParser;

/**
 * A small signed repository in a directory, laid out as a mirror: {@code dists/SUITE/InRelease},
 * {@code Release}, {@code Release.gpg} and index files, each listed with size and SHA-256, every
 * compressed file also listed uncompressed. Its Date and Valid-Until are set by the test; the
 * signatures are made by {@link TestKeys} at its fixed time.
 */
final class TestRepository {

    static final Instant AT = TestKeys.VERIFY_AT;
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    final Path root;
    final Path keyring;
    final TestKeys.TestKey key;
    final String suite = "trixie";
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    final Set<String> unlisted = new LinkedHashSet<>();
    Instant date = Instant.parse("2025-05-30T00:00:00Z");
    Optional<Instant> validUntil = Optional.empty();
    boolean byHash;

    TestRepository(Path root, TestKeys.TestKey key) throws IOException {
        this.root = root.resolve("mirror");
        this.key = key;
        this.keyring = root.resolve("archive-keyring.gpg");
        Files.createDirectories(root);
        Files.write(keyring, key.binary());
        packages("Package: hello\nVersion: 1.0\nArchitecture: amd64\n");
        translation("Package: hello\nDescription-en: greets\n");
    }

    static TestRepository create(Path dir) throws Exception {
        return new TestRepository(dir, TestKeys.key(TestKeys.Kind.ED25519).build());
    }

    /** Sets Packages (and Packages.gz) of amd64 to this stanza text. */
    TestRepository packages(String text) throws IOException {
        files.put("main/binary-amd64/Packages", text.getBytes(StandardCharsets.UTF_8));
        files.put("main/binary-amd64/Packages.gz", gzip(text));
        return this;
    }

    /** Lists {@code listed} as Packages, but serves Packages.gz holding {@code served}. */
    TestRepository packagesNotMatching(String listed, String served) throws IOException {
        files.put("main/binary-amd64/Packages", listed.getBytes(StandardCharsets.UTF_8));
        files.put("main/binary-amd64/Packages.gz", gzip(served));
        return this;
    }

    /** Sets Translation-en (and Translation-en.gz) to this text. */
    TestRepository translation(String text) throws IOException {
        put("main/i18n/Translation-en", gzip(text));
        return this;
    }

    /** Sets main/source/Sources (and Sources.gz) to this text. */
    TestRepository sourcesIndex(String text) throws IOException {
        put("main/source/Sources", gzip(text));
        return this;
    }

    private void put(String path, byte[] gz) {
        if (gz != null) {
            files.put(path, gunzipText(gz));
            files.put(path + ".gz", gz);
        }
    }

    /** Keeps a file listed in the Release but not on disk. */
    TestRepository unlist(String path) {
        unlisted.add(path);
        return this;
    }

    /** Writes the tree, the Release, InRelease and Release.gpg. */
    TestRepository publish() throws Exception {
        Path dists = root.resolve("dists").resolve(suite);
        StringBuilder sums = new StringBuilder();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Path file = dists.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            String sha = Acquisition.sha256(e.getValue());
            if (!unlisted.contains(e.getKey())) {
                Files.write(file, e.getValue());
                if (byHash) {
                    Path h = file.getParent().resolve("by-hash/SHA256/" + sha);
                    Files.createDirectories(h.getParent());
                    Files.write(h, e.getValue());
                }
            } else {
                Files.deleteIfExists(file);
            }
            sums.append(' ').append(sha).append(' ').append(e.getValue().length).append(' ').append(e.getKey()).append('\n');
        }
        StringBuilder text = new StringBuilder()
                .append("Origin: Test\nLabel: Test\nSuite: stable\nCodename: ").append(suite).append('\n')
                .append("Date: ").append(DATE.format(date)).append('\n');
        validUntil.ifPresent(v -> text.append("Valid-Until: ").append(DATE.format(v)).append('\n'));
        text.append("Architectures: amd64\nComponents: main\n");
        if (byHash) {
            text.append("Acquire-By-Hash: yes\n");
        }
        text.append("SHA256:\n").append(sums);
        byte[] release = text.toString().getBytes(StandardCharsets.UTF_8);
        Files.write(dists.resolve("Release"), release);
        Files.write(dists.resolve("Release.gpg"), TestKeys.detach(release, TestKeys.by(key)));
        Files.write(dists.resolve("InRelease"), TestKeys.clearsign(text.toString(), "SHA512", TestKeys.by(key)));
        return this;
    }

    /** The file on the mirror, relative to the suite's directory. */
    Path file(String relative) {
        return root.resolve("dists").resolve(suite).resolve(relative);
    }

    /** The sources: one deb line for this repository at {@code base}, with extra options. */
    SourceList sources(String base, String extraOptions) throws Exception {
        return new SourcesParser("amd64").parseRepo("deb [signed-by=" + keyring + extraOptions + "] " + base + " "
                + suite + " main");
    }

    /** A deb and a deb-src line for this repository, as a sources.list file would have them. */
    SourceList debAndDebSrc() throws Exception {
        String base = "file:" + root.toAbsolutePath();
        return new SourcesParser("amd64").parseOneLine("deb [signed-by=" + keyring + "] " + base + " " + suite
                + " main\ndeb-src [signed-by=" + keyring + "] " + base + " " + suite + " main\n", "test.list");
    }

    SourceList sources() throws Exception {
        return sources("file:" + root.toAbsolutePath(), "");
    }

    static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static byte[] gunzipText(byte[] gz) {
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every file under a directory, relative names, sorted. */
    static List<String> names(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
