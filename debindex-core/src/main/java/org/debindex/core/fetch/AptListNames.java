package org.debindex.core.fetch;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The names apt gives the files of its lists directory ({@code /var/lib/apt/lists}): apt's
 * {@code URItoFileName} ({@code apt-pkg/contrib/strutl.cc}) applied to the file's URI.
 *
 * <p>The rule: drop the scheme and any {@code user:password@}; write the host without the
 * brackets of an IPv6 literal and with its port when the URI gives one, then the path with its
 * {@code %xx} escapes decoded (as apt reads a sources entry); quote with
 * {@code %xx} (two <em>lower-case</em> hex digits) every byte that is {@code %}, a space or control
 * character, non-ASCII, or one of {@code \|{}[]<>"^~_=!@#$&*}; finally turn every {@code /} into
 * {@code _}. So {@code http://user:pw@mirror.example:8080/~me/deb_repo/dists/trixie/InRelease}
 * becomes {@code mirror.example:8080_%7eme_deb%5frepo_dists_trixie_InRelease} and {@code
 * file:/srv/mirror/dists/trixie/InRelease} becomes {@code _srv_mirror_dists_trixie_InRelease}
 * (a {@code file:} URI has no host, so the name starts with the path's {@code /}). An index file's
 * name is that of its uncompressed URI; apt appends the suffix of the compression it stored it
 * in, if any ({@code .lz4} with {@code Acquire::GzipIndexes}).
 *
 * <p>This is apt's rule, not the one of debindex's own cache ({@link
 * org.debindex.core.cache.CacheLayout#listFileName}), which differs (upper-case hex, no leading
 * {@code _}) and must not change. Stateless and thread-safe.
 */
public final class AptListNames {

    /** The bytes apt's {@code URItoFileName} quotes besides {@code %}, controls, space and non-ASCII. */
    private static final String QUOTED = "\\|{}[]<>\"^~_=!@#$%^&*";

    private AptListNames() {
    }

    /**
     * The name apt gives a file of its lists directory.
     *
     * @param uri the file's URI as apt builds it from a sources entry: the entry's URI, then
     *            {@code dists/SUITE/} and the file's path, e.g. {@code
     *            http://mirror.example/debian/dists/trixie/main/binary-amd64/Packages}
     * @return the name, e.g. {@code mirror.example_debian_dists_trixie_main_binary-amd64_Packages}
     * @throws NullPointerException if {@code uri} is null
     * @throws IllegalArgumentException if {@code uri} is not absolute or is opaque
     */
    public static String fileName(URI uri) {
        Objects.requireNonNull(uri, "uri");
        if (!uri.isAbsolute() || uri.isOpaque()) {
            throw new IllegalArgumentException("uri must be absolute and hierarchical: " + UriText.display(uri));
        }
        StringBuilder plain = new StringBuilder();
        String authority = uri.getRawAuthority();
        if (authority != null) {
            // user information never reaches a name; apt drops the brackets of an IPv6 literal
            String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
            plain.append(hostPort.replace("[", "").replace("]", ""));
        }
        // apt reads a sources entry's URI with its %xx escapes decoded, then quotes the bytes again
        String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
        plain.append(path.startsWith("/") ? "" : "/").append(path);
        StringBuilder out = new StringBuilder(plain.length() + 16);
        for (byte b : plain.toString().getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c == '/') {
                out.append('_');
            } else if (c <= 0x20 || c >= 0x7f || QUOTED.indexOf(c) >= 0) {
                out.append('%').append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }
}
