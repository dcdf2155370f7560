package org.debindex.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.debindex.core.compress.Decompressors;
import org.debindex.core.compress.SizeLimit;
import org.debindex.core.deb822.Deb822Reader;
import org.debindex.core.deb822.Paragraph;
import org.debindex.core.testdata.SharedTestData;
import org.junit.jupiter.api.Test;

/**
 * Reads the real Debian files in {@code ../shared/testdata} and checks the reader and the models
 * against the counts, checksums and tools that know them.
 */
class RealArchiveTest {

    /** Decompressed through the project's own bounded decoder, so the pieces are tested together. */
    private static byte[] unxz(Path file) throws IOException {
        try (InputStream in = Decompressors.open(file, SizeLimit.atMost(256L << 20))) {
            return in.readAllBytes();
        }
    }

    private static List<Paragraph> paragraphs(byte[] data, String source) throws Exception {
        List<Paragraph> out = new ArrayList<>();
        try (Deb822Reader reader = Deb822Reader.of(data, source)) {
            Optional<Paragraph> p;
            while ((p = reader.next()).isPresent()) {
                out.add(p.get());
            }
        }
        return out;
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    /**
     * The paragraphs, each followed by a newline and a blank line as Debian writes them, give back
     * the file byte for byte.
     */
    private static void assertRebuildsExactly(byte[] data, List<Paragraph> paragraphs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length);
        for (Paragraph p : paragraphs) {
            out.writeBytes(p.toBytes());
            out.write('\n');
            out.write('\n');
        }
        assertEquals(data.length, out.size());
        assertTrue(java.util.Arrays.equals(data, out.toByteArray()), "rebuilt bytes differ");
    }

    @Test
    void trixiePackagesReadWholeAndExactly() throws Exception {
        Path xz = SharedTestData.dists("trixie", "main/binary-amd64/Packages.xz");
        byte[] data = unxz(xz);
        Release release = Release.read(Files.newInputStream(SharedTestData.dists("trixie", "Release")), "Release");
        IndexFileEntry listed = release.file("main/binary-amd64/Packages").orElseThrow();
        assertEquals(56_634_892, data.length);
        assertEquals(listed.size(), data.length);
        assertEquals(listed.digest(HashAlgorithm.SHA256).orElseThrow(), sha256(data));

        List<Paragraph> paragraphs = paragraphs(data, "Packages");
        assertEquals(68_829, paragraphs.size());
        assertRebuildsExactly(data, paragraphs);
        Set<String> names = new HashSet<>();
        for (Paragraph p : paragraphs) {
            BinaryPackage b = BinaryPackage.of(p);
            names.add(b.name());
            assertTrue(b.filename().orElseThrow().startsWith("pool/main/"), b.toString());
            assertEquals(64, b.sha256().orElseThrow().length(), b.toString());
            assertTrue(b.size().isPresent(), b.toString());
        }
        assertTrue(names.contains("libc6"));
        BinaryPackage hello = paragraphs.stream().filter(p -> p.get("Package").orElseThrow().equals("hello"))
                .findFirst().map(p -> {
                    try {
                        return BinaryPackage.of(p);
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }).orElseThrow();
        assertEquals("amd64", hello.architecture());
        assertEquals("hello", hello.source().name());
        assertEquals(Optional.of("devel"), hello.section());
    }

    @Test
    void bookwormPackagesCount() throws Exception {
        byte[] data = unxz(SharedTestData.dists("bookworm", "main/binary-amd64/Packages.xz"));
        List<Paragraph> paragraphs = paragraphs(data, "Packages");
        assertEquals(63_440, paragraphs.size());
        assertRebuildsExactly(data, paragraphs);
        for (Paragraph p : paragraphs) {
            BinaryPackage.of(p);
        }
    }

    @Test
    void trixieSourcesReadWhole() throws Exception {
        byte[] data = unxz(SharedTestData.dists("trixie", "main/source/Sources.xz"));
        List<Paragraph> paragraphs = paragraphs(data, "Sources");
        assertEquals(37_652, paragraphs.size());
        assertRebuildsExactly(data, paragraphs);
        int withoutFiles = 0;
        for (Paragraph p : paragraphs) {
            SourcePackage s = SourcePackage.of(p);
            if (s.files().isEmpty()) {
                withoutFiles++;
            }
            assertTrue(s.files().stream().anyMatch(f -> f.path().endsWith(".dsc")), s.toString());
            assertTrue(s.directory().orElseThrow().startsWith("pool/main/"), s.toString());
        }
        assertEquals(0, withoutFiles);
    }

    /**
     * Every Translation entry's Description-md5 is the MD5 of its description plus a newline, as
     * apt-ftparchive computes it: proof that values keep their exact bytes, {@code .} lines and all.
     */
    @Test
    void trixieTranslationDescriptionsHashToTheirMd5() throws Exception {
        byte[] data = unxz(SharedTestData.dists("trixie", "main/i18n/Translation-en.xz"));
        List<Paragraph> paragraphs = paragraphs(data, "Translation-en");
        assertEquals(69_287, paragraphs.size());
        assertRebuildsExactly(data, paragraphs);
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        Set<String> keys = new HashSet<>();
        for (Paragraph p : paragraphs) {
            TranslationEntry t = TranslationEntry.of(p);
            assertEquals("en", t.language());
            byte[] digest = md5.digest((t.description() + "\n").getBytes(StandardCharsets.UTF_8));
            assertEquals(t.descriptionMd5(), HexFormat.of().formatHex(digest), t.packageName());
            keys.add(t.packageName() + " " + t.descriptionMd5());
        }
        byte[] packages = unxz(SharedTestData.dists("trixie", "main/binary-amd64/Packages.xz"));
        int missing = 0;
        for (Paragraph p : paragraphs(packages, "Packages")) {
            BinaryPackage b = BinaryPackage.of(p);
            if (!keys.contains(b.name() + " " + b.descriptionMd5().orElseThrow())) {
                missing++;
            }
        }
        assertEquals(0, missing, "Packages stanzas whose description is not in Translation-en");
    }

    @Test
    void realReleasesParseAndListTheSharedFilesCorrectly() throws Exception {
        Release trixie = Release.read(Files.newInputStream(SharedTestData.dists("trixie", "Release")), "Release");
        assertEquals(Optional.of("trixie"), trixie.codename());
        assertEquals(Optional.of("stable"), trixie.suite());
        assertEquals(Optional.of(Instant.parse("2026-11-21T00:00:00Z")),
                trixie.date().map(d -> d.truncatedTo(java.time.temporal.ChronoUnit.DAYS)));
        assertTrue(trixie.validUntil().isEmpty());
        assertTrue(trixie.acquireByHash());
        for (String path : List.of("main/binary-amd64/Packages.xz", "main/source/Sources.xz", "main/i18n/Translation-en.xz")) {
            byte[] file = Files.readAllBytes(SharedTestData.dists("trixie", path));
            IndexFileEntry entry = trixie.file(path).orElseThrow();
            assertEquals(entry.size(), file.length, path);
            assertEquals(entry.digest(HashAlgorithm.SHA256).orElseThrow(), sha256(file), path);
        }
        // The real mirror fault: Contents-amd64.gz does not match what the Release lists.
        byte[] contents = Files.readAllBytes(SharedTestData.dists("trixie", "main/Contents-amd64.gz"));
        IndexFileEntry contentsEntry = trixie.file("main/Contents-amd64.gz").orElseThrow();
        assertTrue(contentsEntry.size() != contents.length
                || !contentsEntry.digest(HashAlgorithm.SHA256).orElseThrow().equals(sha256(contents)));

        Release bookworm = Release.read(Files.newInputStream(SharedTestData.dists("bookworm", "Release")), "Release");
        assertEquals(Optional.of("bookworm"), bookworm.codename());
        for (String path : List.of("main/binary-amd64/Packages.xz", "main/Contents-all.gz", "main/Contents-amd64.gz")) {
            byte[] file = Files.readAllBytes(SharedTestData.dists("bookworm", path));
            assertEquals(bookworm.file(path).orElseThrow().digest(HashAlgorithm.SHA256).orElseThrow(), sha256(file), path);
        }
        for (Release r : List.of(trixie, bookworm)) {
            assertTrue(r.checksums(HashAlgorithm.SHA256).size() > 100);
            assertTrue(r.files().values().stream().allMatch(IndexFileEntry::hasStrongDigest));
        }
    }

    /**
     * Every field of every stanza, compared with what python3-apt's {@code apt_pkg.TagFile} reads
     * from the same file (apt drops the leading newline of a multi-line value; dpkg and
     * python-debian keep it, as we do, so leading whitespace is ignored in the comparison).
     */
    @Test
    void everyFieldMatchesAptPkg() throws Exception {
        assumeTrue(hasAptPkg(), "python3-apt (apt_pkg) not installed; CI installs it");
        for (String[] file : List.of(new String[] {"trixie", "main/binary-amd64/Packages.xz"},
                new String[] {"trixie", "main/source/Sources.xz"},
                new String[] {"trixie", "main/i18n/Translation-en.xz"})) {
            Path xz = SharedTestData.dists(file[0], file[1]);
            byte[] data = unxz(xz);
            Path plain = Files.createTempFile("debindex-apt", ".txt");
            try {
                Files.write(plain, data);
                List<String> apt = aptDigests(plain);
                List<String> ours = new ArrayList<>();
                MessageDigest md5 = MessageDigest.getInstance("MD5");
                for (Paragraph p : paragraphs(data, file[1])) {
                    for (int i = 0; i < p.size(); i++) {
                        md5.update((p.name(i) + "=" + p.value(i).stripLeading() + "\0").getBytes(StandardCharsets.UTF_8));
                    }
                    ours.add(HexFormat.of().formatHex(md5.digest()));
                }
                assertEquals(apt.size(), ours.size(), file[1]);
                for (int i = 0; i < ours.size(); i++) {
                    assertEquals(apt.get(i), ours.get(i), file[1] + " stanza " + i);
                }
            } finally {
                Files.deleteIfExists(plain);
            }
        }
    }

    private static boolean hasAptPkg() throws Exception {
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import apt_pkg").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    private static List<String> aptDigests(Path file) throws Exception {
        String script = String.join("\n",
                "import sys, hashlib, apt_pkg",
                "out = sys.stdout",
                "with open(sys.argv[1], 'rb') as f:",
                "    for s in apt_pkg.TagFile(f, bytes=True):",
                "        h = hashlib.md5()",
                "        for k in s.keys():",
                "            h.update(k.encode() + b'=' + s[k].lstrip() + b'\\0')",
                "        out.write(h.hexdigest() + '\\n')");
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", script, file.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).lines().toList();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "python3 apt_pkg timed out");
        assertEquals(0, p.exitValue(), "python3 apt_pkg failed");
        return lines;
    }
}
