package org.debindex.core.cache;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where debindex keeps its files (design: "Cache layout"): {@code lists/} the verified Release
 * and index files as fetched, {@code index/} the index snapshots, {@code state} the per-repository
 * history, {@code partial/} downloads in progress, never read as data.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param root the cache directory
 */
public record CacheLayout(Path root) {

    /**
     * Validates.
     *
     * @throws NullPointerException if {@code root} is null
     */
    public CacheLayout {
        Objects.requireNonNull(root, "root");
    }

    /**
     * The default cache directory: {@code $XDG_CACHE_HOME/debindex} when that variable holds an
     * absolute path (the XDG Base Directory rule: relative values are ignored), else
     * {@code HOME/.cache/debindex}.
     *
     * @param environment the process environment ({@link System#getenv()})
     * @param home        the user's home directory
     * @throws NullPointerException if an argument is null
     */
    public static CacheLayout defaultFor(Map<String, String> environment, Path home) {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(home, "home");
        String xdg = environment.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute()) {
            return new CacheLayout(Path.of(xdg, "debindex"));
        }
        return new CacheLayout(home.resolve(".cache").resolve("debindex"));
    }

    /** The verified raw files, one flat directory as apt's lists. */
    public Path lists() {
        return root.resolve("lists");
    }

    /** The index snapshots. */
    public Path index() {
        return root.resolve("index");
    }

    /** Downloads in progress; never read as data. */
    public Path partial() {
        return root.resolve("partial");
    }

    /** The per-repository history (last accepted Date, signers). */
    public Path stateFile() {
        return root.resolve("state");
    }

    /**
     * The flat file name under {@code lists/} for a file of a repository, in apt's style: the
     * URI without its scheme, each {@code /} turned into {@code _}, and every byte that could be
     * mistaken for that separator or is unsafe in a file name percent-encoded (so two different
     * URIs never share a name), e.g. {@code mirror.example_debian_dists_trixie_InRelease}.
     *
     * @param base     the repository's base URI, such as {@code http://mirror.example/debian/}
     * @param relative the file's path under it, such as {@code dists/trixie/InRelease}
     * @throws NullPointerException if an argument is null
     */
    public static String listFileName(URI base, String relative) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(relative, "relative");
        String text = base.toString();
        int scheme = text.indexOf("://");
        text = scheme >= 0 ? text.substring(scheme + 3) : text.substring(text.indexOf(':') + 1);
        if (!text.endsWith("/")) {
            text += "/";
        }
        text += relative;
        while (text.startsWith("/")) {
            text = text.substring(1);
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c == '/') {
                out.append('_');
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '-' || c == '+' || c == '~' || c == ':') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }
}
