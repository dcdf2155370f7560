package org.debindex.verify.deps.debian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.debindex.core.MalformedInputException;
import org.debindex.core.compress.DecompressionException;
import org.debindex.core.compress.SizeLimit;
import org.debindex.verify.deps.Ecosystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

class ContentsMappingTest {

    /** Lines in the shapes the real files have; each rule, its aliases and what it must skip. */
    private static final String CONTENTS_ALL = String.join("\n",
            "usr/bin/foo                                             utils/foo",
            "usr/share/maven-repo/org/apache/commons/commons-lang3/3.12.0/commons-lang3-3.12.0.pom java/libcommons-lang3-java",
            "usr/share/maven-repo/org/apache/commons/commons-lang3/3.12.0/commons-lang3-3.12.0.jar java/libcommons-lang3-java",
            "usr/share/maven-repo/org/apache/commons/commons-lang3/3.x/commons-lang3-3.x.pom java/libcommons-lang3-java",
            "usr/share/maven-repo/org/apache/commons/commons-lang3/debian/commons-lang3-debian.pom java/libcommons-lang3-java",
            "usr/share/maven-repo/org/example/a/1.0/other-1.0.pom  java/libodd-java",
            "usr/lib/python3/dist-packages/PyYAML-6.0.dist-info/METADATA python/python3-yaml",
            "usr/lib/python3/dist-packages/PyYAML-6.0.dist-info/RECORD python/python3-yaml",
            "usr/lib/python3/dist-packages/zope.interface-5.5.2-py3.11.egg-info python/python3-zope.interface",
            "usr/lib/python3.11/dist-packages/Sublist3r.egg-info/PKG-INFO python/sublist3r",
            "usr/lib/python3/dist-packages/yaml/__init__.py             python/python3-yaml",
            "usr/share/nodejs/express/package.json                   javascript/node-express",
            "usr/share/nodejs/@types/express/package.json            javascript/node-express",
            "usr/share/nodejs/express/node_modules/qs/package.json   javascript/node-express",
            "usr/share/gocode/src/github.com/stretchr/testify/go.mod golang/golang-github-stretchr-testify-dev",
            "usr/share/gocode/src/github.com/cenkalti/backoff/go.mod golang/golang-github-cenkalti-backoff-dev",
            "usr/share/gocode/src/github.com/klauspost/cpuid/v2/testdata/go.mod golang/golang-github-klauspost-cpuid-dev",
            "usr/share/rubygems-integration/all/specifications/rails-6.1.7.10.gemspec ruby/ruby-rails",
            "usr/share/rubygems-integration/all/specifications/rails-assets-colorbox.gemspec ruby/ruby-rails-assets-colorbox",
            "usr/share/doc/a file with spaces/package.json           doc/odd",
            "usr/share/nodejs/a b/package.json \t contrib/javascript/node-a-b,javascript/node-a-b-extra",
            "");
    private static final String CONTENTS_AMD64 = String.join("\n",
            "usr/share/cargo/registry/ahash-0.7.6/Cargo.toml         rust/librust-ahash-0.7-dev,rust/librust-ahash-dev",
            "usr/share/cargo/registry/ahash-0.7.6/src/lib.rs         rust/librust-ahash-0.7-dev,rust/librust-ahash-dev",
            "usr/share/cargo/registry/codepage-437-0.1.0/Cargo.toml  rust/librust-codepage-437-dev",
            "usr/share/cargo/registry/sval_derive-1.0.0-alpha.5/Cargo.toml rust/librust-sval-derive-dev",
            "usr/lib/x86_64-linux-gnu/nodejs/@esbuild/linux-x64/package.json javascript/node-esbuild",
            "usr/lib/x86_64-linux-gnu/rubygems-integration/3.1.0/specifications/nokogiri-1.13.10.gemspec ruby/ruby-nokogiri",
            "usr/lib/ruby/gems/3.1.0/specifications/default/json-2.6.1.gemspec ruby/libruby3.1");

    @TempDir
    Path dir;

    @Test
    void mapsEachEcosystemByItsPathRule() throws Exception {
        ContentsMapping mapping = ContentsMapping.builder()
                .add(gzip("Contents-all.gz", CONTENTS_ALL), SizeLimit.exactly(bytes(CONTENTS_ALL).length))
                .add(xz("Contents-amd64.xz", CONTENTS_AMD64), SizeLimit.defaultLimit())
                .build();

        assertEquals(List.of(version("libcommons-lang3-java", "3.12.0"), alias("libcommons-lang3-java", "3.x"),
                        alias("libcommons-lang3-java", "debian")),
                mapping.candidates(Ecosystem.MAVEN, "org.apache.commons:commons-lang3"));
        assertEquals(Set.of("org.apache.commons:commons-lang3"), mapping.names(Ecosystem.MAVEN),
                "a POM not named after its directory is not a maven-repo-helper entry");

        assertEquals(List.of(version("python3-yaml", "6.0")), mapping.candidates(Ecosystem.PYPI, "pyyaml"));
        assertEquals(List.of(version("python3-yaml", "6.0")), mapping.candidates(Ecosystem.PYPI, "PyYAML"));
        assertEquals(List.of(version("python3-zope.interface", "5.5.2")),
                mapping.candidates(Ecosystem.PYPI, "zope_interface"));
        assertEquals(List.of(none("sublist3r")), mapping.candidates(Ecosystem.PYPI, "Sublist3r"));

        assertEquals(List.of(none("node-express")), mapping.candidates(Ecosystem.NPM, "express"));
        assertEquals(List.of(none("node-express")), mapping.candidates(Ecosystem.NPM, "@types/express"));
        assertEquals(List.of(none("node-esbuild")), mapping.candidates(Ecosystem.NPM, "@esbuild/linux-x64"));
        assertEquals(List.of(none("node-a-b"), none("node-a-b-extra")), mapping.candidates(Ecosystem.NPM, "a b"),
                "split on the last whitespace run; sections (also area/section) dropped");
        assertEquals(Set.of("express", "@types/express", "@esbuild/linux-x64", "a b"), mapping.names(Ecosystem.NPM),
                "nested node_modules are not top-level modules");

        assertEquals(List.of(version("librust-ahash-0.7-dev", "0.7.6"), version("librust-ahash-dev", "0.7.6")),
                mapping.candidates(Ecosystem.CARGO, "ahash"));
        assertEquals(List.of(version("librust-codepage-437-dev", "0.1.0")),
                mapping.candidates(Ecosystem.CARGO, "codepage-437"));
        assertEquals(List.of(version("librust-sval-derive-dev", "1.0.0-alpha.5")),
                mapping.candidates(Ecosystem.CARGO, "sval-derive"));

        assertEquals(List.of(none("golang-github-stretchr-testify-dev")),
                mapping.candidates(Ecosystem.GO, "github.com/stretchr/testify"));
        assertEquals(List.of(none("golang-github-cenkalti-backoff-dev")),
                mapping.candidates(Ecosystem.GO, "github.com/cenkalti/backoff/v4"), "/vN is tried without it");
        assertEquals(Set.of("github.com/stretchr/testify", "github.com/cenkalti/backoff"), mapping.names(Ecosystem.GO),
                "go.mod files below testdata are not modules");

        assertEquals(List.of(version("ruby-rails", "6.1.7.10")), mapping.candidates(Ecosystem.RUBYGEMS, "rails"));
        assertEquals(List.of(none("ruby-rails-assets-colorbox")),
                mapping.candidates(Ecosystem.RUBYGEMS, "rails-assets-colorbox"));
        assertEquals(List.of(version("ruby-nokogiri", "1.13.10")), mapping.candidates(Ecosystem.RUBYGEMS, "nokogiri"));
        assertEquals(List.of(version("libruby3.1", "2.6.1")), mapping.candidates(Ecosystem.RUBYGEMS, "json"));

        assertEquals(List.of(), mapping.candidates(Ecosystem.PYPI, "no-such-dist"));
    }

    @Test
    void aMatchingLineWithoutPackageFieldIsAnError() throws Exception {
        String text = "usr/bin/a a/a\nusr/share/nodejs/express/package.json\n";
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> ContentsMapping.builder()
                .add(new ByteArrayInputStream(bytes(text)), "Contents-all", SizeLimit.defaultLimit()));
        assertEquals(2, e.line());
        assertEquals(14, e.offset());
        assertTrue(e.getMessage().startsWith("Contents-all:2: no package field"), e.getMessage());
    }

    @Test
    void theSizeLimitBoundsTheDecompressedData() throws Exception {
        Path file = gzip("Contents-all.gz", CONTENTS_ALL);
        DecompressionException e = assertThrows(DecompressionException.class,
                () -> ContentsMapping.builder().add(file, SizeLimit.atMost(100)));
        assertEquals(DecompressionException.Reason.LIMIT_EXCEEDED, e.reason());
    }

    @Test
    void aLineLongerThanTheLimitIsAnError() {
        String text = "usr/share/nodejs/" + "x".repeat(ContentsMapping.MAX_LINE_LENGTH) + " javascript/x\n";
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> ContentsMapping.builder()
                .add(new ByteArrayInputStream(bytes(text)), "Contents-all", SizeLimit.defaultLimit()));
        assertEquals(1, e.line());
    }

    @Test
    void aLastLineWithoutNewlineCounts() throws Exception {
        ContentsMapping mapping = ContentsMapping.builder().add(new ByteArrayInputStream(
                bytes("usr/share/nodejs/express/package.json javascript/node-express")), "c", SizeLimit.defaultLimit())
                .build();
        assertEquals(List.of(none("node-express")), mapping.candidates(Ecosystem.NPM, "express"));
    }

    @Test
    void buildsOnce() {
        ContentsMapping.Builder builder = ContentsMapping.builder();
        builder.build();
        assertThrows(IllegalStateException.class, builder::build);
    }

    private static Candidate version(String pkg, String version) {
        return new Candidate(pkg, Optional.of(version), Optional.empty());
    }

    private static Candidate alias(String pkg, String alias) {
        return new Candidate(pkg, Optional.empty(), Optional.of(alias));
    }

    private static Candidate none(String pkg) {
        return new Candidate(pkg, Optional.empty(), Optional.empty());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private Path gzip(String name, String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes(text));
        }
        return Files.write(dir.resolve(name), out.toByteArray());
    }

    private Path xz(String name, String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream xz = new XZOutputStream(out, new LZMA2Options())) {
            xz.write(bytes(text));
        }
        return Files.write(dir.resolve(name), out.toByteArray());
    }
}
