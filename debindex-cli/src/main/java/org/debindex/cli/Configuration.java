package org.debindex.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.debindex.core.MalformedInputException;
import org.debindex.core.cache.CacheLayout;
import org.debindex.core.source.HostSources;
import org.debindex.core.source.SourceList;
import org.debindex.core.source.SourceWarning;
import org.debindex.core.source.SourcesParser;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Where the commands that read repositories take their data from, per the global options: the
 * sources ({@code --repo}, {@code --sources}, else the host's apt configuration), the cache
 * ({@code --cache-dir}, else the default) and the host's architecture.
 *
 * <p>Static only; stateless and thread-safe.
 */
final class Configuration {

    private Configuration() {
    }

    /**
     * {@code --sources} files and {@code --repo} lines when given, else the host's apt
     * configuration.
     *
     * @throws ParameterException if {@code hostArchitecture} is not an architecture name
     * @throws IOException if a sources file cannot be read
     * @throws MalformedInputException if a sources file is malformed
     */
    static SourceList sources(Main main, String hostArchitecture, CommandLine commandLine)
            throws IOException, MalformedInputException {
        SourcesParser parser;
        try {
            parser = new SourcesParser(hostArchitecture);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(commandLine, "invalid value for option '--arch': " + e.getMessage());
        }
        List<String> repos = main.repos();
        List<Path> files = main.sources();
        if (repos.isEmpty() && files.isEmpty()) {
            return HostSources.load(HostSources.DEFAULT_ROOT, hostArchitecture);
        }
        List<SourceList> lists = new ArrayList<>();
        for (Path file : files) {
            lists.add(parser.parseFile(file));
        }
        for (String repo : repos) {
            lists.add(parser.parseRepo(repo));
        }
        return SourceList.concat(lists);
    }

    /** The keyrings trusted for sources without Signed-By: the host's. */
    static List<Path> trustedKeyrings() {
        return HostSources.trustedKeyrings(HostSources.DEFAULT_ROOT);
    }

    /** The warnings of reading the sources, one line each: {@code debindex: warning: FILE:LINE: message}. */
    static void printWarnings(SourceList sources, PrintWriter err) {
        for (SourceWarning warning : sources.warnings()) {
            err.println("debindex: warning: " + warning.source() + ":" + warning.line() + ": " + warning.message());
        }
        err.flush();
    }

    /** {@code --cache-dir}, else {@code $XDG_CACHE_HOME/debindex}, else {@code ~/.cache/debindex}. */
    static CacheLayout layout(Main main) {
        return main.cacheDir().map(CacheLayout::new)
                .orElseGet(() -> CacheLayout.defaultFor(System.getenv(), Path.of(System.getProperty("user.home"))));
    }

    /**
     * The host's Debian architecture: what {@code dpkg --print-architecture} prints where dpkg
     * exists, else the JVM's {@code os.arch} mapped to Debian's names.
     */
    static String hostArchitecture() {
        return dpkgArchitecture().orElseGet(() -> debianArchitecture(System.getProperty("os.arch", "")));
    }

    private static Optional<String> dpkgArchitecture() {
        for (String dpkg : List.of("/usr/bin/dpkg", "/bin/dpkg")) {
            if (!Files.isExecutable(Path.of(dpkg))) {
                continue;
            }
            try {
                Process process = new ProcessBuilder(dpkg, "--print-architecture")
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                process.getOutputStream().close();
                String text;
                try (InputStream stdout = process.getInputStream()) {
                    text = new String(stdout.readNBytes(256), StandardCharsets.UTF_8).strip();
                }
                if (process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0 && !text.isEmpty()) {
                    return Optional.of(text);
                }
                process.destroy();
            } catch (IOException e) {
                // fall back to os.arch
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The Debian name of a JVM {@code os.arch}; unknown names are passed on lower-cased. */
    static String debianArchitecture(String osArch) {
        return switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "x86", "i386", "i486", "i586", "i686" -> "i386";
            case "arm" -> "armhf";
            case "ppc64le" -> "ppc64el";
            case "s390x" -> "s390x";
            case "riscv64" -> "riscv64";
            case "mips64el" -> "mips64el";
            case "loongarch64" -> "loong64";
            default -> osArch.toLowerCase(Locale.ROOT);
        };
    }
}
