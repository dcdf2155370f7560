package org.debindex.core.index;

import static org.debindex.core.index.TestArchive.pkg;
import static org.debindex.core.index.TestArchive.source;
import static org.debindex.core.index.TestArchive.translation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.debindex.core.compress.Compression;

/**
 * The small archive the index tests share: trixie (amd64 and i386, xz) and bookworm (amd64,
 * plain) Packages, and trixie's Translation-en. It has several versions of one package across
 * the suites and within one version across architectures, plain and versioned Provides, a
 * virtual package with reverse dependencies, arch:all packages listed for two architectures, a
 * Translation entry for a package that does not exist, a long description carried in the stanza
 * itself, and non-ASCII text.
 *
 * <p>Its Sources files come after: bookworm main (gzip), trixie main (xz) and trixie contrib
 * (plain), with source packages in several versions across and within files (an epoch, a
 * {@code ~} pre-release), the same name and version in two files, a source without binaries in
 * the Packages files, a stanza named by {@code Source} rather than {@code Package}, and non-ASCII
 * text.
 */
final class Fixture {

    static final PackageOrigin TRIXIE = new PackageOrigin("stable", "trixie", "main", "amd64");
    static final PackageOrigin TRIXIE_I386 = new PackageOrigin("stable", "trixie", "main", "i386");
    static final PackageOrigin BOOKWORM = new PackageOrigin("oldstable", "bookworm", "main", "amd64");
    static final PackageOrigin TRIXIE_I18N = new PackageOrigin("stable", "trixie", "main", "");
    static final PackageOrigin TRIXIE_SRC = new PackageOrigin("stable", "trixie", "main", "");
    static final PackageOrigin TRIXIE_CONTRIB_SRC = new PackageOrigin("stable", "trixie", "contrib", "");
    static final PackageOrigin BOOKWORM_SRC = new PackageOrigin("oldstable", "bookworm", "main", "");

    /** The Sources stanza named by {@code Source}, as an old archive tool wrote it. */
    static final String OLDSTYLE = "Source: oldstyle\nVersion: 0.3-2\nBinary: oldstyle\nArchitecture: all\n"
            + "Files:\n d41d8cd98f00b204e9800998ecf8427e 0 oldstyle_0.3-2.dsc";

    static final String ALPHA_LONG = "Alpha does things with ÜNÏCÖDÉ text.\n\nIt is the first letter.";
    static final String ALPHA_OLD_LONG = "The old alpha.";
    static final String NGINX_LONG = "Nginx (\"engine X\") is a high-performance web and reverse proxy server.";
    static final String DOC_LONG = "Documentation for setting up NGINX and other servers.";
    static final String FOO_LONG = "The foo library.";
    static final String OLDONLY_LONG = "A package whose stanza carries its own long description.\n\nSecond paragraph.";

    /** Every package, virtual and relation name of the fixture, for exhaustive comparisons. */
    static final List<String> NAMES = List.of("alpha", "libfoo1", "libfoo-dev", "foo", "postfix", "exim4",
            "mailer-user", "gamma-data", "nginx", "nginx-common", "libnginx-mod-http-foo", "python3-yaml",
            "webserver-doc", "oldonly", "mail-transport-agent", "default-mta", "libc6", "ghost", "python3",
            "nonexistent", "srconly", "oldstyle", "gamma");

    private Fixture() {
    }

    /** Writes the fixture into {@code dir}. */
    static List<IndexInput> write(Path dir) throws IOException {
        TestArchive a = new TestArchive(dir);
        a.packages(TRIXIE, true,
                pkg("alpha", "2.0-1", "amd64")
                        .field("Depends", "libfoo1 (>= 1.2), mail-transport-agent | postfix, libc6:any")
                        .description("alpha tool", ALPHA_LONG),
                pkg("libfoo1", "1.5-1", "amd64").field("Source", "foo")
                        .field("Depends", "libc6 (>= 2.36)").description("foo library", FOO_LONG),
                pkg("libfoo-dev", "1.5-1", "amd64").field("Source", "foo")
                        .field("Depends", "libfoo1 (= 1.5-1)").description("foo library, development files", FOO_LONG),
                pkg("postfix", "3.10-1", "amd64")
                        .field("Provides", "mail-transport-agent, default-mta (= 3.10-1)")
                        .field("Conflicts", "mail-transport-agent")
                        .field("Replaces", "mail-transport-agent")
                        .description("high-performance mail transport agent", ""),
                pkg("exim4", "4.98-1", "amd64").field("Provides", "mail-transport-agent")
                        .description("Exim mail transport agent", ""),
                pkg("mailer-user", "1.0", "all").field("Recommends", "mail-transport-agent")
                        .field("Suggests", "alpha").description("sends mail", ""),
                pkg("gamma-data", "1.0-1", "all").field("Breaks", "alpha (<< 2.0)").field("Enhances", "alpha")
                        .description("data for gamma", ""),
                pkg("nginx", "1.26-1", "amd64").field("Pre-Depends", "libc6 (>= 2.38)")
                        .description("small, powerful, scalable web/proxy server", NGINX_LONG),
                pkg("nginx-common", "1.26-1", "all").description("NGINX web/proxy server (common files)", ""),
                pkg("libnginx-mod-http-foo", "1.26-1", "amd64").description("foo module for Nginx", ""),
                pkg("python3-yaml", "6.0-1", "amd64").description("YAML parser and emitter for Python3", ""),
                pkg("webserver-doc", "1.0", "all").description("web server documentation", DOC_LONG));
        a.packages(BOOKWORM, false,
                pkg("alpha", "1.0-1", "amd64").field("Depends", "libfoo1")
                        .description("alpha tool (old)", ALPHA_OLD_LONG),
                pkg("libfoo1", "1.5-1", "amd64").field("Source", "foo").description("foo library", FOO_LONG),
                pkg("postfix", "3.7-1", "amd64").field("Provides", "mail-transport-agent")
                        .description("high-performance mail transport agent", ""),
                pkg("nginx", "1.22-1", "amd64").description("small, powerful, scalable web/proxy server", NGINX_LONG),
                pkg("oldonly", "0.1-1", "amd64").field("Description",
                        TestArchive.fullDescription("only in bookworm", OLDONLY_LONG)));
        a.packages(TRIXIE_I386, true,
                pkg("alpha", "2.0-1", "i386")
                        .field("Depends", "libfoo1 (>= 1.2), mail-transport-agent | postfix, libc6:any")
                        .description("alpha tool", ALPHA_LONG),
                pkg("mailer-user", "1.0", "all").field("Recommends", "mail-transport-agent")
                        .field("Suggests", "alpha").description("sends mail", ""));
        a.translations(TRIXIE_I18N, true,
                translation("alpha", "alpha tool", ALPHA_LONG),
                translation("alpha", "alpha tool (old)", ALPHA_OLD_LONG),
                translation("libfoo1", "foo library", FOO_LONG),
                translation("libfoo-dev", "foo library, development files", FOO_LONG),
                translation("nginx", "small, powerful, scalable web/proxy server", NGINX_LONG),
                translation("webserver-doc", "web server documentation", DOC_LONG),
                translation("ghost", "a package only in Translation", "Nobody ships it."));
        a.sources(BOOKWORM_SRC, Compression.GZIP,
                source("alpha", "1.0-1", "alpha"),
                source("foo", "1.5-1", "libfoo1, libfoo-dev"),
                source("nginx", "1.22-1", "nginx"),
                source("srconly", "0.9-1", "srconly-bin"));
        a.sources(TRIXIE_SRC, Compression.XZ,
                source("alpha", "2.0-1", "alpha"),
                source("foo", "1.5-1", "libfoo1, libfoo-dev"),
                source("nginx", "1.26-1", "nginx, nginx-common, libnginx-mod-http-foo"),
                source("postfix", "3.10-1", "postfix"),
                source("foo", "1.6~rc1-1", "libfoo1, libfoo-dev"),
                source("srconly", "1:0.5-1", "srconly-bin").field("Uploaders", "Jörg Ünïcödé <jorg@example.org>"),
                new TestArchive.Stanza().raw(OLDSTYLE));
        a.sources(TRIXIE_CONTRIB_SRC, Compression.NONE,
                source("gamma", "0.1-1", "gamma-data"),
                source("alpha", "2.0-1", "alpha"));
        return a.inputs();
    }
}
