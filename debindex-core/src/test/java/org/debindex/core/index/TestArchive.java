package org.debindex.core.index;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.debindex.core.compress.Compression;
import org.debindex.core.compress.SizeLimit;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/**
 * Writes small {@code Packages}, {@code Translation-en} and {@code Sources} files into a test's
 * directory and describes them as {@link IndexInput}s, as a verified update would hand them over.
 *
 * <p>Not thread-safe; one per test.
 */
final class TestArchive {

    /** One stanza being written: fields in order. */
    static final class Stanza {
        private final StringBuilder text = new StringBuilder();

        /** A field; a value that starts with a line break is a multiline field with an empty first line. */
        Stanza field(String name, String value) {
            text.append(name).append(value.startsWith("\n") ? ":" : ": ").append(value).append('\n');
            return this;
        }

        /** {@code Description} with only a synopsis, plus the {@code Description-md5} of the full text. */
        Stanza description(String synopsis, String longText) {
            field("Description", synopsis);
            return field("Description-md5", md5(fullDescription(synopsis, longText)));
        }

        /** Lines as they are, without a final line break. */
        Stanza raw(String lines) {
            text.append(lines).append('\n');
            return this;
        }

        String text() {
            return text.toString();
        }
    }

    private final Path dir;
    private final List<IndexInput> inputs = new ArrayList<>();

    TestArchive(Path dir) {
        this.dir = dir;
    }

    /** A binary package stanza with the required fields. */
    static Stanza pkg(String name, String version, String architecture) {
        return new Stanza().field("Package", name).field("Version", version).field("Architecture", architecture);
    }

    /**
     * A source package stanza as dak writes it: {@code Package}, {@code Binary}, {@code Version},
     * {@code Architecture}, {@code Format}, {@code Directory} and a {@code Checksums-Sha256} list
     * of made-up files.
     */
    static Stanza source(String name, String version, String binaries) {
        String upstream = version.replaceFirst("^[0-9]+:", "").replaceFirst("-[^-]*$", "");
        return new Stanza().field("Package", name).field("Binary", binaries).field("Version", version)
                .field("Maintainer", "Debian Maintainers <maint@example.org>")
                .field("Architecture", "any all").field("Format", "3.0 (quilt)")
                .field("Directory", "pool/main/" + name.charAt(0) + "/" + name)
                .field("Checksums-Sha256", "\n " + sha256Hex(name + version + "dsc") + " 1234 " + name + "_"
                        + version.replaceFirst("^[0-9]+:", "") + ".dsc\n " + sha256Hex(name + upstream) + " 56789 "
                        + name + "_" + upstream + ".orig.tar.xz");
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** A Translation stanza. */
    static Stanza translation(String name, String synopsis, String longText) {
        return new Stanza().field("Package", name)
                .field("Description-md5", md5(fullDescription(synopsis, longText)))
                .field("Description-en", fullDescription(synopsis, longText));
    }

    /**
     * The value of a Description field: synopsis, then each long line indented by one space,
     * an empty line written as {@code .} (Policy §5.6.13).
     */
    static String fullDescription(String synopsis, String longText) {
        StringBuilder out = new StringBuilder(synopsis);
        if (!longText.isEmpty()) {
            for (String line : longText.split("\n", -1)) {
                out.append("\n ").append(line.isEmpty() ? "." : line);
            }
        }
        return out.toString();
    }

    /** {@code Description-md5}: MD5 of the Description value and a newline, as apt-ftparchive computes it. */
    static String md5(String descriptionValue) {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(md.digest((descriptionValue + "\n").getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** Writes a Packages file (xz-compressed when {@code xz}) and adds it as an input. */
    TestArchive packages(PackageOrigin origin, boolean xz, Stanza... stanzas) throws IOException {
        String name = origin.codename() + "/" + origin.component() + "/binary-" + origin.architecture() + "/Packages"
                + (xz ? ".xz" : "");
        Path file = write(name, join(stanzas), xz);
        inputs.add(IndexInput.packages(origin, file, name, Files.size(file), sha256(file), limitOf(join(stanzas))));
        return this;
    }

    /** Writes a Translation-en file (xz-compressed when {@code xz}) and adds it as an input. */
    TestArchive translations(PackageOrigin origin, boolean xz, Stanza... stanzas) throws IOException {
        String name = origin.codename() + "/" + origin.component() + "/i18n/Translation-en" + (xz ? ".xz" : "");
        Path file = write(name, join(stanzas), xz);
        inputs.add(IndexInput.translation(origin, file, name, Files.size(file), sha256(file), limitOf(join(stanzas))));
        return this;
    }

    /**
     * Writes a Sources file compressed with {@code compression} ({@link Compression#NONE},
     * {@link Compression#XZ} or {@link Compression#GZIP}) and adds it as an input.
     */
    TestArchive sources(PackageOrigin origin, Compression compression, Stanza... stanzas) throws IOException {
        String name = origin.codename() + "/" + origin.component() + "/source/Sources" + compression.fileSuffix();
        Path file = write(name, join(stanzas), compression);
        inputs.add(IndexInput.sources(origin, file, name, Files.size(file), sha256(file), limitOf(join(stanzas))));
        return this;
    }

    List<IndexInput> inputs() {
        return List.copyOf(inputs);
    }

    private static SizeLimit limitOf(String text) {
        return SizeLimit.exactly(text.getBytes(StandardCharsets.UTF_8).length);
    }

    private static String join(Stanza... stanzas) {
        StringBuilder out = new StringBuilder();
        for (Stanza s : stanzas) {
            out.append(s.text()).append('\n');
        }
        return out.toString();
    }

    private Path write(String name, String text, boolean xz) throws IOException {
        return write(name, text, xz ? Compression.XZ : Compression.NONE);
    }

    private Path write(String name, String text, Compression compression) throws IOException {
        Path file = dir.resolve(name.replace('/', '_'));
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(file)) {
            switch (compression) {
                case XZ -> {
                    try (XZOutputStream x = new XZOutputStream(out, new LZMA2Options())) {
                        x.write(bytes);
                    }
                }
                case GZIP -> {
                    try (GZIPOutputStream g = new GZIPOutputStream(out)) {
                        g.write(bytes);
                    }
                }
                case NONE -> out.write(bytes);
                default -> throw new IllegalArgumentException("no fixture writer for " + compression);
            }
        }
        return file;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
